import { describe, expect, it } from 'vitest';
import { RRF_K, fuseRanks } from '../../../../../src/main/services/memory/rrf';

describe('fuseRanks', () => {
  it('puts an item high in both lists above one first in only one', () => {
    const fused = fuseRanks([
      ['a', 'both', 'c'],
      ['x', 'both', 'y'],
    ]);
    expect(fused[0].id).toBe('both');
    expect(fused[0].ranks).toEqual([2, 2]);
    expect(fused[0].score).toBeCloseTo(2 / (RRF_K + 2));
    expect(fused.find((f) => f.id === 'a')?.ranks).toEqual([1, null]);
  });

  it('breaks ties by the best single rank, then the id', () => {
    const fused = fuseRanks([
      ['b', 'a'],
      ['a', 'b'],
    ]);
    expect(fused.map((f) => f.id)).toEqual(['a', 'b']);
    expect(fuseRanks([['z'], ['y']]).map((f) => f.id)).toEqual(['y', 'z']);
  });

  it('counts an id listed twice in one list once, and handles empty lists', () => {
    expect(fuseRanks([['a', 'a']])).toEqual([{ id: 'a', score: 1 / (RRF_K + 1), ranks: [1] }]);
    expect(fuseRanks([[], []])).toEqual([]);
  });
});
