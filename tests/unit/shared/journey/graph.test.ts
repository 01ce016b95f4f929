import { describe, it, expect } from 'vitest';
import { adjacencyOf, reachableFrom, stronglyConnected } from '../../../../src/shared/journey/graph';

const e = (source: string, target: string) => ({ source, target });
const sorted = (components: string[][]) => components.map((c) => [...c].sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));

describe('graph', () => {
  it('builds successor lists, skipping edges to unknown ids', () => {
    const adjacency = adjacencyOf(['a', 'b'], [e('a', 'b'), e('a', 'x'), e('x', 'a')]);
    expect([...adjacency]).toEqual([
      ['a', ['b']],
      ['b', []],
    ]);
  });

  it('finds what is reachable from the starts, ignoring unknown starts', () => {
    const adjacency = adjacencyOf(['a', 'b', 'c', 'd'], [e('a', 'b'), e('b', 'a'), e('c', 'd')]);
    expect([...reachableFrom(adjacency, ['a', 'nope'])].sort()).toEqual(['a', 'b']);
  });

  it('splits a graph into strongly connected components', () => {
    const adjacency = adjacencyOf(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      [e('a', 'b'), e('b', 'c'), e('c', 'a'), e('c', 'd'), e('d', 'e'), e('e', 'd'), e('f', 'f'), e('e', 'g')],
    );
    expect(sorted(stronglyConnected(adjacency))).toEqual([['a', 'b', 'c'], ['d', 'e'], ['f'], ['g']]);
  });

  it('returns components in reverse topological order', () => {
    const adjacency = adjacencyOf(['a', 'b', 'c'], [e('a', 'b'), e('b', 'c')]);
    expect(stronglyConnected(adjacency)).toEqual([['c'], ['b'], ['a']]);
  });

  it('handles a 50,000-step chain and ring without overflowing the stack', () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `n${i}`);
    const edges = ids.map((id, i) => e(id, ids[(i + 1) % ids.length]));
    const adjacency = adjacencyOf(ids, edges);
    expect(stronglyConnected(adjacency)).toHaveLength(1);
    expect(reachableFrom(adjacency, ['n0']).size).toBe(ids.length);
    const chain = adjacencyOf(ids, edges.slice(0, -1));
    expect(stronglyConnected(chain)).toHaveLength(ids.length);
  });
});
