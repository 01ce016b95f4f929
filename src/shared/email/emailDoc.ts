import * as Y from 'yjs';
import {
  MAX_BLOCKS,
  MAX_COLUMN_BLOCKS,
  blockSchema,
  type Block,
  type BlockKind,
  type LeafBlock,
  type TextRun,
} from './blocks';
import { defaultBlock } from './defaultBlock';
import { blocksArray, emailsMap, readBlock } from './readEmail';
import { validatePatch, type BlockPatch } from './patch';

export { EMAILS_KEY, emailsMap, readEmail } from './readEmail';
export { defaultBlock } from './defaultBlock';
export type { BlockPatch } from './patch';

/**
 * Email bodies inside a campaign's Y.Doc, beside the journey's `nodes` and `edges`.
 *
 * Layout:
 * - `emails`: emailId (the Email node's id) → Y.Map { blocks: Y.Array<Y.Map> }
 * - a block Y.Map: { id, kind, …its plain JSON fields (padding, background, align, …) }
 *   - heading and text: `text` is a `Y.Text` (a heading's formats are ignored; a text
 *     block's delta carries bold, italic and link{href}), so concurrent typing merges
 *   - columns: `columns` is a Y.Array of 2–3 Y.Arrays of block Y.Maps (no nested rows)
 *
 * Subject, preheader and sender stay on the Email node (`kinds.ts`). Every write is one
 * `doc.transact(…, origin)`. Reading (never trusting the doc) is in `readEmail.ts`.
 */

/** Where a block sits: the email body (no parent) or one column of a row. */
export interface ColumnSlot {
  /** The id of the columns block. */
  blockId: string;
  /** 0-based column index. */
  column: number;
}

/** The outcome of an update: refused with a reason a designer can act on, or done. */
export type BlockWrite = { ok: true } | { ok: false; reason: string };

interface Located {
  array: Y.Array<unknown>;
  index: number;
  map: Y.Map<unknown>;
}

// ---------------------------------------------------------------- writing structure

function runsToDelta(runs: readonly TextRun[]) {
  return runs.map((run) =>
    run.attributes ? { insert: run.insert, attributes: run.attributes } : { insert: run.insert },
  );
}

function newText(block: Block): Y.Text | null {
  if (block.kind === 'heading') return new Y.Text(block.text);
  if (block.kind !== 'text') return null;
  const text = new Y.Text();
  text.applyDelta(runsToDelta(block.text));
  return text;
}

/** A block Y.Map for `block`, ready to be inserted (prelim types fill in on insertion). */
function blockMap(block: Block): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(block)) {
    if (key === 'text' || key === 'columns' || key === '__proto__' || value === undefined) continue;
    map.set(key, structuredClone(value));
  }
  const text = newText(block);
  if (text) map.set('text', text);
  if (block.kind === 'columns') {
    const columns = new Y.Array<Y.Array<Y.Map<unknown>>>();
    columns.push(block.columns.map((column) => Y.Array.from(column.map(blockMap))));
    map.set('columns', columns);
  }
  return map;
}

/** Origin of the transaction that creates an email's empty body; no editor's undo manager tracks it. */
export const EMAIL_SETUP_ORIGIN = 'maily.email-setup';

/**
 * The email's blocks array, creating an empty body when it has none (null when the
 * stored one is damaged). Best called when the Email node is created: the node has one
 * creator, so two peers never create the same body at once (the Y.Map entry of one of
 * them would win, and blocks inserted into the other would vanish). Otherwise the
 * first insert calls it. Its own transaction, so undoing a first insert leaves the body.
 */
export function ensureEmail(doc: Y.Doc, emailId: string): Y.Array<unknown> | null {
  if (emailsMap(doc).has(emailId)) return blocksArray(doc, emailId);
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    entry.set('blocks', new Y.Array<unknown>());
    emailsMap(doc).set(emailId, entry);
  }, EMAIL_SETUP_ORIGIN);
  return blocksArray(doc, emailId);
}

/** Finds a block by id in the body or inside a row of columns. */
function locate(doc: Y.Doc, emailId: string, blockId: string): Located | null {
  const top = blocksArray(doc, emailId);
  if (!top) return null;
  const search = (array: Y.Array<unknown>, nested: boolean): Located | null => {
    const items = array.toArray();
    for (let index = 0; index < items.length; index++) {
      const map = items[index];
      if (!(map instanceof Y.Map)) continue;
      if (map.get('id') === blockId) return { array, index, map };
      const columns = map.get('columns');
      if (nested || !(columns instanceof Y.Array)) continue;
      for (const column of columns.toArray()) {
        const found = column instanceof Y.Array ? search(column, true) : null;
        if (found) return found;
      }
    }
    return null;
  };
  return search(top, false);
}

