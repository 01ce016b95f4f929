import { describe, expect, it } from 'vitest';
import type { FlowNode } from '../../../../src/renderer/features/canvas/flowTypes';
import {
  maskPath,
  miniMapColour,
  miniMapFrame,
  miniMapShapes,
  viewRect,
} from '../../../../src/renderer/features/canvas/miniMapShapes';

function flow(id: string, type: string, x: number, y: number, patch: Partial<FlowNode> = {}): FlowNode {
  return { id, type, position: { x, y }, data: {}, initialWidth: 240, initialHeight: 100, ...patch } as FlowNode;
}

describe('mini map shapes', () => {
  it('draw every shown node as a rectangle in one path per colour', () => {
    const nodes = [
      flow('a', 'email', 0, 0),
      flow('b', 'updateProfile', 300, 0, { measured: { width: 250, height: 120 } }),
      flow('c', 'delay', 0, 200),
    ];
    const { paths, bounds } = miniMapShapes(nodes);
    // Email and Update profile are both Actions: one colour, one path.
    expect(paths).toEqual([
      { colour: miniMapColour(nodes[0]), d: 'M0 0h240v100h-240zM300 0h250v120h-250z' },
      { colour: miniMapColour(nodes[2]), d: 'M0 200h240v100h-240z' },
    ]);
    expect(bounds).toEqual({ x: 0, y: 0, width: 550, height: 300 });
  });

  it('leave out hidden and unsized nodes; no bounds without nodes', () => {
    const shapes = miniMapShapes([
      flow('a', 'note', 0, 0, { hidden: true }),
      flow('b', 'email', 0, 0, { initialWidth: undefined, initialHeight: undefined }),
    ]);
    expect(shapes).toEqual({ paths: [], bounds: null });
  });

  it('colour nodes by palette group, and kinds it does not know grey', () => {
    expect(miniMapColour(flow('a', 'entry', 0, 0))).toBe('#1f9d55');
    expect(miniMapColour(flow('a', 'condition', 0, 0))).toBe('#7a4fd6');
    expect(miniMapColour(flow('a', 'fromTheFuture', 0, 0))).toBe('#888');
  });
});

describe('mini map frame', () => {
  it('turns a React Flow transform into the flow area in view', () => {
    expect(viewRect([-200, 100, 2], 800, 600)).toEqual({ x: 100, y: -50, width: 400, height: 300 });
  });

  it('shows the nodes and the view, centred, with a margin, in the map’s aspect ratio', () => {
    const bounds = { x: 0, y: 0, width: 1900, height: 400 };
    const view = { x: -100, y: 0, width: 500, height: 400 };
    const size = { width: 200, height: 150 };
    const { viewBox, scale } = miniMapFrame(bounds, view, size, 5);
    // 2,000 units across 190 px (5 px margin either side).
    expect(scale).toBeCloseTo(2000 / 190);
    expect(viewBox.width / viewBox.height).toBeCloseTo(200 / 150);
    expect(viewBox.x).toBeCloseTo(-100 - 5 * scale);
    expect(viewBox.y + viewBox.height / 2).toBeCloseTo(200);
  });

  it('frames the view alone when there are no nodes', () => {
    const view = { x: 10, y: 20, width: 190, height: 140 };
    const { viewBox } = miniMapFrame(null, view, { width: 200, height: 150 }, 5);
    expect(viewBox).toEqual({ x: 5, y: 15, width: 200, height: 150 });
  });

  it('masks all but the view', () => {
    const mask = maskPath({ x: 0, y: 0, width: 100, height: 50 }, { x: 10, y: 10, width: 20, height: 5 });
    expect(mask).toBe('M0,0h100v50h-100zM10,10h20v5h-20z');
  });
});
