import {
  getLlama,
  LlamaChatSession,
  LlamaLogLevel,
  TokenBias,
  type ChatHistoryItem,
  type ChatWrapper,
  type GbnfJsonSchema,
  type Llama,
  type LlamaContext,
  type LlamaContextSequence,
  type LlamaEmbeddingContext,
  type LlamaGrammar,
  type LlamaModel,
} from 'node-llama-cpp';
import type { ChatMessage } from '../../../shared/ai/llm';
import type { ToWorker } from './workerMessages';

type LoadMessage = Extract<ToWorker, { type: 'load' }>;
type GenerateMessage = Extract<ToWorker, { type: 'generate' }>;

/** What a finished generation reports. */
export interface EngineResult {
  text: string;
  tokens: number;
  stop: 'done' | 'maxTokens' | 'cancelled';
}

/** The cap on the context when the settings leave it to "what fits". */
const DEFAULT_MAX_CONTEXT = 4096;

/**
 * node-llama-cpp inside the model process: one model, one context with a sequence per
 * job slot, an embedding context made on first use. Only `llmWorker` uses it, so a
 * llama.cpp abort() takes down that process and never the host.
 */
export class LlamaEngine {
  #llama: Llama | null = null;
  #llamaGpu: boolean | null = null;
  #model: LlamaModel | null = null;
  #context: LlamaContext | null = null;
  /** One sequence per job slot, made at load and reused: its KV cache keeps a shared prompt prefix. */
  #free: LlamaContextSequence[] = [];
  /** Resolved once per model: node-llama-cpp parses and probes a Jinja template for seconds per session. */
  #chatWrapper: ChatWrapper | null = null;
  #embedding: Promise<LlamaEmbeddingContext> | null = null;
  #threads = 1;
  /** llama.cpp's own reason for the last failed load ("unknown model architecture: …"). */
  #loadFailure: string | null = null;
  readonly #jobs = new Map<number, AbortController>();

