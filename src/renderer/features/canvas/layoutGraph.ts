import type { ElkNode } from 'elkjs/lib/elk-api';
import { portsOf, type Journey, type XY } from '../../../shared/journey';
import type { NodePosition } from '../../../shared/journey/ydoc';
import type { Size } from './flowTypes';

/**
 * What the auto-layout worker is asked and answers, and the pure translation to and
 * from ELK's graph format (so it can be tested without a worker).
 */

export interface LayoutRequest {
  id: number;
  nodes: Array<{ id: string; width: number; height: number; inputs: string[]; outputs: string[] }>;
  edges: Array<{ id: string; source: string; sourceHandle: string; target: string; targetHandle: string }>;
}

export type LayoutResponse = { id: number; ok: true; positions: NodePosition[] } | { id: number; ok: false; message: string };

/** Size assumed for a node React Flow has not measured yet (e.g. off screen). */
export const fallbackSize: Size = { width: 240, height: 120 };

/** The flow to lay out: every step but notes (they stay where the team put them). */
export function layoutRequest(id: number, journey: Journey, sizes: ReadonlyMap<string, Size>): LayoutRequest {
  const nodes: LayoutRequest['nodes'] = [];
  const ports = new Map<string, { inputs: Set<string>; outputs: Set<string> }>();
  for (const node of journey.nodes) {
    if (node.kind === 'note' || ports.has(node.id)) continue;
    const p = portsOf(node.kind, node.data);
    const inputs = p.inputs.map((port) => port.id);
    const outputs = p.outputs.map((port) => port.id);
    ports.set(node.id, { inputs: new Set(inputs), outputs: new Set(outputs) });
    nodes.push({ id: node.id, ...(sizes.get(node.id) ?? fallbackSize), inputs, outputs });
  }
  const edges = journey.edges
    .filter((e) => ports.get(e.source)?.outputs.has(e.sourceHandle) && ports.get(e.target)?.inputs.has(e.targetHandle))
    .map(({ id, source, sourceHandle, target, targetHandle }) => ({ id, source, sourceHandle, target, targetHandle }));
  return { id, nodes, edges };
}

const portId = (node: string, side: 'in' | 'out', handle: string) => `${node}:${side}:${handle}`;

/** ELK's layered algorithm, left to right, with each split's outputs kept in order. */
export function toElkGraph(request: LayoutRequest): ElkNode {
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.spacing.nodeNode': '48',
      'elk.layered.spacing.nodeNodeBetweenLayers': '96',
      'elk.spacing.componentComponent': '96',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: request.nodes.map((node) => ({
      id: node.id,
      width: node.width,
      height: node.height,
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
      ports: [
        ...node.inputs.map((h, i) => ({ id: portId(node.id, 'in', h), layoutOptions: { 'elk.port.side': 'WEST', 'elk.port.index': String(i) } })),
        ...node.outputs.map((h, i) => ({ id: portId(node.id, 'out', h), layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(i) } })),
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
  return (graph.children ?? []).map((child) => ({ id: child.id, x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) }));
}

/** `positions` moved so their top-left corner is `corner` (the layout stays in place). */
export function anchorAt(positions: NodePosition[], corner: XY): NodePosition[] {
  if (positions.length === 0) return positions;
  const minX = Math.min(...positions.map((p) => p.x));
  const minY = Math.min(...positions.map((p) => p.y));
  return positions.map((p) => ({ id: p.id, x: p.x - minX + corner.x, y: p.y - minY + corner.y }));
}

/** Top-left corner of the nodes of `request` in `journey`. */
export function cornerOf(journey: Journey, request: LayoutRequest): XY {
  const ids = new Set(request.nodes.map((n) => n.id));
  const placed = journey.nodes.filter((n) => ids.has(n.id));
  if (placed.length === 0) return { x: 0, y: 0 };
  return { x: Math.min(...placed.map((n) => n.position.x)), y: Math.min(...placed.map((n) => n.position.y)) };
}
