import { basename } from 'node:path';
import type { GenerateRequest, GenerateResult, LlmSettings, LlmStatus } from '../../../shared/ai/llm';
import { ErrorCode, MailyError } from '../../../shared/errors';
import type { SettingsStore } from '../settings/SettingsStore';
import { JobQueue } from './JobQueue';
import type { LlmNode } from './LlmNode';
import { LlmProcess, type LlmProcessOptions } from './LlmProcess';
import { checkGguf } from '../models/ggufCheck';
import { readSettings, resolveModelFile, writeSettings, type ResolvedLlmSettings } from './llmSettings';
import type { FromWorker } from './workerMessages';
import { NodeStatus } from './NodeStatus';

/** Options for {@link LocalLlmNode}. */
export interface LocalLlmNodeOptions extends LlmProcessOptions {
  /** The folder `load(modelId)` looks in (`<dataDir>/models`). */
  modelsDir: string;
  /**
   * Checks a model file before the model process opens it; resolves to a problem for the
   * designer, or null when it looks loadable. Null skips the check (llama.cpp's own errors
   * only). Defaults to the GGUF header check of the models service.
   */
  checkModel?: ((path: string) => Promise<string | null> | string | null) | null;
}

type LoadOutcome = Extract<FromWorker, { type: 'ready' | 'loadError' | 'unloaded' }> | { type: 'exit'; reason: string };

/**
 * This machine's LLM node: node-llama-cpp in a child process (`llmWorker`), so neither a
 * long generation nor a llama.cpp abort() touches the host's event loop. Load and unload
 * run one at a time under a lock, so `status()` is always what the process really has;
 * a failure or a dead process becomes the `error` state and the next load respawns it.
 */
export class LocalLlmNode implements LlmNode {
  readonly id = 'local';
  readonly #options: LocalLlmNodeOptions;
  readonly #store: SettingsStore;
  readonly #jobs: JobQueue;
  readonly #status: NodeStatus;
  #process: LlmProcess | null = null;
  #lock: Promise<unknown> = Promise.resolve();
  #waiting: ((outcome: LoadOutcome) => void) | null = null;
  #disposed = false;

