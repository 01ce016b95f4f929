import { z } from 'zod';
import { chatMessageSchema } from '../../../../shared/ai/llm';
import { ErrorCode, isErrorInfo } from '../../../../shared/errors';

/**
 * The mesh's wire protocol between teammates' hosts (over libp2p streams, inside the
 * team's private network). Every frame is a 4-byte big-endian length and that many bytes
 * of UTF-8 JSON, checked against the schema of its type before anything reads it. A frame
 * that is too long, cut off, not JSON or not one of these shapes ends the stream and gets
 * the peer dropped.
 *
 * - `/maily/status/1.0.0`: each side opens one stream to each peer and pushes a `status`
 *   frame whenever its nodes change, and at least every few seconds (a heartbeat).
 * - `/maily/llm/1.0.0`: one stream per job. The client sends `job`; the server streams
 *   `text` frames and ends with `done` or `error`. Either side may cancel: the client
 *   sends `cancel` (or closes the stream); a server that must stop sends `error`.
 */

export const STATUS_PROTOCOL = '/maily/status/1.0.0';
export const JOB_PROTOCOL = '/maily/llm/1.0.0';

/** Largest frame accepted (a job carries the prompt: messages of up to 200,000 characters). */
export const MAX_FRAME_BYTES = 2 * 1024 * 1024;
/** Largest piece of streamed text in one frame. */
export const MAX_TEXT_DELTA = 64 * 1024;

const key = z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/);
const modelAd = z.object({ id: z.string().min(1).max(255), contextSize: z.number().int().min(0).max(10_000_000) });

/** One node a host shares with the team: its own local node, or an external server it shares. */
export const nodeAdSchema = z.object({
  key,
  name: z.string().max(120),
  kind: z.enum(['local', 'external']),
  state: z.enum(['idle', 'loading', 'ready', 'error']),
  models: z.array(modelAd).max(32),
  slots: z.number().int().min(0).max(256),
  running: z.number().int().min(0).max(100_000),
  queued: z.number().int().min(0).max(100_000),
  tokensPerSecond: z.number().min(0).max(1_000_000).nullable(),
});
export type NodeAd = z.infer<typeof nodeAdSchema>;

const traceSchema = z.object({
  traceparent: z.string().regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/),
  tracestate: z.string().max(512).optional(),
});

/** A job as it travels: the deadline is relative (`timeoutMs`), since peers' clocks differ. */
export const wireRequestSchema = z.object({
  messages: z.array(chatMessageSchema).min(1).max(1_000),
  jsonSchema: z.record(z.string(), z.unknown()).optional(),
  maxTokens: z.number().int().min(1).max(131_072),
  temperature: z.number().min(0).max(2).optional(),
  seed: z.number().int().optional(),
  timeoutMs: z.number().int().min(1).max(3_600_000).optional(),
  continueFrom: z.string().max(400_000).optional(),
});
export type WireRequest = z.infer<typeof wireRequestSchema>;

const errorInfo = z.custom<{ code: ErrorCode; message: string }>(isErrorInfo, 'Not an error');

export const frameSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('status'), name: z.string().max(120), nodes: z.array(nodeAdSchema).max(16) }),
  z.object({
    t: z.literal('job'),
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    key,
    request: wireRequestSchema,
    trace: traceSchema.optional(),
  }),
  z.object({ t: z.literal('text'), d: z.string().min(1).max(MAX_TEXT_DELTA) }),
  z.object({
    t: z.literal('done'),
    tokens: z.number().int().min(0).max(10_000_000),
    stop: z.enum(['done', 'maxTokens', 'cancelled', 'deadline']),
    ms: z.number().min(0).max(86_400_000),
    /** The server's spans of this job (checked again by the tracing service). */
    spans: z.array(z.unknown()).max(64).optional(),
  }),
  z.object({ t: z.literal('error'), error: errorInfo }),
  z.object({ t: z.literal('cancel') }),
]);
export type Frame = z.infer<typeof frameSchema>;
export type FrameOf<T extends Frame['t']> = Extract<Frame, { t: T }>;

/** Why a peer's bytes were refused: the peer is dropped and this is logged. */
export class FrameError extends Error {
  constructor(
    readonly reason: 'oversized' | 'malformed' | 'truncated' | 'unexpected',
    message: string,
  ) {
    super(message);
    this.name = 'FrameError';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** One frame as bytes: length, then JSON. */
export function encodeFrame(frame: Frame): Uint8Array {
  const body = encoder.encode(JSON.stringify(frame));
  if (body.byteLength > MAX_FRAME_BYTES)
    throw new FrameError('oversized', `A frame of ${body.byteLength} bytes is over the cap`);
  const out = new Uint8Array(4 + body.byteLength);
  new DataView(out.buffer).setUint32(0, body.byteLength);
  out.set(body, 4);
  return out;
}

/**
 * Splits a byte stream into checked frames. The length is checked against the cap before
 * any of the body is kept, so a peer cannot make this side buffer more than one frame.
 */
export class FrameDecoder {
  #buffer: Uint8Array = new Uint8Array(0);
  #need: number | null = null;

  /** Adds bytes; returns the frames they complete. Throws a FrameError on anything bad. */
  push(chunk: Uint8Array): Frame[] {
    this.#buffer = this.#buffer.byteLength ? concat(this.#buffer, chunk) : chunk;
    const frames: Frame[] = [];
    for (;;) {
      if (this.#need === null) {
        if (this.#buffer.byteLength < 4) break;
        const length = new DataView(this.#buffer.buffer, this.#buffer.byteOffset, 4).getUint32(0);
        if (length > MAX_FRAME_BYTES)
          throw new FrameError('oversized', `The peer announced a ${length}-byte frame (cap ${MAX_FRAME_BYTES})`);
        if (length === 0) throw new FrameError('malformed', 'The peer sent an empty frame');
        this.#need = length;
        this.#buffer = this.#buffer.subarray(4);
      }
      if (this.#buffer.byteLength < this.#need) break;
      const body = this.#buffer.subarray(0, this.#need);
      this.#buffer = this.#buffer.subarray(this.#need);
      this.#need = null;
      frames.push(parseFrame(body));
    }
    return frames;
  }

  /** True when bytes of an unfinished frame are waiting (the stream ended mid-frame). */
  get pending(): boolean {
    return this.#need !== null || this.#buffer.byteLength > 0;
  }
}

function parseFrame(body: Uint8Array): Frame {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(body));
  } catch {
    throw new FrameError('malformed', 'The peer sent a frame that is not UTF-8 JSON');
  }
  const parsed = frameSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FrameError(
      'malformed',
      `The peer sent a frame of the wrong shape (${issue?.path.join('.') || 'frame'}: ${issue?.message})`,
    );
  }
  return parsed.data;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}
