import { describe, expect, it } from 'vitest';
import { frameThrottle, type FrameClock } from '../../../../src/renderer/features/canvas/presence/frameThrottle';

/** Frames and time by hand: `frame(ms)` advances the clock and runs the queued frame callbacks. */
function fakeClock() {
  let time = 0;
  let nextHandle = 1;
  const queued = new Map<number, () => void>();
  const clock: FrameClock = {
    requestFrame: (callback) => {
      queued.set(nextHandle, callback);
      return nextHandle++;
    },
    cancelFrame: (handle) => void queued.delete(handle),
    now: () => time,
  };
  const frame = (ms = 16) => {
    time += ms;
    const callbacks = [...queued.values()];
    queued.clear();
    for (const callback of callbacks) callback();
  };
  return { clock, frame, pending: () => queued.size };
}

describe('frame throttle for presence updates', () => {
  it('sends only the latest value of a burst, on the next frame', () => {
    const { clock, frame } = fakeClock();
    const sent: number[] = [];
    const throttled = frameThrottle((n: number) => sent.push(n), 33, clock);
    for (let i = 1; i <= 50; i++) throttled.push(i);
    expect(sent).toEqual([]);
    frame();
    expect(sent).toEqual([50]);
  });

  it('sends at most about 30 a second under a steady stream of moves', () => {
    const { clock, frame } = fakeClock();
    const sent: number[] = [];
    const throttled = frameThrottle((n: number) => sent.push(n), 33, clock);
    // One second of pointer moves at 60 frames a second, four moves a frame.
    for (let f = 0; f < 60; f++) {
      for (let m = 0; m < 4; m++) throttled.push(f * 4 + m);
      frame(1000 / 60);
    }
    expect(sent.length).toBeGreaterThanOrEqual(25);
    expect(sent.length).toBeLessThanOrEqual(31);
    // Every sent value was the latest at the time: ascending, and the last move arrives.
    expect([...sent].sort((a, b) => a - b)).toEqual(sent);
    frame(40);
    expect(sent.at(-1)).toBe(239);
  });

  it('asks for no frames while idle', () => {
    const { clock, frame, pending } = fakeClock();
    const throttled = frameThrottle(() => {}, 33, clock);
    throttled.push(1);
    frame();
    frame();
    expect(pending()).toBe(0);
  });

  it('drops what is queued on cancel', () => {
    const { clock, frame, pending } = fakeClock();
    const sent: string[] = [];
    const throttled = frameThrottle((s: string) => sent.push(s), 33, clock);
    throttled.push('a');
    frame();
    throttled.push('b');
    throttled.cancel();
    expect(pending()).toBe(0);
    frame(100);
    expect(sent).toEqual(['a']);
    throttled.push('c');
    frame(100);
    expect(sent).toEqual(['a', 'c']);
  });
});
