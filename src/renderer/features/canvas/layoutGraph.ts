import { portsOf, type Journey, type XY } from '../../../shared/journey';
import type { NodePosition } from '../../../shared/journey/ydoc';
import type { LayoutRequest } from './elkGraph';
import type { Size } from './flowTypes';
import { estimateSize } from './nodeGeometry';

/** The main thread's side of auto-layout: what to ask the worker, where to put the result. */

/**
 * What to lay out: every node, notes included (left where they were, the flow laid out
 * around them would cover them). Only edges whose ports exist are passed to ELK.
 */
export function layoutRequest(id: number, journey: Journey, sizes: ReadonlyMap<string, Size>): LayoutRequest {
  const nodes: LayoutRequest['nodes'] = [];
  const ports = new Map<string, { inputs: Set<string>; outputs: Set<string> }>();
  for (const node of journey.nodes) {
    if (ports.has(node.id)) continue;
    const p = portsOf(node.kind, node.data);
    const inputs = p.inputs.map((port) => port.id);
    const outputs = p.outputs.map((port) => port.id);
    ports.set(node.id, { inputs: new Set(inputs), outputs: new Set(outputs) });
    nodes.push({ id: node.id, ...(sizes.get(node.id) ?? estimateSize(node)), inputs, outputs });
  }
  const edges = journey.edges
    .filter((e) => ports.get(e.source)?.outputs.has(e.sourceHandle) && ports.get(e.target)?.inputs.has(e.targetHandle))
    .map(({ id, source, sourceHandle, target, targetHandle }) => ({ id, source, sourceHandle, target, targetHandle }));
  return { id, nodes, edges };
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
