import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { defaultNodeData, type Journey, type JourneyNode } from '../../../../src/shared/journey';
import { positionsFrom, toElkGraph } from '../../../../src/renderer/features/canvas/elkGraph';
import { anchorAt, cornerOf, layoutRequest } from '../../../../src/renderer/features/canvas/layoutGraph';
import { estimateSize } from '../../../../src/renderer/features/canvas/nodeGeometry';

function node(id: string, kind: JourneyNode['kind'], x: number, y: number): JourneyNode {
  return { id, kind, position: { x, y }, data: defaultNodeData(kind) as Record<string, unknown> };
}

const journey: Journey = {
  nodes: [
    node('c', 'condition', 500, 500),
    node('e', 'entry', 100, 50),
    node('yes', 'email', 0, 0),
    node('no', 'goal', 0, 0),
    node('n', 'note', 7, 7),
  ],
  edges: [
    { id: 'e1', source: 'e', sourceHandle: 'out', target: 'c', targetHandle: 'in' },
    { id: 'e2', source: 'c', sourceHandle: 'yes', target: 'yes', targetHandle: 'in' },
    { id: 'e3', source: 'c', sourceHandle: 'no', target: 'no', targetHandle: 'in' },
    { id: 'dangling', source: 'c', sourceHandle: 'maybe', target: 'no', targetHandle: 'in' },
  ],
};

describe('auto-layout graph', () => {
  it('asks for every node with its size and ports, and only whole edges', () => {
    const request = layoutRequest(7, journey, new Map([['c', { width: 250, height: 140 }]]));
    expect(request.id).toBe(7);
    expect(request.nodes.find((n) => n.id === 'c')).toEqual({
      id: 'c',
      width: 250,
      height: 140,
      inputs: ['in'],
      outputs: ['yes', 'no'],
    });
    expect(request.nodes.find((n) => n.id === 'e')).toMatchObject(estimateSize(journey.nodes[1]));
    expect(request.edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
  });

  it('lays the flow out left to right with ELK, with the Yes path above the No path', async () => {
    const request = layoutRequest(1, journey, new Map());
    const result = await new ELK().layout(toElkGraph(request));
    const at = new Map(positionsFrom(result).map((p) => [p.id, p]));
    expect(at.get('e')!.x).toBeLessThan(at.get('c')!.x);
    expect(at.get('c')!.x).toBeLessThan(at.get('yes')!.x);
    expect(at.get('yes')!.y).toBeLessThan(at.get('no')!.y);
    for (const p of at.values()) expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
  });

  it('keeps the laid-out journey where it was', () => {
    const request = layoutRequest(1, journey, new Map());
    expect(cornerOf(journey, request)).toEqual({ x: 0, y: 0 });
    const moved = anchorAt(
      [
        { id: 'a', x: 10, y: 20 },
        { id: 'b', x: 50, y: 5 },
      ],
      { x: 100, y: 200 },
    );
    expect(moved).toEqual([
      { id: 'a', x: 100, y: 215 },
      { id: 'b', x: 140, y: 200 },
    ]);
  });
});
