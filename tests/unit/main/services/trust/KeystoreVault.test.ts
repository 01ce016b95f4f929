import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Wallet } from 'ethers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeystoreVault } from '../../../../../src/main/services/trust/KeystoreVault';
import { ErrorCode, MailyError } from '../../../../../src/shared/errors';
import { tempWorkspace, type TempWorkspace } from '../helpers';
import { aliceKey } from './trustFixtures';

let ws: TempWorkspace;
let file: string;
beforeEach(() => {
  ws = tempWorkspace();
  file = join(ws.dir, 'keys', 'signing-key.json');
});
afterEach(() => ws.cleanup());

const codeOf = (work: Promise<unknown>) =>
  work.then(
    () => 'no error',
    (error: unknown) => (error instanceof MailyError ? error.code : 'not a MailyError'),
  );

describe('KeystoreVault', () => {
  it('stores an encrypted keystore readable by this user only, and opens it with the passphrase', async () => {
    const vault = new KeystoreVault(file, { scryptN: 1024 });
    expect(vault.storedAddress()).toBeNull();
    expect(await codeOf(vault.open('x'))).toBe(ErrorCode.NotFound);
    await vault.store(aliceKey, 'a long passphrase');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(vault.storedAddress()).toBe(new Wallet(aliceKey).address);
    expect(await vault.open('a long passphrase')).toBe(aliceKey);
    expect(await codeOf(vault.open('wrong'))).toBe(ErrorCode.Unauthorized);
    expect(await codeOf(vault.open())).toBe(ErrorCode.Unauthorized);
    expect(await codeOf(vault.store(aliceKey))).toBe(ErrorCode.InvalidInput);
  });

  it('uses the real scrypt cost by default', async () => {
    const vault = new KeystoreVault(file);
    await vault.store(aliceKey, 'a long passphrase');
    // ethers writes `Crypto`; the v3 format also allows `crypto`.
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { kdfparams: { n: number } }>;
    const crypto = json.Crypto ?? json.crypto;
    expect(crypto.kdfparams.n).toBe(131072);
  }, 60_000);

  it('names a damaged keystore file', async () => {
    const vault = new KeystoreVault(file, { scryptN: 1024 });
    await vault.store(aliceKey, 'a long passphrase');
    writeFileSync(file, '{"address": "nonsense", "crypto": 1');
    expect(vault.storedAddress()).toBeNull();
    const error = await vault.open('a long passphrase').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.Corrupt, message: expect.stringMatching(/damaged/) });
  });
});
