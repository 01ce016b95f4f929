import type { GenerateRequest, GenerateResult } from '../../../shared/ai/llm';
import { ErrorCode, MailyError } from '../../../shared/errors';
import { toWorkerSchema, type FromWorker, type ToWorker } from './workerMessages';

/** Sampling temperature when a request leaves it out. */
const DEFAULT_TEMPERATURE = 0.7;

type JobMessage = Extract<ToWorker, { type: 'generate' | 'embed' }>;

interface Job {
  id: number;
  message: JobMessage;
  started: number;
  onText?: (delta: string) => void;
  /** Set once the deadline passed, so the child's "cancelled" reads as "deadline". */
  deadlineHit: boolean;
  resolve(value: GenerateResult | Float32Array[]): void;
  reject(error: MailyError): void;
  cleanup(): void;
}

/**
 * The node's jobs: waiting ones in order, running ones by id, at most `slots` at once
 * (one context sequence each in the model process). Abort and deadline are wired here;
 * a queued job is just removed, a running one is told to stop and ends with its text.
 */
export class JobQueue {
  /** Jobs that may run at once; set by the node on each load. */
  slots = 1;
  /** False while no model is ready: jobs wait (loading) instead of starting. */
  open = false;
  readonly #queue: Job[] = [];
  readonly #running = new Map<number, Job>();
  readonly #send: (message: ToWorker) => boolean;
  readonly #onCounts: () => void;
  #nextId = 1;

  /** @param send delivers to the model process; @param onCounts runs when running/queued change. */
  constructor(send: (message: ToWorker) => boolean, onCounts: () => void) {
    this.#send = send;
    this.#onCounts = onCounts;
  }

  get running(): number {
    return this.#running.size;
  }

  get queued(): number {
    return this.#queue.length;
  }

  generate(request: GenerateRequest, onText: (delta: string) => void, signal?: AbortSignal): Promise<GenerateResult> {
    const id = this.#nextId++;
    const message = toWorkerSchema.safeParse({
      type: 'generate',
      jobId: id,
      messages: request.messages,
      jsonSchema: request.jsonSchema,
      maxTokens: request.maxTokens,
      temperature: request.temperature ?? DEFAULT_TEMPERATURE,
      seed: request.seed,
      continueFrom: request.continueFrom || undefined,
    });
    if (!message.success) return Promise.reject(invalid(message.error.issues[0]?.message));
    const empty = (stop: GenerateResult['stop']): GenerateResult => ({ text: '', tokens: 0, stop, ms: 0 });
    if (signal?.aborted) return Promise.resolve(empty('cancelled'));
    if (request.deadline !== undefined && request.deadline <= Date.now()) return Promise.resolve(empty('deadline'));
    return this.#add(id, message.data as JobMessage, onText, signal, request.deadline) as Promise<GenerateResult>;
  }

  embed(texts: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    const id = this.#nextId++;
    const message = toWorkerSchema.safeParse({ type: 'embed', jobId: id, texts });
    if (!message.success) return Promise.reject(invalid(message.error.issues[0]?.message));
    if (signal?.aborted) return Promise.reject(cancelled());
    return this.#add(id, message.data as JobMessage, undefined, signal) as Promise<Float32Array[]>;
  }

  /** Starts waiting jobs while there are free slots and a model. */
  pump(): void {
    let changed = false;
    while (this.open && this.#running.size < this.slots && this.#queue.length > 0) {
      const job = this.#queue.shift() as Job;
      job.started = performance.now();
      this.#running.set(job.id, job);
      changed = true;
      if (!this.#send(job.message))
        this.#finish(job, new MailyError(ErrorCode.Internal, 'The model process is not running.'));
    }
    if (changed) this.#onCounts();
  }

  /** Routes a job's message from the model process. */
  handle(message: Extract<FromWorker, { type: 'text' | 'done' | 'vectors' | 'jobError' }>): void {
    const job = this.#running.get(message.jobId);
    if (!job) return; // already settled (cancelled while queued, or failed on unload)
    if (message.type === 'text') return job.onText?.(message.text);
    if (message.type === 'jobError')
      return this.#finish(job, new MailyError(ErrorCode.Internal, failed(message.message)));
    if (message.type === 'vectors') return this.#finish(job, message.vectors);
    const stop = job.deadlineHit && message.stop === 'cancelled' ? 'deadline' : message.stop;
    const ms = Math.round(performance.now() - job.started);
    this.#finish(job, { text: message.text, tokens: message.tokens, stop, ms });
  }

  /** Rejects every job, waiting or running (the model went away). */
  failAll(error: MailyError): void {
    const all = [...this.#queue.splice(0), ...this.#running.values()];
    this.#running.clear();
    for (const job of all) {
      job.cleanup();
      job.reject(error);
    }
    if (all.length > 0) this.#onCounts();
  }

  #add(
    id: number,
    message: JobMessage,
    onText: ((delta: string) => void) | undefined,
    signal?: AbortSignal,
    deadline?: number,
  ): Promise<GenerateResult | Float32Array[]> {
    return new Promise((resolve, reject) => {
      const job: Job = { id, message, started: 0, onText, deadlineHit: false, resolve, reject, cleanup: () => {} };
      const stop = (reason: 'cancelled' | 'deadline') => {
        const index = this.#queue.indexOf(job);
        if (index >= 0) {
          this.#queue.splice(index, 1);
          if (message.type === 'embed') this.#finish(job, cancelled(), false);
          else this.#finish(job, { text: '', tokens: 0, stop: reason, ms: 0 }, false);
          this.#onCounts();
        } else if (this.#running.has(id)) {
          job.deadlineHit = reason === 'deadline';
          this.#send({ type: 'cancel', jobId: id }); // it ends with "done" and the text so far
        }
      };
      const onAbort = () => stop('cancelled');
      signal?.addEventListener('abort', onAbort, { once: true });
      const timer = deadline === undefined ? null : setTimeout(() => stop('deadline'), deadline - Date.now());
      job.cleanup = () => {
        signal?.removeEventListener('abort', onAbort);
        if (timer) clearTimeout(timer);
      };
      this.#queue.push(job);
      this.#onCounts();
      this.pump();
    });
  }

  #finish(job: Job, outcome: GenerateResult | Float32Array[] | MailyError, wasRunning = true): void {
    job.cleanup();
    if (wasRunning) this.#running.delete(job.id);
    if (outcome instanceof MailyError) job.reject(outcome);
    else job.resolve(outcome);
    if (wasRunning) {
      this.#onCounts();
      this.pump();
    }
  }
}

const invalid = (detail = 'it is malformed') =>
  new MailyError(ErrorCode.InvalidInput, `The AI job was not accepted: ${detail}.`);
const cancelled = () => new MailyError(ErrorCode.Internal, 'The embedding was cancelled.');
const failed = (detail: string) => `The model could not finish this job: ${detail}`;
