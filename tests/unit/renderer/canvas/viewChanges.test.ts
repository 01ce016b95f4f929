import { describe, expect, it } from 'vitest';
import type { NodeChange } from '@xyflow/react';
import type { FlowNode } from '../../../../src/renderer/features/canvas/flowTypes';
import {
  applySelect,
  applySizes,
  edgeSelectChanges,
  sortNodeChanges,
} from '../../../../src/renderer/features/canvas/viewChanges';

describe('sortNodeChanges', () => {
  it('keeps drags local, commits finished moves, and collects selection and sizes', () => {
    const changes: NodeChange<FlowNode>[] = [
      { type: 'select', id: 'a', selected: true },
      { type: 'position', id: 'a', position: { x: 1, y: 2 }, dragging: true },
      { type: 'position', id: 'b', position: { x: 3, y: 4 }, dragging: false },
      { type: 'position', id: 'c', dragging: false },
      { type: 'dimensions', id: 'a', dimensions: { width: 240, height: 90 } },
      { type: 'remove', id: 'z' },
    ];
    const sorted = sortNodeChanges(changes);
    expect([...sorted.select]).toEqual([['a', true]]);
    expect([...sorted.drag]).toEqual([['a', { x: 1, y: 2 }]]);
    expect(sorted.commit).toEqual([{ id: 'b', x: 3, y: 4 }]);
    expect([...sorted.sizes]).toEqual([['a', { width: 240, height: 90 }]]);
  });

  it('reads edge selection', () => {
    expect([
      ...edgeSelectChanges([
        { type: 'select', id: 'e', selected: false },
        { type: 'remove', id: 'f' },
      ]),
    ]).toEqual([['e', false]]);
  });
});

describe('applySelect and applySizes', () => {
  it('return the same object when nothing changes', () => {
    const ids = new Set(['a']);
    expect(applySelect(ids, new Map([['a', true]]))).toBe(ids);
    expect([
      ...applySelect(
        ids,
        new Map([
          ['a', false],
          ['b', true],
        ]),
      ),
    ]).toEqual(['b']);
    const sizes = new Map([['a', { width: 1, height: 2 }]]);
    expect(applySizes(sizes, new Map([['a', { width: 1, height: 2 }]]))).toBe(sizes);
    const grown = applySizes(sizes, new Map([['a', { width: 3, height: 2 }]]));
    expect(grown.get('a')).toEqual({ width: 3, height: 2 });
    expect(sizes.get('a')).toEqual({ width: 1, height: 2 });
  });
});
