import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MAX_UPDATE_BYTES } from '../../../shared/api/contract';

/**
 * Checks one message a peer sent over its data channel before y-webrtc reads it. The
 * layout is y-webrtc's: a varuint message type, then for sync (0) a y-protocols sync
 * message (step 1: a state vector; step 2 and update: a Yjs update), for awareness (1)
 * an awareness update, for a query (3) nothing. Any peer with the room password may
 * send anything (yjs THREAT_MODEL.md), so every part is decoded here first and an
 * update larger than the host would store is refused.
 */

/** Largest data-channel message accepted: one update at the host's cap, plus framing. */
export const MAX_PEER_MESSAGE_BYTES = MAX_UPDATE_BYTES + 64;
/** Largest awareness update accepted (a few teammates' cursors and selections). */
export const MAX_AWARENESS_BYTES = 64 * 1024;

export type PeerMessageCheck =
  | { ok: true; kind: 'sync-step1' | 'sync-step2' | 'update' | 'awareness' | 'query'; bytes: number }
  | { ok: false; reason: string; bytes: number };

const refuse = (reason: string, bytes: number): PeerMessageCheck => ({ ok: false, reason, bytes });

function checkAwareness(bytes: Uint8Array): string | null {
  if (bytes.byteLength > MAX_AWARENESS_BYTES) return `presence data over ${MAX_AWARENESS_BYTES / 1024} KiB`;
  const decoder = decoding.createDecoder(bytes);
  const count = decoding.readVarUint(decoder);
  if (count > 1_000) return 'presence for too many windows';
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder); // client id
    decoding.readVarUint(decoder); // clock
    JSON.parse(decoding.readVarString(decoder)); // the state, or "null" for a removal
  }
  return decoding.hasContent(decoder) ? 'trailing bytes after the presence data' : null;
}

function checkSync(decoder: decoding.Decoder, total: number): PeerMessageCheck {
  const step = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (step === 0) {
    Y.decodeStateVector(payload);
    return { ok: true, kind: 'sync-step1', bytes: total };
  }
  if (step !== 1 && step !== 2) return refuse(`an unknown sync message (${step})`, total);
  if (payload.byteLength > MAX_UPDATE_BYTES)
    return refuse(`an update over ${MAX_UPDATE_BYTES / 1024 / 1024} MiB`, total);
  Y.decodeUpdate(payload); // throws on a truncated or malformed update
  return { ok: true, kind: step === 1 ? 'sync-step2' : 'update', bytes: total };
}

/** Decodes `data` fully; says why it must be dropped, or what it is. Never throws. */
export function checkPeerMessage(data: unknown): PeerMessageCheck {
  if (!(data instanceof Uint8Array)) return refuse('not binary data', 0);
  const total = data.byteLength;
  if (total > MAX_PEER_MESSAGE_BYTES)
    return refuse(`a message of ${(total / 1024 / 1024).toFixed(1)} MiB, over the cap`, total);
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === 0) return checkSync(decoder, total);
    if (type === 1) {
      const problem = checkAwareness(decoding.readVarUint8Array(decoder));
      return problem ? refuse(problem, total) : { ok: true, kind: 'awareness', bytes: total };
    }
    if (type === 3) return { ok: true, kind: 'query', bytes: total };
    return refuse(`an unknown message type (${type})`, total);
  } catch {
    return refuse('a truncated or malformed message', total);
  }
}
