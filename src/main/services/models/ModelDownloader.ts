import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DownloadView } from '../../../shared/ai/models';
import { ErrorCode, MailyError } from '../../../shared/errors';
import { formatBytes } from '../../../shared/formatBytes';
import { checkGguf } from './ggufCheck';
import { resolveModelSource } from './modelSource';
import { Sha256Progress } from './sha256Progress';

/** Options for {@link ModelDownloader}. */
export interface ModelDownloaderOptions {
  modelsDir: string;
  /** Called when a checked file has been renamed into the folder. */
  onInstalled: (fileName: string) => void;
  /** How often progress is announced at most. Defaults to 250 ms. */
  progressIntervalMs?: number;
}

interface Download {
  view: DownloadView;
  url: string;
  sha256: string | null;
  hash: Sha256Progress;
  controller: AbortController | null;
  /** The transfer in flight; a resume or cancel waits for it so two writers never share the .part. */
  running: Promise<void> | null;
  lastEmit: number;
  samples: { at: number; bytes: number }[];
}

const ACTIVE = new Set<DownloadView['state']>(['downloading', 'paused', 'verifying']);

/**
 * Downloads model files into `<models>/<file>.part` with progress, pause (abort, keep the
 * .part), resume (`Range: bytes=N-`; a server that ignores Range sends the whole file and
 * the transfer restarts), an optional sha256 (hashed as bytes arrive) and a `checkGguf`
 * before the file is renamed into place, so a broken download never lands in the list.
 * Failures become the download's state and message, never a thrown error.
 */
export class ModelDownloader {
  readonly #options: ModelDownloaderOptions;
  readonly #downloads = new Map<string, Download>();
  readonly #listeners = new Set<(view: DownloadView) => void>();

  constructor(options: ModelDownloaderOptions) {
    this.#options = options;
  }

