import type { SimulationResult, SimulationStep } from './types';

/**
 * Where two runs part ways. Runs are aligned step by step; at the first step they do not
 * share, the previous shared step is the branch point (or the entry itself when they
 * entered at different Entries). The alignment then resumes at the first step both runs
 * reach again, so a path that rejoins and splits again gives several divergences.
 */

/** One run's side of a divergence. */
export interface DivergenceSide {
  /** The output taken at the branch point; null when the run stopped there or did not start. */
  port: string | null;
  /** The step this run went to next; null when it stopped. */
  next: string | null;
  /** Why: the branch point's reason in this run, or the run's outcome when it ended there. */
  reason: string;
}

export interface PathDivergence {
  /** The last step both runs shared before parting; null when they parted at the start. */
  nodeId: string | null;
  a: DivergenceSide;
  b: DivergenceSide;
  /** The first step both runs reach again afterwards; null when they never meet again. */
  rejoinsAt: string | null;
}

export interface RunComparison {
  contactA: string;
  contactB: string;
  samePath: boolean;
  /** How many steps the runs share from the start. */
  sharedSteps: number;
  divergences: PathDivergence[];
}

const maxDivergences = 50;

function side(run: SimulationResult, at: SimulationStep | undefined, next: SimulationStep | undefined): DivergenceSide {
  if (!next) {
    const port = at?.port ?? null;
    return { port, next: null, reason: at && port ? at.reason : run.outcomeReason };
  }
  return { port: at?.port ?? null, next: next.nodeId, reason: at ? at.reason : next.reason };
}

/** The nearest pair of positions (i in a, j in b) holding the same node, from the given starts. */
function rejoin(a: readonly string[], b: readonly string[], i0: number, j0: number): [number, number] | null {
  const firstInB = new Map<string, number>();
  for (let j = b.length - 1; j >= j0; j--) firstInB.set(b[j], j);
  let best: [number, number] | null = null;
  for (let i = i0; i < a.length; i++) {
    if (best && i - i0 >= best[0] - i0 + best[1] - j0) break;
    const j = firstInB.get(a[i]);
    if (j !== undefined && (!best || i - i0 + j - j0 < best[0] - i0 + best[1] - j0)) best = [i, j];
  }
  return best;
}

/** Lists where the paths of runs `a` and `b` diverge (empty when they took the same path). */
export function compareRuns(a: SimulationResult, b: SimulationResult): RunComparison {
  const pa = a.steps.map((s) => s.nodeId);
  const pb = b.steps.map((s) => s.nodeId);
  const divergences: PathDivergence[] = [];
  let i = 0;
  let j = 0;
  let sharedSteps = -1;
  while (divergences.length < maxDivergences) {
    while (i < pa.length && j < pb.length && pa[i] === pb[j]) {
      i++;
      j++;
    }
    if (sharedSteps < 0) sharedSteps = i;
    if (i >= pa.length && j >= pb.length) break;
    const met = rejoin(pa, pb, i, j);
    divergences.push({
      nodeId: i > 0 ? pa[i - 1] : null,
      a: side(a, a.steps[i - 1], a.steps[i]),
      b: side(b, b.steps[j - 1], b.steps[j]),
      rejoinsAt: met ? pa[met[0]] : null,
    });
    if (!met) break;
    [i, j] = met;
  }
  return { contactA: a.contactId, contactB: b.contactId, samePath: divergences.length === 0, sharedSteps, divergences };
}
