import { useMemo } from 'react';
import type { EmailProblem } from '../../../shared/email/blocks';

/** Problems per block (for the outline's badges and the block panel) and those of the whole email. */
export interface ProblemIndex {
  byBlock: ReadonlyMap<string, string[]>;
  counts: ReadonlyMap<string, number>;
  general: string[];
}

/** Groups problems by block; the same message for the same block is listed once. */
export function indexProblems(...lists: readonly (readonly EmailProblem[])[]): ProblemIndex {
  const byBlock = new Map<string, string[]>();
  const general: string[] = [];
  for (const problem of lists.flat()) {
    const list = problem.blockId === null ? general : (byBlock.get(problem.blockId) ?? []);
    if (!list.includes(problem.message)) list.push(problem.message);
    if (problem.blockId !== null) byBlock.set(problem.blockId, list);
  }
  const counts = new Map([...byBlock].map(([id, messages]) => [id, messages.length]));
  return { byBlock, counts, general };
}

/**
 * Read problems (damaged data in the document) and render errors together. General
 * render errors are listed in the preview, so only read problems count as general here.
 */
export function useProblems(read: readonly EmailProblem[], rendered: readonly EmailProblem[]): ProblemIndex {
  return useMemo(() => {
    const index = indexProblems(
      read,
      rendered.filter((p) => p.blockId !== null),
    );
    return index;
  }, [read, rendered]);
}
