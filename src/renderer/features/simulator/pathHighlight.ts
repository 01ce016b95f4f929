import type { SimulationResult } from '../../../shared/simulator';

/** What the canvas marks for one run: the steps and connections it took, and why at each step. */
export interface PathHighlight {
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
  /** The reason shown on each step of the path; a step visited several times lists each visit. */
  notes: ReadonlyMap<string, string>;
}

const maxVisitsShown = 3;

/** The highlight for `run`; null when there is no run (the canvas then shows no path). */
export function pathHighlight(run: SimulationResult | null | undefined): PathHighlight | null {
  if (!run) return null;
  const visits = new Map<string, string[]>();
  for (const step of run.steps) {
    const list = visits.get(step.nodeId) ?? [];
    list.push(step.reason);
    visits.set(step.nodeId, list);
  }
  const notes = new Map<string, string>();
  for (const [id, reasons] of visits) {
    if (reasons.length === 1) notes.set(id, reasons[0]);
    else {
      const shown = reasons.slice(0, maxVisitsShown).map((r, i) => `Visit ${i + 1}: ${r}`);
      const more = reasons.length - shown.length;
      notes.set(id, [...shown, ...(more > 0 ? [`…and ${more} more visits`] : [])].join('\n'));
    }
  }
  return { nodeIds: new Set(run.path), edgeIds: new Set(run.edgeIds), notes };
}
