import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadView } from '../../src/shared/ai/models';
import { startHost, tempDataDir, type HostProcess } from '../helpers/hostProcess';
import { startModelServer, type ModelServer } from '../helpers/modelServer';
import { tinyModelBytes, writeNotGgufFile, writeTruncatedModel, writeUnsupportedArchModel } from '../helpers/tinyModel';
import { TestClient } from '../helpers/wsClient';

const model = tinyModelBytes({ seed: 9 });
const sha256 = createHash('sha256').update(model).digest('hex');

describe('models through the real host', () => {
  let host: HostProcess;
  let client: TestClient;
  let server: ModelServer;
  const files = tempDataDir('maily-model-files-');

  beforeAll(async () => {
    server = await startModelServer({ bytesPerSecond: 300_000 });
    server.put('/tiny.gguf', model);
    server.put('/cut.gguf', model.subarray(0, Math.floor(model.length * 0.6)));
    server.put('/other.gguf', tinyModelBytes({ seed: 10 }));
    host = await startHost();
    client = await TestClient.connect(host.origin, host.token);
  });
  afterAll(async () => {
    client?.close();
    await host?.stop('SIGKILL');
    await server?.close();
  });

  const downloadEvents = (id: string) =>
    client.events
      .filter((e) => e.ev === 'models:download' && (e.data as DownloadView).id === id)
      .map((e) => e.data as DownloadView);
  const until = async (id: string, states: DownloadView['state'][]): Promise<DownloadView> => {
    for (let i = 0; i < 1_000; i++) {
      const view = downloadEvents(id).at(-1);
      if (view && states.includes(view.state)) return view;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`download ${id} never reached ${states.join('/')}`);
  };
  const stillServing = async () => expect(Array.isArray(await client.call('models:list', {}))).toBe(true);

  it('starts with no models and a catalogue', async () => {
    expect(await client.call('models:list', {})).toEqual([]);
    expect((await client.call('models:catalogue', {})).length).toBeGreaterThanOrEqual(3);
  });

  it('downloads with progress, pauses, resumes with a Range request, and lists the model', async () => {
    const started = await client.call('models:download', { source: `${server.url}/tiny.gguf`, sha256 });
    while ((downloadEvents(started.id).at(-1)?.receivedBytes ?? 0) < 120_000)
      await new Promise((r) => setTimeout(r, 20));
    const paused = await client.call('models:pause', { downloadId: started.id });
    expect(paused.state).toBe('paused');
    expect(paused.receivedBytes).toBeLessThan(model.length);
    expect(existsSync(join(host.dataDir, 'models', 'tiny.gguf.part'))).toBe(true);
    const rangesBefore = server.requests.filter((r) => r.range).length;
    await client.call('models:resume', { downloadId: started.id });
    const done = await until(started.id, ['done', 'failed']);
    expect(done).toMatchObject({ state: 'done', receivedBytes: model.length, totalBytes: model.length });
    expect(server.requests.filter((r) => r.range).length).toBe(rangesBefore + 1);
    const progress = downloadEvents(started.id).filter((v) => v.state === 'downloading');
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.some((v) => v.speed !== null && v.speed > 0)).toBe(true);
    // The folder's change is announced once the new default is stored, just after the download's "done".
    await expect
      .poll(() =>
        client.events.some((e) => e.ev === 'models:changed' && (e.data as { modelId: string }).modelId === 'tiny.gguf'),
      )
      .toBe(true);
    const [tiny] = await client.call('models:list', {});
    expect(tiny).toMatchObject({
      id: 'tiny.gguf',
      architecture: 'llama',
      quantization: 'F32',
      isDefault: true,
      problem: null,
    });
    expect(tiny.memory!.ramBytes).toBeGreaterThan(0);
  });

  it('fails a checksum mismatch clearly and keeps serving', async () => {
    const started = await client.call('models:download', {
      source: `${server.url}/other.gguf`,
      sha256: 'a'.repeat(64),
    });
    expect((await until(started.id, ['done', 'failed'])).error).toMatch(/does not match its checksum/);
    expect(existsSync(join(host.dataDir, 'models', 'other.gguf'))).toBe(false);
    await stillServing();
  });

  it('refuses a cut-off download and keeps serving', async () => {
    const started = await client.call('models:download', { source: `${server.url}/cut.gguf` });
    expect((await until(started.id, ['done', 'failed'])).error).toMatch(/This file is cut off .* download it again/);
    expect(existsSync(join(host.dataDir, 'models', 'cut.gguf'))).toBe(false);
    await stillServing();
  });

  it('refuses bad files by path with E_INVALID_INPUT, lists bad files with their problem, and keeps serving', async () => {
    for (const file of [
      writeNotGgufFile(join(files, 'page.gguf')),
      writeTruncatedModel(join(files, 'half.gguf')),
      writeUnsupportedArchModel(join(files, 'alien.gguf')),
    ]) {
      const answer = await client.request('models:import', { path: file.path });
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('E_INVALID_INPUT');
      await stillServing();
    }
    writeFileSync(join(host.dataDir, 'models', 'dropped.gguf'), model.subarray(0, 5_000));
    const dropped = (await client.call('models:list', {})).find((m) => m.id === 'dropped.gguf')!;
    expect(dropped.problem).toMatch(/cut off/);
    expect((await client.request('models:setDefault', { modelId: 'dropped.gguf' })).ok).toBe(false);
    const answer = await client.request('models:download', { source: 'hf:user/repo' });
    expect(answer.ok).toBe(false);
    await stillServing();
  });
});
