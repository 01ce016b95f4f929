import type { FlowEdge, FlowNode } from './flowTypes';

/**
 * A simulated run drawn over the canvas: the steps and connections it took, and why at
 * each step. Marked after derivation, so nodes and edges off the path keep their
 * objects (React Flow and the memoised cards skip them); the dimming of the rest is one
 * class on the editor, not a change to every node.
 */
export interface CanvasHighlight {
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
  /** Why the run took each step, shown on the step. */
  notes: ReadonlyMap<string, string>;
}

export const onPathClass = 'je-on-path';

/** Marked copies, per derived object, reused while the object and its note are the same. */
const markedNodes = new WeakMap<FlowNode, { note: string; node: FlowNode }>();
const markedEdges = new WeakMap<FlowEdge, FlowEdge>();

function markNode(node: FlowNode, note: string): FlowNode {
  const cached = markedNodes.get(node);
  if (cached && cached.note === note) return cached.node;
  // Data attributes are not in React's prop types for a plain object, hence the cast.
  const domAttributes = {
    ...node.domAttributes,
    'data-on-path': 'true',
    'data-path-note': note,
    title: note || undefined,
    'aria-description': note ? `On the simulated path: ${note}` : 'On the simulated path',
  } as FlowNode['domAttributes'];
  const className = node.className ? `${node.className} ${onPathClass}` : onPathClass;
  const marked = { ...node, className, domAttributes } as FlowNode;
  markedNodes.set(node, { note, node: marked });
  return marked;
}

function markEdge(edge: FlowEdge): FlowEdge {
  let marked = markedEdges.get(edge);
  if (!marked) {
    marked = {
      ...edge,
      className: edge.className ? `${edge.className} ${onPathClass}` : onPathClass,
      domAttributes: { ...edge.domAttributes, 'data-on-path': 'true' } as FlowEdge['domAttributes'],
      zIndex: 1,
    };
    markedEdges.set(edge, marked);
  }
  return marked;
}

/** `nodes` with the path's steps marked; the same array when there is no path. */
export function markPathNodes(nodes: FlowNode[], highlight: CanvasHighlight | null | undefined): FlowNode[] {
  if (!highlight || highlight.nodeIds.size === 0) return nodes;
  return nodes.map((n) => (highlight.nodeIds.has(n.id) ? markNode(n, highlight.notes.get(n.id) ?? '') : n));
}

/** `edges` with the path's connections marked; the same array when there is no path. */
export function markPathEdges(edges: FlowEdge[], highlight: CanvasHighlight | null | undefined): FlowEdge[] {
  if (!highlight || highlight.edgeIds.size === 0) return edges;
  return edges.map((e) => (highlight.edgeIds.has(e.id) ? markEdge(e) : e));
}
