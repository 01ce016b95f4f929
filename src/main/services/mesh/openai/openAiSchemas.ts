import { z } from 'zod';

/**
 * What an OpenAI-compatible server (Ollama, llama.cpp server, vLLM) sends back, as far as
 * Maily reads it. The server is outside the team's trust: every chunk and body is parsed
 * with these schemas and sizes are capped before anything is used.
 */

/** Longest piece of text one streamed chunk may carry. */
const MAX_DELTA = 1_000_000;

/** One `data: {…}` event of a streamed chat completion. */
export const chatChunkSchema = z.object({
  choices: z
    .array(
      z.object({
        delta: z.object({ content: z.string().max(MAX_DELTA).nullish(), role: z.string().max(32).nullish() }).nullish(),
        finish_reason: z.string().max(64).nullish(),
      }),
    )
    .max(16),
  usage: z.object({ completion_tokens: z.number().int().nonnegative().nullish() }).nullish(),
});
export type ChatChunk = z.infer<typeof chatChunkSchema>;

/** The error object servers send as a body or, mid-stream, as a `data:` event. */
export const errorBodySchema = z.object({
  error: z.union([z.string().max(4_000), z.object({ message: z.string().max(4_000) })]),
});

/** `GET /models`. */
export const modelsSchema = z.object({
  data: z.array(z.object({ id: z.string().max(512) })).max(10_000),
});

/** `POST /embeddings`. */
export const embeddingsSchema = z.object({
  data: z
    .array(
      z.object({
        index: z.number().int().nonnegative(),
        embedding: z.array(z.number()).min(1).max(65_536),
      }),
    )
    .max(10_000),
});

/** The server's own error message from a body, trimmed, or null when there is none. */
export function serverErrorText(body: unknown): string | null {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return null;
  const text = typeof parsed.data.error === 'string' ? parsed.data.error : parsed.data.error.message;
  return text.trim().slice(0, 300) || null;
}
