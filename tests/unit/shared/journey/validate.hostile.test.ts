import { describe, it, expect } from 'vitest';
import { checkConnection } from '../../../../src/shared/journey/connections';
import { nodeKinds } from '../../../../src/shared/journey/kinds';
import type { Journey, JourneyEdge, JourneyNode } from '../../../../src/shared/journey/model';
import { validateJourney } from '../../../../src/shared/journey/validate';

/**
 * A peer with write access can put anything in the document. Seeded random journeys
 * with garbage data, unknown kinds and handles, and edges to nowhere must never make
 * validation or the connection rules throw.
 */

function random(seed: number): () => number {
  // mulberry32: small, seedable, good enough to vary test input.
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const garbage: unknown[] = [null, undefined, 0, -1, NaN, Infinity, '', 'x', '100', true, [], {}, [1, 'a'], { id: 'a' }];
const kinds: unknown[] = [...nodeKinds, 'teleport', '', 42, null, '__proto__', 'constructor'];
const handles: unknown[] = [
  'in',
  'out',
  'yes',
  'no',
  'event',
  'timeout',
  'a',
  'b',
  'control',
  'c1',
  null,
  7,
  '__proto__',
];

function pick<T>(next: () => number, values: T[]): T {
  return values[Math.floor(next() * values.length)];
}

function hostileData(next: () => number): unknown {
  const keys = [
    'label',
    'subject',
    'senderName',
    'senderEmail',
    'variants',
    'controlPercent',
    'cohorts',
    'trigger',
    'wait',
    'text',
  ];
  if (next() < 0.1) return pick(next, garbage);
  const data: Record<string, unknown> = {};
  for (const key of keys)
    if (next() < 0.5)
      data[key] = next() < 0.3 ? [{ id: pick(next, handles), percent: pick(next, garbage) }] : pick(next, garbage);
  return data;
}

function hostileJourney(seed: number): Journey {
  const next = random(seed);
  const ids = Array.from({ length: 12 }, (_, i) => (next() < 0.1 ? pick(next, garbage) : `n${i}`));
  const nodes = ids.map((id) => ({
    id,
    kind: pick(next, kinds),
    position: { x: 0, y: 0 },
    data: hostileData(next),
    problem: next() < 0.1 ? pick(next, garbage) : undefined,
  }));
  const edges = Array.from({ length: 20 }, (_, i) => ({
    id: next() < 0.1 ? pick(next, garbage) : `e${i}`,
    source: next() < 0.1 ? 'ghost' : pick(next, ids),
    sourceHandle: pick(next, handles),
    target: pick(next, ids),
    targetHandle: pick(next, handles),
  }));
  return { nodes: nodes as unknown as JourneyNode[], edges: edges as unknown as JourneyEdge[] };
}

describe('hostile journeys', () => {
  it('never make validateJourney or checkConnection throw', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const j = hostileJourney(seed);
      expect(() => validateJourney(j), `seed ${seed}`).not.toThrow();
      for (const e of j.edges.slice(0, 5)) {
        expect(() => checkConnection(j, e as never), `seed ${seed}`).not.toThrow();
      }
    }
  });

  it('still produce problems with an id, a message and node ids', () => {
    for (let seed = 1; seed <= 50; seed++) {
      for (const p of validateJourney(hostileJourney(seed))) {
        expect(typeof p.id).toBe('string');
        expect(p.message.length).toBeGreaterThan(10);
        expect(Array.isArray(p.nodeIds)).toBe(true);
      }
    }
  });

  it('handles an empty journey', () => {
    expect(validateJourney({ nodes: [], edges: [] }).map((p) => p.code)).toEqual(['noEntry']);
  });
});
