import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DownloadView } from '../../../../../src/shared/ai/models';
import { ModelDownloader } from '../../../../../src/main/services/models/ModelDownloader';
import { resolveModelSource } from '../../../../../src/main/services/models/modelSource';
import { startModelServer, type ModelServer } from '../../../../helpers/modelServer';
import { tinyModelBytes } from '../../../../helpers/tinyModel';
import { createHash } from 'node:crypto';

const model = tinyModelBytes({ seed: 5 });
const sha256 = createHash('sha256').update(model).digest('hex');

describe('ModelDownloader', () => {
  let dir: string;
  let server: ModelServer;
  let downloader: ModelDownloader;
  let views: DownloadView[];
  let installed: string[];

  const start = async (options: Parameters<typeof startModelServer>[0] = {}) => {
    server = await startModelServer(options);
    server.put('/tiny.gguf', model);
    server.put('/cut.gguf', model.subarray(0, model.length / 2));
  };
  const settled = (id: string, states: DownloadView['state'][]) =>
    new Promise<DownloadView>((resolve) => {
      const check = () => {
        const view = downloader.list().find((d) => d.id === id)!;
        if (states.includes(view.state)) resolve(view);
        else setTimeout(check, 10);
      };
      check();
    });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'maily-dl-'));
    views = [];
    installed = [];
    downloader = new ModelDownloader({ modelsDir: dir, onInstalled: (f) => installed.push(f), progressIntervalMs: 20 });
    downloader.onProgress((view) => views.push(view));
  });
  afterEach(async () => {
    await downloader.dispose();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resolves hf: references and refuses links without a .gguf name', () => {
    expect(resolveModelSource('hf:user/repo/sub/model-Q4_K_M.gguf')).toEqual({
      url: 'https://huggingface.co/user/repo/resolve/main/sub/model-Q4_K_M.gguf',
      fileName: 'model-Q4_K_M.gguf',
    });
    expect(() => resolveModelSource('hf:user/repo:Q4_K_M')).toThrow(/Name the file/);
    expect(() => resolveModelSource('https://example.com/page.html')).toThrow(/\.gguf/);
    expect(() => resolveModelSource('ftp://example.com/a.gguf')).toThrow(/http/);
  });

  it('downloads with progress, checks the sha256 and installs the file', async () => {
    await start({ bytesPerSecond: 2_000_000 });
    const view = downloader.start(`${server.url}/tiny.gguf`, sha256);
    const done = await settled(view.id, ['done', 'failed']);
    expect(done).toMatchObject({ state: 'done', receivedBytes: model.length, totalBytes: model.length, error: null });
    expect(views.filter((v) => v.state === 'downloading').length).toBeGreaterThan(2);
    expect(readFileSync(join(dir, 'tiny.gguf')).equals(model)).toBe(true);
    expect(existsSync(join(dir, 'tiny.gguf.part'))).toBe(false);
    expect(installed).toEqual(['tiny.gguf']);
  });

  it('pauses, keeps the .part, and resumes with a Range request', async () => {
    await start({ bytesPerSecond: 400_000 });
    const view = downloader.start(`${server.url}/tiny.gguf`, sha256);
    while ((downloader.list()[0].receivedBytes ?? 0) < 100_000) await new Promise((r) => setTimeout(r, 10));
    const paused = await downloader.pause(view.id);
    expect(paused.state).toBe('paused');
    expect(existsSync(join(dir, 'tiny.gguf.part'))).toBe(true);
    server.setRate(0);
    await downloader.resume(view.id);
    expect((await settled(view.id, ['done', 'failed'])).state).toBe('done');
    expect(server.requests.at(-1)!.range).toMatch(/^bytes=\d+-$/);
    expect(readFileSync(join(dir, 'tiny.gguf')).equals(model)).toBe(true);
  });

  it('restarts when the server ignores Range, and the checksum still holds', async () => {
    await start({ bytesPerSecond: 400_000, ignoreRange: true });
    const view = downloader.start(`${server.url}/tiny.gguf`, sha256);
    while (downloader.list()[0].receivedBytes < 100_000) await new Promise((r) => setTimeout(r, 10));
    await downloader.pause(view.id);
    server.setRate(0);
    await downloader.resume(view.id);
    expect((await settled(view.id, ['done', 'failed'])).state).toBe('done');
    expect(readFileSync(join(dir, 'tiny.gguf')).equals(model)).toBe(true);
  });

  it('fails clearly on a checksum mismatch, a cut-off file and a 404, deleting the .part', async () => {
    await start();
    const wrong = downloader.start(`${server.url}/tiny.gguf`, '0'.repeat(64));
    expect((await settled(wrong.id, ['done', 'failed'])).error).toMatch(/does not match its checksum.*deleted/);
    const cut = downloader.start(`${server.url}/cut.gguf`);
    expect((await settled(cut.id, ['done', 'failed'])).error).toMatch(/cut off.*download it again/);
    const missing = downloader.start(`${server.url}/nothing.gguf`);
    expect((await settled(missing.id, ['done', 'failed'])).error).toMatch(/404/);
    expect(existsSync(join(dir, 'tiny.gguf'))).toBe(false);
    expect(existsSync(join(dir, 'tiny.gguf.part'))).toBe(false);
    expect(existsSync(join(dir, 'cut.gguf.part'))).toBe(false);
    expect(installed).toEqual([]);
  });

  it('cancel deletes the .part', async () => {
    await start({ bytesPerSecond: 200_000 });
    const view = downloader.start(`${server.url}/tiny.gguf`);
    while (downloader.list()[0].receivedBytes < 20_000) await new Promise((r) => setTimeout(r, 10));
    expect((await downloader.cancel(view.id)).state).toBe('cancelled');
    expect(existsSync(join(dir, 'tiny.gguf.part'))).toBe(false);
  });
});
