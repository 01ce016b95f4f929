import { describe, expect, it } from 'vitest';
import type { Block, LeafBlock } from '../../../../src/shared/email/blocks';
import { defaultBlock } from '../../../../src/shared/email/defaultBlock';
import { plainText, runsToPlain } from '../../../../src/shared/email/plainText';

function leaf<K extends LeafBlock['kind']>(kind: K, fields: Partial<Extract<LeafBlock, { kind: K }>>): LeafBlock {
  return { ...defaultBlock(kind), ...fields } as LeafBlock;
}

describe('plain-text part', () => {
  it('uppercases and underlines headings by level', () => {
    const blocks = [leaf('heading', { text: 'Welcome aboard' }), leaf('heading', { text: 'Next steps', level: 2 })];
    expect(plainText({ blocks })).toBe('WELCOME ABOARD\n==============\n\nNEXT STEPS\n----------\n');
  });

  it('writes links as "label (url)", joining the runs of one link', () => {
    const link = { href: 'https://example.com/shop' };
    const runs = [
      { insert: 'Visit ' },
      { insert: 'our ', attributes: { link } },
      { insert: 'shop', attributes: { link, bold: true } },
      { insert: ' or ' },
      { insert: 'https://example.com/', attributes: { link: { href: 'https://example.com/' } } },
      { insert: ' or ' },
      { insert: 'mail us', attributes: { link: { href: 'mailto:hi@example.com' } } },
      { insert: ' or ' },
      { insert: 'this', attributes: { link: { href: 'javascript:alert(1)' } } },
    ];
    expect(runsToPlain(runs)).toBe(
      'Visit our shop (https://example.com/shop) or https://example.com/ or mail us (hi@example.com) or this',
    );
  });

  it('writes lists with bullets or numbers, skipping empty lines', () => {
    const text = [{ insert: 'One\nTwo\n\nThree\n' }];
    expect(plainText({ blocks: [leaf('text', { text, list: 'bullet' })] })).toBe('• One\n• Two\n• Three\n');
    expect(plainText({ blocks: [leaf('text', { text, list: 'number' })] })).toBe('1. One\n2. Two\n3. Three\n');
    expect(plainText({ blocks: [leaf('text', { text, list: 'none' })] })).toBe('One\nTwo\n\nThree\n');
  });

  it('writes buttons as "label: url", images as alt text, dividers as a rule', () => {
    const blocks: Block[] = [
      leaf('button', { label: 'Shop now', href: 'https://example.com/sale' }),
      leaf('image', { alt: 'Our new mug', href: 'https://example.com/mug' }),
      leaf('image', { alt: '' }),
      leaf('divider', {}),
      leaf('spacer', {}),
      leaf('button', { label: 'Bad', href: 'javascript:x' }),
    ];
    expect(plainText({ blocks })).toBe(
      `Shop now: https://example.com/sale\n\n[Our new mug] (https://example.com/mug)\n\n${'-'.repeat(40)}\n\nBad\n`,
    );
  });

  it('flattens columns in reading order', () => {
    const row = defaultBlock('columns');
    row.columns = [
      [leaf('heading', { text: 'Left', level: 3 }), leaf('text', { text: [{ insert: 'left body' }] })],
      [leaf('text', { text: [{ insert: 'right body' }] })],
    ];
    expect(plainText({ blocks: [row] })).toBe('LEFT\n----\n\nleft body\n\nright body\n');
  });

  it('is empty for an empty email', () => {
    expect(plainText({ blocks: [] })).toBe('');
  });
});
