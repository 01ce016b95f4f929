import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromWorkerSchema, type FromWorker, type ToWorker } from './workerMessages';

/** How to start the model process. */
export interface LlmProcessOptions {
  /** The worker entry. Defaults to `llmWorker.js` beside the built main bundle (`out/main`). */
  workerPath?: string;
  /** Node flags for the child, e.g. `['--import', 'tsx']` to run the TypeScript entry. Defaults to none. */
  execArgv?: string[];
  /** The executable. Defaults to `process.execPath` (Electron runs it as Node via ELECTRON_RUN_AS_NODE). */
  execPath?: string;
}

export interface LlmProcessEvents {
  onMessage(message: FromWorker): void;
  /** The process ended (crash, kill, abort) or could not start; `reason` is for people. */
  onExit(reason: string): void;
}

/** How long `dispose` waits for a clean exit before SIGKILL. */
const DISPOSE_GRACE_MS = 2_000;

/** Finds the worker: the built file next to this bundle (or its chunk), else the TS source for tsx. */
export function defaultWorker(): { workerPath: string; execArgv: string[] } {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, dirname(here)]) {
    const built = join(dir, 'llmWorker.js');
    if (existsSync(built)) return { workerPath: built, execArgv: [] };
  }
  return { workerPath: join(here, 'llmWorker.ts'), execArgv: ['--import', 'tsx'] };
}

/**
 * The host's handle on one model process. Every message from the child is parsed; one
 * that does not parse is dropped, so garbage from a dying process never reaches the node.
 */
export class LlmProcess {
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;
  #alive = true;

  constructor(options: LlmProcessOptions, events: LlmProcessEvents) {
    const fallback = defaultWorker();
    const workerPath = options.workerPath ?? fallback.workerPath;
    const execArgv = options.execArgv ?? (options.workerPath ? [] : fallback.execArgv);
    this.#child = fork(workerPath, [], {
      serialization: 'advanced',
      execPath: options.execPath ?? process.execPath,
      execArgv,
      env: { ...process.env, ...(process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {}) },
      // stdout stays closed: `maily serve` prints its URL there and tests read it.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.#exited = new Promise((resolve) => {
      let reported = false;
      const end = (reason: string) => {
        this.#alive = false;
        resolve();
        if (reported) return;
        reported = true;
        events.onExit(reason);
      };
      this.#child.on('exit', (code, signal) => end(signal ? `signal ${signal}` : `exit code ${code}`));
      this.#child.on('error', (error) => end(`it could not start: ${error.message}`));
    });
    this.#child.on('message', (raw) => {
      const parsed = fromWorkerSchema.safeParse(raw);
      if (parsed.success) events.onMessage(parsed.data);
      else console.error('LlmProcess: dropped a malformed message from the model process');
    });
  }

  get alive(): boolean {
    return this.#alive;
  }

  /** The child's pid (tests kill it to check recovery). */
  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** Sends one message; false when the process is gone (its exit is reported separately). */
  send(message: ToWorker): boolean {
    if (!this.#alive || !this.#child.connected) return false;
    try {
      this.#child.send(message);
      return true;
    } catch {
      return false; // the channel closed between the check and the send; onExit follows
    }
  }

  /** Asks the child to free its model and exit; kills it if it does not within 2 s. */
  async dispose(): Promise<void> {
    if (!this.#alive) return;
    this.send({ type: 'dispose' });
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), DISPOSE_GRACE_MS);
    await this.#exited;
    clearTimeout(timer);
  }
}
