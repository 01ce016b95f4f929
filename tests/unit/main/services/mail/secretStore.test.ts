import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSecretStore, type Keyring } from '../../../../../src/main/services/mail/FileSecretStore';
import { MemorySecretStore } from '../../../../../src/main/services/mail/SecretStore';
import { TestSendService } from '../../../../../src/main/services/mail/TestSendService';

const keyring = (key = randomBytes(32)): Keyring => ({ key: async () => key });

describe('FileSecretStore', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'maily-secrets-'));
    file = join(dir, 'nested', 'secrets.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips secrets without writing them in clear text', async () => {
    const store = new FileSecretStore(file, keyring());
    expect(await store.get('smtp.password')).toBeNull();
    await store.set('smtp.password', 'hunter2-secret');
    await store.set('other', 'x');
    expect(await store.get('smtp.password')).toBe('hunter2-secret');
    const raw = readFileSync(file, 'utf8');
    expect(raw).not.toContain('hunter2');
    expect(statSync(file).mode & 0o077).toBe(0); // readable by its owner only
    await store.delete('other');
    expect(await store.get('other')).toBeNull();
  });

  it('keeps concurrent writes', async () => {
    const store = new FileSecretStore(file, keyring());
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.set(`k${i}`, `v${i}`)));
    for (let i = 0; i < 10; i++) expect(await store.get(`k${i}`)).toBe(`v${i}`);
  });

  it('fails with E_CORRUPT for a wrong key, a tampered or swapped entry, or a damaged file', async () => {
    await new FileSecretStore(file, keyring(Buffer.alloc(32, 1))).set('a', 'secret-a');
    await new FileSecretStore(file, keyring(Buffer.alloc(32, 1))).set('b', 'secret-b');
    await expect(new FileSecretStore(file, keyring(Buffer.alloc(32, 2))).get('a')).rejects.toMatchObject({
      code: 'E_CORRUPT',
    });
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.entries.a = json.entries.b; // swap ciphertexts: the name is authenticated
    writeFileSync(file, JSON.stringify(json));
    await expect(new FileSecretStore(file, keyring(Buffer.alloc(32, 1))).get('a')).rejects.toMatchObject({
      code: 'E_CORRUPT',
    });
    writeFileSync(file, '{not json');
    await expect(new FileSecretStore(file, keyring()).get('a')).rejects.toMatchObject({ code: 'E_CORRUPT' });
  });

  it('refuses a key of the wrong length', async () => {
    await expect(new FileSecretStore(file, keyring(Buffer.alloc(16))).set('a', 'b')).rejects.toMatchObject({
      code: 'E_INTERNAL',
    });
  });
});

describe('TestSendService settings', () => {
  const settings = { host: 'smtp.example.com', port: 587, secure: false, user: 'ana@example.com' };

  it('stores the password in the secret store, bound to its server, and never returns it', async () => {
    const secrets = new MemorySecretStore();
    const service = new TestSendService({ secrets });
    expect(await service.loadSettings()).toBeNull();
    const saved = await service.saveSettings({ ...settings, password: 'pw' });
    expect(saved).toEqual({ ...settings, from: null, hasPassword: true });
    expect(JSON.stringify(await service.loadSettings())).not.toContain('pw');
    // Another host: the stored password does not follow.
    expect(await service.saveSettings({ ...settings, host: 'smtp.other.example' })).toMatchObject({
      hasPassword: false,
    });
    expect(await service.saveSettings(settings)).toMatchObject({ hasPassword: true });
    await service.forgetPassword();
    expect(await service.loadSettings()).toMatchObject({ hasPassword: false });
  });

  it('refuses invalid settings with a message saying what to fix', async () => {
    const service = new TestSendService({ secrets: new MemorySecretStore() });
    await expect(service.saveSettings({ ...settings, host: 'https://smtp.example.com' })).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
      message: expect.stringContaining('without http://'),
    });
    await expect(service.saveSettings({ ...settings, port: 70000 })).rejects.toMatchObject({ code: 'E_INVALID_INPUT' });
    await expect(service.saveSettings({ ...settings, from: 'not an address' })).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
    });
  });

  it('asks for settings, a password and a sender before connecting anywhere', async () => {
    const service = new TestSendService({ secrets: new MemorySecretStore() });
    const message = { to: 'ana@example.com', subject: 's', html: '<p>x</p>', text: 'x' };
    await expect(service.send(message)).rejects.toMatchObject({
      message: expect.stringContaining('Set up the SMTP server'),
    });
    await expect(service.send(message, settings)).rejects.toMatchObject({
      code: 'E_UNAUTHORIZED',
      message: expect.stringContaining('Enter the SMTP password'),
    });
    await expect(service.send(message, { ...settings, user: '' })).rejects.toMatchObject({
      message: expect.stringContaining('no sender address'),
    });
    await expect(service.send({ ...message, to: 'nobody' }, settings)).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
    });
  });
});
