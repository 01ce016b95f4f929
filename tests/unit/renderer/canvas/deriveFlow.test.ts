import { describe, expect, it } from 'vitest';
import { defaultNodeData, type Journey, type JourneyNode } from '../../../../src/shared/journey';
import {
  createCache,
  deriveEdges,
  deriveNodes,
  type EdgeCache,
  type NodeCache,
  type NodeView,
} from '../../../../src/renderer/features/canvas/deriveFlow';
import { estimateSize } from '../../../../src/renderer/features/canvas/nodeGeometry';

function node(id: string, kind: JourneyNode['kind'], x = 0): JourneyNode {
  return { id, kind, position: { x, y: 0 }, data: defaultNodeData(kind) as Record<string, unknown> };
}

const entry = node('entry', 'entry');
const email = node('email', 'email', 300);
const cond = node('cond', 'condition', 600);
const note = node('note', 'note', 900);
const journey: Journey = {
  nodes: [entry, email, cond, note],
  edges: [
    { id: 'e1', source: 'entry', sourceHandle: 'out', target: 'email', targetHandle: 'in' },
    { id: 'e2', source: 'email', sourceHandle: 'out', target: 'cond', targetHandle: 'in' },
    { id: 'gone', source: 'cond', sourceHandle: 'yes', target: 'missing', targetHandle: 'in' },
    { id: 'bad-port', source: 'cond', sourceHandle: 'maybe', target: 'email', targetHandle: 'in' },
  ],
};

function view(patch: Partial<NodeView> = {}): NodeView {
  return {
    selected: new Set(),
    dragging: new Map(),
    measured: new Map(),
    isHidden: () => false,
    ...patch,
  };
}

describe('deriveNodes', () => {
  it('makes one typed node per journey node, labelled for assistive technology', () => {
    const nodes = deriveNodes(journey, view(), createCache());
    expect(nodes.map((n) => [n.id, n.type])).toEqual([
      ['entry', 'entry'],
      ['email', 'email'],
      ['cond', 'condition'],
      ['note', 'note'],
    ]);
    expect(nodes[1].ariaLabel).toBe('Email: Email');
    expect(nodes[1].data.node).toBe(email);
    // Unmeasured: sized and with handles estimated, so React Flow need not render it to measure.
    expect(nodes[1]).toMatchObject({ initialWidth: 240, initialHeight: estimateSize(email).height });
    expect(nodes[1].handles?.map((h) => [h.id, h.type])).toEqual([
      ['in', 'target'],
      ['out', 'source'],
    ]);
  });

  it('reuses the objects of unchanged nodes and returns the same array when nothing changed', () => {
    const cache: NodeCache = createCache();
    const first = deriveNodes(journey, view(), cache);
    expect(deriveNodes(journey, view(), cache)).toBe(first);
    const renamed = { ...email, data: { ...email.data, label: 'Welcome' } };
    const next = deriveNodes(
      { ...journey, nodes: [entry, renamed, cond, note] },
      view({ selected: new Set(['cond']) }),
      cache,
    );
    expect(next).not.toBe(first);
    expect(next[0]).toBe(first[0]);
    expect(next[1]).not.toBe(first[1]);
    expect(next[2]).not.toBe(first[2]);
    expect(next[2].selected).toBe(true);
    // Selection alone keeps the data object, so the memoised card sees the same data.
    expect(next[2].data).toBe(first[2].data);
    expect(next[3]).toBe(first[3]);
  });

  it('applies drag positions, measured sizes and hidden layers', () => {
    const cache: NodeCache = createCache();
    const size = { width: 250, height: 90 };
    const nodes = deriveNodes(
      journey,
      view({
        dragging: new Map([['email', { x: 5, y: 6 }]]),
        measured: new Map([['entry', size]]),
        isHidden: (n) => n.kind === 'note',
      }),
      cache,
    );
    expect(nodes[1].position).toEqual({ x: 5, y: 6 });
    expect(nodes[0].measured).toBe(size);
    expect(nodes[0]).not.toHaveProperty('initialWidth');
    // Measured: React Flow keeps the handle bounds it read from the DOM.
    expect(nodes[0]).not.toHaveProperty('handles');
    expect(nodes[3].hidden).toBe(true);
    // Problems are not node data (the cards read them from context): data is the step alone.
    expect(nodes[2].data).toEqual({ node: cond });
  });

  it('estimates an unmeasured step once, however often it is derived', () => {
    const first = deriveNodes(journey, view(), createCache());
    const again = deriveNodes(journey, view(), createCache());
    expect(again[1]).not.toBe(first[1]);
    expect(again[1].handles).toBe(first[1].handles);
  });

  it('drops nodes that left the journey from the cache', () => {
    const cache: NodeCache = createCache();
    deriveNodes(journey, view(), cache);
    deriveNodes({ nodes: [entry], edges: [] }, view(), cache);
    expect([...cache.entries.keys()]).toEqual(['entry']);
  });
});

describe('deriveEdges', () => {
  it('leaves out edges whose node or port is gone, and names each edge', () => {
    const edges = deriveEdges(
      journey,
      { selected: new Set(), marked: new Set(), isHidden: () => false },
      createCache(),
    );
    expect(edges.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(edges[0]).toMatchObject({
      source: 'entry',
      sourceHandle: 'out',
      target: 'email',
      targetHandle: 'in',
      type: 'smoothstep',
    });
    expect(edges[0].ariaLabel).toBe('From Entry (Next) to Email');
  });

  it('hides edges of hidden nodes, marks problem edges, and reuses unchanged edges', () => {
    const cache: EdgeCache = createCache();
    const plain = { selected: new Set<string>(), marked: new Set<string>(), isHidden: () => false };
    const first = deriveEdges(journey, plain, cache);
    expect(deriveEdges(journey, plain, cache)).toBe(first);
    const isHidden = (n: JourneyNode) => n.id === 'cond';
    const next = deriveEdges(journey, { selected: new Set(['e1']), marked: new Set(['e1']), isHidden }, cache);
    expect(next[0]).toMatchObject({ selected: true, className: 'je-edge--problem', hidden: false });
    expect(next[1].hidden).toBe(true);
    // A renamed node renames only the edges that touch it.
    const renamed = { ...cond, data: { ...cond.data, label: 'Opened?' } };
    const after = deriveEdges({ ...journey, nodes: [entry, email, renamed, note] }, plain, cache);
    expect(after[1].ariaLabel).toBe('From Email (Next) to Opened?');
  });
});