/** The array a block goes into, or null when the slot does not exist. */
function target(doc: Y.Doc, emailId: string, parent: ColumnSlot | undefined): Y.Array<unknown> | null {
  if (!parent) return blocksArray(doc, emailId);
  const row = locate(doc, emailId, parent.blockId);
  const columns = row?.map.get('kind') === 'columns' ? row.map.get('columns') : null;
  const column: unknown = columns instanceof Y.Array ? columns.get(parent.column) : null;
  return column instanceof Y.Array ? column : null;
}

function fits(array: Y.Array<unknown>, parent: ColumnSlot | undefined, kind: BlockKind): boolean {
  if (parent && kind === 'columns') return false;
  return array.length < (parent ? MAX_COLUMN_BLOCKS : MAX_BLOCKS);
}

/** The ids of a block and of the blocks in its columns. */
function idsOf(block: Block): string[] {
  return [block.id, ...(block.kind === 'columns' ? block.columns.flat().map((b) => b.id) : [])];
}

const clamp = (index: number, length: number) =>
  Number.isFinite(index) ? Math.min(Math.max(0, Math.trunc(index)), length) : length;

/**
 * Inserts a fresh block of `kind` (or the given block, e.g. from a template or a
 * paste, which is checked against the schema) at `index` of the body, or of one column
 * with `parent`. Creates the email's body if it has none yet. Returns the block's id;
 * null when the slot does not exist or is full, the block is invalid or its id is
 * already in this email, or it would nest a row of columns.
 */
export function insertBlock(
  doc: Y.Doc,
  emailId: string,
  index: number,
  kind: BlockKind | Block,
  origin?: unknown,
  parent?: ColumnSlot,
): string | null {
  const parsed = blockSchema.safeParse(typeof kind === 'string' ? defaultBlock(kind) : kind);
  if (!parsed.success || idsOf(parsed.data).some((id) => locate(doc, emailId, id))) return null;
  const block = parsed.data;
  let inserted: string | null = null;
  if (!parent) ensureEmail(doc, emailId);
  doc.transact(() => {
    const array = target(doc, emailId, parent);
    if (!array || !fits(array, parent, block.kind)) return;
    array.insert(clamp(index, array.length), [blockMap(block)]);
    inserted = block.id;
  }, origin);
  return inserted;
}

/**
 * Moves a block to `index` of the body or of a column (the index it ends up at). Yjs
 * has no move: the block is copied and the original deleted, in one transaction, so a
 * peer's concurrent edit to the moved block's text is lost. False when nothing moved.
 */
export function moveBlock(
  doc: Y.Doc,
  emailId: string,
  blockId: string,
  index: number,
  origin?: unknown,
  parent?: ColumnSlot,
): boolean {
  let moved = false;
  doc.transact(() => {
    const from = locate(doc, emailId, blockId);
    const block = from ? readBlock(from.map, new Set(), [], false) : null;
    const array = from && block && parent?.blockId !== blockId ? target(doc, emailId, parent) : null;
    if (!from || !block || !array) return;
    const same = array === from.array;
    if (same ? parent && block.kind === 'columns' : !fits(array, parent, block.kind)) return;
    const at = clamp(index, same ? array.length - 1 : array.length);
    moved = true;
    if (same && at === from.index) return;
    from.array.delete(from.index, 1);
    array.insert(at, [blockMap(block)]);
  }, origin);
  return moved;
}

/** Removes a block (a row with everything in it). False when it is not there. */
export function removeBlock(doc: Y.Doc, emailId: string, blockId: string, origin?: unknown): boolean {
  const found = locate(doc, emailId, blockId);
  if (!found) return false;
  doc.transact(() => found.array.delete(found.index, 1), origin);
  return true;
}

/**
 * Replaces a whole email body (templates, "duplicate email"). Blocks that fail the
 * schema, repeat an id or pass {@link MAX_BLOCKS} are left out; returns how many were written.
 */
