import * as Y from 'yjs';
import {
  MAX_BLOCKS,
  MAX_COLUMN_BLOCKS,
  MAX_HREF_CHARS,
  MAX_TEXT_CHARS,
  blockIdSchema,
  blockSchema,
  blockSchemas,
  isBlockKind,
  type Block,
  type BlockKind,
  type EmailContent,
  type EmailProblem,
  type LeafBlock,
  type TextRun,
} from './blocks';
import { defaultBlock } from './defaultBlock';

/**
 * Reading email bodies out of a campaign's Y.Doc (layout in `emailDoc.ts`). Everything
 * in the doc may come from a peer, so nothing here trusts it and nothing throws: what
 * cannot be read is skipped or repaired, and each time a problem says why.
 */

export const EMAILS_KEY = 'emails';

/** The map of email bodies, keyed by Email node id; values are untrusted. */
export function emailsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(EMAILS_KEY);
}

/** Fields read from the Y.Map itself rather than by the per-field schema. */
const structural = new Set(['id', 'kind', 'text', 'columns']);
const MAX_RUNS = 5000;

type Problems = EmailProblem[];

function plain(value: unknown): unknown {
  return value instanceof Y.AbstractType ? value.toJSON() : value;
}

function issueText(error: { issues: readonly { message: string }[] }): string {
  return error.issues[0]?.message ?? 'invalid';
}

/** Keeps the formats the editor offers; anything else a peer added is dropped quietly. */
function runAttributes(raw: unknown): TextRun['attributes'] {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const a = raw as Record<string, unknown>;
  const out: NonNullable<TextRun['attributes']> = {};
  if (a.bold === true) out.bold = true;
  if (a.italic === true) out.italic = true;
  const link = a.link as { href?: unknown } | null | undefined;
  if (typeof link?.href === 'string' && link.href.length <= MAX_HREF_CHARS) out.link = { href: link.href };
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The rich text of a text block, capped at {@link MAX_TEXT_CHARS}. */
export function readRuns(text: Y.Text, id: string, problems: Problems): TextRun[] {
  const runs: TextRun[] = [];
  let chars = 0;
  let dropped = 0;
  for (const op of text.toDelta() as { insert?: unknown; attributes?: unknown }[]) {
    if (typeof op.insert !== 'string') {
      dropped++;
      continue;
    }
    if (chars + op.insert.length > MAX_TEXT_CHARS || runs.length >= MAX_RUNS) {
      problems.push({
        blockId: id,
        message: `The text is longer than ${MAX_TEXT_CHARS} characters; the rest is hidden.`,
      });
      const room = Math.max(0, MAX_TEXT_CHARS - chars);
      if (room > 0 && runs.length < MAX_RUNS) runs.push({ insert: op.insert.slice(0, room) });
      break;
    }
    chars += op.insert.length;
    const attributes = runAttributes(op.attributes);
    runs.push(attributes ? { insert: op.insert, attributes } : { insert: op.insert });
  }
  if (dropped > 0) problems.push({ blockId: id, message: `${dropped} embedded object(s) in the text were skipped.` });
  return runs;
}

function readText(kind: 'heading' | 'text', value: unknown, id: string, problems: Problems): unknown {
  if (value instanceof Y.Text)
    return kind === 'heading' ? value.toString().slice(0, MAX_TEXT_CHARS) : readRuns(value, id, problems);
  problems.push({ blockId: id, message: 'The text is not stored as shared text; editing it will replace it.' });
  if (typeof value === 'string')
    return kind === 'heading' ? value.slice(0, MAX_TEXT_CHARS) : [{ insert: value.slice(0, MAX_TEXT_CHARS) }];
  return kind === 'heading' ? '' : [];
}

function readColumns(value: unknown, id: string, seen: Set<string>, problems: Problems): LeafBlock[][] {
  const columns: LeafBlock[][] = [];
  if (value instanceof Y.Array) {
    for (const column of value.toArray()) {
      if (!(column instanceof Y.Array)) {
        problems.push({ blockId: id, message: 'A column of this row is damaged; it was skipped.' });
        continue;
      }
      const blocks: LeafBlock[] = [];
      column.forEach((item) => {
        const block = readBlock(item, seen, problems, true) as LeafBlock | null;
        if (block && blocks.length < MAX_COLUMN_BLOCKS) blocks.push(block);
        else if (block)
          problems.push({
            blockId: block.id,
            message: `A column holds at most ${MAX_COLUMN_BLOCKS} blocks; this one is hidden.`,
          });
      });
      columns.push(blocks);
    }
  }
  if (columns.length >= 2 && columns.length <= 3) return columns;
  problems.push({ blockId: id, message: `A row has 2 or 3 columns, not ${columns.length}; it was repaired.` });
  while (columns.length < 2) columns.push([]);
  // Blocks of surplus columns move into the last one rather than vanish.
  return [columns[0], columns[1], columns.slice(2).flat()].filter((c, i) => i < 2 || c.length > 0);
}

/** The block's other fields: each one valid as stored, or its default (reported when it was present). */
function readFields(kind: BlockKind, map: Y.Map<unknown>, id: string, problems: Problems): Record<string, unknown> {
  const shape = blockSchemas[kind].shape as Record<
    string,
    { safeParse(v: unknown): { success: boolean; error?: unknown } }
  >;
  const defaults = defaultBlock(kind) as unknown as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) {
    if (structural.has(key)) continue;
    const raw = plain(map.get(key));
    if (raw === undefined) {
      if (defaults[key] !== undefined) fields[key] = defaults[key];
      continue;
    }
    const parsed = shape[key].safeParse(raw);
    if (parsed.success) fields[key] = raw;
    else {
      if (defaults[key] !== undefined) fields[key] = defaults[key];
      const why = issueText(parsed.error as { issues: { message: string }[] });
      problems.push({ blockId: id, message: `“${key}” could not be read (${why}); the default is shown.` });
    }
  }
  return fields;
}

