import { describe, expect, it } from 'vitest';
import { dropPosition, dropTarget, sameSlot, stepIndex } from '../../../../src/renderer/features/email/outline/reorder';

const body = undefined;
const col = (column: number) => ({ blockId: 'row', column });

describe('drop targets', () => {
  it('account for the dragged block leaving its own list', () => {
    // Moving index 0 to after index 2 in a list of 4: it ends up at index 2.
    expect(dropTarget({ slot: body, index: 0 }, { slot: body, index: 2 }, 'after')).toEqual({ slot: body, index: 2 });
    expect(dropTarget({ slot: body, index: 0 }, { slot: body, index: 2 }, 'before')).toEqual({ slot: body, index: 1 });
    expect(dropTarget({ slot: body, index: 3 }, { slot: body, index: 0 }, 'before')).toEqual({ slot: body, index: 0 });
    expect(dropTarget({ slot: body, index: 3 }, { slot: body, index: 1 }, 'after')).toEqual({ slot: body, index: 2 });
  });

  it('do not shift when the block comes from another list', () => {
    expect(dropTarget({ slot: body, index: 0 }, { slot: col(1), index: 2 }, 'after')).toEqual({
      slot: col(1),
      index: 3,
    });
    expect(dropTarget({ slot: col(0), index: 0 }, { slot: col(1), index: 0 }, 'before')).toEqual({
      slot: col(1),
      index: 0,
    });
  });

  it('compare slots by row and column', () => {
    expect(sameSlot(undefined, undefined)).toBe(true);
    expect(sameSlot(col(0), col(0))).toBe(true);
    expect(sameSlot(col(0), col(1))).toBe(false);
    expect(sameSlot(col(0), undefined)).toBe(false);
  });
});

describe('keyboard steps and pointer halves', () => {
  it('stop at either end', () => {
    expect(stepIndex(0, 3, -1)).toBeNull();
    expect(stepIndex(2, 3, 1)).toBeNull();
    expect(stepIndex(1, 3, -1)).toBe(0);
    expect(stepIndex(1, 3, 1)).toBe(2);
  });

  it('drop before in the top half of a row and after in the bottom half', () => {
    expect(dropPosition(104, { top: 100, height: 30 })).toBe('before');
    expect(dropPosition(120, { top: 100, height: 30 })).toBe('after');
  });
});
