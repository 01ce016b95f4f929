import type { GenerateRequest, GenerateResult, LlmStatus } from '../../../shared/ai/llm';

/**
 * An LLM node: something that runs generation and embedding jobs. The local node runs
 * node-llama-cpp in its own process (`LocalLlmNode`); the mesh (a later issue) adds
 * teammates' nodes and OpenAI-compatible servers behind this same interface, so the AI
 * actions never know where a job ran.
 */
export interface LlmNode {
  /** Stable id of the node ("local" for this machine's). */
  readonly id: string;
  /** The node's state right now. */
  status(): LlmStatus;
  /** Calls `listener` on every state change. Returns the unsubscribe. */
  onStatus(listener: (status: LlmStatus) => void): () => void;
  /**
   * Runs one generation job: queued behind the node's concurrency limit, streaming each
   * new piece of text to `onText`. Aborting `signal` stops it (queued or running); the
   * result then has `stop: 'cancelled'` and the text so far. Rejects with a MailyError
   * (no model loaded, the model failed, …), never with a raw error.
   */
  generate(request: GenerateRequest, onText: (delta: string) => void, signal?: AbortSignal): Promise<GenerateResult>;
  /** Embeds each text with the loaded model (one vector per text, L2-normalised). */
  embed(texts: string[], signal?: AbortSignal): Promise<Float32Array[]>;
  /** The loaded model's id (its file name), or null. */
  modelId(): string | null;
  dispose(): Promise<void>;
}
