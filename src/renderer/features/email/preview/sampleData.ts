import type { Block, LeafBlock } from '../../../../shared/email/blocks';
import { tagNames } from '../../../../shared/email/personalize';

/** Sample values as the contract takes them: attribute name → value. */
export type Sample = Record<string, string>;

/** The contract caps attribute names at 64 characters. */
const MAX_NAME = 64;

/** Attributes every sample offers, whether or not the email uses them yet. */
export const baseAttributes = ['first_name'];

/** The first sample a designer sees: enough to show personalisation working. */
export const initialSample: Sample = { first_name: 'Ana' };

function leafTexts(block: LeafBlock): string[] {
  switch (block.kind) {
    case 'heading':
      return [block.text];
    case 'text':
      return [block.text.map((run) => run.insert).join('')];
    case 'image':
      return [block.alt, block.href ?? ''];
    case 'button':
      return [block.label, block.href];
    default:
      return [];
  }
}

/** Every text of the email that may hold personalisation tags. */
export function emailTexts(blocks: readonly Block[], subject = '', preheader = ''): string[] {
  const leaves = blocks.flatMap((block) => (block.kind === 'columns' ? block.columns.flat() : [block]));
  return [subject, preheader, ...leaves.flatMap(leafTexts)];
}

/** The attributes the sample form shows: the base ones, then each one a tag uses. */
export function sampleAttributes(texts: readonly string[]): string[] {
  const names = new Set(baseAttributes);
  for (const text of texts) for (const name of tagNames(text)) names.add(name);
  return [...names].filter((name) => name.length <= MAX_NAME);
}

/** The sample sent with a render: only `names`, and only those with a value. */
export function toSample(values: Sample, names: readonly string[]): Sample {
  const sample: Sample = {};
  for (const name of names) if (values[name]) sample[name] = values[name];
  return sample;
}
