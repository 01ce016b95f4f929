import { z } from 'zod';

/**
 * The LLM node: what the renderer sees of it, and what a job asks of it. A node is the
 * local one (node-llama-cpp in its own process) or, later, a teammate's through the
 * mesh — both implement `LlmNode` in `src/main/services/llm/LlmNode.ts`.
 */

export type LlmState = 'idle' | 'loading' | 'ready' | 'error';

export interface LlmStatus {
  state: LlmState;
  /** 0–1 while loading. */
  progress: number | null;
  /** The loaded (or loading) model's id, a file name in the models folder. */
  modelId: string | null;
  /** What failed, written for the designer, when `state` is `error`. */
  error: string | null;
  /** CPU threads generation uses. */
  threads: number;
  /** The GPU backend in use ("cuda", "vulkan", "metal"), or false on CPU. */
  gpu: string | false;
  contextSize: number | null;
  /** Jobs running and waiting. */
  running: number;
  queued: number;
}

export const llmSettingsSchema = z.object({
  /** CPU threads; defaults to one less than the cores (at most 8), never above the core count. */
  threads: z.number().int().min(1).max(256).optional(),
  /** Jobs run at once. Defaults to 1. */
  concurrency: z.number().int().min(1).max(8).optional(),
  /** Context size in tokens; defaults to what fits (capped at 4096). */
  contextSize: z.number().int().min(128).max(131_072).optional(),
  /** Use a GPU when there is one. Defaults to true. */
  gpu: z.boolean().optional(),
});
export type LlmSettings = z.infer<typeof llmSettingsSchema>;

/** One chat message of a job. */
export const chatMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().max(200_000),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** A generation job, as any node takes it. */
export interface GenerateRequest {
  messages: ChatMessage[];
  /** JSON schema the output must follow (grammar-constrained). */
  jsonSchema?: Record<string, unknown>;
  maxTokens: number;
  temperature?: number;
  /** Seed for repeatable sampling. */
  seed?: number;
  /** Absolute deadline, ms since the epoch. */
  deadline?: number;
  /**
   * Text of the answer another node already produced (it left mid-answer): this node
   * continues from it (response prefill) and streams and returns only the new text.
   */
  continueFrom?: string;
  /**
   * Told the id of the node the mesh sends the job to (again after a failover), so a
   * window can say where it runs while it runs. In the process only; never sent.
   */
  onRoute?: (nodeId: string) => void;
  /** W3C trace context of the caller's span, carried to whichever node runs the job. */
  trace?: { traceparent: string; tracestate?: string };
}

export interface GenerateResult {
  text: string;
  tokens: number;
  /** Why it stopped. */
  stop: 'done' | 'maxTokens' | 'cancelled' | 'deadline';
  ms: number;
  /**
   * The node(s) that produced the text, in order: one id, or more when a node left
   * mid-answer and another continued from the tokens already received. Set by the mesh.
   */
  nodes?: string[];
}