  constructor(store: SettingsStore, options: LocalLlmNodeOptions) {
    this.#store = store;
    this.#options = options;
    this.#jobs = new JobQueue(
      (message) => this.#process?.send(message) ?? false,
      () => this.#set({}),
    );
    this.#status = new NodeStatus({
      ...{ state: 'idle', progress: null, modelId: null, error: null, threads: readSettings(store).threads },
      ...{ gpu: false, contextSize: null, running: 0, queued: 0 },
    });
  }

  status(): LlmStatus {
    return this.#status.snapshot();
  }

  onStatus(listener: (status: LlmStatus) => void): () => void {
    return this.#status.on(listener);
  }

  modelId(): string | null {
    return this.#status.modelId();
  }

  /** The stored settings with defaults filled in (threads clamped to the cores). */
  settings(): ResolvedLlmSettings {
    return readSettings(this.#store);
  }

  /** Stores changed settings; they apply from the next load. */
  saveSettings(changes: LlmSettings): ResolvedLlmSettings {
    const saved = writeSettings(this.#store, changes);
    if (this.#status.current.state === 'idle' || this.#status.current.state === 'error')
      this.#set({ threads: saved.threads });
    return saved;
  }

  /**
   * Loads a model from the models folder by id (a file name), or a file by path. Resolves
   * to the resulting status: a model that fails to load is the `error` state, not a
   * rejection. Rejects only for an id that is not a model in the folder.
   */
  load(model: string | { path: string }): Promise<LlmStatus> {
    if (this.#disposed) return Promise.reject(disposedError());
    let path: string;
    try {
      path = typeof model === 'string' ? resolveModelFile(this.#options.modelsDir, model) : model.path;
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return this.#serial(() => this.#load(path));
  }

  /** Frees the model; waiting and running jobs reject. */
  unload(): Promise<LlmStatus> {
    return this.#serial(async () => {
      this.#jobs.open = false;
      this.#jobs.failAll(new MailyError(ErrorCode.Internal, 'The model was unloaded before the job finished.'));
      if (this.#process?.alive) await this.#request({ type: 'unload' });
      this.#set({ state: 'idle', progress: null, modelId: null, error: null, contextSize: null });
      return this.status();
    });
  }

  generate(request: GenerateRequest, onText: (delta: string) => void, signal?: AbortSignal): Promise<GenerateResult> {
    const refused = this.#refuseJob();
    return refused ? Promise.reject(refused) : this.#jobs.generate(request, onText, signal);
  }

  embed(texts: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    const refused = this.#refuseJob();
    return refused ? Promise.reject(refused) : this.#jobs.embed(texts, signal);
  }

  /** The model process's pid, when one runs (for tests and diagnostics). */
  processId(): number | null {
    return this.#process?.alive ? (this.#process.pid ?? null) : null;
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#jobs.open = false;
    this.#jobs.failAll(disposedError());
    await this.#process?.dispose(); // ends any load in progress via its exit
    await this.#lock;
    this.#set({ state: 'idle', progress: null, modelId: null, contextSize: null });
    this.#status.clear();
  }

  async #load(path: string): Promise<LlmStatus> {
    const settings = this.settings();
    this.#jobs.open = false;
    if (this.#status.current.state === 'ready')
      this.#jobs.failAll(new MailyError(ErrorCode.Internal, 'Another model was loaded before the job finished.'));
    this.#set({ state: 'loading', progress: 0, modelId: basename(path), error: null, threads: settings.threads });
    const problem = await this.#check(path);
    if (problem) return this.#fail(problem, false);
    this.#process ??= this.#spawn();
    const outcome = await this.#request({
      type: 'load',
      modelPath: path,
      threads: settings.threads,
      // The stored value is a cap: node-llama-cpp picks what fits the model and memory below it.
      contextSize: settings.contextSize,
      gpu: settings.gpu,
      sequences: settings.concurrency,
    });
    if (outcome.type === 'ready') {
      this.#set({ state: 'ready', progress: 1, gpu: outcome.gpu, contextSize: outcome.contextSize });
      this.#jobs.slots = settings.concurrency;
      this.#jobs.open = true;
      this.#jobs.pump();
      return this.status();
    }
    const reason = outcome.type === 'exit' ? `the model process stopped (${outcome.reason})` : outcomeText(outcome);
    return this.#fail(reason);
  }

  /** Ends a load in the error state; `advise` adds what to do (the check's own messages already say). */
  #fail(reason: string, advise = true): LlmStatus {
    this.#jobs.failAll(new MailyError(ErrorCode.Internal, 'The model could not be loaded, so the job did not run.'));
    const error = advise
      ? `The model could not be loaded: ${reason.replace(/[.\s]+$/, '')}; choose another model.`
      : `The model could not be loaded: ${reason}`;
    this.#set({ state: 'error', progress: null, error, contextSize: null });
    return this.status();
  }

  async #check(path: string): Promise<string | null> {
    try {
      if (this.#options.checkModel === null) return null;
      if (this.#options.checkModel) return await this.#options.checkModel(path);
      const check = await checkGguf(path);
      return check.ok ? null : check.problem;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  #spawn(): LlmProcess {
    const spawned: LlmProcess = new LlmProcess(this.#options, {
      onMessage: (message) => this.#onMessage(message),
      onExit: (reason) => this.#onExit(spawned, reason),
    });
    return spawned;
  }

  #onMessage(message: FromWorker): void {
    if (message.type === 'progress') {
      if (this.#status.current.state === 'loading') this.#set({ progress: message.progress });
    } else if (message.type === 'ready' || message.type === 'loadError' || message.type === 'unloaded') {
      this.#settle(message);
    } else {
      this.#jobs.handle(message);
    }
  }

  #onExit(process: LlmProcess, reason: string): void {
    if (this.#process === process) this.#process = null; // the next load starts a fresh one
    this.#jobs.open = false;
    this.#jobs.failAll(
      new MailyError(
        ErrorCode.Internal,
        `The model process stopped (${reason}) before the job finished; load the model again.`,
      ),
    );
    if (this.#waiting) return this.#settle({ type: 'exit', reason }); // #load turns it into the error state
    if (this.#disposed || this.#status.current.state === 'idle') return;
    this.#set({
      state: 'error',
      progress: null,
      contextSize: null,
      error: `The model process stopped (${reason}); load the model again or choose another model.`,
    });
  }

  /** Sends a lifecycle message and waits for its answer (or the process's end). */
  #request(message: Parameters<LlmProcess['send']>[0]): Promise<LoadOutcome> {
    return new Promise((resolve) => {
      this.#waiting = resolve;
      if (!this.#process?.send(message)) this.#settle({ type: 'exit', reason: 'it is not running' });
    });
  }

  #settle(outcome: LoadOutcome): void {
    const waiting = this.#waiting;
    this.#waiting = null;
    waiting?.(outcome);
  }

  #refuseJob(): MailyError | null {
    if (this.#disposed) return disposedError();
    const { state, error } = this.#status.current;
    if (state === 'ready' || state === 'loading') return null; // a job sent while loading waits for it
    if (state === 'error') return new MailyError(ErrorCode.NotFound, error ?? 'The model is not available.');
    return new MailyError(ErrorCode.NotFound, 'No model is loaded; choose one on the Models page.');
  }

  /** Runs lifecycle steps one after another, even when one fails. */
  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#lock.then(task, task);
    this.#lock = run.catch(() => undefined);
    return run;
  }

  #set(changes: Partial<LlmStatus>): void {
    this.#status.set({ ...changes, running: this.#jobs.running, queued: this.#jobs.queued });
  }
}

const disposedError = () => new MailyError(ErrorCode.Disposed, 'Maily is closing; the model is no longer available.');
const outcomeText = (outcome: Extract<LoadOutcome, { type: 'loadError' | 'unloaded' }>) =>
  outcome.type === 'loadError' ? outcome.message : 'it was unloaded while loading';
