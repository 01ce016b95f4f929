import { describe, expect, it } from 'vitest';
import { richHtml, runsToLines } from '../../../../src/renderer/features/email/text/richHtml';

describe('rich text rendering', () => {
  it('splits runs into lines of formatted segments', () => {
    const lines = runsToLines([
      { insert: 'Hi ' },
      { insert: 'there\nyou', attributes: { bold: true } },
      { insert: '\n' },
    ]);
    expect(lines).toEqual([
      [
        { text: 'Hi ', bold: false, italic: false, href: null },
        { text: 'there', bold: true, italic: false, href: null },
      ],
      [{ text: 'you', bold: true, italic: false, href: null }],
      [],
    ]);
    expect(runsToLines([])).toEqual([[]]);
  });

  it('renders one div per line, formats nested, and escapes text and addresses', () => {
    const html = richHtml([
      { insert: 'a<b>&', attributes: { bold: true, italic: true } },
      { insert: 'go', attributes: { link: { href: 'https://x.test/?a=1&b="2"' } } },
      { insert: '\n' },
    ]);
    expect(html).toBe(
      '<div class="ee-line"><strong><em>a&lt;b&gt;&amp;</em></strong>' +
        '<span class="ee-link" title="https://x.test/?a=1&amp;b=&quot;2&quot;">go</span></div>' +
        '<div class="ee-line"><br></div>',
    );
    expect(richHtml([])).toBe('<div class="ee-line"><br></div>');
  });
});