  /** Loads the model (disposing any previous one) and makes its context. */
  async load(msg: LoadMessage, onProgress: (progress: number) => void) {
    await this.unload();
    const llama = await this.#llamaFor(msg.gpu);
    this.#threads = msg.threads;
    this.#loadFailure = null;
    try {
      this.#model = await llama.loadModel({ modelPath: msg.modelPath, onLoadProgress: onProgress });
    } catch (error) {
      // node-llama-cpp says only "Failed to load model"; llama.cpp logged why, through a
      // native thread-safe callback that can land just after the rejection: wait a moment.
      for (let i = 0; i < 30 && !this.#loadFailure; i++) await new Promise((r) => setTimeout(r, 10));
      if (this.#loadFailure) throw new Error(this.#loadFailure, { cause: error });
      throw error;
    }
    this.#context = await this.#model.createContext({
      contextSize: msg.contextSize === null ? { max: DEFAULT_MAX_CONTEXT } : { max: msg.contextSize },
      sequences: msg.sequences,
      threads: msg.threads, // node-llama-cpp's default is far too many on small machines
    });
    this.#free = Array.from({ length: msg.sequences }, () => (this.#context as LlamaContext).getSequence());
    const probe = new LlamaChatSession({ contextSequence: this.#free[0] });
    this.#chatWrapper = probe.chatWrapper;
    probe.dispose();
    return {
      gpu: llama.gpu,
      contextSize: this.#context.contextSize,
      embeddingLength: this.#model.embeddingVectorSize,
    };
  }

  /** Stops every job and frees the model and its contexts. */
  async unload(): Promise<void> {
    for (const controller of this.#jobs.values()) controller.abort();
    const model = this.#model;
    const embedding = this.#embedding;
    this.#model = null;
    this.#context = null;
    this.#free = [];
    this.#chatWrapper = null;
    this.#embedding = null;
    await embedding?.then((e) => e.dispose()).catch(() => undefined); // it failed to open: nothing to free
    await model?.dispose(); // disposes its contexts too
  }

  async dispose(): Promise<void> {
    await this.unload();
    await this.#llama?.dispose();
    this.#llama = null;
  }

  /** Runs one chat job on a sequence of its own, streaming text as it comes. */
  async generate(msg: GenerateMessage, onText: (text: string) => void): Promise<EngineResult> {
    const sequence = this.#free.pop();
    if (!this.#llama || !sequence) throw new Error(this.#context ? 'Every job slot is busy.' : 'No model is loaded.');
    const controller = new AbortController();
    this.#jobs.set(msg.jobId, controller);
    try {
      return await this.#generateOn(sequence, msg, controller.signal, onText);
    } finally {
      this.#jobs.delete(msg.jobId);
      if (this.#context && !sequence.disposed) this.#free.push(sequence); // back to the pool, unless unloaded
    }
  }

  async #generateOn(
    sequence: LlamaContextSequence,
    msg: GenerateMessage,
    signal: AbortSignal,
    onText: (text: string) => void,
  ): Promise<EngineResult> {
    const llama = this.#llama as Llama;
    const { history, prompt } = toHistory(msg.messages);
    // The schema is the caller's, checked by node-llama-cpp itself: it throws on what it cannot express.
    const createGrammar = llama.createGrammarForJsonSchema.bind(llama) as (
      schema: GbnfJsonSchema,
    ) => Promise<LlamaGrammar & { parse(json: string): unknown }>;
    const grammar = msg.jsonSchema ? await createGrammar(msg.jsonSchema as GbnfJsonSchema) : undefined;
    const session = new LlamaChatSession({ contextSequence: sequence, chatWrapper: this.#chatWrapper ?? 'auto' });
    let tokens = 0;
    let streamed = '';
    const prefix = msg.continueFrom ?? '';
    const forced = grammar && prefix ? sequence.model.tokenize(prefix, false, 'trimLeadingSpace') : [];
    let forcedAt = 0;
    const forcing = () => {
      const bias = new TokenBias(sequence.model.tokenizer);
      const next = forced[forcedAt];
      if (next !== undefined) bias.set(next, { logit: 10_000 });
      return bias;
    };
    try {
      session.setChatHistory(history);
      const out = await session
        .promptWithMeta(prompt, {
          maxTokens: msg.maxTokens,
          temperature: msg.temperature,
          seed: msg.seed,
          grammar,
          // Text goes on from the prefill; under a grammar, the prefix is replayed as forced
          // tokens instead, so the grammar's state walks through it (a prefill skips the grammar).
          ...(grammar ? { tokenBias: forcing } : { responsePrefix: msg.continueFrom }),
          signal,
          stopOnAbortSignal: true,
          onTextChunk: (text) => {
            // node-llama-cpp streams (and returns) the prefill too: pass on only the new text
            const before = streamed.length;
            streamed += text;
            const fresh = streamed.slice(Math.max(before, prefix.length));
            if (fresh) onText(fresh);
          },
          onToken: (t) => {
            tokens += t.length;
            forcedAt += t.length;
          },
        })
        .catch((error: unknown) => {
          // Aborted while the prompt was still being read: node-llama-cpp throws instead of stopping.
          if (signal.aborted) return { responseText: streamed, stopReason: 'abort' as const };
          throw error;
        });
      const stop = out.stopReason === 'abort' ? 'cancelled' : out.stopReason === 'maxTokens' ? 'maxTokens' : 'done';
      if (forced.length && !out.responseText.startsWith(prefix))
        throw new Error('The answer so far could not be continued under its JSON schema.');
      const full = out.responseText.startsWith(prefix) ? out.responseText : prefix + out.responseText;
      if (grammar && stop === 'done') grammar.parse(full); // throws when it does not match
      return { text: full.slice(prefix.length), tokens, stop };
    } finally {
      session.dispose(); // the sequence stays for the next job
    }
  }

  cancel(jobId: number): void {
    this.#jobs.get(jobId)?.abort();
  }

  /** One L2-normalised vector per text; stops between texts when cancelled. */
  async embed(jobId: number, texts: string[]): Promise<Float32Array<ArrayBuffer>[]> {
    const model = this.#model;
    if (!model) throw new Error('No model is loaded.');
    this.#embedding ??= model.createEmbeddingContext({ threads: this.#threads });
    const embedding = await this.#embedding;
    const controller = new AbortController();
    this.#jobs.set(jobId, controller);
    try {
      const vectors: Float32Array<ArrayBuffer>[] = [];
      for (const text of texts) {
        if (controller.signal.aborted) throw new Error('The embedding was cancelled.');
        vectors.push(normalise((await embedding.getEmbeddingFor(text)).vector));
      }
      return vectors;
    } finally {
      this.#jobs.delete(jobId);
    }
  }

  async #llamaFor(gpu: boolean): Promise<Llama> {
    if (this.#llama && this.#llamaGpu === gpu) return this.#llama;
    await this.#llama?.dispose();
    // Never build or download here: the prebuilt binaries are all we use.
    this.#llama = await getLlama({
      gpu: gpu ? 'auto' : false,
      build: 'never',
      logLevel: LlamaLogLevel.error,
      logger: (level, message) => {
        const reason = /error loading model: (.+)/.exec(message)?.[1];
        if (reason) this.#loadFailure = reason.trim();
        if (level === LlamaLogLevel.error || level === LlamaLogLevel.fatal)
          console.error(`[llama.cpp] ${message.trim()}`);
      },
    });
    this.#llamaGpu = gpu;
    return this.#llama;
  }
}

/** Splits a job's messages into node-llama-cpp's history and the prompt to answer. */
function toHistory(messages: ChatMessage[]): { history: ChatHistoryItem[]; prompt: string } {
  const last = messages[messages.length - 1];
  if (last?.role !== 'user') throw new Error('The last message of a job must be from the user.');
  const history = messages.slice(0, -1).map((m): ChatHistoryItem => {
    if (m.role === 'system') return { type: 'system', text: m.content };
    if (m.role === 'user') return { type: 'user', text: m.content };
    return { type: 'model', response: [m.content] };
  });
  return { history, prompt: last.content };
}

function normalise(vector: readonly number[]): Float32Array<ArrayBuffer> {
  let sum = 0;
  for (const v of vector) sum += v * v;
  const norm = Math.sqrt(sum) || 1; // an all-zero vector stays zero rather than NaN
  const out = new Float32Array(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = vector[i] / norm;
  return out;
}
