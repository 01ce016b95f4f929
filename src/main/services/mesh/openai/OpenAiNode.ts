import type { ChatMessage, GenerateRequest, GenerateResult, LlmStatus } from '../../../../shared/ai/llm';
import { ErrorCode, MailyError } from '../../../../shared/errors';
import type { LlmNode } from '../../llm/LlmNode';
import { readChatStream, type StreamProgress } from './chatStream';
import { OpenAiHttp } from './openAiHttp';
import { embeddingsSchema, modelsSchema } from './openAiSchemas';
import { Slots } from './slots';
import { NodeStatus } from '../../llm/NodeStatus';

/** Sampling temperature when a request leaves it out (as the local node). */
const DEFAULT_TEMPERATURE = 0.7;

/** Options for {@link OpenAiNode}. */
export interface OpenAiNodeOptions {
  /** Stable id of the node in the mesh. */
  id: string;
  /** The API's base, such as `http://127.0.0.1:11434/v1` (Ollama) or `http://gpu-box:8000/v1` (vLLM). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …` when set. Never logged nor put in a message. */
  apiKey?: string;
  /** The server's model name, such as `llama3.1:8b`. */
  model: string;
  /** Jobs sent to the server at once; more wait in order. Defaults to 4. */
  concurrency?: number;
  /** How long to wait for the server to start answering (headers, models, embeddings). Defaults to 30 000 ms. */
  timeoutMs?: number;
}

type Why = 'cancelled' | 'deadline' | 'timeout';

/**
 * An OpenAI-compatible server (Ollama, llama.cpp server, vLLM) as an LLM node, so a
 * team's GPU box serves everyone behind the same interface as the local node. The state
 * tells the truth: `ready` after the server listed its models, `error` with what to do
 * after a failure, `ready` again after the next request that works.
 */
export class OpenAiNode implements LlmNode {
  readonly id: string;
  readonly #model: string;
  readonly #timeoutMs: number;
  readonly #http: OpenAiHttp;
  readonly #slots: Slots;
  readonly #running = new Set<AbortController>();
  readonly #status: NodeStatus;
  #disposed = false;