  /** Starts downloading `source` (a URL or `hf:` reference). */
  start(source: string, sha256?: string): DownloadView {
    const { url, fileName } = resolveModelSource(source);
    if ([...this.#downloads.values()].some((d) => d.view.fileName === fileName && ACTIVE.has(d.view.state))) {
      throw new MailyError(ErrorCode.InvalidInput, `${fileName} is already downloading.`);
    }
    const view: DownloadView = {
      id: randomUUID(),
      source,
      fileName,
      state: 'downloading',
      receivedBytes: 0,
      totalBytes: null,
      speed: null,
      error: null,
    };
    const download: Download = {
      view,
      url,
      sha256: sha256?.toLowerCase() ?? null,
      hash: new Sha256Progress(),
      controller: null,
      running: null,
      lastEmit: 0,
      samples: [],
    };
    this.#downloads.set(view.id, download);
    this.#run(download);
    return { ...view };
  }

  list(): DownloadView[] {
    return [...this.#downloads.values()].map((d) => ({ ...d.view }));
  }

  /** Stops the transfer and keeps the .part for a resume. */
  async pause(id: string): Promise<DownloadView> {
    const d = this.#get(id);
    if (d.view.state !== 'downloading') return { ...d.view };
    d.controller?.abort();
    await d.running;
    this.#set(d, { state: 'paused', speed: null });
    return { ...d.view };
  }

  /** Continues a paused or failed download from the bytes already on disk. */
  async resume(id: string): Promise<DownloadView> {
    const d = this.#get(id);
    if (d.view.state !== 'paused' && d.view.state !== 'failed') return { ...d.view };
    await d.running;
    this.#set(d, { state: 'downloading', error: null });
    this.#run(d);
    return { ...d.view };
  }

  /** Stops the download and deletes its .part. */
  async cancel(id: string): Promise<DownloadView> {
    const d = this.#get(id);
    if (d.view.state === 'done' || d.view.state === 'cancelled') return { ...d.view };
    d.controller?.abort();
    await d.running;
    await this.#discard(d);
    this.#set(d, { state: 'cancelled', speed: null, error: null });
    return { ...d.view };
  }

  /** Calls `listener` on every state change and, at most every few hundred ms, on progress. */
  onProgress(listener: (view: DownloadView) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops every transfer; their .part files stay for the next run to reuse. */
  async dispose(): Promise<void> {
    for (const d of this.#downloads.values()) d.controller?.abort();
    await Promise.all([...this.#downloads.values()].map((d) => d.running));
    this.#listeners.clear();
  }

  #get(id: string): Download {
    const d = this.#downloads.get(id);
    if (!d) throw new MailyError(ErrorCode.NotFound, 'That download is not in the list any more. Start it again.');
    return d;
  }

  #part(d: Download): string {
    return join(this.#options.modelsDir, `${d.view.fileName}.part`);
  }

  #set(d: Download, changes: Partial<DownloadView>, progressOnly = false): void {
    Object.assign(d.view, changes);
    const now = Date.now();
    if (progressOnly && now - d.lastEmit < (this.#options.progressIntervalMs ?? 250)) return;
    d.lastEmit = now;
    for (const listener of [...this.#listeners]) listener({ ...d.view });
  }

  #run(d: Download): void {
    const controller = new AbortController();
    d.controller = controller;
    d.running = this.#transfer(d, controller.signal)
      .then(() => this.#finish(d))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return; // paused or cancelled: the caller sets the state
        this.#set(d, { state: 'failed', speed: null, error: describe(error, d) });
      })
      .finally(() => {
        if (d.controller === controller) d.controller = null;
      });
  }

  async #transfer(d: Download, signal: AbortSignal): Promise<void> {
    await mkdir(this.#options.modelsDir, { recursive: true });
    const part = this.#part(d);
    const onDisk = (await stat(part).catch(() => null))?.size ?? 0;
    const response = await fetch(d.url, { headers: onDisk > 0 ? { Range: `bytes=${onDisk}-` } : {}, signal });
    if (!response.ok || !response.body) throw new HttpError(response.status, response.statusText);
    const append = onDisk > 0 && response.status === 206;
    // The hash must cover exactly the bytes in the .part: catch up from disk (a .part left by
    // an earlier run), or start over when the server sends the whole file again.
    if (append) await d.hash.catchUp(() => createReadStream(part), onDisk);
    else d.hash.reset();
    const length = Number(response.headers.get('content-length') ?? NaN);
    const rangeTotal = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1];
    const totalBytes = rangeTotal
      ? Number(rangeTotal)
      : Number.isFinite(length)
        ? (append ? onDisk : 0) + length
        : null;
    let received = append ? onDisk : 0;
    d.samples = [];
    this.#set(d, { receivedBytes: received, totalBytes });
    const meter = new Transform({
      transform: (chunk: Buffer, _encoding, callback) => {
        d.hash.update(chunk);
        received += chunk.length;
        this.#set(d, { receivedBytes: received, speed: speedOf(d, received) }, true);
        callback(null, chunk);
      },
    });
    const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
    await pipeline(body, meter, createWriteStream(part, { flags: append ? 'a' : 'w' }), { signal });
    if (totalBytes !== null && received < totalBytes) throw new BrokenOff(received, totalBytes);
  }

  async #finish(d: Download): Promise<void> {
    this.#set(d, { state: 'verifying', speed: null });
    const part = this.#part(d);
    const digest = d.hash.digest();
    if (d.sha256 && digest !== d.sha256) {
      await this.#discard(d);
      const error = `The downloaded file does not match its checksum (expected ${d.sha256.slice(0, 12)}…, got ${digest.slice(0, 12)}…). It was deleted: check the checksum, or download it again from the model's page.`;
      return this.#set(d, { state: 'failed', error });
    }
    const check = await checkGguf(part);
    if (!check.ok) {
      await this.#discard(d);
      return this.#set(d, { state: 'failed', error: `${check.problem} (The file was deleted.)` });
    }
    const target = join(this.#options.modelsDir, d.view.fileName);
    if (await stat(target).catch(() => null)) {
      await this.#discard(d);
      return this.#set(d, {
        state: 'failed',
        error: `${d.view.fileName} is already in your models; remove it first to download it again.`,
      });
    }
    await rename(part, target);
    this.#set(d, { state: 'done' });
    this.#options.onInstalled(d.view.fileName);
  }

  async #discard(d: Download): Promise<void> {
    d.hash.reset();
    await unlink(this.#part(d)).catch(() => undefined); // already gone is fine: the goal is no .part
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly statusText: string,
  ) {
    super(`HTTP ${status}`);
  }
}

class BrokenOff extends Error {
  constructor(
    readonly received: number,
    readonly total: number,
  ) {
    super('broken off');
  }
}

/** Bytes per second over the last three seconds. */
function speedOf(d: Download, bytes: number): number | null {
  const at = Date.now();
  d.samples.push({ at, bytes });
  while (d.samples.length > 2 && at - d.samples[0].at > 3_000) d.samples.shift();
  const first = d.samples[0];
  return at - first.at > 0 ? Math.round(((bytes - first.bytes) * 1000) / (at - first.at)) : null;
}

function describe(error: unknown, d: Download): string {
  if (error instanceof HttpError) {
    if (error.status === 404) return 'The server has no file at that link (404). Check the link or the hf: reference.';
    if (error.status === 401 || error.status === 403) {
      return `The server refused the download (${error.status}); the model may need you to accept its license on its page first.`;
    }
    return `The server answered ${error.status} ${error.statusText}. Try again later, or use another link.`;
  }
  if (error instanceof BrokenOff) {
    return `The download broke off at ${formatBytes(error.received)} of ${formatBytes(error.total)}. Press Resume to continue.`;
  }
  const cause = (error as { cause?: { code?: string } })?.cause?.code ?? (error as NodeJS.ErrnoException)?.code;
  if (cause === 'ENOSPC') return 'The disk is full. Free some space, then press Resume.';
  if (cause === 'ECONNREFUSED' || cause === 'ENOTFOUND' || cause === 'EAI_AGAIN') {
    return `Maily could not reach ${new URL(d.url).host}. Check the link and your connection, then press Resume.`;
  }
  return `The download stopped (${cause ?? (error as Error)?.message ?? 'unknown error'}). Press Resume to try again.`;
}
