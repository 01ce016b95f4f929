import { portsOf, type Journey } from '../../../shared/journey';
import type { DivergenceSide, RunComparison, SimulationOutcome, SimulationResult } from '../../../shared/simulator';

/** How the results name things: outcomes, ports and where two runs part ways. */

export const outcomeLabels: Record<SimulationOutcome, string> = {
  goal: 'Reached the goal',
  exit: 'Left the journey',
  deadEnd: 'Stopped at an unconnected output',
  horizon: 'Still waiting when the simulation ended',
  stepLimit: 'Stopped after too many steps',
  notEntered: 'Did not enter the journey',
  invalid: 'Could not be simulated',
};

/** Output labels per node (`yes` → `Yes`), for nodes with more than one output. */
export type PortLabels = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** The branch labels of `journey`; steps with a single output are left out (their port says nothing). */
export function branchLabels(journey: Journey): PortLabels {
  const labels = new Map<string, Map<string, string>>();
  for (const node of journey.nodes) {
    const outputs = portsOf(node.kind, node.data).outputs;
    if (outputs.length > 1) labels.set(node.id, new Map(outputs.map((p) => [p.id, p.label])));
  }
  return labels;
}

/** The label of output `port` of step `nodeId`; null for single-output steps or no port. */
export function portLabel(labels: PortLabels, nodeId: string, port: string | null): string | null {
  if (port === null) return null;
  const ports = labels.get(nodeId);
  return ports ? (ports.get(port) ?? port) : null;
}

function stepNames(a: SimulationResult, b: SimulationResult): Map<string, string> {
  const names = new Map<string, string>();
  for (const step of [...a.steps, ...b.steps]) names.set(step.nodeId, step.name);
  return names;
}

function sideText(
  who: string,
  side: DivergenceSide,
  at: string | null,
  labels: PortLabels,
  names: Map<string, string>,
) {
  const next = side.next === null ? null : (names.get(side.next) ?? 'a step');
  if (at === null) return next === null ? `${who} does not enter` : `${who} enters at ${next}`;
  const label = side.port === null ? null : (portLabel(labels, at, side.port) ?? next ?? side.port);
  if (label === null) return `${who} stops there`;
  return next === null ? `${who} → ${label}, then stops` : `${who} → ${label}`;
}

/** One sentence per place where the runs part ways, e.g. `Paths diverge at “Activated?”: Ada → Yes, Bob → No`. */
export function describeComparison(
  comparison: RunComparison,
  runs: readonly [SimulationResult, SimulationResult],
  who: readonly [string, string],
  labels: PortLabels,
): string[] {
  if (comparison.samePath) return [`${who[0]} and ${who[1]} take the same path.`];
  const names = stepNames(...runs);
  return comparison.divergences.map((d) => {
    const where = d.nodeId === null ? 'Paths differ from the start' : `Paths diverge at ${names.get(d.nodeId)}`;
    const a = sideText(who[0], d.a, d.nodeId, labels, names);
    const b = sideText(who[1], d.b, d.nodeId, labels, names);
    const rejoin = d.rejoinsAt === null ? '' : `; they meet again at ${names.get(d.rejoinsAt)}`;
    return `${where}: ${a}, ${b}${rejoin}.`;
  });
}

/** The runs to compare pairwise: every pair of the first `max` runs. */
export function pairsOf<T>(items: readonly T[], max = 8): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const n = Math.min(items.length, max);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
  return pairs;
}
