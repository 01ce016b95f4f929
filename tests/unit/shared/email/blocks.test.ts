import { describe, expect, it } from 'vitest';
import {
  blockKinds,
  blockSchema,
  columnsBlockSchema,
  emailContentSchema,
  safeHref,
} from '../../../../src/shared/email/blocks';
import { defaultBlock } from '../../../../src/shared/email/defaultBlock';

describe('block schemas', () => {
  it('accepts the default block of every kind, each with a fresh id', () => {
    for (const kind of blockKinds) {
      const a = defaultBlock(kind);
      expect(blockSchema.safeParse(a).success, kind).toBe(true);
      expect(a.kind).toBe(kind);
      expect(defaultBlock(kind).id).not.toBe(a.id);
    }
  });

  it('refuses style values that could break out of CSS or an attribute', () => {
    const divider = defaultBlock('divider');
    for (const color of ['red', '#12345', 'red;background:url(x)', '#fff" onload="x', '']) {
      expect(blockSchema.safeParse({ ...divider, color }).success, color).toBe(false);
    }
    expect(blockSchema.safeParse({ ...divider, background: 'url(javascript:x)' }).success).toBe(false);
    expect(blockSchema.safeParse({ ...divider, background: '' }).success).toBe(true);
    expect(blockSchema.safeParse({ ...divider, padding: { top: -1, right: 0, bottom: 0, left: 0 } }).success).toBe(
      false,
    );
    expect(blockSchema.safeParse({ ...divider, thickness: 1.5 }).success).toBe(false);
  });

  it('bounds heading levels, image widths and text formats', () => {
    expect(blockSchema.safeParse({ ...defaultBlock('heading'), level: 4 }).success).toBe(false);
    expect(blockSchema.safeParse({ ...defaultBlock('image'), width: 150 }).success).toBe(false);
    const text = defaultBlock('text');
    const run = { insert: 'x', attributes: { bold: true, link: { href: 'https://a.example' } } };
    expect(blockSchema.safeParse({ ...text, text: [run] }).success).toBe(true);
    expect(blockSchema.safeParse({ ...text, text: [{ insert: 42 }] }).success).toBe(false);
    expect(blockSchema.safeParse({ ...text, list: 'roman' }).success).toBe(false);
  });

  it('holds 2 or 3 columns of non-column blocks', () => {
    const row = defaultBlock('columns');
    expect(columnsBlockSchema.safeParse(row).success).toBe(true);
    expect(columnsBlockSchema.safeParse({ ...row, columns: [[]] }).success).toBe(false);
    expect(columnsBlockSchema.safeParse({ ...row, columns: [[], [], [], []] }).success).toBe(false);
    expect(columnsBlockSchema.safeParse({ ...row, columns: [[], [], []] }).success).toBe(true);
    expect(columnsBlockSchema.safeParse({ ...row, columns: [[defaultBlock('columns')], []] }).success).toBe(false);
  });

  it('validates a whole email body and caps its size', () => {
    const blocks = blockKinds.map((kind) => defaultBlock(kind));
    expect(emailContentSchema.safeParse({ blocks }).success).toBe(true);
    const many = Array.from({ length: 201 }, () => defaultBlock('spacer'));
    expect(emailContentSchema.safeParse({ blocks: many }).success).toBe(false);
  });
});

describe('safeHref', () => {
  it('keeps web and mail addresses', () => {
    expect(safeHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeHref(' http://example.com ')).toBe('http://example.com/');
    expect(safeHref('mailto:ana@example.com')).toBe('mailto:ana@example.com');
    expect(safeHref('https://x.example/"><script>')).toBe('https://x.example/%22%3E%3Cscript%3E');
  });

  it('drops every other scheme and non-addresses', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'vbscript:x',
      '//evil.example',
      'example.com',
      '',
      'https://',
      'mailto:',
    ]) {
      expect(safeHref(href), href).toBeNull();
    }
  });
});
