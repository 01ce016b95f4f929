import { describe, expect, it } from 'vitest';
import { hashString, splitDraw } from '../../../../src/shared/simulator/random';

describe('split draws', () => {
  it('depend only on seed, contact, split and pass', () => {
    expect(splitDraw(42, 'ada', 'ab', 0)).toBe(splitDraw(42, 'ada', 'ab', 0));
    const others = [
      splitDraw(43, 'ada', 'ab', 0),
      splitDraw(42, 'bob', 'ab', 0),
      splitDraw(42, 'ada', 'ab2', 0),
      splitDraw(42, 'ada', 'ab', 1),
    ];
    for (const other of others) expect(other).not.toBe(splitDraw(42, 'ada', 'ab', 0));
  });

  it('are spread evenly over [0, 1)', () => {
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) {
      const r = splitDraw(1, `c${i}`, 'ab', 0);
      expect(r >= 0 && r < 1).toBe(true);
      buckets[Math.floor(r * 10)]++;
    }
    for (const count of buckets) expect(Math.abs(count - 1000)).toBeLessThan(120);
  });

  it('hashes similar strings far apart', () => {
    expect(hashString('c1')).not.toBe(hashString('c2'));
    expect(hashString('')).toBe(hashString(''));
  });
});
