import { newId } from '../journey/ydoc';
import type { Block, BlockKind, LeafBlock, LeafKind, Padding } from './blocks';

const padding = (vertical: number, horizontal = 24): Padding => ({
  top: vertical,
  right: horizontal,
  bottom: vertical,
  left: horizontal,
});

function leaf(kind: LeafKind, id: string): LeafBlock {
  const base = { id, padding: padding(10), background: '' };
  switch (kind) {
    case 'heading':
      return { ...base, kind, level: 1, text: 'Heading', align: 'left' };
    case 'text':
      return { ...base, kind, text: [{ insert: 'Write something here.' }], list: 'none', align: 'left' };
    case 'image':
      return { ...base, kind, assetId: '', alt: '', width: 100, align: 'center' };
    case 'button':
      return {
        ...base,
        kind,
        label: 'Open',
        href: 'https://example.com',
        background: '#2563eb',
        color: '#ffffff',
        align: 'center',
        radius: 4,
      };
    case 'divider':
      return { ...base, kind, color: '#d4d4d8', thickness: 1 };
    case 'spacer':
      return { ...base, kind, padding: padding(0, 0), height: 24 };
  }
}

/** A fresh block of `kind` with a new id and the editor's starting values. */
export function defaultBlock<K extends BlockKind>(kind: K): Extract<Block, { kind: K }> {
  if (kind !== 'columns') return leaf(kind as LeafKind, newId()) as Extract<Block, { kind: K }>;
  const row: Block = {
    id: newId(),
    kind: 'columns',
    padding: padding(0, 0),
    background: '',
    columns: [[leaf('text', newId())], [leaf('text', newId())]],
  };
  return row as Extract<Block, { kind: K }>;
}
