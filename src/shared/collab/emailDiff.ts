import type * as Y from 'yjs';
import type { Block } from '../email/blocks';
import { emailsMap, readEmail } from '../email/readEmail';
import type { JourneyNode } from '../journey/model';
import { sameJson } from './jsonEqual';
import type { EmailChange, FieldChange } from './versions';

/** The Email node fields a designer sees as the email's message settings. */
export const EMAIL_FIELDS = ['subject', 'preheader', 'senderName', 'senderEmail', 'replyTo'] as const;

/** Every block by id, a row's columns reduced to the ids they hold (their blocks are listed too). */
function flatten(blocks: readonly Block[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const block of blocks) {
    if (block.kind === 'columns') {
      out.set(block.id, JSON.stringify({ ...block, columns: block.columns.map((c) => c.map((b) => b.id)) }));
      for (const inner of block.columns.flat()) out.set(inner.id, JSON.stringify(inner));
    } else out.set(block.id, JSON.stringify(block));
  }
  return out;
}

/** Ids of the blocks present on both sides whose order among each other differs. */
function reordered(from: readonly Block[], to: readonly Block[]): Set<string> {
  const inTo = new Set(to.map((b) => b.id));
  const inFrom = new Set(from.map((b) => b.id));
  const a = from.map((b) => b.id).filter((id) => inTo.has(id));
  const b = to.map((b) => b.id).filter((id) => inFrom.has(id));
  return new Set(b.filter((id, i) => a[i] !== id));
}

function countBlocks(from: readonly Block[], to: readonly Block[]) {
  const before = flatten(from);
  const after = flatten(to);
  const moved = reordered(from, to);
  let blocksAdded = 0;
  let blocksChanged = 0;
  for (const [id, json] of after) {
    const old = before.get(id);
    if (old === undefined) blocksAdded++;
    else if (old !== json || moved.has(id)) blocksChanged++;
  }
  const blocksRemoved = [...before.keys()].filter((id) => !after.has(id)).length;
  return { blocksAdded, blocksRemoved, blocksChanged };
}

function fieldChanges(from: JourneyNode | undefined, to: JourneyNode | undefined): FieldChange[] {
  // An Email step added or removed as a whole is listed under Nodes with all its fields.
  if (!from || !to) return [];
  const changes: FieldChange[] = [];
  for (const field of EMAIL_FIELDS) {
    const before = from.data[field];
    const after = to.data[field];
    if (!sameJson(before, after)) changes.push({ field, before, after });
  }
  return changes;
}

function emailIds(doc: Y.Doc, nodes: ReadonlyMap<string, JourneyNode>, into: Set<string>): void {
  for (const node of nodes.values()) if (node.kind === 'email') into.add(node.id);
  emailsMap(doc).forEach((_value, id) => into.add(id));
}

/**
 * What changed in each email between two documents: the Email node's message fields
 * and the body's blocks (by id, compared as read, order included). `nodes` are the
 * already read journeys; `label` names a node the way the rest of the diff does.
 */
export function diffEmails(
  from: Y.Doc,
  to: Y.Doc,
  nodes: { from: ReadonlyMap<string, JourneyNode>; to: ReadonlyMap<string, JourneyNode> },
  label: (node: JourneyNode) => string,
): EmailChange[] {
  const ids = new Set<string>();
  emailIds(from, nodes.from, ids);
  emailIds(to, nodes.to, ids);
  const changes: EmailChange[] = [];
  for (const emailId of [...ids].sort()) {
    const before = nodes.from.get(emailId);
    const after = nodes.to.get(emailId);
    const emailNode = (n: JourneyNode | undefined) => (n?.kind === 'email' ? n : undefined);
    const fields = fieldChanges(emailNode(before), emailNode(after));
    const counts = countBlocks(readEmail(from, emailId).blocks, readEmail(to, emailId).blocks);
    if (fields.length === 0 && counts.blocksAdded + counts.blocksRemoved + counts.blocksChanged === 0) continue;
    const named = after ?? before;
    changes.push({ emailId, label: named ? label(named) : 'Email', fields, ...counts });
  }
  return changes;
}
