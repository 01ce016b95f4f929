import { z } from 'zod';
import { chatMessageSchema } from '../../../shared/ai/llm';

/**
 * The messages between the host (`LlmProcess`) and the model process (`llmWorker`).
 * Both sides parse every message they receive: the child is our code, but a crash mid-
 * write, a native library printing into the channel or a version mismatch must become an
 * error state, never an exception in the host.
 */

const jobId = z.number().int().nonnegative();

/** Host → model process. */
export const toWorkerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('load'),
    modelPath: z.string().min(1).max(4_096),
    threads: z.number().int().min(1).max(256),
    /** Tokens, or null for "what fits, at most 4096". */
    contextSize: z.number().int().min(128).max(131_072).nullable(),
    /** Try a GPU backend (CUDA, Vulkan, Metal) before the CPU. */
    gpu: z.boolean(),
    /** Context sequences: one per job that may run at once. */
    sequences: z.number().int().min(1).max(8),
  }),
  z.object({
    type: z.literal('generate'),
    jobId,
    messages: z.array(chatMessageSchema).min(1).max(1_000),
    jsonSchema: z.record(z.string(), z.unknown()).optional(),
    maxTokens: z.number().int().min(1).max(131_072),
    temperature: z.number().min(0).max(2),
    seed: z.number().int().optional(),
    continueFrom: z.string().max(400_000).optional(),
  }),
  z.object({ type: z.literal('cancel'), jobId }),
  z.object({ type: z.literal('embed'), jobId, texts: z.array(z.string().max(200_000)).min(1).max(1_000) }),
  z.object({ type: z.literal('unload') }),
  z.object({ type: z.literal('dispose') }),
]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

/** Why generation stopped, as the model process sees it (the host adds 'deadline'). */
export const workerStopSchema = z.enum(['done', 'maxTokens', 'cancelled']);

/** Model process → host. */
export const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), progress: z.number().min(0).max(1) }),
  z.object({
    type: z.literal('ready'),
    gpu: z.union([z.string().max(32), z.literal(false)]),
    contextSize: z.number().int().positive(),
    embeddingLength: z.number().int().positive(),
  }),
  z.object({ type: z.literal('loadError'), message: z.string().max(4_000) }),
  z.object({ type: z.literal('unloaded') }),
  z.object({ type: z.literal('text'), jobId, text: z.string() }),
  z.object({
    type: z.literal('done'),
    jobId,
    text: z.string(),
    tokens: z.number().int().nonnegative(),
    stop: workerStopSchema,
  }),
  z.object({ type: z.literal('vectors'), jobId, vectors: z.array(z.instanceof(Float32Array)) }),
  z.object({ type: z.literal('jobError'), jobId, message: z.string().max(4_000) }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;
