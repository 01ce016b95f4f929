import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import type { Block } from '../../../../shared/email/blocks';
import { moveBlock, removeBlock, type ColumnSlot } from '../../../../shared/email/emailDoc';
import { kindTitles } from '../blockInfo';
import { useEmailEditor } from '../EmailEditorContext';
import { dropPosition, dropTarget, stepIndex, type MoveTarget } from './reorder';

/** A block's place in the outline. */
export interface RowPlace {
  block: Block;
  slot: ColumnSlot | undefined;
  index: number;
  count: number;
  /** The row to select after this one is deleted (a neighbour, else the parent row). */
  near: string | null;
}

/** The drop line shown while dragging: before or after one row, or into an empty column. */
export type DropMark = { id: string; position: 'before' | 'after' } | { column: string } | null;

const MIME = 'application/x-maily-block';

/**
 * Reordering blocks in the outline: HTML5 drag and drop between rows (and into empty
 * columns), Alt+↑/↓ on a focused row, Delete to remove. Every move is one undo step;
 * focus follows the moved row.
 */
export function useOutlineMoves(rowButtons: React.RefObject<Map<string, HTMLButtonElement>>) {
  const { doc, emailId, origin, readOnly, step, announce, select } = useEmailEditor();
  const dragged = useRef<RowPlace | null>(null);
  const focusNext = useRef<string | null>(null);
  const [mark, setMark] = useState<DropMark>(null);

  useEffect(() => {
    if (!focusNext.current) return;
    rowButtons.current.get(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const move = useCallback(
    (place: RowPlace, target: MoveTarget): boolean => {
      const moved = step(() => moveBlock(doc, emailId, place.block.id, target.index, origin, target.slot));
      if (!moved) {
        const why =
          place.block.kind === 'columns' && target.slot
            ? 'a row of columns cannot go inside a column'
            : 'the list is full';
        announce(`The block was not moved: ${why}.`);
      }
      focusNext.current = place.block.id;
      return moved;
    },
    [doc, emailId, origin, step, announce],
  );

  const accepts = (target: { slot: ColumnSlot | undefined }) =>
    !readOnly && dragged.current !== null && !(dragged.current.block.kind === 'columns' && target.slot);

  const rowDrag = (place: RowPlace) => ({
    draggable: !readOnly,
    onDragStart: (e: DragEvent<HTMLElement>) => {
      e.stopPropagation();
      dragged.current = place;
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData(MIME, place.block.id);
    },
    onDragOver: (e: DragEvent<HTMLElement>) => {
      if (!accepts(place) || dragged.current?.block.id === place.block.id) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      const position = dropPosition(e.clientY, e.currentTarget.getBoundingClientRect());
      setMark((m) =>
        m && 'id' in m && m.id === place.block.id && m.position === position ? m : { id: place.block.id, position },
      );
    },
    onDrop: (e: DragEvent<HTMLElement>) => {
      e.preventDefault();
      const from = dragged.current;
      const position = dropPosition(e.clientY, e.currentTarget.getBoundingClientRect());
      if (from && from.block.id !== place.block.id) move(from, dropTarget(from, place, position));
      dragged.current = null;
      setMark(null);
    },
    onDragEnd: () => {
      dragged.current = null;
      setMark(null);
    },
  });

  const columnDrop = (slot: ColumnSlot) => ({
    onDragOver: (e: DragEvent<HTMLElement>) => {
      if (!accepts({ slot })) return;
      e.preventDefault();
      setMark({ column: `${slot.blockId}:${slot.column}` });
    },
    onDrop: (e: DragEvent<HTMLElement>) => {
      e.preventDefault();
      if (dragged.current) move(dragged.current, { slot, index: 0 });
      dragged.current = null;
      setMark(null);
    },
  });

  const onRowKey = (place: RowPlace, e: React.KeyboardEvent<HTMLButtonElement>) => {
    if (readOnly) return;
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      const index = stepIndex(place.index, place.count, e.key === 'ArrowUp' ? -1 : 1);
      if (index === null) return announce(e.key === 'ArrowUp' ? 'Already at the top.' : 'Already at the bottom.');
      if (move(place, { slot: place.slot, index })) announce(`Moved to position ${index + 1} of ${place.count}.`);
    } else if (e.key === 'Delete' && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      remove(place);
    }
  };

  const remove = (place: RowPlace) => {
    if (!step(() => removeBlock(doc, emailId, place.block.id, origin))) return;
    announce(`${kindTitles[place.block.kind]} block deleted. Press Ctrl+Z to undo.`);
    select(place.near ?? 'details');
    focusNext.current = place.near;
  };

  return { mark, rowDrag, columnDrop, onRowKey, remove };
}
