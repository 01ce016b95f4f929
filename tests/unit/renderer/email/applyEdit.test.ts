import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_TEXT_CHARS } from '../../../../src/shared/email/blocks';
import { applyEdit, DETACHED, TOO_LONG } from '../../../../src/renderer/features/email/text/applyEdit';
import { NO_FORMATS } from '../../../../src/renderer/features/email/text/formats';
import { diffText, type DeltaOp } from '../../../../src/renderer/features/email/text/textDiff';

function textIn(doc: Y.Doc, value = ''): Y.Text {
  const text = doc.getText('t');
  if (value) text.insert(0, value);
  return text;
}

/** Two peers that exchange every update after both have typed. */
function peers(initial: string) {
  const a = new Y.Doc();
  const b = new Y.Doc();
  textIn(a, initial);
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a: a.getText('t'), b: b.getText('t'), sync };
}

describe('applyEdit', () => {
  it('writes a field edit as a minimal change, in one transaction with the origin', () => {
    const doc = new Y.Doc();
    const text = textIn(doc, 'Hello world');
    const origins: unknown[] = [];
    doc.on('afterTransaction', (t: Y.Transaction) => origins.push(t.origin));
    const origin = { editor: 1 };
    expect(applyEdit(text, diffText('Hello world', 'Hello there world', 11)!, origin)).toBeNull();
    expect(text.toString()).toBe('Hello there world');
    expect(origins).toEqual([origin]);
  });

  it('merges two people typing into the same text at once', () => {
    const { a, b, sync } = peers('Write something here.');
    applyEdit(a, diffText(a.toString(), 'Write something here. Bye!', 26)!, 'a');
    applyEdit(b, diffText(b.toString(), 'Hi! Write something here.', 4)!, 'b');
    sync();
    expect(a.toString()).toBe('Hi! Write something here. Bye!');
    expect(b.toString()).toBe(a.toString());
  });

  it('sets exactly the given formats, removing inherited ones', () => {
    const doc = new Y.Doc();
    const text = textIn(doc);
    text.insert(0, 'bold', { bold: true });
    applyEdit(text, { index: 4, remove: 0, insert: ' plain' }, 'x', NO_FORMATS);
    applyEdit(text, { index: 10, remove: 0, insert: '!' }, 'x', { ...NO_FORMATS, italic: true });
    expect(text.toDelta()).toEqual([
      { insert: 'bold', attributes: { bold: true } },
      { insert: ' plain' },
      { insert: '!', attributes: { italic: true } },
    ]);
  });

  it('moves an edit past changes that arrived while it was being composed', () => {
    const doc = new Y.Doc();
    const text = textIn(doc, 'abc');
    const held: DeltaOp[][] = [];
    text.observe((event) => held.push(event.delta as DeltaOp[]));
    text.insert(0, 'XY'); // a peer's change the field has not shown yet
    applyEdit(text, { index: 3, remove: 0, insert: '!' }, 'me', undefined, held);
    expect(text.toString()).toBe('XYabc!');
  });

  it('refuses an edit past the length cap and a text no longer in a document', () => {
    const doc = new Y.Doc();
    const text = textIn(doc, 'x'.repeat(MAX_TEXT_CHARS - 1));
    expect(applyEdit(text, { index: 0, remove: 0, insert: 'ab' }, 'me')).toBe(TOO_LONG);
    expect(text.length).toBe(MAX_TEXT_CHARS - 1);
    expect(applyEdit(text, { index: 0, remove: 5, insert: 'ab' }, 'me')).toBeNull();
    expect(applyEdit(new Y.Text('loose'), { index: 0, remove: 1, insert: '' }, 'me')).toBe(DETACHED);
  });
});
