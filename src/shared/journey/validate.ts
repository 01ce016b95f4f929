import { indexJourney } from './journeyIndex';
import type { Journey } from './model';
import { compareProblems, type Problem } from './problems';
import { checkNodeData } from './validateData';
import { checkFlow } from './validateFlow';

export { problemCatalogue, type Problem, type ProblemCode, type Severity } from './problems';

/**
 * Everything wrong with a journey, for the problems panel and the canvas badges. It
 * never throws, whatever the document holds, and is linear in nodes + edges so it can
 * run after every change on journeys with thousands of steps.
 *
 * The order is deterministic: errors first, then by code (catalogue order), then by
 * first node id.
 */
export function validateJourney(journey: Journey): Problem[] {
  const index = indexJourney(journey);
  const problems = checkFlow(index);
  for (const node of index.nodes.values()) problems.push(...checkNodeData(node));
  return problems.sort(compareProblems);
}
