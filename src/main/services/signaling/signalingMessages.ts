import { z } from 'zod';

/**
 * The y-webrtc signaling protocol (v10, `y-webrtc/bin/server.js`), as the only frame
 * shapes the built-in server accepts. Anything else is a malformed frame.
 */

/** Longest topic (y-webrtc room name) accepted. Our rooms are derived names of ~43 characters. */
export const MAX_TOPIC_LENGTH = 256;
/** Most topics one client may be subscribed to at once; further ones are refused. */
export const MAX_TOPICS_PER_CLIENT = 64;
/**
 * Most topics one frame may name. Larger than the per-client cap so a client with a few
 * rooms too many still gets the first {@link MAX_TOPICS_PER_CLIENT}; the frame size cap
 * bounds it anyway.
 */
const MAX_TOPICS_PER_FRAME = 1024;

const topic = z.string().min(1).max(MAX_TOPIC_LENGTH);
const topics = z.array(topic).max(MAX_TOPICS_PER_FRAME);

/** What a client may send. Unknown keys are stripped, so only these fields are ever forwarded. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), topics }),
  z.object({ type: z.literal('unsubscribe'), topics }),
  // `data` is opaque to the server: an encrypted base64 string with a room password, else JSON.
  z.object({ type: z.literal('publish'), topic, data: z.unknown() }),
  z.object({ type: z.literal('ping') }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** Parses one text frame; `null` when it is not JSON or not one of the known shapes. */
export function parseClientMessage(text: string): ClientMessage | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null; // not JSON: the caller counts it as a malformed frame
  }
  const parsed = clientMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The publish frame every subscriber receives: the sender's, plus the topic's subscriber count. */
export function encodePublish(message: Extract<ClientMessage, { type: 'publish' }>, clients: number): string | null {
  try {
    return JSON.stringify({ type: 'publish', topic: message.topic, data: message.data, clients });
  } catch {
    return null; // absurdly nested data overflows the stack: treat it as malformed, not a crash
  }
}
