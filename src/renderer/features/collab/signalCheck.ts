import * as decoding from 'lib0/decoding';
import { fromBase64 } from 'lib0/buffer';

/** Largest encrypted signaling message accepted (an SDP offer is a few KB). */
export const MAX_SIGNAL_CHARS = 64 * 1024;

/**
 * True when `data` (a signaling publish's payload) decrypts with the room key, in
 * y-webrtc's format: varstring "AES-GCM", varbytes iv, varbytes ciphertext, base64.
 * y-webrtc itself decrypts without a catch, so a message from a device without the
 * team secret would surface as an unhandled OperationError in every teammate's window.
 */
export async function decryptsWith(data: unknown, key: CryptoKey): Promise<boolean> {
  if (typeof data !== 'string' || data.length > MAX_SIGNAL_CHARS) return false;
  try {
    const decoder = decoding.createDecoder(fromBase64(data));
    if (decoding.readVarString(decoder) !== 'AES-GCM') return false;
    const iv = decoding.readVarUint8Array(decoder);
    const cipher = decoding.readVarUint8Array(decoder);
    const plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, cipher));
    decoding.readAny(decoding.createDecoder(plain));
    return true;
  } catch {
    return false; // wrong key, tampered, truncated or not base64: all mean "not from the team"
  }
}
