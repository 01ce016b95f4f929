import type * as Y from 'yjs';
import { MAX_TEXT_CHARS } from '../../../../shared/email/blocks';
import type { Formats } from './formats';
import { transformOffset, type DeltaOp, type TextEdit } from './textDiff';

/** Why an edit was not written, for the field to show. */
export const TOO_LONG = `A block holds at most ${MAX_TEXT_CHARS.toLocaleString('en')} characters; the rest was not added.`;
export const DETACHED = 'Someone moved or removed this block just now; type again in its new place.';

/**
 * Writes one edit into `text` in one transaction with `origin`. `remote` are changes
 * that reached the text after the field last showed it (held back while an input
 * method was composing); the edit's position is moved past them. Returns null when
 * written, else why not ({@link TOO_LONG}, {@link DETACHED}).
 */
export function applyEdit(
  text: Y.Text,
  edit: TextEdit,
  origin: unknown,
  formats?: Formats,
  remote: readonly (readonly DeltaOp[])[] = [],
): string | null {
  const doc = text.doc;
  if (!doc) return DETACHED;
  const index = Math.min(
    remote.reduce((at, delta) => transformOffset(at, delta), edit.index),
    text.length,
  );
  const remove = Math.min(edit.remove, text.length - index);
  if (text.length - remove + edit.insert.length > MAX_TEXT_CHARS && edit.insert.length > 0) return TOO_LONG;
  doc.transact(() => {
    if (remove > 0) text.delete(index, remove);
    if (edit.insert) text.insert(index, edit.insert, formats ? { ...formats } : undefined);
  }, origin);
  return null;
}
