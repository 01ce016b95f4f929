import { describe, expect, it } from 'vitest';
import {
  ewma,
  expectedCompletionMs,
  generationMs,
  queueWaitMs,
} from '../../../../../../src/main/services/mesh/scheduler/estimate';

describe('estimate', () => {
  it('waits nothing while a slot is free', () => {
    expect(queueWaitMs({ slots: 2, tokensPerSecond: 10, aheadTokens: [100] })).toBe(0);
  });

  it('waits for the first slot to free, queued jobs taking slots in order', () => {
    // One slot: 100 + 50 tokens ahead at 10 tokens/s.
    expect(queueWaitMs({ slots: 1, tokensPerSecond: 10, aheadTokens: [100, 50] })).toBe(15_000);
    // Two slots running 100 and 20; the queued 30 goes on the second (free at 2 s, busy to 5 s).
    expect(queueWaitMs({ slots: 2, tokensPerSecond: 10, aheadTokens: [100, 20, 30] })).toBe(5_000);
  });

  it('adds wait, first token, generation and round trip', () => {
    const load = { slots: 1, tokensPerSecond: 50, aheadTokens: [50], roundTripMs: 3, firstTokenMs: 40 };
    expect(expectedCompletionMs(load, 100)).toBe(1_000 + 40 + 2_000 + 3);
    expect(generationMs(-5, 10)).toBe(0);
  });

  it('averages with a weight, starting at the first sample', () => {
    expect(ewma(undefined, 40, 0.3)).toBe(40);
    expect(ewma(40, 80, 0.25)).toBe(50);
  });
});
