import * as Y from 'yjs';
import { sameJson } from './jsonEqual';

/** One unit of a text: a character (or an embed) with its formatting. */
interface Unit {
  insert: unknown;
  attributes: Record<string, unknown>;
}

interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

function unitsOf(text: Y.Text): Unit[] {
  const out: Unit[] = [];
  for (const op of text.toDelta() as DeltaOp[]) {
    const attributes = op.attributes ?? {};
    // Code points, so a surrogate pair is never split in two.
    if (typeof op.insert === 'string') for (const ch of op.insert) out.push({ insert: ch, attributes });
    else out.push({ insert: op.insert, attributes });
  }
  return out;
}

function sameUnit(a: Unit, b: Unit): boolean {
  const insert = typeof a.insert === 'string' ? a.insert === b.insert : sameEmbed(a.insert, b.insert);
  return insert && sameJson(a.attributes, b.attributes);
}

function sameEmbed(a: unknown, b: unknown): boolean {
  if (typeof b === 'string') return false;
  const json = (v: unknown): unknown => (v instanceof Y.AbstractType ? v.toJSON() : v);
  return sameJson(json(a), json(b));
}

/** Length of `list` in UTF-16 code units, as Yjs counts positions. */
function lengthOf(list: readonly Unit[]): number {
  return list.reduce((sum, u) => sum + (typeof u.insert === 'string' ? u.insert.length : 1), 0);
}

/** Inserts `list` at `index`, one insert per run of equally formatted characters. */
function insertUnits(text: Y.Text, index: number, list: readonly Unit[]): void {
  let at = index;
  let i = 0;
  while (i < list.length) {
    const { insert, attributes } = list[i];
    if (typeof insert !== 'string') {
      const embed = insert instanceof Y.AbstractType ? insert.clone() : structuredClone(insert);
      text.insertEmbed(at, embed as object, { ...attributes });
      at += 1;
      i += 1;
      continue;
    }
    let run = '';
    while (i < list.length && typeof list[i].insert === 'string' && sameJson(list[i].attributes, attributes)) {
      run += list[i].insert as string;
      i += 1;
    }
    // Explicit attributes (even none) so the run does not take on the formatting beside it.
    text.insert(at, run, { ...attributes });
    at += run.length;
  }
}

/**
 * Makes `current` read like `target`, formats included, by rewriting only what lies
 * between their common prefix and suffix, so concurrent typing elsewhere in the text
 * survives the merge.
 */
export function alignText(current: Y.Text, target: Y.Text): void {
  const mine = unitsOf(current);
  const theirs = unitsOf(target);
  let start = 0;
  while (start < mine.length && start < theirs.length && sameUnit(mine[start], theirs[start])) start++;
  let end = 0;
  const room = Math.min(mine.length, theirs.length) - start;
  while (end < room && sameUnit(mine[mine.length - 1 - end], theirs[theirs.length - 1 - end])) end++;
  const removed = mine.slice(start, mine.length - end);
  const added = theirs.slice(start, theirs.length - end);
  if (removed.length === 0 && added.length === 0) return;
  const at = lengthOf(mine.slice(0, start));
  if (removed.length > 0) current.delete(at, lengthOf(removed));
  insertUnits(current, at, added);
}
