import { describe, expect, it } from 'vitest';
import { readJourney } from '../../../../src/shared/journey/ydoc';
import { compareRuns, simulateMany, type SampleContact } from '../../../../src/shared/simulator';
import { buildTemplate } from '../../../../src/shared/templates';
import {
  branchLabels,
  describeComparison,
  pairsOf,
  portLabel,
} from '../../../../src/renderer/features/simulator/describeRun';
import { pathHighlight } from '../../../../src/renderer/features/simulator/pathHighlight';
import { earliestEvent, starterContact } from '../../../../src/renderer/features/simulator/starterContact';

const START = Date.parse('2026-03-02T09:00:00Z');
const welcome = readJourney(buildTemplate('welcome'));

function contact(id: string, activated: boolean): SampleContact {
  return { id, name: id, attributes: { activated }, events: [{ name: 'signed_up', at: START }] };
}

describe('explaining runs of the welcome series', () => {
  const [ada, bob] = simulateMany(welcome, [contact('Ada', true), contact('Bob', false)], { seed: 1, start: START });
  const labels = branchLabels(welcome);

  it('names the branch each contact took where their paths part', () => {
    const lines = describeComparison(compareRuns(ada, bob), [ada, bob], ['Ada', 'Bob'], labels);
    expect(lines).toEqual(['Paths diverge at “Activated?”: Ada → Yes, Bob → No.']);
    expect(describeComparison(compareRuns(ada, ada), [ada, ada], ['Ada', 'Ada 2'], labels)).toEqual([
      'Ada and Ada 2 take the same path.',
    ]);
  });

  it('says when one contact did not enter', () => {
    const [out] = simulateMany(welcome, [{ ...contact('Cy', true), events: [] }], { seed: 1, start: START });
    const [line] = describeComparison(compareRuns(ada, out), [ada, out], ['Ada', 'Cy'], labels);
    expect(line).toBe('Paths differ from the start: Ada enters at “Signed up”, Cy does not enter.');
  });

  it('labels only branching outputs', () => {
    const condition = ada.steps.find((s) => s.kind === 'condition')!;
    expect(portLabel(labels, condition.nodeId, 'yes')).toBe('Yes');
    expect(portLabel(labels, ada.steps[0].nodeId, 'out')).toBeNull();
    expect(portLabel(labels, condition.nodeId, null)).toBeNull();
  });

  it('highlights the path with the reason at each step', () => {
    const highlight = pathHighlight(ada)!;
    expect([...highlight.nodeIds]).toEqual(ada.path);
    expect([...highlight.edgeIds]).toEqual(ada.edgeIds);
    const condition = ada.steps.find((s) => s.kind === 'condition')!;
    expect(highlight.notes.get(condition.nodeId)).toBe(condition.reason);
    expect(pathHighlight(null)).toBeNull();
  });

  it('lists each visit of a step visited several times', () => {
    const looped = { ...ada, steps: [ada.steps[0], ada.steps[0], ada.steps[0], ada.steps[0], ada.steps[0]] };
    const note = pathHighlight(looped)!.notes.get(ada.steps[0].nodeId)!;
    expect(note.split('\n')).toHaveLength(4);
    expect(note).toMatch(/^Visit 1: .*\n.*\n.*\n…and 2 more visits$/);
  });
});

describe('new sample contacts', () => {
  it('carry what the first Entry waits for', () => {
    expect(starterContact(welcome, 'Ada', START, 'Europe/Paris')).toEqual({
      name: 'Ada',
      attributes: {},
      timezone: 'Europe/Paris',
      events: [{ name: 'signed_up', at: START }],
    });
    expect(starterContact({ nodes: [], edges: [] }, 'X', START, 'UTC').events).toEqual([]);
  });

  it('start the clock at the earliest event', () => {
    const a = { ...contact('a', true), events: [{ name: 'x', at: 5 }] };
    const b = {
      ...contact('b', true),
      events: [
        { name: 'y', at: 3 },
        { name: 'z', at: 9 },
      ],
    };
    expect(earliestEvent([a, b])).toBe(3);
    expect(earliestEvent([{ ...a, events: [] }])).toBeNull();
  });
});

describe('pairs to compare', () => {
  it('are every pair of the first few runs', () => {
    expect(pairsOf([1, 2, 3])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    expect(pairsOf(Array(20).fill(0), 8)).toHaveLength(28);
  });
});
