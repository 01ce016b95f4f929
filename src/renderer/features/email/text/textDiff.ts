/**
 * Turning what a text field now shows into the smallest edit of its shared text, and
 * keeping a caret in place across edits made elsewhere. Minimal edits are what let two
 * people type in the same block at once: Yjs merges an insert at 5 with an insert at 40,
 * but not two whole-text replacements.
 */

/** Delete `remove` characters at `index`, then insert `insert` there. */
export interface TextEdit {
  index: number;
  remove: number;
  insert: string;
}

/** One operation of a Y.Text change event (`event.delta`). */
export interface DeltaOp {
  insert?: unknown;
  retain?: number;
  delete?: number;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The edit that turns `before` into `after`, or null when they are equal. `caret` (the
 * caret's offset in `after`) places an ambiguous edit: typing "a" into "aa" is an insert
 * just before the caret, not at the start. Surrogate pairs are never split.
 */
export function diffText(before: string, after: string, caret?: number): TextEdit | null {
  if (before === after) return null;
  const shortest = Math.min(before.length, after.length);
  const common = (limit: number, at: (i: number) => boolean) => {
    let n = 0;
    while (n < limit && at(n)) n++;
    return n;
  };
  const samePrefix = (i: number) => before[i] === after[i];
  const sameSuffix = (i: number) => before[before.length - 1 - i] === after[after.length - 1 - i];
  let prefix: number;
  let suffix: number;
  if (caret === undefined) {
    prefix = common(shortest, samePrefix);
    suffix = common(shortest - prefix, sameSuffix);
  } else {
    // The edit ends at the caret: what follows the caret is the common suffix.
    suffix = common(Math.min(shortest, Math.max(0, after.length - caret)), sameSuffix);
    prefix = common(shortest - suffix, samePrefix);
  }
  if (prefix > 0 && isHigh(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLow(before.charCodeAt(before.length - suffix))) suffix--;
  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

function opLength(insert: unknown): number {
  return typeof insert === 'string' ? insert.length : 1;
}

/**
 * Where `offset` ends up after a change described by `delta`. Text inserted exactly at
 * the offset goes after it (a peer typing at your caret does not push it along).
 */
export function transformOffset(offset: number, delta: readonly DeltaOp[]): number {
  let at = 0; // position in the text before the change
  let result = offset;
  for (const op of delta) {
    if (at >= offset) break;
    if (op.retain !== undefined) at += op.retain;
    else if (op.delete !== undefined) {
      result -= Math.min(op.delete, offset - at);
      at += op.delete;
    } else if (op.insert !== undefined) result += opLength(op.insert);
  }
  return Math.max(0, result);
}
