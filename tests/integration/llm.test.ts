import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LlmStatus } from '../../src/shared/ai/llm';
import { startHost, tempDataDir, type HostProcess } from '../helpers/hostProcess';
import { writeTinyModel, writeTruncatedModel } from '../helpers/tinyModel';
import { TestClient } from '../helpers/wsClient';

const hosts: HostProcess[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(hosts.splice(0).map((h) => h.stop('SIGKILL')));
});

describe('maily serve: the local LLM node', () => {
  it('loads a model in the built worker, streams llm:changed, survives a broken file', async () => {
    const dataDir = tempDataDir();
    writeTinyModel(join(dataDir, 'models', 'tiny.gguf'), { seed: 3 });
    writeTruncatedModel(join(dataDir, 'models', 'cut.gguf'), 0.6, { seed: 3 });
    const host = await startHost(dataDir);
    hosts.push(host);
    const client = await TestClient.connect(host.origin, host.token);
    clients.push(client);

    expect(await client.call('llm:status', {})).toMatchObject({ state: 'idle', modelId: null });
    const broken = await client.call('llm:load', { modelId: 'cut.gguf' });
    expect(broken).toMatchObject({ state: 'error', modelId: 'cut.gguf' });
    expect(broken.error).toMatch(/could not be loaded/);
    expect(await client.call('campaigns:list', {})).toEqual([]); // the host kept serving

    const refused = await client.request('llm:load', { modelId: '../workspace.sqlite' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });

    const ready = await client.call('llm:load', { modelId: 'tiny.gguf' });
    expect(ready).toMatchObject({ state: 'ready', modelId: 'tiny.gguf', error: null });
    const states = client.events.filter((e) => e.ev === 'llm:changed').map((e) => (e.data as LlmStatus).state);
    expect(states).toContain('loading');
    expect(states.at(-1)).toBe('ready');

    const settings = await client.call('llm:saveSettings', { concurrency: 2 });
    expect(settings).toMatchObject({ concurrency: 2 });
    expect(await client.call('llm:getSettings', {})).toEqual(settings);
    expect(await client.call('llm:unload', {})).toMatchObject({ state: 'idle' });
  });
});
