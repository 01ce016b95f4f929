import { describe, it, expect } from 'vitest';
import type { NodeKind } from '../../../../src/shared/journey/kinds';
import { validateJourney } from '../../../../src/shared/journey/validate';
import type { Journey } from '../../../../src/shared/journey/model';
import { edge, email, node } from './fixtures';

/** Blocks of four: email, timing step, email, condition whose "no" path loops to the block start. */
function kindAt(i: number): NodeKind {
  if (i % 4 === 0) return 'condition';
  if (i % 4 !== 2) return 'email';
  if (i % 40 === 2) return 'updateProfile'; // a loop with no delay, every tenth block
  return i % 40 === 22 ? 'waitUntil' : 'delay';
}

const nextHandle: Partial<Record<NodeKind, string>> = { condition: 'yes', waitUntil: 'event' };

/** entry, 1,998 steps, goal: 2,000 nodes and about 2,550 edges. */
function bigJourney(): Journey {
  const j: Journey = { nodes: [node('n0', 'entry')], edges: [] };
  for (let i = 1; i < 1999; i++) {
    const kind = kindAt(i);
    j.nodes.push(kind === 'email' ? email(`n${i}`) : node(`n${i}`, kind));
    j.edges.push(edge(`n${i - 1}`, nextHandle[j.nodes[i - 1].kind] ?? 'out', `n${i}`));
    if (kind === 'condition') j.edges.push(edge(`n${i}`, 'no', `n${i - 3}`));
    if (kind === 'waitUntil') j.edges.push(edge(`n${i}`, 'timeout', 'n1999'));
  }
  j.nodes.push(node('n1999', 'goal'));
  j.edges.push(edge('n1998', nextHandle[j.nodes[1998].kind] ?? 'out', 'n1999'));
  return j;
}

describe('validateJourney at scale', () => {
  it('validates a 2,000-node, 2,500-edge journey and finds exactly its delay-less loops', () => {
    const j = bigJourney();
    expect(j.nodes).toHaveLength(2000);
    expect(j.edges.length).toBeGreaterThanOrEqual(2500);
    const problems = validateJourney(j);
    expect(problems).toHaveLength(50);
    expect(problems.every((p) => p.code === 'loopWithoutDelay' && p.nodeIds.length === 4)).toBe(true);
    expect(problems[0].nodeIds).toEqual(['n1', 'n2', 'n3', 'n4']);
  });
});
