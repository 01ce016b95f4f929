import type { Block, BlockKind, LeafBlock } from '../../../shared/email/blocks';
import { defaultBlock, type ColumnSlot } from '../../../shared/email/emailDoc';
import { newId } from '../../../shared/journey/ydoc';

/** Block kinds as the editor names them. */
export const kindTitles: Record<BlockKind, string> = {
  heading: 'Heading',
  text: 'Text',
  image: 'Image',
  button: 'Button',
  divider: 'Divider',
  spacer: 'Spacer',
  columns: 'Columns',
};

/** What the "Add block" menu offers. */
export type AddChoice = Exclude<BlockKind, 'columns'> | 'columns2' | 'columns3';

export const addChoices: readonly { choice: AddChoice; label: string }[] = [
  { choice: 'heading', label: 'Heading' },
  { choice: 'text', label: 'Text' },
  { choice: 'image', label: 'Image' },
  { choice: 'button', label: 'Button' },
  { choice: 'divider', label: 'Divider' },
  { choice: 'spacer', label: 'Spacer' },
  { choice: 'columns2', label: 'Two columns' },
  { choice: 'columns3', label: 'Three columns' },
];

/** The choices that may go inside a column (no rows of columns). */
export const leafChoices = addChoices.filter((c) => c.choice !== 'columns2' && c.choice !== 'columns3');

/** A fresh block for a menu choice; three columns get a third column with a text block. */
export function makeBlock(choice: AddChoice): Block {
  if (choice === 'columns2') return defaultBlock('columns');
  if (choice === 'columns3') {
    const row = defaultBlock('columns');
    const text = { ...(defaultBlock('text') as LeafBlock), id: newId() };
    return { ...row, columns: [...row.columns, [text]] };
  }
  return defaultBlock(choice);
}

function clip(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A short description of a block for the outline ("Welcome, {{ first_name }}"). */
export function blockSummary(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return clip(block.text) || 'Empty heading';
    case 'text':
      return clip(block.text.map((run) => run.insert).join('')) || 'Empty text';
    case 'image':
      return block.assetId ? clip(block.alt) || 'Image without alt text' : 'No image chosen';
    case 'button':
      return clip(block.label) || 'Button without a label';
    case 'divider':
      return `${block.thickness} px line`;
    case 'spacer':
      return `${block.height} px space`;
    case 'columns':
      return block.columns.length === 3 ? 'Three columns' : 'Two columns';
  }
}

/** Where a block sits: its siblings, its index among them, and its slot (undefined: the body). */
export interface BlockPlace {
  block: Block;
  index: number;
  siblings: readonly Block[];
  slot: ColumnSlot | undefined;
}

/** Finds a block in the body or in a row's columns. */
export function findBlock(blocks: readonly Block[], id: string): BlockPlace | null {
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    if (block.id === id) return { block, index, siblings: blocks, slot: undefined };
    if (block.kind !== 'columns') continue;
    for (let column = 0; column < block.columns.length; column++) {
      const siblings = block.columns[column];
      const at = siblings.findIndex((b) => b.id === id);
      if (at >= 0) return { block: siblings[at], index: at, siblings, slot: { blockId: block.id, column } };
    }
  }
  return null;
}

/** Index in the body after the selected block (or the row it sits in); the end when none. */
export function insertionIndex(blocks: readonly Block[], selected: string): number {
  const place = findBlock(blocks, selected);
  if (!place) return blocks.length;
  const top = place.slot ? blocks.findIndex((b) => b.id === place.slot!.blockId) : place.index;
  return top + 1;
}
