import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blockKinds, type ColumnsBlock, type TextBlock } from '../../../../src/shared/email/blocks';
import {
  createEmailUndoManager,
  defaultBlock,
  emailsMap,
  getBlockText,
  insertBlock,
  moveBlock,
  readEmail,
  removeBlock,
  removeEmail,
  updateBlock,
  writeEmail,
} from '../../../../src/shared/email/emailDoc';

const local = { editor: 'local' };
const EMAIL = 'emailNode1';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
}

const ids = (doc: Y.Doc) => readEmail(doc, EMAIL).blocks.map((b) => b.id);

describe('email body layout', () => {
  it('reads an email without a body as no blocks and no problems', () => {
    expect(readEmail(new Y.Doc(), EMAIL)).toEqual({ blocks: [], problems: [] });
  });

  it('inserts every kind and reads it back exactly, in one transaction per write', () => {
    const doc = new Y.Doc();
    const written = blockKinds.map((kind) => defaultBlock(kind));
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    written.forEach((block, i) => expect(insertBlock(doc, EMAIL, i, block, local)).toBe(block.id));
    // One more: the first insert creates the empty body in its own (never undone) transaction.
    expect(transactions).toBe(written.length + 1);
    expect(readEmail(doc, EMAIL)).toEqual({ blocks: written, problems: [] });
  });

  it('stores text as Y.Text and rows as nested Y.Arrays', () => {
    const doc = new Y.Doc();
    const text = insertBlock(doc, EMAIL, 0, 'text', local)!;
    const row = insertBlock(doc, EMAIL, 1, 'columns', local)!;
    const entry = emailsMap(doc).get(EMAIL) as Y.Map<unknown>;
    const blocks = entry.get('blocks') as Y.Array<Y.Map<unknown>>;
    expect(blocks.get(0).get('text')).toBeInstanceOf(Y.Text);
    expect(blocks.get(1).get('columns')).toBeInstanceOf(Y.Array);
    expect(getBlockText(doc, EMAIL, text)).toBeInstanceOf(Y.Text);
    const inner = (readEmail(doc, EMAIL).blocks[1] as ColumnsBlock).columns[0][0];
    expect(getBlockText(doc, EMAIL, inner.id)).toBeInstanceOf(Y.Text);
    expect(getBlockText(doc, EMAIL, row)).toBeNull();
    expect(getBlockText(doc, EMAIL, 'nope')).toBeNull();
  });

  it('keeps bold, italic and links in a text block', () => {
    const doc = new Y.Doc();
    const id = insertBlock(doc, EMAIL, 0, 'text', local)!;
    const runs = [
      { insert: 'Hi ' },
      { insert: 'there', attributes: { bold: true, italic: true } },
      { insert: ' site', attributes: { link: { href: 'https://example.com' } } },
    ];
    expect(updateBlock(doc, EMAIL, id, { text: runs }, local)).toEqual({ ok: true });
    expect((readEmail(doc, EMAIL).blocks[0] as TextBlock).text).toEqual(runs);
    getBlockText(doc, EMAIL, id)!.format(0, 2, { italic: true });
    expect((readEmail(doc, EMAIL).blocks[0] as TextBlock).text[0]).toEqual({
      insert: 'Hi',
      attributes: { italic: true },
    });
  });

  it('inserts into a column and refuses rows inside rows, missing slots and full columns', () => {
    const doc = new Y.Doc();
    const row = insertBlock(doc, EMAIL, 0, 'columns', local)!;
    const button = insertBlock(doc, EMAIL, 0, 'button', local, { blockId: row, column: 1 });
    const col = (readEmail(doc, EMAIL).blocks[0] as ColumnsBlock).columns[1];
    expect(col.map((b) => b.id)[0]).toBe(button);
    expect(insertBlock(doc, EMAIL, 0, 'columns', local, { blockId: row, column: 0 })).toBeNull();
    expect(insertBlock(doc, EMAIL, 0, 'text', local, { blockId: row, column: 5 })).toBeNull();
    expect(insertBlock(doc, EMAIL, 0, 'text', local, { blockId: 'missing', column: 0 })).toBeNull();
    for (let i = 0; i < 40; i++) insertBlock(doc, EMAIL, 0, 'spacer', local, { blockId: row, column: 0 });
    expect((readEmail(doc, EMAIL).blocks[0] as ColumnsBlock).columns[0]).toHaveLength(30);
  });

  it('moves blocks within the body, into a column and back out', () => {
    const doc = new Y.Doc();
    const a = insertBlock(doc, EMAIL, 0, 'heading', local)!;
    const b = insertBlock(doc, EMAIL, 1, 'text', local)!;
    const row = insertBlock(doc, EMAIL, 2, 'columns', local)!;
    expect(moveBlock(doc, EMAIL, a, 1, local)).toBe(true);
    expect(ids(doc)).toEqual([b, a, row]);
    expect(moveBlock(doc, EMAIL, a, 1, local)).toBe(true); // already there: nothing written
    expect(moveBlock(doc, EMAIL, a, 0, local, { blockId: row, column: 1 })).toBe(true);
    expect(ids(doc)).toEqual([b, row]);
    expect((readEmail(doc, EMAIL).blocks[1] as ColumnsBlock).columns[1][0].id).toBe(a);
    expect(moveBlock(doc, EMAIL, a, 99, local)).toBe(true);
    expect(ids(doc)).toEqual([b, row, a]);
    expect(moveBlock(doc, EMAIL, row, 0, local, { blockId: row, column: 0 })).toBe(false);
    expect(moveBlock(doc, EMAIL, 'missing', 0, local)).toBe(false);
    expect(readEmail(doc, EMAIL).problems).toEqual([]);
  });

  it('keeps the text and fields of a moved block', () => {
    const doc = new Y.Doc();
    const id = insertBlock(doc, EMAIL, 0, 'text', local)!;
    insertBlock(doc, EMAIL, 1, 'divider', local);
    updateBlock(doc, EMAIL, id, { text: [{ insert: 'Kept', attributes: { bold: true } }], list: 'bullet' }, local);
    const before = readEmail(doc, EMAIL).blocks[0];
    moveBlock(doc, EMAIL, id, 1, local);
    expect(readEmail(doc, EMAIL).blocks[1]).toEqual(before);
  });

  it('removes blocks, rows with their contents, and whole emails', () => {
    const doc = new Y.Doc();
    const a = insertBlock(doc, EMAIL, 0, 'heading', local)!;
    const row = insertBlock(doc, EMAIL, 1, 'columns', local)!;
    const inner = (readEmail(doc, EMAIL).blocks[1] as ColumnsBlock).columns[0][0].id;
    expect(removeBlock(doc, EMAIL, inner, local)).toBe(true);
    expect((readEmail(doc, EMAIL).blocks[1] as ColumnsBlock).columns[0]).toEqual([]);
    expect(removeBlock(doc, EMAIL, row, local)).toBe(true);
    expect(removeBlock(doc, EMAIL, row, local)).toBe(false);
    expect(ids(doc)).toEqual([a]);
    removeEmail(doc, EMAIL, local);
    expect(emailsMap(doc).has(EMAIL)).toBe(false);
  });

  it('updates fields after checking every key, and reports why it refuses', () => {
    const doc = new Y.Doc();
    const id = insertBlock(doc, EMAIL, 0, 'button', local)!;
    expect(updateBlock(doc, EMAIL, id, { label: 'Buy', radius: 8 }, local)).toEqual({ ok: true });
    expect(readEmail(doc, EMAIL).blocks[0]).toMatchObject({ label: 'Buy', radius: 8 });
    const refused = [
      { color: 'red' },
      { radius: 99 },
      { id: 'other' },
      { kind: 'text' },
      { level: 2 },
      { columnCount: 3 },
      JSON.parse('{"__proto__": {"polluted": true}}'),
    ];
    for (const patch of refused) {
      const result = updateBlock(doc, EMAIL, id, patch, local);
      expect(result.ok, JSON.stringify(patch)).toBe(false);
    }
    expect(updateBlock(doc, EMAIL, id, { label: 'Ok', color: 'nope' } as never, local).ok).toBe(false);
    expect(readEmail(doc, EMAIL).blocks[0]).toMatchObject({ label: 'Buy', color: '#ffffff' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(updateBlock(doc, EMAIL, 'gone', { label: 'x' }, local)).toEqual({
      ok: false,
      reason: 'This block no longer exists.',
    });
  });

  it('reshapes a row without losing the blocks of a removed column', () => {
    const doc = new Y.Doc();
    const row = insertBlock(doc, EMAIL, 0, 'columns', local)!;
    expect(updateBlock(doc, EMAIL, row, { columnCount: 3 }, local)).toEqual({ ok: true });
    const spacer = insertBlock(doc, EMAIL, 0, 'spacer', local, { blockId: row, column: 2 })!;
    expect(updateBlock(doc, EMAIL, row, { columnCount: 2 }, local)).toEqual({ ok: true });
    const columns = (readEmail(doc, EMAIL).blocks[0] as ColumnsBlock).columns;
    expect(columns).toHaveLength(2);
    expect(columns[1].map((b) => b.kind)).toEqual(['text', 'spacer']);
    expect(columns[1][1].id).toBe(spacer);
  });

  it('refuses to insert an invalid block or one whose id is already there', () => {
    const doc = new Y.Doc();
    const heading = defaultBlock('heading');
    expect(insertBlock(doc, EMAIL, 0, heading, local)).toBe(heading.id);
    expect(insertBlock(doc, EMAIL, 1, heading, local)).toBeNull();
    const row = defaultBlock('columns');
    row.columns[1] = [{ ...heading }];
    expect(insertBlock(doc, EMAIL, 1, row, local)).toBeNull();
    expect(insertBlock(doc, EMAIL, 1, { ...defaultBlock('divider'), color: 'red' }, local)).toBeNull();
    expect(ids(doc)).toEqual([heading.id]);
  });

  it('replaces a heading text and a whole body', () => {
    const doc = new Y.Doc();
    const id = insertBlock(doc, EMAIL, 0, 'heading', local)!;
    updateBlock(doc, EMAIL, id, { text: 'Welcome, {{ first_name | "friend" }}' }, local);
    expect(readEmail(doc, EMAIL).blocks[0]).toMatchObject({ text: 'Welcome, {{ first_name | "friend" }}' });
    const body = [defaultBlock('image'), defaultBlock('spacer')];
    const bad = { ...defaultBlock('spacer'), height: -1 };
    expect(writeEmail(doc, EMAIL, [...body, body[0], bad], local)).toBe(2);
    expect(readEmail(doc, EMAIL).blocks).toEqual(body);
  });

  it('undoes only its own origin', () => {
    const doc = new Y.Doc();
    const undo = createEmailUndoManager(doc, local, 0);
    const mine = insertBlock(doc, EMAIL, 0, 'heading', local)!;
    const theirs = insertBlock(doc, EMAIL, 1, 'divider', 'peer')!;
    undo.undo();
    expect(ids(doc)).toEqual([theirs]);
    undo.redo();
    expect(ids(doc)).toEqual([mine, theirs]);
    undo.destroy();
  });
});

describe('two docs exchanging updates', () => {
  it('converge after both insert and edit at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const shared = insertBlock(a, EMAIL, 0, 'button', local)!;
    sync(a, b);
    const fromA = insertBlock(a, EMAIL, 1, 'heading', local)!;
    const fromB = insertBlock(b, EMAIL, 1, 'divider', local)!;
    updateBlock(a, EMAIL, shared, { label: 'From A' }, local);
    updateBlock(b, EMAIL, shared, { radius: 12 }, local);
    sync(a, b);
    expect(readEmail(a, EMAIL)).toEqual(readEmail(b, EMAIL));
    expect(ids(a).sort()).toEqual([shared, fromA, fromB].sort());
    expect(readEmail(a, EMAIL).blocks[0]).toMatchObject({ label: 'From A', radius: 12 });
  });

  it('merge concurrent typing in the same text block', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = insertBlock(a, EMAIL, 0, 'heading', local)!;
    updateBlock(a, EMAIL, id, { text: 'Hello world' }, local);
    sync(a, b);
    a.transact(() => getBlockText(a, EMAIL, id)!.insert(5, ', dear'), local);
    b.transact(() => getBlockText(b, EMAIL, id)!.insert(11, '!'), local);
    b.transact(() => getBlockText(b, EMAIL, id)!.insert(0, '>> '), local);
    sync(a, b);
    expect(readEmail(a, EMAIL).blocks[0]).toMatchObject({ text: '>> Hello, dear world!' });
    expect(readEmail(b, EMAIL)).toEqual(readEmail(a, EMAIL));
  });

  it('merge concurrent formatting and typing in a rich text block', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = insertBlock(a, EMAIL, 0, 'text', local)!;
    updateBlock(a, EMAIL, id, { text: [{ insert: 'Buy now' }] }, local);
    sync(a, b);
    a.transact(() => getBlockText(a, EMAIL, id)!.format(0, 3, { bold: true }), local);
    b.transact(() => getBlockText(b, EMAIL, id)!.insert(7, ' today'), local);
    sync(a, b);
    const expected = [{ insert: 'Buy', attributes: { bold: true } }, { insert: ' now today' }];
    expect((readEmail(a, EMAIL).blocks[0] as TextBlock).text).toEqual(expected);
    expect(readEmail(b, EMAIL)).toEqual(readEmail(a, EMAIL));
  });

  it('shows a block moved in two places at once only once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const x = insertBlock(a, EMAIL, 0, 'heading', local)!;
    insertBlock(a, EMAIL, 1, 'divider', local);
    insertBlock(a, EMAIL, 2, 'spacer', local);
    sync(a, b);
    moveBlock(a, EMAIL, x, 2, local);
    moveBlock(b, EMAIL, x, 1, local);
    sync(a, b);
    const read = readEmail(a, EMAIL);
    expect(read.blocks.filter((blk) => blk.id === x)).toHaveLength(1);
    expect(read.problems).toEqual([expect.objectContaining({ blockId: x })]);
    expect(readEmail(b, EMAIL)).toEqual(read);
  });
});
