import type { NodeDataOf } from '../journey/kinds';
import type { PreparedNode } from './prepare';
import { splitDraw } from './random';
import type { RunState, StepResult } from './state';

/**
 * A/B experiments and random cohorts. The draw r in [0, 1) is placed on the paths laid
 * end to end in the order the designer lists them (for A/B the control comes last):
 * with 45 / 45 / 10, r < 0.45 is Variant A, 0.45 ≤ r < 0.90 Variant B, the rest Control.
 * Percentages that do not add up to 100 (validation reports it) are scaled to do so.
 */

interface Path {
  port: string;
  name: string;
  percent: number;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

function choose(node: PreparedNode, paths: Path[], state: RunState): StepResult {
  const total = paths.reduce((sum, path) => sum + path.percent, 0);
  if (!(total > 0))
    return { stop: 'invalid', reason: `${node.name} gives every path 0 %; give at least one path a share.` };
  const id = node.node.id;
  const visit = state.visits.get(id) ?? 0;
  state.visits.set(id, visit + 1);
  const r = splitDraw(state.seed, state.contact.id, id, visit);
  let low = 0;
  let pick = paths.findLast((path) => path.percent > 0)!;
  let range = { low: 100 - (pick.percent / total) * 100, high: 100 };
  for (const path of paths) {
    const high = low + (path.percent / total) * 100;
    if (path.percent > 0 && r * 100 < high) {
      pick = path;
      range = { low, high };
      break;
    }
    low = high;
  }
  // Four decimals, rounded down, so the shown draw never lands in the neighbouring range.
  const shown = (Math.floor(r * 10_000) / 10_000).toFixed(4);
  const where = range.low === 0 ? `< ${fmt(range.high)} %` : `in ${fmt(range.low)}–${fmt(range.high)} %`;
  const scaled = Math.abs(total - 100) > 1e-9 ? `; the paths add up to ${fmt(total)} %, so each share is scaled` : '';
  const pass = visit > 0 ? `, pass ${visit + 1}` : '';
  const reason = `random ${shown} ${where} → ${pick.name} (seed ${state.seed}${pass}${scaled})`;
  return { port: pick.port, leaveAt: state.now, reason };
}

/** An A/B experiment: one of the variants, or the control. */
export function runAbSplit(node: PreparedNode, data: NodeDataOf<'abSplit'>, state: RunState): StepResult {
  const paths: Path[] = data.variants.map((v) => ({ port: v.id, name: v.name || v.id, percent: v.percent }));
  paths.push({ port: 'control', name: 'Control', percent: data.controlPercent });
  return choose(node, paths, state);
}

/** A random cohort: one of the cohorts. */
export function runRandomCohort(node: PreparedNode, data: NodeDataOf<'randomCohort'>, state: RunState): StepResult {
  return choose(
    node,
    data.cohorts.map((c) => ({ port: c.id, name: c.name || c.id, percent: c.percent })),
    state,
  );
}