/**
 * One block from its raw array entry; null (with a problem) for what is not a block,
 * a repeated id, or a row of columns inside a column. Damaged fields are repaired.
 */
export function readBlock(value: unknown, seen: Set<string>, problems: Problems, leafOnly = false): Block | null {
  if (!(value instanceof Y.Map)) {
    problems.push({ blockId: null, message: 'An entry in the email body is not a block; it was skipped.' });
    return null;
  }
  const id: unknown = value.get('id');
  const kind: unknown = value.get('kind');
  if (!blockIdSchema.safeParse(id).success) {
    problems.push({ blockId: null, message: 'A block without a valid id was skipped.' });
    return null;
  }
  const blockId = id as string;
  if (!isBlockKind(kind)) {
    problems.push({ blockId, message: `Unknown block kind “${String(kind).slice(0, 40)}”; the block was skipped.` });
    return null;
  }
  if (seen.has(blockId)) {
    problems.push({ blockId, message: 'This block appears twice (moved in two places at once?); the copy is hidden.' });
    return null;
  }
  if (leafOnly && kind === 'columns') {
    problems.push({ blockId, message: 'Columns cannot sit inside a column; the inner row was skipped.' });
    return null;
  }
  seen.add(blockId);
  const block: Record<string, unknown> = { id: blockId, kind, ...readFields(kind, value, blockId, problems) };
  if (kind === 'heading' || kind === 'text') block.text = readText(kind, value.get('text'), blockId, problems);
  if (kind === 'columns') block.columns = readColumns(value.get('columns'), blockId, seen, problems);
  const parsed = blockSchema.safeParse(block);
  if (parsed.success) return parsed.data;
  problems.push({ blockId, message: `The block could not be read (${issueText(parsed.error)}); it was skipped.` });
  return null;
}

/** The blocks array of an email entry, or null when the entry is missing or damaged. */
export function blocksArray(doc: Y.Doc, emailId: string): Y.Array<unknown> | null {
  const entry = emailsMap(doc).get(emailId);
  if (!(entry instanceof Y.Map)) return null;
  const blocks: unknown = entry.get('blocks');
  return blocks instanceof Y.Array ? blocks : null;
}

/**
 * The body of the email whose Email node is `emailId`, as plain data. Never throws:
 * an email with no body yet reads as no blocks; damaged entries are skipped or
 * repaired, each with a problem naming the block.
 */
export function readEmail(doc: Y.Doc, emailId: string): Required<EmailContent> {
  const problems: Problems = [];
  const blocks: Block[] = [];
  const entry = emailsMap(doc).get(emailId);
  if (entry === undefined) return { blocks, problems };
  const array = blocksArray(doc, emailId);
  if (!array) {
    problems.push({ blockId: null, message: 'The body of this email is damaged and could not be read.' });
    return { blocks, problems };
  }
  const seen = new Set<string>();
  let hidden = 0;
  array.forEach((item) => {
    if (blocks.length >= MAX_BLOCKS) return void hidden++;
    const block = readBlock(item, seen, problems);
    if (block) blocks.push(block);
  });
  if (hidden > 0)
    problems.push({ blockId: null, message: `An email holds at most ${MAX_BLOCKS} blocks; ${hidden} are hidden.` });
  return { blocks, problems };
}
