import { isNodeKind, nodeDataSchemas, type NodeDataOf } from './kinds';
import { nodeName } from './journeyIndex';
import type { JourneyNode } from './model';
import { problem, type Problem } from './problems';

/**
 * Checks of one node on its own: its data against its kind's schema, then what the
 * schema cannot say (an email needs a subject, percentages must add up). Content checks
 * run only on data that passed the schema, so they can trust its types.
 */

const percentTolerance = 1e-9;
// Shape only (something@domain.tld); whether it is deliverable is the sender's business.
const addressShape = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Problems with the data of `node`. */
export function checkNodeData(node: JourneyNode): Problem[] {
  if (typeof node.problem === 'string' && node.problem.trim()) {
    // The reader already knows the data is damaged; checking its content would only
    // repeat that, or report defaults the reader put in its place.
    const message = `${nodeName(node)} is damaged (${node.problem.trim()}); fix it in the inspector or delete it.`;
    return [problem('damagedNode', message, [node.id])];
  }
  if (!isNodeKind(node.kind)) {
    const message = `This step is of a kind Maily does not know (“${String(node.kind)}”); it may come from a newer version. Delete it or update Maily.`;
    return [problem('invalidData', message, [node.id])];
  }
  const parsed = nodeDataSchemas[node.kind].safeParse(node.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? `“${issue.path.map(pathPart).join(' ')}”` : 'its settings';
    const message = `${nodeName(node)} has a setting that is not valid: ${where} — ${issue.message}. Fix it in the inspector.`;
    return [problem('invalidData', message, [node.id])];
  }
  if (node.kind === 'email') return checkEmail(node, parsed.data as NodeDataOf<'email'>);
  if (node.kind === 'abSplit') return checkAbSplit(node, parsed.data as NodeDataOf<'abSplit'>);
  if (node.kind === 'randomCohort') return checkCohorts(node, parsed.data as NodeDataOf<'randomCohort'>);
  return [];
}

function pathPart(part: PropertyKey): string {
  // Designers count from 1: variants.0.percent reads "variants 1 percent".
  return typeof part === 'number' ? String(part + 1) : String(part);
}

function checkEmail(node: JourneyNode, data: NodeDataOf<'email'>): Problem[] {
  const found: Problem[] = [];
  const name = nodeName(node);
  if (!data.subject.trim())
    found.push(problem('emailMissingSubject', `${name} has no subject; write one in the inspector.`, [node.id]));
  const missing = [!data.senderName.trim() && 'sender name', !data.senderEmail.trim() && 'sender email'].filter(
    Boolean,
  );
  if (missing.length > 0) {
    found.push(
      problem('emailMissingSender', `${name} has no ${missing.join(' or ')}; fill it in the inspector.`, [node.id]),
    );
  }
  if (data.senderEmail.trim() && !addressShape.test(data.senderEmail.trim())) {
    const message = `The sender email of ${name} does not look like an address (name@example.com); correct it.`;
    found.push(problem('emailBadSenderAddress', message, [node.id]));
  }
  return found;
}

function checkAbSplit(node: JourneyNode, data: NodeDataOf<'abSplit'>): Problem[] {
  const found: Problem[] = [];
  const name = nodeName(node);
  const total = data.variants.reduce((sum, v) => sum + v.percent, data.controlPercent);
  if (Math.abs(total - 100) > percentTolerance) {
    const message = `The variants and control of ${name} add up to ${formatPercent(total)}%; make them add up to 100%.`;
    found.push(problem('abPercentTotal', message, [node.id]));
  }
  const ids = data.variants.map((v) => v.id);
  const repeated = duplicates(ids);
  if (repeated.length > 0) {
    const message = `Several variants of ${name} share the id ${quoteAll(repeated)}; give each variant its own id.`;
    found.push(problem('abDuplicateVariantId', message, [node.id]));
  }
  if (ids.some((id) => id.toLowerCase() === 'control')) {
    const message = `A variant of ${name} uses the id “control”, which belongs to the control group; rename the variant.`;
    found.push(problem('abReservedVariantId', message, [node.id]));
  }
  return found;
}

function checkCohorts(node: JourneyNode, data: NodeDataOf<'randomCohort'>): Problem[] {
  const found: Problem[] = [];
  const name = nodeName(node);
  const total = data.cohorts.reduce((sum, c) => sum + c.percent, 0);
  if (Math.abs(total - 100) > percentTolerance) {
    const message = `The cohorts of ${name} add up to ${formatPercent(total)}%; make them add up to 100%.`;
    found.push(problem('cohortPercentTotal', message, [node.id]));
  }
  const repeated = duplicates(data.cohorts.map((c) => c.id));
  if (repeated.length > 0) {
    const message = `Several cohorts of ${name} share the id ${quoteAll(repeated)}; give each cohort its own id.`;
    found.push(problem('cohortDuplicateId', message, [node.id]));
  }
  return found;
}

/**
 * Ids used more than once, ignoring case: ids that differ only in case read as the same
 * path on the canvas and in reports.
 */
function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) {
    const key = id.toLowerCase();
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
  }
  return [...repeated];
}

function quoteAll(values: string[]): string {
  return values.map((v) => `“${v}”`).join(', ');
}

/** Two decimals, unless rounding would show exactly 100 for a total that is not 100. */
function formatPercent(total: number): string {
  const rounded = Math.round(total * 100) / 100;
  return rounded === 100 ? String(total) : String(rounded);
}
