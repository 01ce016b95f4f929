import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blockSchema, emailContentSchema, type ColumnsBlock } from '../../../../src/shared/email/blocks';
import {
  emailsMap,
  getBlockText,
  insertBlock,
  moveBlock,
  readEmail,
  removeBlock,
  updateBlock,
} from '../../../../src/shared/email/emailDoc';

/**
 * Any peer with write access can put anything under `emails`. Reading must never
 * throw, must say what it skipped or repaired, and must only ever return valid blocks.
 */

const EMAIL = 'e1';

function random(seed: number): () => number {
  // mulberry32: small, seedable, good enough to vary test input.
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A doc whose email body holds the block maps `fill` writes. */
function hostile(fill: (blocks: Y.Array<unknown>) => void): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    const blocks = new Y.Array<unknown>();
    entry.set('blocks', blocks);
    emailsMap(doc).set(EMAIL, entry);
    fill(blocks);
  });
  return doc;
}

function arr(...items: unknown[]): Y.Array<unknown> {
  const array = new Y.Array<unknown>();
  array.push(items);
  return array;
}

function rawBlock(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

function expectValid(doc: Y.Doc) {
  const content = readEmail(doc, EMAIL);
  expect(emailContentSchema.safeParse(content).success).toBe(true);
  return content;
}

describe('reading hostile email bodies', () => {
  it('reports a body that is not a map or has no blocks array', () => {
    for (const value of [42, 'x', null, new Y.Array(), rawBlock({ blocks: 'nope' })]) {
      const doc = new Y.Doc();
      emailsMap(doc).set(EMAIL, value);
      const content = readEmail(doc, EMAIL);
      expect(content.blocks).toEqual([]);
      expect(content.problems).toEqual([{ blockId: null, message: expect.stringContaining('damaged') }]);
      expect(insertBlock(doc, EMAIL, 0, 'text', 'me')).toBeNull();
    }
  });

  it('skips entries that are not blocks, with a reason each', () => {
    const doc = hostile((blocks) =>
      blocks.push([
        'text',
        7,
        new Y.Array(),
        rawBlock({ kind: 'spacer' }),
        rawBlock({ id: 'bad id!', kind: 'spacer' }),
        rawBlock({ id: 'u1', kind: 'teleport' }),
        rawBlock({ id: 'p1', kind: '__proto__' }),
      ]),
    );
    const content = expectValid(doc);
    expect(content.blocks).toEqual([]);
    expect(content.problems).toHaveLength(7);
    expect(content.problems.find((p) => p.blockId === 'u1')?.message).toContain('Unknown block kind');
  });

  it('repairs damaged fields with defaults and keeps the block', () => {
    const doc = hostile((blocks) =>
      blocks.push([
        rawBlock({
          id: 'b1',
          kind: 'button',
          label: 'Buy',
          href: 'https://example.com',
          color: 'red;background:url(x)',
          radius: 1e9,
          padding: { top: 'x' },
          __proto__: { polluted: true },
        }),
      ]),
    );
    const content = expectValid(doc);
    expect(content.blocks[0]).toMatchObject({ id: 'b1', label: 'Buy', color: '#ffffff', radius: 4 });
    const messages = content.problems.map((p) => p.message).join(' ');
    for (const field of ['color', 'radius', 'padding']) expect(messages).toContain(`“${field}” could not be read`);
    expect(content.problems.every((p) => p.blockId === 'b1')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('fills fields an older version did not write, silently', () => {
    const doc = hostile((blocks) => blocks.push([rawBlock({ id: 's1', kind: 'spacer', height: 40 })]));
    expect(readEmail(doc, EMAIL)).toEqual({
      blocks: [expect.objectContaining({ id: 's1', height: 40, background: '' })],
      problems: [],
    });
  });

  it('reads text stored as a plain string, drops embeds and unknown formats', () => {
    const doc = hostile((blocks) => {
      const rich = new Y.Text();
      blocks.push([
        rawBlock({ id: 'h1', kind: 'heading', text: 'Plain heading' }),
        rawBlock({ id: 't1', kind: 'text', text: rich }),
        rawBlock({ id: 't2', kind: 'text', text: 99 }),
      ]);
      rich.insert(0, 'Hi', { bold: true, color: 'red', link: { href: 42 } });
      rich.insertEmbed(2, { image: 'x' });
      rich.insert(3, ' there', { italic: 'yes', link: { href: 'https://a.example' } });
    });
    const content = expectValid(doc);
    expect(content.blocks[0]).toMatchObject({ text: 'Plain heading' });
    expect(content.blocks[1]).toMatchObject({
      text: [
        { insert: 'Hi', attributes: { bold: true } },
        { insert: ' there', attributes: { link: { href: 'https://a.example' } } },
      ],
    });
    expect(content.blocks[2]).toMatchObject({ text: [] });
    expect(content.problems.map((p) => p.blockId)).toEqual(['h1', 't1', 't2']);
    expect(getBlockText(doc, EMAIL, 'h1')).toBeNull();
    expect(updateBlock(doc, EMAIL, 'h1', { text: 'Now shared' }, 'me')).toEqual({ ok: true });
    expect(getBlockText(doc, EMAIL, 'h1')?.toString()).toBe('Now shared');
  });

  it('caps very long text', () => {
    const doc = hostile((blocks) => {
      const text = new Y.Text();
      blocks.push([rawBlock({ id: 't1', kind: 'text', text })]);
      text.insert(0, 'x'.repeat(30_000));
    });
    const content = expectValid(doc);
    const runs = (content.blocks[0] as { text: { insert: string }[] }).text;
    expect(runs.map((r) => r.insert).join('')).toHaveLength(20_000);
    expect(content.problems[0].message).toContain('longer than');
  });

  it('repairs rows: nested rows skipped, too few or too many columns fixed, nothing lost', () => {
    const columnOf = (...maps: Y.Map<unknown>[]) => arr(...maps);
    const doc = hostile((blocks) => {
      const wide = arr(
        columnOf(rawBlock({ id: 'a', kind: 'spacer' })),
        columnOf(),
        columnOf(rawBlock({ id: 'c', kind: 'spacer' })),
        columnOf(
          rawBlock({ id: 'd', kind: 'divider' }),
          rawBlock({ id: 'inner', kind: 'columns', columns: new Y.Array() }),
        ),
      );
      const narrow = arr(columnOf(rawBlock({ id: 'e', kind: 'spacer' })));
      blocks.push([
        rawBlock({ id: 'wide', kind: 'columns', columns: wide }),
        rawBlock({ id: 'narrow', kind: 'columns', columns: narrow }),
        rawBlock({ id: 'none', kind: 'columns', columns: 'x' }),
      ]);
    });
    const content = expectValid(doc);
    const [wide, narrow, none] = content.blocks as ColumnsBlock[];
    expect(wide.columns.map((c) => c.map((b) => b.id))).toEqual([['a'], [], ['c', 'd']]);
    expect(narrow.columns.map((c) => c.map((b) => b.id))).toEqual([['e'], []]);
    expect(none.columns).toEqual([[], []]);
    expect(content.problems.map((p) => p.blockId)).toEqual(expect.arrayContaining(['inner', 'wide', 'narrow', 'none']));
  });

  it('hides repeated ids and blocks past the cap', () => {
    const doc = hostile((blocks) => {
      for (let i = 0; i < 205; i++) blocks.push([rawBlock({ id: `s${i}`, kind: 'spacer' })]);
      blocks.insert(1, [rawBlock({ id: 's0', kind: 'divider' })]);
    });
    const content = expectValid(doc);
    expect(content.blocks).toHaveLength(200);
    expect(new Set(content.blocks.map((b) => b.id)).size).toBe(200);
    expect(content.problems.map((p) => p.message).join(' ')).toMatch(/twice.*at most 200/s);
  });

  it('never throws, and writes keep working, on seeded random garbage', () => {
    const garbage: unknown[] = [null, 0, NaN, '', 'x', true, [], {}, { href: 1 }, '#fff', 12, -5, 1e9];
    const keys = [
      'id',
      'kind',
      'text',
      'columns',
      'padding',
      'background',
      'level',
      'align',
      'color',
      'href',
      'height',
      'width',
      'list',
    ];
    const kinds = ['heading', 'text', 'image', 'button', 'divider', 'spacer', 'columns', 'x', '__proto__', 7];
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const pick = <T>(values: T[]) => values[Math.floor(next() * values.length)];
      const doc = hostile((blocks) => {
        for (let i = 0; i < 20; i++) {
          const fields: Record<string, unknown> = {
            id: next() < 0.8 ? `b${Math.floor(next() * 15)}` : pick(garbage),
            kind: pick(kinds),
          };
          for (const key of keys.slice(2)) if (next() < 0.3) fields[key] = pick(garbage);
          if (next() < 0.2) fields.text = new Y.Text('hello');
          if (next() < 0.2) fields.columns = arr(new Y.Array(), arr(rawBlock({ id: 'n', kind: pick(kinds) })));
          blocks.push([next() < 0.9 ? rawBlock(fields) : pick(garbage)]);
        }
      });
      const content = expectValid(doc);
      for (const block of content.blocks) expect(blockSchema.safeParse(block).success).toBe(true);
      for (const block of content.blocks) {
        expect(() =>
          updateBlock(doc, EMAIL, block.id, { padding: { top: 1, right: 1, bottom: 1, left: 1 } }, 'me'),
        ).not.toThrow();
        expect(() => moveBlock(doc, EMAIL, block.id, 0, 'me')).not.toThrow();
      }
      expect(() => removeBlock(doc, EMAIL, 'b1', 'me')).not.toThrow();
      expectValid(doc);
    }
  });
});
