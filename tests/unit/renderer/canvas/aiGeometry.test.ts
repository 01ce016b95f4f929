import { describe, expect, it } from 'vitest';
import {
  anchorOf,
  boxInView,
  panToReveal,
  findingPins,
  ghostSize,
  ghostSpot,
  nodeBoxes,
  type NodeBox,
} from '../../../../src/renderer/features/canvas/ai/aiGeometry';
import type { FlowNode } from '../../../../src/renderer/features/canvas/flowTypes';

function box(id: string, x: number, y: number, extra: Partial<NodeBox> = {}): NodeBox {
  return { id, kind: 'email', hidden: false, x, y, width: 240, height: 100, ...extra };
}

describe('nodeBoxes', () => {
  it('uses the measured size, else the estimate, else the ghost size', () => {
    const nodes = [
      { id: 'a', type: 'email', position: { x: 1, y: 2 }, measured: { width: 250, height: 90 }, data: {} },
      { id: 'b', type: 'delay', position: { x: 3, y: 4 }, initialWidth: 240, initialHeight: 70, data: {} },
      { id: 'c', type: 'note', position: { x: 5, y: 6 }, hidden: true, data: {} },
    ] as unknown as FlowNode[];
    expect(nodeBoxes(nodes)).toEqual([
      { id: 'a', kind: 'email', hidden: false, x: 1, y: 2, width: 250, height: 90 },
      { id: 'b', kind: 'delay', hidden: false, x: 3, y: 4, width: 240, height: 70 },
      { id: 'c', kind: 'note', hidden: true, x: 5, y: 6, ...ghostSize },
    ]);
  });
});

describe('ghostSpot', () => {
  it('is at the origin on an empty canvas', () => {
    expect(ghostSpot([], null)).toEqual({ x: 0, y: 0 });
    expect(ghostSpot([], 'gone')).toEqual({ x: 0, y: 0 });
  });

  it('sits to the right of the after-node, level with it', () => {
    const boxes = [box('a', 0, 0), box('b', 0, 400)];
    expect(ghostSpot(boxes, 'b')).toEqual({ x: 320, y: 400 });
  });

  it('sits to the right of the right-most step when it follows none (or a missing one)', () => {
    const boxes = [box('a', 0, 0), box('far', 900, 200), box('note', 2000, 0, { kind: 'note' })];
    expect(anchorOf(boxes, null)?.id).toBe('far');
    expect(ghostSpot(boxes, null)).toEqual({ x: 1220, y: 200 });
    expect(ghostSpot(boxes, 'missing')).toEqual({ x: 1220, y: 200 });
  });

  it('moves right past steps already in the way', () => {
    const boxes = [box('a', 0, 0), box('next', 320, 20), box('then', 640, -20)];
    expect(ghostSpot(boxes, 'a')).toEqual({ x: 960, y: 0 });
  });

  it('rounds to whole pixels', () => {
    expect(ghostSpot([box('a', 0.4, 10.6, { width: 240.3 })], 'a')).toEqual({ x: 321, y: 11 });
  });
});

describe('findingPins', () => {
  const boxes = [box('a', 0, 0), box('b', 500, 100), box('hidden', 0, 400, { hidden: true })];

  it('pins each finding to the top-right corner of its node', () => {
    const pins = findingPins([{ nodeId: 'b', severity: 'warning', message: 'No delay before it' }], boxes);
    expect(pins).toEqual([{ nodeId: 'b', x: 740, y: 100, severity: 'warning', messages: ['No delay before it'] }]);
  });

  it('gives a node one pin with every message and the worst severity', () => {
    const pins = findingPins(
      [
        { nodeId: 'a', severity: 'info', message: 'one' },
        { nodeId: 'a', severity: 'problem', message: 'two' },
        { nodeId: 'a', severity: 'warning', message: 'three' },
      ],
      boxes,
    );
    expect(pins).toHaveLength(1);
    expect(pins[0]).toMatchObject({ severity: 'problem', messages: ['one', 'two', 'three'] });
  });

  it('gives no pin to journey-wide findings, missing nodes or hidden ones', () => {
    const pins = findingPins(
      [
        { nodeId: null, severity: 'info', message: 'whole journey' },
        { nodeId: 'gone', severity: 'problem', message: 'deleted' },
        { nodeId: 'hidden', severity: 'problem', message: 'layer off' },
      ],
      boxes,
    );
    expect(pins).toEqual([]);
  });
});

describe('boxInView', () => {
  const pane = { width: 800, height: 600 };
  const card = { x: 100, y: 100, width: 240, height: 120 };

  it('is true for a box wholly on screen', () => {
    expect(boxInView(card, [0, 0, 1], pane)).toBe(true);
    expect(boxInView({ ...card, x: 600 }, [-200, 0, 1], pane)).toBe(true);
  });

  it('is false for a box partly or wholly off screen, at any zoom', () => {
    expect(boxInView({ ...card, x: 700 }, [0, 0, 1], pane)).toBe(false);
    expect(boxInView(card, [0, 0, 4], pane)).toBe(false);
    expect(boxInView(card, [0, 0, 0], pane)).toBe(false);
    expect(boxInView({ ...card, x: 1300 }, [0, 0, 0.5], pane)).toBe(true);
  });
});

describe('panToReveal', () => {
  const pane = { width: 800, height: 600 };
  const card = { x: 100, y: 100, width: 240, height: 120 };

  it('leaves a box on screen where it is', () => {
    expect(panToReveal(card, [0, 0, 1], pane)).toBeNull();
  });

  it('pans as little as it can, keeping a margin', () => {
    // Right edge at 940 on an 800 px pane: move 180 px left.
    expect(panToReveal({ ...card, x: 700 }, [0, 0, 1], pane)).toEqual({ x: -180, y: 0 });
    // Above the top at zoom 2: box top at -100 screen px, moved to 40.
    expect(panToReveal({ ...card, y: -50 }, [0, 0, 2], pane)).toEqual({ x: 0, y: 140 });
  });

  it('brings the start of a box wider than the pane to the left edge', () => {
    expect(panToReveal({ x: 0, y: 0, width: 2000, height: 100 }, [-500, 0, 1], pane)).toEqual({ x: 40, y: 40 });
  });
});
