import { describe, expect, it } from 'vitest';
import { VectorIndex, normalise } from '../../../../../src/main/services/memory/vectorIndex';

const v = (...xs: number[]) => normalise(Float32Array.from(xs));

describe('VectorIndex', () => {
  it('finds the nearest vectors by cosine, best first', () => {
    const index = new VectorIndex('m', 3, 1);
    index.set('x', v(1, 0, 0));
    index.set('y', v(0, 1, 0));
    index.set('xy', v(1, 1, 0));
    const hits = index.search(v(1, 0.1, 0), 2);
    expect(hits.map((h) => h.id)).toEqual(['x', 'xy']);
    expect(hits[0].score).toBeCloseTo(0.995, 3);
    expect(index.search(v(0, 0, 1), 10)).toHaveLength(3);
  });

  it('keeps the array dense on delete and replaces on set', () => {
    const index = new VectorIndex('m', 2);
    index.set('a', v(1, 0));
    index.set('b', v(0, 1));
    index.set('c', v(-1, 0));
    index.delete('a');
    expect(index.size).toBe(2);
    expect(index.search(v(-1, 0), 1)[0].id).toBe('c');
    index.set('b', v(-1, 0.01));
    expect(index.search(v(-1, 0), 3).map((h) => h.id)).toEqual(['c', 'b']);
  });

  it('reads unaligned float32 blobs and normalises what it stores', () => {
    const bytes = new Uint8Array(13);
    new Uint8Array(Float32Array.from([3, 4]).buffer).forEach((b, i) => (bytes[i + 1] = b));
    const index = new VectorIndex('m', 2);
    index.set('a', bytes.subarray(1, 9));
    expect(index.search(v(3, 4), 1)[0].score).toBeCloseTo(1, 5);
    expect(() => index.set('b', Float32Array.from([1]))).toThrow();
  });
});

describe('VectorIndex lanes', () => {
  it('runs the SIMD kernel on Node and pads dimensions that are not a multiple of 16', async () => {
    const { createDotKernel, createMemory } = await import('../../../../../src/main/services/memory/dotKernel');
    expect(createDotKernel(createMemory(1)).simd).toBe(true);
    // 21 dimensions: one full round of 16 lanes, then 5 floats and 11 zeros of padding.
    const index = new VectorIndex('m', 21, 1);
    const a = v(...Array.from({ length: 21 }, (_, i) => i + 1));
    const b = v(...Array.from({ length: 21 }, (_, i) => 21 - i));
    index.set('a', a);
    index.set('b', b);
    const [first, second] = index.search(a, 2);
    expect(first).toMatchObject({ id: 'a' });
    expect(first.score).toBeCloseTo(1, 5);
    expect(second.score).toBeCloseTo(
      a.reduce((sum, x, i) => sum + x * b[i], 0),
      5,
    );
  });
});
