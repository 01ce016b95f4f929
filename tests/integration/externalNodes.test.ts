import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../helpers/fakeOpenAiServer';
import { startHost, tempDataDir, type HostProcess } from '../helpers/hostProcess';
import { TestClient } from '../helpers/wsClient';

/** External OpenAI-compatible servers through the real headless host and its WebSocket API. */

const KEY = 'sk-integration-secret-0815';
let host: HostProcess | null = null;
let client: TestClient | null = null;
let server: FakeOpenAiServer | null = null;

afterEach(async () => {
  client?.close();
  await host?.stop('SIGKILL');
  await server?.close();
  host = client = server = null;
});

async function connect(dataDir: string, keyFile: string): Promise<TestClient> {
  host = await startHost(dataDir, ['--secret-key-file', keyFile]);
  client = await TestClient.connect(host.origin, host.token);
  return client;
}

/** Every byte the host stored in its data folder, as text. */
function storedText(dataDir: string): string {
  return readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name)).toString('latin1'))
    .join('\n');
}

describe('external servers on the host', () => {
  it('adds a server, lists it without the key, and keeps the key across a restart, encrypted', async () => {
    server = await startFakeOpenAiServer({ apiKey: KEY });
    const dataDir = tempDataDir();
    const keyFile = join(tempDataDir('maily-key-'), 'secret.key');
    let c = await connect(dataDir, keyFile);
    const added = await c.call('mesh:externalAdd', {
      name: 'GPU box',
      baseUrl: server.url,
      model: 'fake-model',
      apiKey: KEY,
    });
    expect(added).toMatchObject({ name: 'GPU box', hasApiKey: true });
    const listed = await c.call('mesh:externalList', {});
    expect(listed).toHaveLength(1);
    await expect.poll(async () => (await c.call('mesh:externalList', {}))[0].state, { timeout: 20_000 }).toBe('ready');
    expect(c.events.some((e) => e.ev === 'mesh:externalChanged')).toBe(true);
    expect(JSON.stringify(c.events)).not.toContain(KEY);
    expect(JSON.stringify(listed)).not.toContain(KEY);

    c.close();
    await host!.stop();
    expect(storedText(dataDir)).not.toContain(KEY);
    const before = server.requests.length;
    c = await connect(dataDir, keyFile);
    await expect.poll(async () => (await c.call('mesh:externalList', {}))[0]?.state, { timeout: 20_000 }).toBe('ready');
    // The fake refuses a request without the key: being ready again means the key was read back.
    expect(server.requests.slice(before).every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(storedText(dataDir)).not.toContain(KEY);
  });

  it('refuses a bad address clearly, says what to do when the server is down, and keeps serving', async () => {
    const c = await connect(tempDataDir(), join(tempDataDir('maily-key-'), 'secret.key'));
    const bad = await c.request('mesh:externalAdd', { name: 'Box', baseUrl: 'not a url', model: 'm' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('E_INVALID_INPUT');
      expect(bad.error.message).toContain('Enter the server address');
    }
    const ftp = await c.request('mesh:externalAdd', { name: 'Box', baseUrl: 'ftp://box/v1', model: 'm' });
    expect(!ftp.ok && ftp.error.message).toContain('Use an http:// or https:// address');

    server = await startFakeOpenAiServer();
    const url = server.url;
    await server.close();
    server = null;
    const down = await c.call('mesh:externalAdd', { name: 'Down', baseUrl: url, model: 'fake-model' });
    await expect
      .poll(async () => (await c.call('mesh:externalList', {})).find((n) => n.id === down.id)?.state, {
        timeout: 20_000,
      })
      .toBe('error');
    const [view] = await c.call('mesh:externalList', {});
    expect(view.error).toMatch(/could not reach .*Check that the server is running/);
    const missing = await c.request('mesh:externalRemove', { id: 'no-such-server' });
    expect(!missing.ok && missing.error.code).toBe('E_NOT_FOUND');
    expect(await c.call('mesh:externalRemove', { id: down.id })).toEqual({ id: down.id });
    expect(await c.call('mesh:externalList', {})).toEqual([]);
  });
});
