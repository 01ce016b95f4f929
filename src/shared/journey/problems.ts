/**
 * The catalogue of journey problems. The order here is the order problems of equal
 * severity are listed in: the journey's shape first, then single steps.
 */
export const problemCatalogue = {
  /** The journey has no Entry, so no contact can ever start it. */
  noEntry: 'error',
  /** A node's kind is unknown or its data fails the kind's schema. */
  invalidData: 'error',
  /** The document reader flagged the node as damaged (`JourneyNode.problem`). */
  damagedNode: 'error',
  /** A loop with no Delay or Wait-until: contacts would spin through it at once. */
  loopWithoutDelay: 'error',
  /** An output with no connection: contacts that take it would be stuck. */
  deadEnd: 'error',
  /** One output connected to several steps (e.g. two designers connected it at once). */
  outputFanOut: 'error',
  /** An edge whose node or port no longer exists. */
  danglingEdge: 'warning',
  /** A step no Entry leads to; no contact will ever get there. */
  unreachable: 'warning',
  emailMissingSubject: 'error',
  /** Sender name or sender email is empty. */
  emailMissingSender: 'error',
  emailBadSenderAddress: 'error',
  /** A/B variants plus control do not add up to 100%. */
  abPercentTotal: 'error',
  /** Two A/B variants share an id, so their outputs collide. */
  abDuplicateVariantId: 'error',
  /** An A/B variant uses the id `control`, which is the control group's output. */
  abReservedVariantId: 'error',
  /** Random cohorts do not add up to 100%. */
  cohortPercentTotal: 'error',
  /** Two cohorts share an id, so their outputs collide. */
  cohortDuplicateId: 'error',
} as const satisfies Record<string, Severity>;

export type Severity = 'error' | 'warning';

/** Every problem code validation can produce. */
export type ProblemCode = keyof typeof problemCatalogue;

/** One thing wrong with a journey, written so the designer knows what to fix. */
export interface Problem {
  /** Stable across runs: the code plus the ids of the nodes (or edges) concerned. */
  id: string;
  code: ProblemCode;
  severity: Severity;
  message: string;
  nodeIds: string[];
  edgeIds?: string[];
}

/**
 * Builds a problem with its catalogue severity. `key` distinguishes problems of one code
 * on the same nodes (e.g. two outputs of one split); it defaults to the node ids.
 */
export function problem(
  code: ProblemCode,
  message: string,
  nodeIds: string[],
  extra: { edgeIds?: string[]; key?: string } = {},
): Problem {
  const key = extra.key ?? nodeIds.join(',');
  const made: Problem = { id: key ? `${code}:${key}` : code, code, severity: problemCatalogue[code], message, nodeIds };
  if (extra.edgeIds) made.edgeIds = extra.edgeIds;
  return made;
}

const codeOrder = new Map(Object.keys(problemCatalogue).map((code, i) => [code, i]));

function compareText(a: string, b: string): number {
  // Not localeCompare: the order must not depend on the machine's locale.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Errors first, then catalogue order, then first node id, then problem id. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  const byCode = codeOrder.get(a.code)! - codeOrder.get(b.code)!;
  if (byCode !== 0) return byCode;
  return compareText(a.nodeIds[0] ?? '', b.nodeIds[0] ?? '') || compareText(a.id, b.id);
}
