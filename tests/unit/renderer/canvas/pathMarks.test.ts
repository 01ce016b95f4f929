import { describe, expect, it } from 'vitest';
import type { FlowEdge, FlowNode } from '../../../../src/renderer/features/canvas/flowTypes';
import { markPathEdges, markPathNodes, type CanvasHighlight } from '../../../../src/renderer/features/canvas/pathMarks';

const flowNode = (id: string): FlowNode =>
  ({ id, type: 'email', position: { x: 0, y: 0 }, data: {} }) as unknown as FlowNode;
const flowEdge = (id: string, className?: string): FlowEdge => ({ id, source: 'a', target: 'b', className });

const nodes = [flowNode('a'), flowNode('b'), flowNode('c')];
const edges = [flowEdge('ab', 'je-edge--problem'), flowEdge('bc')];

function highlight(notes: Record<string, string>, edgeIds: string[] = []): CanvasHighlight {
  return { nodeIds: new Set(Object.keys(notes)), edgeIds: new Set(edgeIds), notes: new Map(Object.entries(notes)) };
}

describe('a simulated path on the canvas', () => {
  it('changes nothing without a path', () => {
    expect(markPathNodes(nodes, null)).toBe(nodes);
    expect(markPathEdges(edges, undefined)).toBe(edges);
  });

  it('marks the steps on the path with their reason and keeps the others', () => {
    const marked = markPathNodes(nodes, highlight({ a: 'did signed_up', b: 'activated = true → Yes' }));
    expect(marked[2]).toBe(nodes[2]);
    expect(marked[0]).not.toBe(nodes[0]);
    expect(marked[0]).toMatchObject({
      id: 'a',
      className: 'je-on-path',
      domAttributes: { 'data-on-path': 'true', 'data-path-note': 'did signed_up', title: 'did signed_up' },
    });
    expect(nodes[0].className).toBeUndefined();
  });

  it('reuses a marked step while the step and its reason stay the same', () => {
    const first = markPathNodes(nodes, highlight({ a: 'x', b: 'y' }));
    const again = markPathNodes(nodes, highlight({ a: 'x', b: 'z' }));
    expect(again[0]).toBe(first[0]);
    expect(again[1]).not.toBe(first[1]);
    expect(again[1].domAttributes).toMatchObject({ 'data-path-note': 'z' });
  });

  it('marks the connections on the path, keeping their other classes', () => {
    const marked = markPathEdges(edges, highlight({}, ['ab']));
    expect(marked[0]).toMatchObject({
      className: 'je-edge--problem je-on-path',
      domAttributes: { 'data-on-path': 'true' },
    });
    expect(marked[1]).toBe(edges[1]);
    expect(markPathEdges(edges, highlight({}, ['ab']))[0]).toBe(marked[0]);
  });
});
