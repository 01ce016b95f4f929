import * as Y from 'yjs';
import { EMAILS_KEY } from '../email/readEmail';
import { EDGES_KEY, NODES_KEY } from '../journey/ydoc';
import { SAMPLE_CONTACTS_KEY } from '../simulator/contactsDoc';
import { sameJson } from './jsonEqual';
import { alignText } from './alignText';
import { matchItems } from './matchItems';

/** The top-level maps of a campaign that a version restores. Add a key when a feature adds one. */
export const RESTORED_KEYS = [NODES_KEY, EDGES_KEY, EMAILS_KEY, SAMPLE_CONTACTS_KEY] as const;

/** A copy of a stored value that can be inserted elsewhere: Yjs types as fresh prelim types. */
function copy(value: unknown): unknown {
  if (value instanceof Y.AbstractType) return value.clone();
  return value === undefined ? undefined : structuredClone(value);
}

/** True when both are the same kind of Yjs type, so one can be aligned to the other in place. */
function sameType(a: unknown, b: unknown): boolean {
  if (a instanceof Y.Text) return b instanceof Y.Text;
  if (a instanceof Y.Map) return b instanceof Y.Map;
  if (a instanceof Y.Array) return b instanceof Y.Array;
  return false;
}

/** The content of a stored value as plain data, Yjs types tagged and texts with their formats. */
function deepJson(value: unknown): unknown {
  if (value instanceof Y.Text) return { text: value.toDelta() as unknown };
  if (value instanceof Y.Map) {
    const entries = Object.create(null) as Record<string, unknown>;
    value.forEach((item, key) => (entries[key] = deepJson(item)));
    return { map: entries };
  }
  if (value instanceof Y.Array) return { array: value.toArray().map(deepJson) };
  if (value instanceof Y.AbstractType) return { type: value.toJSON() as unknown };
  return { value };
}

/** Equal as stored: the same kinds of values with the same content, down to text formats. */
function equal(a: unknown, b: unknown): boolean {
  return a === b || sameJson(deepJson(a), deepJson(b));
}

/** Aligns `current` to `target` in place when both are the same type; false when it cannot. */
function alignInPlace(current: unknown, target: unknown): boolean {
  if (!sameType(current, target)) return false;
  if (current instanceof Y.Map) alignMap(current, target as Y.Map<unknown>);
  else if (current instanceof Y.Array) alignArray(current, target as Y.Array<unknown>);
  else alignText(current as Y.Text, target as Y.Text);
  return true;
}

function alignMap(current: Y.Map<unknown>, target: Y.Map<unknown>): void {
  for (const key of [...current.keys()]) if (!target.has(key)) current.delete(key);
  target.forEach((value, key) => {
    const mine = current.get(key);
    if (current.has(key) && equal(mine, value)) return;
    if (!alignInPlace(mine, value)) current.set(key, copy(value));
  });
}

/** Two entries that may be the same item: maps with the same `id` field (blocks), same-type texts or arrays, or equal values. */
function sameItem(a: unknown, b: unknown): boolean {
  if (a instanceof Y.Map && b instanceof Y.Map) return a.get('id') === b.get('id');
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) return sameType(a, b);
  return sameJson(a, b);
}

function alignArray(current: Y.Array<unknown>, target: Y.Array<unknown>): void {
  const mine = current.toArray();
  const theirs = target.toArray();
  let start = 0;
  while (start < mine.length && start < theirs.length && equal(mine[start], theirs[start])) start++;
  let end = 0;
  const room = Math.min(mine.length, theirs.length) - start;
  while (end < room && equal(mine[mine.length - 1 - end], theirs[theirs.length - 1 - end])) end++;
  const oldMiddle = mine.slice(start, mine.length - end);
  const newMiddle = theirs.slice(start, theirs.length - end);
  if (oldMiddle.length === 0 && newMiddle.length === 0) return;
  // Keep the items both sides share (a block by its id) and edit them in place, so a
  // teammate's concurrent edits inside them merge; delete and insert the rest.
  const pairs = matchItems(oldMiddle, newMiddle, sameItem) ?? [];
  const kept = new Set(pairs.map(([i]) => i));
  for (let i = oldMiddle.length - 1; i >= 0; i--) if (!kept.has(i)) current.delete(start + i, 1);
  const partner = new Map(pairs.map(([i, j]) => [j, oldMiddle[i]]));
  newMiddle.forEach((item, j) => {
    const mineItem = partner.get(j);
    if (!partner.has(j)) current.insert(start + j, [copy(item)]);
    else if (!equal(mineItem, item) && !alignInPlace(mineItem, item)) {
      current.delete(start + j, 1);
      current.insert(start + j, [copy(item)]);
    }
  });
}

/**
 * Makes the content of `doc` equal to `target`'s as one new change on top of its
 * history (one `doc.transact(…, origin)`), never by replacing the document: the editor's
 * undo manager (same origin) can undo it, and a teammate's concurrent edits merge on
 * top of it instead of being thrown away. Only what differs is written; maps, arrays
 * and texts present on both sides are aligned in place. `target` is only read.
 */
export function restoreVersion(doc: Y.Doc, target: Y.Doc, origin: unknown): void {
  doc.transact(() => {
    for (const key of RESTORED_KEYS) alignMap(doc.getMap<unknown>(key), target.getMap<unknown>(key));
  }, origin);
}
