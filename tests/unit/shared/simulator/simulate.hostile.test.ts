import { describe, expect, it } from 'vitest';
import { defaultNodeData, nodeKinds, portsOf, type NodeKind } from '../../../../src/shared/journey/kinds';
import type { Journey, JourneyNode } from '../../../../src/shared/journey/model';
import { simulate, simulateMany, type SampleContact, type SimulationOptions } from '../../../../src/shared/simulator';
import { seededRandom } from '../../../../src/shared/simulator/random';
import { contact, edge, email, line, node, options, START, trialEntry } from './fixtures';

const outcomes = ['goal', 'exit', 'deadEnd', 'horizon', 'stepLimit', 'notEntered', 'invalid'];

const junk: unknown[] = [null, undefined, 42, 'text', [], {}, { mode: 'fixed' }, -1, NaN, { __proto__: { x: 1 } }];

/** A random journey: random kinds, sometimes damaged data, random edges including bad ones. */
function randomJourney(random: () => number): Journey {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const count = 2 + Math.floor(random() * 12);
  const nodes: JourneyNode[] = Array.from({ length: count }, (_, i) => {
    const kind: NodeKind = i === 0 ? 'entry' : pick(nodeKinds);
    const data = random() < 0.15 ? { wait: pick(junk), trigger: pick(junk), label: pick(junk) } : defaultNodeData(kind);
    if (kind === 'entry' && random() < 0.7)
      Object.assign(data, { trigger: { type: 'segment', segment: 'trial', reentry: false } });
    return { id: `n${i}`, kind, position: { x: 0, y: 0 }, data: data as Record<string, unknown> };
  });
  const edges = [];
  for (let i = 0; i < count * 2; i++) {
    const source = pick(nodes);
    const outputs = portsOf(source.kind, source.data).outputs.map((p) => p.id);
    const handle = random() < 0.9 && outputs.length > 0 ? pick(outputs) : pick(['out', 'nope', '']);
    edges.push(edge(source.id, handle, random() < 0.9 ? pick(nodes).id : 'ghost', 'in', `e${i}`));
  }
  return { nodes, edges };
}

describe('simulate on hostile input', () => {
  it('never throws on random, damaged and cyclic journeys, and always explains the outcome', () => {
    const random = seededRandom(2026);
    for (let round = 0; round < 400; round++) {
      const journey = randomJourney(random);
      const result = simulate(
        journey,
        contact({ events: [{ name: 'purchase', at: START + 1000 }] }),
        options({ maxSteps: 200 }),
      );
      expect(outcomes).toContain(result.outcome);
      expect(result.outcomeReason.length).toBeGreaterThan(10);
      expect(result.outcomeReason).not.toMatch(/simulator failed/);
      expect(result.steps.length).toBeLessThanOrEqual(200);
      expect(result.path).toEqual(result.steps.map((s) => s.nodeId));
    }
  });

  it('survives a journey that is not a journey', () => {
    for (const journey of [
      null,
      undefined,
      7,
      'x',
      { nodes: 'no' },
      { nodes: [null, 3, { id: 1 }], edges: [null, {}] },
    ]) {
      const result = simulate(journey as unknown as Journey, contact(), options());
      expect(result.outcome).toBe('notEntered');
    }
  });

  it('survives contacts and options that are not what they claim', () => {
    const j = line([node('u', 'updateProfile', { operation: 'set', attribute: '__proto__', value: 'x' }), email('m')]);
    const contacts = [
      null,
      42,
      { id: 5, attributes: [], events: 'soon', timezone: 12 },
      {
        id: 'x',
        attributes: { segments: 'trial', nested: { a: 1 }, n: Infinity },
        events: [null, { name: 3, at: 'x' }, { name: 'ok', at: 1e20 }],
      },
      { ...contact(), attributes: JSON.parse('{"__proto__": "trial", "segments": "trial"}') },
    ] as unknown as SampleContact[];
    const results = simulateMany(j, contacts, {
      seed: NaN,
      start: START,
      horizonDays: -5,
      maxSteps: Infinity,
    } as SimulationOptions);
    expect(results).toHaveLength(contacts.length);
    expect(results.map((r) => r.outcome)).toEqual(['notEntered', 'notEntered', 'notEntered', 'goal', 'goal']);
    expect(results[4].attributes.__proto__).toBe('x');
    expect(Object.getPrototypeOf(results[4].attributes)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(simulateMany(j, null as unknown as SampleContact[], options())).toEqual([]);
  });

  it('ignores dangling edges, edges to notes and unknown kinds; follows the lowest edge id on a fan-out', () => {
    const strange = { ...email('alien'), kind: 'hologram' } as unknown as JourneyNode;
    const j: Journey = {
      nodes: [trialEntry(), email('m1'), email('m2'), node('note', 'note'), strange, node('goal', 'goal')],
      edges: [
        edge('entry', 'out', 'note', 'in', 'a-note'),
        edge('entry', 'out', 'alien', 'in', 'b-alien'),
        edge('entry', 'out', 'm2', 'in', 'd-m2'),
        edge('entry', 'out', 'm1', 'in', 'c-m1'),
        edge('m1', 'out', 'goal'),
        edge('m2', 'out', 'goal'),
      ],
    };
    const result = simulate(j, contact(), options());
    expect(result.path).toEqual(['entry', 'm1', 'goal']);
    expect(result.edgeIds[0]).toBe('c-m1');
  });

  it('uses the first of two nodes with the same id', () => {
    const j = line([email('m'), { ...node('m', 'goal', { type: 'exit' }) }]);
    expect(simulate(j, contact(), options()).path).toEqual(['entry', 'm', 'goal']);
  });

  it('is repeatable for every journey the fuzzer makes', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 50; round++) {
      const journey = randomJourney(random);
      const again = structuredClone(journey);
      expect(simulate(journey, contact(), options())).toEqual(simulate(again, contact(), options()));
    }
  });
});
