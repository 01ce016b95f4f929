import type { Problem } from '../../../shared/journey';
import type { NodeMark } from './flowTypes';

export interface ProblemMarks {
  /** Per node: the worst severity among its problems, and how many it has. */
  marks: Map<string, NodeMark>;
  /** Edges named by any problem. */
  markedEdges: Set<string>;
  errors: number;
  warnings: number;
}

/** What the canvas highlights for `problems`. */
export function markProblems(problems: readonly Problem[]): ProblemMarks {
  const marks = new Map<string, NodeMark>();
  const markedEdges = new Set<string>();
  let errors = 0;
  for (const problem of problems) {
    if (problem.severity === 'error') errors++;
    for (const id of new Set(problem.nodeIds)) {
      const mark = marks.get(id);
      const severity = mark?.severity === 'error' || problem.severity === 'error' ? 'error' : 'warning';
      marks.set(id, { severity, count: (mark?.count ?? 0) + 1 });
    }
    for (const id of problem.edgeIds ?? []) markedEdges.add(id);
  }
  return { marks, markedEdges, errors, warnings: problems.length - errors };
}