  /** Checks the server at once (see {@link connect}); throws E_INVALID_INPUT for a URL that is not http(s). */
  constructor(options: OpenAiNodeOptions) {
    this.id = options.id;
    this.#model = options.model;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#http = new OpenAiHttp(options.baseUrl, options.apiKey);
    this.#slots = new Slots(Math.max(1, options.concurrency ?? 4), () =>
      this.#set({ running: this.#slots.running, queued: this.#slots.queued }),
    );
    const modelId = `${options.model} @ ${new URL(options.baseUrl).host}`;
    this.#status = new NodeStatus({
      ...{ state: 'loading', progress: null, modelId, error: null, threads: 0, gpu: false },
      ...{ contextSize: null, running: 0, queued: 0 },
    });
    void this.connect();
  }

  status(): LlmStatus {
    return this.#status.snapshot();
  }

  onStatus(listener: (status: LlmStatus) => void): () => void {
    return this.#status.on(listener);
  }

  /** `<model> @ <host>` while the server is usable, else null. */
  modelId(): string | null {
    return this.#status.modelId();
  }

  /** Asks the server for its models; resolves to the resulting status (a failure is the `error` state). */
  async connect(): Promise<LlmStatus> {
    if (this.#disposed) return this.status();
    try {
      const listed = modelsSchema.safeParse(await this.#call('/models', undefined, new AbortController().signal));
      if (!listed.success) throw this.#http.unreadable();
      const ids = listed.data.data.map((m) => m.id);
      if (ids.length > 0 && !ids.includes(this.#model) && !ids.includes(`${this.#model}:latest`))
        throw new MailyError(
          ErrorCode.NotFound,
          `The server at ${this.#http.url} has no model “${this.#model}”. Choose one of: ${ids.slice(0, 10).join(', ')}.`,
        );
      this.#set({ state: 'ready', error: null });
    } catch (error) {
      this.#failed(error as MailyError);
    }
    return this.status();
  }

  async generate(
    request: GenerateRequest,
    onText: (delta: string) => void,
    signal?: AbortSignal,
  ): Promise<GenerateResult> {
    if (this.#disposed) throw disposedError();
    const started = performance.now();
    const slot = await this.#slots.acquire(signal, request.deadline);
    if (slot !== 'started') return { text: '', tokens: 0, stop: slot, ms: 0 };
    const progress: StreamProgress = { text: '', tokens: 0, finish: null };
    try {
      await this.#stream(request, progress, onText, signal);
    } catch (error) {
      if (error === 'cancelled' || error === 'deadline')
        return { text: progress.text, tokens: progress.tokens, stop: error, ms: ms(started) };
      throw this.#failed(error as MailyError);
    } finally {
      this.#slots.release();
    }
    if (request.jsonSchema && progress.finish !== 'length') checkJson((request.continueFrom ?? '') + progress.text);
    const stop = progress.finish === 'length' ? 'maxTokens' : 'done';
    return { text: progress.text, tokens: progress.tokens, stop, ms: ms(started) };
  }

  async embed(texts: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    if (this.#disposed) throw disposedError();
    if (texts.length === 0) return [];
    if ((await this.#slots.acquire(signal)) !== 'started') throw embedCancelled();
    try {
      const body = await this.#guard(signal, undefined, (s) =>
        this.#call('/embeddings', { model: this.#model, input: texts }, s),
      );
      const parsed = embeddingsSchema.safeParse(body);
      if (!parsed.success || parsed.data.data.length !== texts.length) throw this.#http.unreadable();
      return [...parsed.data.data].sort((a, b) => a.index - b.index).map((d) => normalise(d.embedding));
    } catch (error) {
      if (error === 'cancelled' || error === 'deadline') throw embedCancelled();
      throw this.#failed(error as MailyError);
    } finally {
      this.#slots.release();
    }
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#slots.cancelAll();
    for (const controller of this.#running) controller.abort('cancelled');
    this.#set({ state: 'idle', error: null });
    this.#status.clear();
  }

  /** One chat request, retried once with `json_object` when the server rejects `json_schema`. */
  async #stream(
    request: GenerateRequest,
    progress: StreamProgress,
    onText: (delta: string) => void,
    signal?: AbortSignal,
  ) {
    let body = chatBody(this.#model, request, 'json_schema');
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#guard(signal, request.deadline, async (s, answered) => {
          const response = await this.#http.send('/chat/completions', body, s, 'text/event-stream');
          answered(); // the timeout covers the wait for the first byte, not a long answer
          this.#set({ state: 'ready', error: null });
          return readChatStream(this.#http, response, progress, onText, s);
        });
      } catch (error) {
        const rejected = error instanceof MailyError && error.code === ErrorCode.InvalidInput;
        if (!request.jsonSchema || !rejected || attempt > 0) throw error;
        body = chatBody(this.#model, request, 'json_object');
      }
    }
  }

  /**
   * Runs `work` under its own AbortController: the caller's signal, the deadline and the
   * timeout (until `work` calls `answered`) abort it. Rejects with the reason ('cancelled' | 'deadline') for the
   * first two, E_TIMEOUT for the third, else the MailyError of `work`.
   */
  async #guard<T>(
    signal: AbortSignal | undefined,
    deadline: number | undefined,
    work: (s: AbortSignal, answered: () => void) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    let why: Why | null = null;
    const stop = (reason: Why) => {
      why ??= reason;
      controller.abort(reason);
    };
    const onAbort = () => stop('cancelled');
    if (signal?.aborted) stop('cancelled');
    signal?.addEventListener('abort', onAbort, { once: true });
    const deadlineTimer = deadline === undefined ? null : setTimeout(() => stop('deadline'), deadline - Date.now());
    const timeout = setTimeout(() => stop('timeout'), this.#timeoutMs);
    this.#running.add(controller);
    try {
      return await work(controller.signal, () => clearTimeout(timeout));
    } catch (error) {
      if (why === 'timeout') throw this.#timedOut();
      if (why) throw why;
      throw error instanceof MailyError ? error : new MailyError(ErrorCode.Internal, internalText);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (deadlineTimer) clearTimeout(deadlineTimer);
      clearTimeout(timeout);
      this.#running.delete(controller);
    }
  }

  async #call(path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    return this.#guard(signal, undefined, async (s) => this.#http.json(await this.#http.send(path, body, s), s));
  }

  /** Puts a failure in the status (not a rejected request: that is the job's, not the server's). */
  #failed(error: MailyError): MailyError {
    const known = error instanceof MailyError ? error : new MailyError(ErrorCode.Internal, internalText);
    if (known.code !== ErrorCode.InvalidInput && !this.#disposed) this.#set({ state: 'error', error: known.message });
    return known;
  }

  #timedOut(): MailyError {
    const seconds = Math.round(this.#timeoutMs / 1000);
    return new MailyError(
      ErrorCode.Timeout,
      `The server at ${this.#http.url} did not answer within ${seconds} s. Check that it is not overloaded, then try again.`,
    );
  }

  #set(changes: Partial<LlmStatus>): void {
    this.#status.set(changes);
  }
}

/** The request body; `format` says how a JSON schema is asked for. */
function chatBody(model: string, request: GenerateRequest, format: 'json_schema' | 'json_object') {
  let messages: ChatMessage[] = request.messages;
  let responseFormat: unknown;
  if (request.jsonSchema && format === 'json_schema') {
    responseFormat = { type: 'json_schema', json_schema: { name: 'result', schema: request.jsonSchema, strict: true } };
  } else if (request.jsonSchema) {
    responseFormat = { type: 'json_object' };
    const rule = `Answer with JSON only, following this JSON schema:\n${JSON.stringify(request.jsonSchema)}`;
    messages = [{ role: 'system', content: rule }, ...messages];
  }
  // Another node's partial answer goes last as the assistant's own words: OpenAI-compatible
  // servers (llama.cpp server, vLLM, Ollama) continue a final assistant message.
  if (request.continueFrom) messages = [...messages, { role: 'assistant', content: request.continueFrom }];
  return {
    model,
    messages,
    stream: true,
    max_tokens: request.maxTokens,
    temperature: request.temperature ?? DEFAULT_TEMPERATURE,
    ...(request.seed === undefined ? {} : { seed: request.seed }),
    ...(responseFormat ? { response_format: responseFormat } : {}),
  };
}

function checkJson(text: string): void {
  try {
    JSON.parse(text);
  } catch {
    throw new MailyError(
      ErrorCode.Internal,
      'The model answered with text that is not valid JSON. Try again, or choose a model that supports JSON output.',
    );
  }
}

function normalise(vector: number[]): Float32Array {
  const out = Float32Array.from(vector);
  let sum = 0;
  for (const x of out) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] /= norm;
  return out;
}

const ms = (started: number) => Math.round(performance.now() - started);
const internalText = 'Something went wrong talking to the server. Try again; if it keeps happening, check the server.';
const disposedError = () => new MailyError(ErrorCode.Disposed, 'This AI node was removed. Add it again to use it.');
const embedCancelled = () => new MailyError(ErrorCode.Internal, 'The embedding was cancelled.');
