import type { Journey, JourneyEdge, JourneyNode } from '../../../../src/shared/journey/model';
import type { SampleContact, SimulationOptions } from '../../../../src/shared/simulator';
import { edge, node } from '../journey/fixtures';

/** Builders for simulator tests: small journeys, contacts and a fixed start. */

export { edge, email, node } from '../journey/fixtures';

/** Monday 2 March 2026, 08:00 UTC (09:00 in Paris). */
export const START = Date.parse('2026-03-02T08:00:00Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const options = (extra: Partial<SimulationOptions> = {}): SimulationOptions => ({
  seed: 42,
  start: START,
  ...extra,
});

/** A contact in the `trial` segment; override any field. */
export function contact(extra: Partial<SampleContact> = {}): SampleContact {
  return { id: 'ada', name: 'Ada', attributes: { segments: 'trial', first_name: 'Ada' }, events: [], ...extra };
}

/** An Entry on the `trial` segment. */
export function trialEntry(id = 'entry'): JourneyNode {
  return node(id, 'entry', { trigger: { type: 'segment', segment: 'trial', reentry: false } });
}

/**
 * entry → steps… in a line (each `out` to the next), ending at a Goal called `goal`.
 * Pass extra edges for the other outputs of splits.
 */
export function line(
  steps: JourneyNode[],
  extra: JourneyEdge[] = [],
  end: JourneyNode = node('goal', 'goal'),
): Journey {
  const nodes = [trialEntry(), ...steps, end];
  const edges = nodes.slice(0, -1).map((n, i) => edge(n.id, firstOutput(n), nodes[i + 1].id));
  return { nodes, edges: [...edges, ...extra] };
}

function firstOutput(n: JourneyNode): string {
  if (n.kind === 'condition') return 'yes';
  if (n.kind === 'waitUntil') return 'event';
  return 'out';
}
