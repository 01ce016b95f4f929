import { decode, encode } from '@msgpack/msgpack';
import { z } from 'zod';
import { ErrorCode, MailyError } from '../errors';

/**
 * The WebSocket wire format of the headless host: MessagePack frames (binary, so Yjs
 * updates travel as bytes), each one validated on arrival by both ends.
 */

/** Largest frame either end accepts. */
export const MAX_FRAME_BYTES = 4 * 1024 * 1024;

const errorInfo = z.object({ code: z.string().max(64), message: z.string().max(2000) });

export const requestFrame = z.object({
  t: z.literal('req'),
  id: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31),
  ch: z.string().max(64),
  in: z.unknown(),
});

export const responseFrame = z.union([
  z.object({ t: z.literal('res'), id: z.number().int().nullable(), ok: z.literal(true), value: z.unknown() }),
  z.object({ t: z.literal('res'), id: z.number().int().nullable(), ok: z.literal(false), error: errorInfo }),
]);

export const eventFrame = z.object({ t: z.literal('ev'), ev: z.string().max(64), data: z.unknown() });

export type RequestFrame = z.infer<typeof requestFrame>;
export type ResponseFrame = z.infer<typeof responseFrame>;
export type EventFrame = z.infer<typeof eventFrame>;

const limits = {
  maxStrLength: MAX_FRAME_BYTES,
  maxBinLength: MAX_FRAME_BYTES,
  maxArrayLength: 100_000,
  maxMapLength: 10_000,
  maxExtLength: 0,
};

/** Encodes a frame for the wire. */
export function encodeFrame(frame: RequestFrame | ResponseFrame | EventFrame): Uint8Array {
  // undefined fields are dropped, as JSON would, so optional inputs stay optional.
  return encode(frame, { ignoreUndefined: true });
}

/**
 * Decodes and validates one frame against `schema`. Anything else — too large, not
 * MessagePack, the wrong shape — becomes a {@link MailyError}, never a crash.
 */
export function decodeFrame<S extends z.ZodType>(bytes: Uint8Array, schema: S): z.output<S> {
  if (bytes.byteLength > MAX_FRAME_BYTES) {
    throw new MailyError(ErrorCode.TooLarge, `Frames are capped at ${MAX_FRAME_BYTES} bytes.`);
  }
  let raw: unknown;
  try {
    raw = decode(bytes, limits);
  } catch {
    // Any decoder failure means the peer sent garbage; the reason is not useful to it.
    throw new MailyError(ErrorCode.MalformedFrame, 'The frame is not valid MessagePack.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new MailyError(ErrorCode.MalformedFrame, 'The frame does not have the expected shape.');
  return parsed.data;
}
