import { describe, expect, it } from 'vitest';
import type { TextRun } from '../../../../src/shared/email/blocks';
import {
  deltaToRuns,
  EMBED_CHAR,
  formatState,
  linkRange,
  typingFormats,
} from '../../../../src/renderer/features/email/text/formats';

const link = { href: 'https://example.com' };
const runs: TextRun[] = [
  { insert: 'plain ' },
  { insert: 'bold', attributes: { bold: true } },
  { insert: ' ' },
  { insert: 'link', attributes: { link } },
  { insert: '\nnext' },
];

describe('typing formats', () => {
  it('take the formats of the character before the caret', () => {
    expect(typingFormats(runs, 0)).toEqual({ bold: null, italic: null, link: null });
    expect(typingFormats(runs, 8)).toEqual({ bold: true, italic: null, link: null });
    expect(typingFormats(runs, 13)).toEqual({ bold: null, italic: null, link });
  });

  it('do not extend a link past its end, nor carry over a line break', () => {
    expect(typingFormats(runs, 15).link).toBeNull();
    expect(typingFormats(runs, 16)).toEqual({ bold: null, italic: null, link: null });
  });
});

describe('format state', () => {
  it('is on when the whole selection has the format', () => {
    expect(formatState(runs, 6, 10)).toEqual({ bold: true, italic: false, href: null });
    expect(formatState(runs, 5, 10).bold).toBe(false);
    expect(formatState(runs, 11, 15).href).toBe(link.href);
    // Line breaks inside a selection do not count against it.
    expect(formatState([{ insert: 'a\nb', attributes: { bold: true } }], 0, 3).bold).toBe(true);
  });

  it('at a caret, shows the typing formats and a touching link', () => {
    expect(formatState(runs, 8, 8).bold).toBe(true);
    expect(formatState(runs, 15, 15).href).toBe(link.href);
    expect(formatState(runs, 11, 11).href).toBe(link.href);
    expect(formatState(runs, 2, 2)).toEqual({ bold: false, italic: false, href: null });
  });
});

describe('link range', () => {
  it('spans the whole link around a caret, across runs with other formats', () => {
    const split: TextRun[] = [
      { insert: 'a ' },
      { insert: 'li', attributes: { link } },
      { insert: 'nk', attributes: { link, bold: true } },
      { insert: ' b' },
    ];
    expect(linkRange(split, 3, link.href)).toEqual({ start: 2, end: 6 });
    expect(linkRange(split, 6, link.href)).toEqual({ start: 2, end: 6 });
    expect(linkRange(split, 0, link.href)).toBeNull();
  });
});

describe('deltaToRuns', () => {
  it('keeps the offered formats and every position', () => {
    expect(
      deltaToRuns([
        { insert: 'a', attributes: { bold: true, color: 'red', link: { href: 'x' } } },
        { insert: { image: 'y' } },
        { insert: 'b', attributes: { italic: 'yes' } },
      ]),
    ).toEqual([
      { insert: 'a', attributes: { bold: true, link: { href: 'x' } } },
      { insert: EMBED_CHAR },
      { insert: 'b' },
    ]);
  });
});
