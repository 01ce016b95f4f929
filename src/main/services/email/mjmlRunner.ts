import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { ErrorCode, MailyError } from '../../../shared/errors';

/**
 * Compiles MJML to HTML, in a worker thread (the default) or in the calling thread.
 * MJML takes tens of milliseconds for a 30-block email on a busy laptop (see
 * bench/email.bench.ts), long enough to stall every IPC call and WebSocket frame the
 * host serves, so the desktop app compiles off its event loop. Only the MJML string
 * crosses the thread boundary; everything that reads user data runs on the host.
 */

/** MJML options: no remote font links, no file includes, warnings rather than failures. */
export const MJML_OPTIONS = { validationLevel: 'soft', fonts: {}, ignoreIncludes: true, keepComments: false } as const;

export interface CompiledMjml {
  html: string;
  /** MJML's own validation messages (none for what toMjml writes, unless it has a bug). */
  warnings: string[];
}

type Mjml2Html = (
  source: string,
  options: object,
) => Promise<{ html: string; errors?: { formattedMessage?: string; message?: string }[] }>;

const load = createRequire(import.meta.url);
/** Resolved here, so the worker finds mjml wherever the app runs from. */
const mjmlPath = load.resolve('mjml');

/** The worker's whole program: compile each request and answer with its id. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const loaded = require(workerData.mjmlPath);
const mjml2html = loaded.default || loaded;
parentPort.on('message', async ({ id, source, options }) => {
  try {
    const out = await mjml2html(source, options);
    const warnings = (out.errors || []).map((e) => String(e.formattedMessage || e.message));
    parentPort.postMessage({ id, html: out.html, warnings });
  } catch (error) {
    parentPort.postMessage({ id, failure: String((error && error.message) || error) });
  }
});
`;

/** Compiles in the calling thread (tests, the bench's comparison, a CLI). */
export async function compileInline(source: string): Promise<CompiledMjml> {
  const loaded = load(mjmlPath) as Mjml2Html | { default: Mjml2Html };
  const mjml2html = typeof loaded === 'function' ? loaded : loaded.default;
  const out = await mjml2html(source, MJML_OPTIONS);
  return { html: out.html, warnings: (out.errors ?? []).map((e) => String(e.formattedMessage ?? e.message)) };
}

interface Pending {
  resolve(value: CompiledMjml): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

type Reply = { id: number; html: string; warnings: string[] } | { id: number; failure: string };

/** One worker thread compiling MJML, started on first use and restarted after a crash or a hang. */
export class MjmlWorker {
  readonly #timeoutMs: number;
  readonly #pending = new Map<number, Pending>();
  #worker: Worker | null = null;
  #nextId = 1;
  #disposed = false;

  /** @param timeoutMs How long one compile may take before the worker is restarted. */
  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
  }

  compile(source: string): Promise<CompiledMjml> {
    if (this.#disposed)
      return Promise.reject(new MailyError(ErrorCode.Disposed, 'Maily is closing; the preview was not rendered.'));
    const worker = this.#ensure();
    const id = this.#nextId++;
    return new Promise<CompiledMjml>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#fail(
          new MailyError(ErrorCode.Timeout, 'Rendering this email took too long; try again, or remove large images.'),
        );
      }, this.#timeoutMs);
      this.#pending.set(id, { resolve, reject, timer });
      worker.ref(); // keep the process alive while a render is outstanding
      worker.postMessage({ id, source, options: MJML_OPTIONS });
    });
  }

  /** Stops the worker; outstanding renders fail with E_DISPOSED. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#fail(new MailyError(ErrorCode.Disposed, 'Maily is closing; the preview was not rendered.'));
  }

  #ensure(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { mjmlPath } });
    worker.on('message', (reply: Reply) => this.#settle(reply));
    worker.on('error', () => this.#fail(internal()));
    worker.on('exit', () => {
      if (this.#worker === worker) this.#fail(internal());
    });
    worker.unref();
    this.#worker = worker;
    return worker;
  }

  #settle(reply: Reply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (this.#pending.size === 0) this.#worker?.unref();
    if ('failure' in reply)
      pending.reject(new MailyError(ErrorCode.Internal, `MJML could not render this email: ${reply.failure}`));
    else pending.resolve({ html: reply.html, warnings: reply.warnings });
  }

  /** Fails every outstanding compile and drops the worker; the next compile starts a fresh one. */
  #fail(error: Error): void {
    const worker = this.#worker;
    this.#worker = null;
    for (const pending of this.#pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.#pending.clear();
    void worker?.terminate();
  }
}

function internal(): MailyError {
  return new MailyError(ErrorCode.Internal, 'The email renderer stopped unexpectedly; try again.');
}
