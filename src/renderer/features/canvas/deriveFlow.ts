import { MarkerType } from '@xyflow/react';
import { kindInfo, portsOf, type Journey, type JourneyEdge, type JourneyNode, type XY } from '../../../shared/journey';
import type { FlowEdge, FlowNode, FlowNodeData, NodeMark, Size } from './flowTypes';

/**
 * Journey → React Flow, incrementally. A journey of 2,000 steps changes one node at a
 * time, so each call reuses the previous object of every node and edge whose inputs
 * did not change; memoised node views and React Flow's own lookups then skip them.
 */

/** The local view state that, with the journey, decides what a node looks like. */
export interface NodeView {
  selected: ReadonlySet<string>;
  /** Positions of nodes being dragged, ahead of the doc (written on drag stop). */
  dragging: ReadonlyMap<string, XY>;
  measured: ReadonlyMap<string, Size>;
  isHidden: (node: JourneyNode) => boolean;
  marks: ReadonlyMap<string, NodeMark>;
}

interface NodeEntry {
  source: JourneyNode;
  selected: boolean;
  position: XY;
  size: Size | undefined;
  hidden: boolean;
  mark: NodeMark | undefined;
  node: FlowNode;
}

/** Previous results, owned by one canvas and passed back on every call. */
export type NodeCache = Map<string, NodeEntry>;

function sameMark(a: NodeMark | undefined, b: NodeMark | undefined): boolean {
  return a === b || (!!a && !!b && a.severity === b.severity && a.count === b.count);
}

function nodeLabel(node: JourneyNode): string {
  const label = node.kind === 'note' ? node.data.text : node.data.label;
  return typeof label === 'string' && label.trim() ? label.trim().slice(0, 80) : 'untitled';
}

function makeNode(entry: Omit<NodeEntry, 'node'>, previous: NodeEntry | undefined): FlowNode {
  const { source, mark } = entry;
  const keepData = previous && previous.source === source && sameMark(previous.mark, mark);
  const data: FlowNodeData = keepData
    ? previous.node.data
    : { node: source, severity: mark?.severity ?? null, problemCount: mark?.count ?? 0 };
  return {
    id: source.id,
    type: source.kind,
    position: entry.position,
    data,
    selected: entry.selected,
    hidden: entry.hidden,
    measured: entry.size,
    ariaLabel: `${kindInfo[source.kind].title}: ${nodeLabel(source)}`,
    zIndex: source.kind === 'note' ? -1 : undefined,
  } as FlowNode;
}

/** The React Flow nodes for `journey`, reusing unchanged ones from `cache`. */
export function deriveNodes(journey: Journey, view: NodeView, cache: NodeCache): FlowNode[] {
  const out: FlowNode[] = [];
  const seen = new Set<string>();
  for (const source of journey.nodes) {
    if (seen.has(source.id)) continue;
    seen.add(source.id);
    const entry = {
      source,
      selected: view.selected.has(source.id),
      position: view.dragging.get(source.id) ?? source.position,
      size: view.measured.get(source.id),
      hidden: view.isHidden(source),
      mark: view.marks.get(source.id),
    };
    const prev = cache.get(source.id);
    const same =
      prev &&
      prev.source === source &&
      prev.selected === entry.selected &&
      prev.position.x === entry.position.x &&
      prev.position.y === entry.position.y &&
      prev.size === entry.size &&
      prev.hidden === entry.hidden &&
      sameMark(prev.mark, entry.mark);
    if (same) {
      out.push(prev.node);
      continue;
    }
    const node = makeNode(entry, prev);
    cache.set(source.id, { ...entry, node });
    out.push(node);
  }
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return out;
}

/** The local view state that, with the journey, decides what an edge looks like. */
export interface EdgeView {
  selected: ReadonlySet<string>;
  /** Edges named by a validation problem. */
  marked: ReadonlySet<string>;
}

interface EdgeEntry {
  source: JourneyEdge;
  selected: boolean;
  hidden: boolean;
  marked: boolean;
  edge: FlowEdge;
}

export type EdgeCache = Map<string, EdgeEntry>;

const arrow = { type: MarkerType.ArrowClosed, width: 18, height: 18 } as const;
const handleIds = new WeakMap<JourneyNode, { outputs: Set<string>; inputs: Set<string> }>();

function handlesOf(node: JourneyNode): { outputs: Set<string>; inputs: Set<string> } {
  let ids = handleIds.get(node);
  if (!ids) {
    const ports = portsOf(node.kind, node.data);
    ids = { outputs: new Set(ports.outputs.map((p) => p.id)), inputs: new Set(ports.inputs.map((p) => p.id)) };
    handleIds.set(node, ids);
  }
  return ids;
}

/**
 * The React Flow edges for `journey`. Edges whose node or port is gone are left out
 * (React Flow cannot draw them; validation lists them); edges touching a hidden node
 * are hidden.
 */
export function deriveEdges(journey: Journey, nodes: readonly FlowNode[], view: EdgeView, cache: EdgeCache): FlowEdge[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: FlowEdge[] = [];
  const seen = new Set<string>();
  for (const source of journey.edges) {
    const from = byId.get(source.source);
    const to = byId.get(source.target);
    if (!from || !to || seen.has(source.id)) continue;
    if (!handlesOf(from.data.node).outputs.has(source.sourceHandle)) continue;
    if (!handlesOf(to.data.node).inputs.has(source.targetHandle)) continue;
    seen.add(source.id);
    const entry = {
      source,
      selected: view.selected.has(source.id),
      hidden: !!(from.hidden || to.hidden),
      marked: view.marked.has(source.id),
    };
    const prev = cache.get(source.id);
    if (prev && prev.source === source && prev.selected === entry.selected && prev.hidden === entry.hidden && prev.marked === entry.marked) {
      out.push(prev.edge);
      continue;
    }
    const edge: FlowEdge = {
      id: source.id,
      source: source.source,
      sourceHandle: source.sourceHandle,
      target: source.target,
      targetHandle: source.targetHandle,
      type: 'smoothstep',
      markerEnd: arrow,
      selected: entry.selected,
      hidden: entry.hidden,
      className: entry.marked ? 'je-edge--problem' : undefined,
    };
    cache.set(source.id, { ...entry, edge });
    out.push(edge);
  }
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return out;
}
