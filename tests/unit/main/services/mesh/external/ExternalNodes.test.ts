import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExternalNodes } from '../../../../../../src/main/services/mesh/external/ExternalNodes';
import { FileSecretStore } from '../../../../../../src/main/services/mail/FileSecretStore';
import { SettingsStore } from '../../../../../../src/main/services/settings/SettingsStore';
import { MailyError } from '../../../../../../src/shared/errors';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../../../../helpers/fakeOpenAiServer';
import { tempWorkspace, type TempWorkspace } from '../../helpers';

const KEY = 'sk-test-very-secret-4711';
const keyring = { key: async () => new Uint8Array(32).fill(7) };

let ws: TempWorkspace;
let server: FakeOpenAiServer;
const opened: ExternalNodes[] = [];

function open(): ExternalNodes {
  const db = ws.open();
  const nodes = new ExternalNodes({
    settings: new SettingsStore(db),
    secrets: new FileSecretStore(join(ws.dir, 'secrets.json'), keyring),
    timeoutMs: 5_000,
    log: { error: () => undefined },
  });
  opened.push(nodes);
  return nodes;
}

const input = (extra: object = {}) => ({ name: 'GPU box', baseUrl: server.url, model: 'fake-model', ...extra });

async function rejection(promise: Promise<unknown>): Promise<MailyError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MailyError);
  return error as MailyError;
}

beforeEach(async () => {
  ws = tempWorkspace();
  server = await startFakeOpenAiServer({ apiKey: KEY });
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((n) => n.dispose()));
  await server.close();
  ws.cleanup();
});

describe('ExternalNodes', () => {
  it('adds a server as a node that is ready and sends the key, but never lists the key', async () => {
    const nodes = open();
    const changes: string[] = [];
    nodes.onChanged(({ id }) => changes.push(id));
    const view = await nodes.add(input({ apiKey: KEY, concurrency: 2 }));
    expect(view).toMatchObject({ name: 'GPU box', hasApiKey: true, contextSize: 4096, concurrency: 2, share: true });
    expect(JSON.stringify(view)).not.toContain(KEY);
    const [node] = nodes.nodes();
    expect(node.id).toBe(`ext-${view.id}`);
    await expect.poll(() => node.status().state).toBe('ready');
    expect(nodes.get(view.id).state).toBe('ready');
    const result = await node.generate({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 8 }, () => {});
    expect(result.text).toBe('Hello, world');
    expect(server.requests.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(changes).toContain(view.id);
    expect(JSON.stringify(nodes.list())).not.toContain(KEY);
  });

  it('keeps the key encrypted across a restart: not in the database nor the secrets file in plain text', async () => {
    const first = open();
    const view = await first.add(input({ apiKey: KEY }));
    await first.dispose();
    const second = open();
    await second.ready();
    expect(second.list()).toEqual([expect.objectContaining({ id: view.id, hasApiKey: true })]);
    const [node] = second.nodes();
    await expect.poll(() => node.status().state).toBe('ready'); // the fake refuses requests without the key
    const stored = [join(ws.dir, 'secrets.json'), ws.file, `${ws.file}-wal`]
      .map((f) => {
        try {
          return readFileSync(f).toString('latin1');
        } catch {
          return '';
        }
      })
      .join('');
    expect(stored).not.toContain(KEY);
  });

  it('says what to do when the server is down, and refuses bad input with a clear reason', async () => {
    const nodes = open();
    await server.close();
    const view = await nodes.add(input({ apiKey: KEY }));
    await expect.poll(() => nodes.get(view.id).state).toBe('error');
    expect(nodes.get(view.id).error).toMatch(/could not reach .*Check that the server is running/);
    const bad = await rejection(nodes.add(input({ baseUrl: 'ftp://gpu-box/v1' })));
    expect(bad.code).toBe('E_INVALID_INPUT');
    expect(bad.message).toContain('http://');
    expect((await rejection(nodes.add(input({ name: '' })))).message).toContain('name');
    const withPassword = await rejection(nodes.add(input({ baseUrl: 'http://me:hunter2@127.0.0.1:1/v1' })));
    expect(withPassword.message).toContain('API key field');
    expect((await rejection(nodes.remove('nope'))).code).toBe('E_NOT_FOUND');
    expect(nodes.list()).toHaveLength(1);
  });

  it('updates a server, keeping the key for the same origin and forgetting it for another', async () => {
    const nodes = open();
    const view = await nodes.add(input({ apiKey: KEY }));
    const renamed = await nodes.update(view.id, input({ name: 'Renamed' }));
    expect(renamed).toMatchObject({ name: 'Renamed', hasApiKey: true });
    await expect.poll(() => nodes.nodes()[0].status().state).toBe('ready');
    const moved = await nodes.update(view.id, input({ baseUrl: 'http://127.0.0.2:1/v1' }));
    expect(moved.hasApiKey).toBe(false);
    const cleared = await nodes.update(view.id, input({ apiKey: KEY }));
    expect(cleared.hasApiKey).toBe(true);
    expect((await nodes.update(view.id, input({ apiKey: '' }))).hasApiKey).toBe(false);
    await nodes.remove(view.id);
    expect(nodes.list()).toEqual([]);
    expect(nodes.nodes()).toEqual([]);
  });

  it('reads a damaged stored list as empty instead of failing', async () => {
    const db = ws.open();
    new SettingsStore(db).write('mesh.external', [{ id: 'x', name: 5 }]);
    const nodes = open();
    await nodes.ready();
    expect(nodes.list()).toEqual([]);
  });
});
