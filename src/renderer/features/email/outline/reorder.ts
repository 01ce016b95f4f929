import type { ColumnSlot } from '../../../../shared/email/emailDoc';

/** Where a dragged block goes: the slot (undefined: the body) and the index it ends up at. */
export interface MoveTarget {
  slot: ColumnSlot | undefined;
  index: number;
}

export function sameSlot(a: ColumnSlot | undefined, b: ColumnSlot | undefined): boolean {
  return a === b || (!!a && !!b && a.blockId === b.blockId && a.column === b.column);
}

/**
 * The move for dropping a block (at `from` in `fromSlot`) before or after the block at
 * `to` in `toSlot`. `moveBlock` takes the index the block ends up at, so within one list
 * the removal of the dragged block shifts later positions down by one.
 */
export function dropTarget(
  from: { slot: ColumnSlot | undefined; index: number },
  to: { slot: ColumnSlot | undefined; index: number },
  position: 'before' | 'after',
): MoveTarget {
  let index = to.index + (position === 'after' ? 1 : 0);
  if (sameSlot(from.slot, to.slot) && from.index < index) index -= 1;
  return { slot: to.slot, index };
}

/** Alt+↑/↓: the index one step up or down, or null at either end. */
export function stepIndex(index: number, count: number, direction: -1 | 1): number | null {
  const next = index + direction;
  return next < 0 || next >= count ? null : next;
}

/** Before or after a row, from the pointer's height in it. */
export function dropPosition(clientY: number, rect: { top: number; height: number }): 'before' | 'after' {
  return clientY < rect.top + rect.height / 2 ? 'before' : 'after';
}