export function writeEmail(doc: Y.Doc, emailId: string, blocks: readonly Block[], origin?: unknown): number {
  const seen = new Set<string>();
  const valid = blocks
    .map((block) => blockSchema.safeParse(block))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
    .filter((block) => {
      const ids = idsOf(block);
      const fresh = ids.every((id) => !seen.has(id));
      for (const id of ids) seen.add(id);
      return fresh;
    })
    .slice(0, MAX_BLOCKS);
  doc.transact(() => {
    const array = blocksArray(doc, emailId) ?? new Y.Array<unknown>();
    if (!array.doc) {
      // No body yet, or a damaged one: this write replaces it whole.
      const entry = new Y.Map<unknown>();
      entry.set('blocks', array);
      emailsMap(doc).set(emailId, entry);
    }
    if (array.length > 0) array.delete(0, array.length);
    array.insert(0, valid.map(blockMap));
  }, origin);
  return valid.length;
}

/** Drops an email's body (its Email node was deleted). */
export function removeEmail(doc: Y.Doc, emailId: string, origin?: unknown): void {
  if (!emailsMap(doc).has(emailId)) return;
  doc.transact(() => emailsMap(doc).delete(emailId), origin);
}

// ---------------------------------------------------------------- editing one block

/**
 * The shared text of a heading or text block, for an editor to bind to (insert, delete
 * and format on it directly, inside `doc.transact(…, origin)`). Null for other kinds,
 * missing blocks, and text that is not stored as a `Y.Text`.
 */
export function getBlockText(doc: Y.Doc, emailId: string, blockId: string): Y.Text | null {
  const text = locate(doc, emailId, blockId)?.map.get('text');
  return text instanceof Y.Text ? text : null;
}

function replaceText(map: Y.Map<unknown>, kind: unknown, value: string | readonly TextRun[]): void {
  const current = map.get('text');
  const text = current instanceof Y.Text ? current : new Y.Text();
  if (text.length > 0) text.delete(0, text.length);
  if (typeof value === 'string') text.insert(0, value);
  else text.applyDelta(kind === 'heading' ? [{ insert: value.map((r) => r.insert).join('') }] : runsToDelta(value));
  if (text !== current) map.set('text', text);
}

function setColumnCount(map: Y.Map<unknown>, count: number): void {
  const columns = map.get('columns');
  if (!(columns instanceof Y.Array)) return;
  while (columns.length < count) columns.push([new Y.Array<unknown>()]);
  while (columns.length > count) {
    // The blocks of a removed column move into the new last column: nothing is lost.
    const last = columns.get(columns.length - 1);
    const keep = columns.get(count - 1);
    const moving =
      last instanceof Y.Array
        ? (last.toArray().map((item) => readBlock(item, new Set(), [], true)) as (LeafBlock | null)[])
        : [];
    columns.delete(columns.length - 1, 1);
    if (keep instanceof Y.Array) keep.push(moving.filter((b): b is LeafBlock => b !== null).map(blockMap));
  }
}

/**
 * Writes `patch` into a block: each key replaces that field; `text` replaces the text
 * (prefer editing {@link getBlockText} in place, which merges); `columnCount` (2 or 3)
 * reshapes a row. Nothing is written unless every key is valid for the block's kind.
 */
export function updateBlock(
  doc: Y.Doc,
  emailId: string,
  blockId: string,
  patch: BlockPatch,
  origin?: unknown,
): BlockWrite {
  const found = locate(doc, emailId, blockId);
  if (!found) return { ok: false, reason: 'This block no longer exists.' };
  const kind = found.map.get('kind');
  const checked = validatePatch(kind, patch);
  if (!checked.ok) return checked;
  doc.transact(() => {
    for (const [key, value] of Object.entries(checked.patch)) {
      if (key === 'text') replaceText(found.map, kind, value as string | TextRun[]);
      else if (key === 'columnCount') setColumnCount(found.map, value as number);
      else if (JSON.stringify(found.map.get(key)) !== JSON.stringify(value)) found.map.set(key, structuredClone(value));
    }
  }, origin);
  return { ok: true };
}

/**
 * An undo manager over every email body that tracks only transactions made with
 * `origin` (see `createUndoManager` in the journey's ydoc.ts). Call `destroy()` when done.
 */
export function createEmailUndoManager(doc: Y.Doc, origin: unknown, captureTimeout = 500): Y.UndoManager {
  return new Y.UndoManager([emailsMap(doc)], { trackedOrigins: new Set([origin]), captureTimeout });
}
