import type { ElkNode } from 'elkjs/lib/elk-api';
import type { NodePosition } from '../../../shared/journey/ydoc';

/**
 * What the auto-layout worker is asked and answers, and the pure translation to and
 * from ELK's graph format (so it can be tested without a worker). No journey imports:
 * the worker bundle stays small.
 */

export interface LayoutRequest {
  id: number;
  nodes: Array<{ id: string; width: number; height: number; inputs: string[]; outputs: string[] }>;
  edges: Array<{ id: string; source: string; sourceHandle: string; target: string; targetHandle: string }>;
}

export type LayoutResponse =
  { id: number; ok: true; positions: NodePosition[] } | { id: number; ok: false; message: string };

const portId = (node: string, side: 'in' | 'out', handle: string) => `${node}:${side}:${handle}`;

/** Past this many nodes, ELK trades some crossing reduction for speed. */
const bigGraph = 500;

/**
 * ELK's layered algorithm, left to right, with each split's outputs kept in order.
 * Edge routes are not used (React Flow draws the edges), so ELK routes cheaply.
 */
export function toElkGraph(request: LayoutRequest): ElkNode {
  const big = request.nodes.length > bigGraph;
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'POLYLINE',
      'elk.spacing.nodeNode': '48',
      'elk.layered.spacing.nodeNodeBetweenLayers': '96',
      'elk.spacing.componentComponent': '96',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      ...(big ? { 'elk.layered.thoroughness': '1', 'elk.layered.crossingMinimization.greedySwitch.type': 'OFF' } : {}),
    },
    children: request.nodes.map((node) => ({
      id: node.id,
      width: node.width,
      height: node.height,
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
      ports: [
        ...node.inputs.map((h, i) => ({
          id: portId(node.id, 'in', h),
          layoutOptions: { 'elk.port.side': 'WEST', 'elk.port.index': String(i) },
        })),
        ...node.outputs.map((h, i) => ({
          id: portId(node.id, 'out', h),
          layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(i) },
        })),
      ],
    })),
    edges: request.edges.map((edge) => ({
      id: edge.id,
      sources: [portId(edge.source, 'out', edge.sourceHandle)],
      targets: [portId(edge.target, 'in', edge.targetHandle)],
    })),
  };
}

/** The node positions ELK computed, rounded to whole pixels. */
export function positionsFrom(graph: ElkNode): NodePosition[] {
  return (graph.children ?? []).map((child) => ({
    id: child.id,
    x: Math.round(child.x ?? 0),
    y: Math.round(child.y ?? 0),
  }));
}
