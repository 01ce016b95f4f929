import { encode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, MAX_FRAME_BYTES, requestFrame } from '../../../../src/shared/api/frames';
import { MailyError } from '../../../../src/shared/errors';
import { seededRandom } from '../../../../src/shared/simulator/random';

/** Deterministic pseudo-random bytes, so a failure can be replayed. */
function randomBytes(seed: number, length: number): Uint8Array {
  const next = seededRandom(seed);
  return Uint8Array.from({ length }, () => Math.floor(next() * 4294967296) & 0xff);
}

describe('WebSocket frames', () => {
  it('round-trips a request with binary input', () => {
    const update = new Uint8Array([1, 2, 3]);
    const frame = decodeFrame(
      encodeFrame({ t: 'req', id: 7, ch: 'docs:update', in: { campaignId: 'a', update } }),
      requestFrame,
    );
    expect(frame.id).toBe(7);
    expect((frame.in as { update: Uint8Array }).update).toEqual(update);
  });

  it('rejects frames of the wrong shape, too large, or with extension types', () => {
    const wrong = encode({ t: 'req', id: -1, ch: 'x', in: null });
    expect(() => decodeFrame(wrong, requestFrame)).toThrow(MailyError);
    expect(() => decodeFrame(new Uint8Array(MAX_FRAME_BYTES + 1), requestFrame)).toThrow(/capped/);
    const ext = new Uint8Array([0xd4, 0x05, 0x00]); // fixext1 of an unknown type
    expect(() => decodeFrame(ext, requestFrame)).toThrow(MailyError);
  });

  it('never throws anything but MailyError on 2,000 random inputs', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const bytes = randomBytes(seed, 1 + (seed % 64));
      try {
        decodeFrame(bytes, requestFrame);
      } catch (error) {
        expect(error, `seed ${seed}`).toBeInstanceOf(MailyError);
      }
    }
  });
});

describe('optional inputs on the wire', () => {
  it('drops undefined fields instead of sending null', () => {
    const frame = decodeFrame(
      encodeFrame({ t: 'req', id: 1, ch: 'campaigns:list', in: { query: undefined, trash: false } }),
      requestFrame,
    );
    expect(frame.in).toEqual({ trash: false });
  });
});
