import { describe, expect, it } from 'vitest';
import {
  encodeFrame,
  FrameDecoder,
  FrameError,
  MAX_FRAME_BYTES,
  type Frame,
} from '../../../../../src/main/services/mesh/protocol/frames';

const job: Frame = {
  t: 'job',
  id: 'j1',
  key: 'local',
  request: { messages: [{ role: 'user', content: 'Subject lines, please' }], maxTokens: 64 },
  trace: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
};
const frames: Frame[] = [
  { t: 'status', name: 'Ana', nodes: [] },
  job,
  { t: 'text', d: 'Hello ' },
  { t: 'done', tokens: 3, stop: 'done', ms: 12 },
  { t: 'error', error: { code: 'E_TIMEOUT', message: 'busy' } },
  { t: 'cancel' },
];

function refusal(bytes: Uint8Array): FrameError {
  try {
    new FrameDecoder().push(bytes);
  } catch (error) {
    if (error instanceof FrameError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('mesh frames', () => {
  it('round-trips every frame type, split at every byte', () => {
    const bytes = Buffer.concat(frames.map((f) => encodeFrame(f)));
    for (let cut = 0; cut <= bytes.length; cut += 7) {
      const decoder = new FrameDecoder();
      const out = [...decoder.push(bytes.subarray(0, cut)), ...decoder.push(bytes.subarray(cut))];
      expect(out).toEqual(frames);
      expect(decoder.pending).toBe(false);
    }
  });

  it('refuses an oversized length before buffering the body', () => {
    const header = new Uint8Array(4);
    new DataView(header.buffer).setUint32(0, MAX_FRAME_BYTES + 1);
    expect(refusal(header).reason).toBe('oversized');
  });

  it('refuses non-JSON, bad UTF-8, empty and wrong-shaped frames', () => {
    const raw = (body: Uint8Array) => {
      const out = new Uint8Array(4 + body.length);
      new DataView(out.buffer).setUint32(0, body.length);
      out.set(body, 4);
      return out;
    };
    const text = (s: string) => raw(new TextEncoder().encode(s));
    expect(refusal(text('not json')).reason).toBe('malformed');
    expect(refusal(raw(new Uint8Array([0xff, 0xfe, 0x7b]))).reason).toBe('malformed');
    expect(refusal(new Uint8Array(4)).reason).toBe('malformed');
    for (const bad of [
      { t: 'nope' },
      { t: 'job', id: 'j', key: 'local', request: { messages: [], maxTokens: 1 } },
      { t: 'job', id: '../x', key: 'local', request: job.t === 'job' ? job.request : {} },
      { t: 'text', d: '' },
      { t: 'done', tokens: -1, stop: 'done', ms: 0 },
      { t: 'error', error: { code: 'E_NOT_A_CODE', message: 'x' } },
      { t: 'status', name: 'x', nodes: [{ key: 'local' }] },
      { ...job, trace: { traceparent: 'garbage' } },
    ])
      expect(refusal(text(JSON.stringify(bad))).reason, JSON.stringify(bad)).toBe('malformed');
  });

  it('keeps a cut-off frame pending (the stream end then counts as truncated)', () => {
    const bytes = encodeFrame(job);
    for (const cut of [1, 3, 4, 10, bytes.length - 1]) {
      const decoder = new FrameDecoder();
      expect(decoder.push(bytes.subarray(0, cut))).toEqual([]);
      expect(decoder.pending).toBe(true);
    }
  });

  it('never throws anything but a FrameError on random bytes', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let i = 0; i < 2_000; i++) {
      const bytes = new Uint8Array(1 + Math.floor(random() * 64)).map(() => Math.floor(random() * 256));
      if (i % 3 === 0 && bytes.length >= 4) new DataView(bytes.buffer).setUint32(0, Math.min(bytes.length, 60)); // plausible lengths too
      try {
        new FrameDecoder().push(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(FrameError);
      }
    }
  });
});
