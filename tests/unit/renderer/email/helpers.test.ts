import { describe, expect, it } from 'vitest';
import { blockSchema, type Block } from '../../../../src/shared/email/blocks';
import { defaultBlock } from '../../../../src/shared/email/emailDoc';
import { ErrorCode, MailyError } from '../../../../src/shared/errors';
import {
  addChoices,
  blockSummary,
  findBlock,
  insertionIndex,
  leafChoices,
  makeBlock,
} from '../../../../src/renderer/features/email/blockInfo';
import { altFromFileName } from '../../../../src/renderer/features/email/blocks/ImageFields';
import { hrefProblem } from '../../../../src/renderer/features/email/blocks/useBlockUpdate';
import { describeError } from '../../../../src/renderer/features/email/describeError';
import { exportFileName } from '../../../../src/renderer/features/email/export/exportFiles';
import { emailTexts, sampleAttributes, toSample } from '../../../../src/renderer/features/email/preview/sampleData';
import { spliceText } from '../../../../src/renderer/features/email/useInputTarget';
import { indexProblems } from '../../../../src/renderer/features/email/useProblems';

describe('blocks the menu adds', () => {
  it('are valid for every choice; three columns really have three', () => {
    for (const { choice } of addChoices) expect(blockSchema.safeParse(makeBlock(choice)).success).toBe(true);
    const three = makeBlock('columns3');
    expect(three.kind === 'columns' && three.columns.length).toBe(3);
    const ids = three.kind === 'columns' ? three.columns.flat().map((b) => b.id) : [];
    expect(new Set(ids).size).toBe(3);
    expect(leafChoices.map((c) => c.choice)).not.toContain('columns2');
  });

  it('are summarised for the outline', () => {
    expect(blockSummary({ ...defaultBlock('heading'), text: '  Welcome,\n {{ first_name }} ' })).toBe(
      'Welcome, {{ first_name }}',
    );
    expect(blockSummary({ ...defaultBlock('text'), text: [] })).toBe('Empty text');
    expect(blockSummary(defaultBlock('image'))).toBe('No image chosen');
    expect(blockSummary({ ...defaultBlock('heading'), text: 'x'.repeat(80) })).toHaveLength(40);
    expect(blockSummary(makeBlock('columns3'))).toBe('Three columns');
  });
});

describe('finding blocks and where new ones go', () => {
  const row = makeBlock('columns2') as Extract<Block, { kind: 'columns' }>;
  const blocks: Block[] = [defaultBlock('heading'), row, defaultBlock('button')];
  const inner = row.columns[1][0];

  it('finds top-level blocks and blocks in columns with their slot', () => {
    expect(findBlock(blocks, blocks[2].id)).toMatchObject({ index: 2, slot: undefined });
    expect(findBlock(blocks, inner.id)).toMatchObject({ index: 0, slot: { blockId: row.id, column: 1 } });
    expect(findBlock(blocks, 'nope')).toBeNull();
  });

  it('inserts after the selected block, or after the row holding it, else at the end', () => {
    expect(insertionIndex(blocks, blocks[0].id)).toBe(1);
    expect(insertionIndex(blocks, inner.id)).toBe(2);
    expect(insertionIndex(blocks, 'details')).toBe(3);
  });
});

describe('sample data', () => {
  it('offers first_name and every attribute a tag uses, in order', () => {
    const texts = emailTexts(
      [{ ...defaultBlock('heading'), text: 'Hi {{ first_name }} at {{ company.name | "your team" }}' }],
      'Offer for {{ city }}',
    );
    expect(sampleAttributes(texts)).toEqual(['first_name', 'city', 'company.name']);
  });

  it('sends only the attributes shown, and only those with a value', () => {
    expect(toSample({ first_name: 'Ana', city: '', old: 'x' }, ['first_name', 'city'])).toEqual({ first_name: 'Ana' });
  });
});

describe('small helpers', () => {
  it('name exported files after the email', () => {
    expect(exportFileName('Welcome #1', 'html')).toBe('welcome-1.html');
    expect(exportFileName('Crème brûlée — offer!', 'txt')).toBe('creme-brulee-offer.txt');
    expect(exportFileName('  ', 'html')).toBe('email.html');
    expect(exportFileName('a'.repeat(100), 'html')).toBe(`${'a'.repeat(60)}.html`);
  });

  it('insert a tag in place of a selection', () => {
    expect(spliceText('Hi !', 3, 3, '{{ first_name }}')).toBe('Hi {{ first_name }}!');
    expect(spliceText('Hi you!', 3, 6, 'X')).toBe('Hi X!');
  });

  it('start alt text from the file name and flag addresses that will not link', () => {
    expect(altFromFileName('summer-sale_banner.PNG')).toBe('summer sale banner');
    expect(hrefProblem('javascript:alert(1)')).toMatch(/will not be linked/);
    expect(hrefProblem('https://example.com')).toBeUndefined();
    expect(hrefProblem('')).toBeUndefined();
  });

  it('group problems by block, once each', () => {
    const index = indexProblems(
      [
        { blockId: 'a', message: 'm1' },
        { blockId: null, message: 'whole' },
      ],
      [
        { blockId: 'a', message: 'm1' },
        { blockId: 'a', message: 'm2' },
      ],
    );
    expect(index.byBlock.get('a')).toEqual(['m1', 'm2']);
    expect(index.counts.get('a')).toBe(2);
    expect(index.general).toEqual(['whole']);
  });

  it('keep the host’s message, and explain what has none', () => {
    expect(describeError(new MailyError(ErrorCode.Disconnected, 'The SMTP server refused.'), 'Sending')).toBe(
      'The SMTP server refused.',
    );
    expect(describeError(new MailyError(ErrorCode.UnknownChannel, 'x'), 'Sending the test')).toMatch(
      /^Sending the test is not available/,
    );
    expect(describeError(new Error('boom'), 'Exporting')).toMatch(/^Exporting failed unexpectedly/);
  });
});
