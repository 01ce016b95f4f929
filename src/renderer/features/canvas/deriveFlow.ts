import { MarkerType } from '@xyflow/react';
import { kindInfo, portsOf, type Journey, type JourneyEdge, type JourneyNode, type XY } from '../../../shared/journey';
import type { FlowEdge, FlowNode, FlowNodeData, Size } from './flowTypes';
import { estimateCard } from './nodeGeometry';

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
}

interface NodeEntry {
  source: JourneyNode;
  selected: boolean;
  position: XY;
  size: Size | undefined;
  hidden: boolean;
  node: FlowNode;
}

/** Previous results, owned by one canvas and passed back on every call. */
export interface DeriveCache<Entry, Item> {
  entries: Map<string, Entry>;
  /** The last array returned: returned again when no item changed. */
  last: Item[];
}

export type NodeCache = DeriveCache<NodeEntry, FlowNode>;

export function createCache<Entry, Item>(): DeriveCache<Entry, Item> {
  return { entries: new Map(), last: [] };
}

/** `items`, or the previous array when it holds the very same items in the same order. */
function settle<Entry, Item>(cache: DeriveCache<Entry, Item>, items: Item[], seen: Set<string>): Item[] {
  for (const id of cache.entries.keys()) if (!seen.has(id)) cache.entries.delete(id);
  const same = items.length === cache.last.length && items.every((item, i) => item === cache.last[i]);
  if (!same) cache.last = items;
  return cache.last;
}

function nodeLabel(node: JourneyNode): string {
  const label = node.kind === 'note' ? node.data.text : node.data.label;
  return typeof label === 'string' && label.trim() ? label.trim().slice(0, 80) : 'untitled';
}

type Estimate = Pick<FlowNode, 'initialWidth' | 'initialHeight' | 'handles'>;

/** Per journey node (the reader keeps a node's object until it changes). */
const estimates = new WeakMap<JourneyNode, Estimate>();

/** What React Flow needs of a card it has not measured yet (see `nodeGeometry.ts`). */
function unmeasured(node: JourneyNode): Estimate {
  let estimate = estimates.get(node);
  if (!estimate) {
    const { size, handles } = estimateCard(node);
    estimate = { initialWidth: size.width, initialHeight: size.height, handles };
    estimates.set(node, estimate);
  }
  return estimate;
}

function makeNode(entry: Omit<NodeEntry, 'node'>, previous: NodeEntry | undefined): FlowNode {
  const { source } = entry;
  const data: FlowNodeData = previous && previous.source === source ? previous.node.data : { node: source };
  return {
    id: source.id,
    type: source.kind,
    position: entry.position,
    data,
    selected: entry.selected,
    hidden: entry.hidden,
    measured: entry.size,
    ...(entry.size ? {} : unmeasured(source)),
    ariaLabel: `${kindInfo[source.kind].title}: ${nodeLabel(source)}`,
    zIndex: source.kind === 'note' ? -1 : undefined,
  } as FlowNode;
}

/** The React Flow nodes for `journey`, reusing unchanged ones from `cache`. */
export function deriveNodes(journey: Journey, view: NodeView, cache: NodeCache): FlowNode[] {
  const out: FlowNode[] = [];
  const seen = new Set<string>();
  for (const source of journey.nodes) {
    const id = source.id;
    if (seen.has(id)) continue;
    seen.add(id);
    // Compared field by field before anything is allocated: on a 2,000-step journey most
    // calls (a selection, a measured size, a drag frame) change a handful of nodes.
    const selected = view.selected.has(id);
    const position = view.dragging.get(id) ?? source.position;
    const size = view.measured.get(id);
    const hidden = view.isHidden(source);
    const prev = cache.entries.get(id);
    const same =
      prev &&
      prev.source === source &&
      prev.selected === selected &&
      prev.position.x === position.x &&
      prev.position.y === position.y &&
      prev.size === size &&
      prev.hidden === hidden;
    if (same) {
      out.push(prev.node);
      continue;
    }
    const entry = { source, selected, position, size, hidden };
    const node = makeNode(entry, prev);
    cache.entries.set(id, { ...entry, node });
    out.push(node);
  }
  return settle(cache, out, seen);
}

/** The local view state that, with the journey, decides what an edge looks like. */
export interface EdgeView {
  selected: ReadonlySet<string>;
  /** Edges named by a validation problem. */
  marked: ReadonlySet<string>;
  isHidden: (node: JourneyNode) => boolean;
}

interface EdgeEntry {
  source: JourneyEdge;
  from: JourneyNode;
  to: JourneyNode;
  selected: boolean;
  hidden: boolean;
  marked: boolean;
  edge: FlowEdge;
}

export type EdgeCache = DeriveCache<EdgeEntry, FlowEdge>;

const arrow = { type: MarkerType.ArrowClosed, width: 18, height: 18 } as const;

interface Handles {
  /** Output handle id → port label. */
  outputs: Map<string, string>;
  inputs: Set<string>;
}

const handleCache = new WeakMap<JourneyNode, Handles>();

function handlesOf(node: JourneyNode): Handles {
  let handles = handleCache.get(node);
  if (!handles) {
    const ports = portsOf(node.kind, node.data);
    handles = {
      outputs: new Map(ports.outputs.map((p) => [p.id, p.label])),
      inputs: new Set(ports.inputs.map((p) => p.id)),
    };
    handleCache.set(node, handles);
  }
  return handles;
}

function makeEdge(entry: Omit<EdgeEntry, 'edge'>, port: string): FlowEdge {
  const { source, from, to } = entry;
  return {
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
    ariaLabel: `From ${nodeLabel(from)} (${port}) to ${nodeLabel(to)}`,
  };
}

function sameEdge(a: Omit<EdgeEntry, 'edge'>, b: Omit<EdgeEntry, 'edge'>): boolean {
  return (
    a.source === b.source &&
    a.from === b.from &&
    a.to === b.to &&
    a.selected === b.selected &&
    a.hidden === b.hidden &&
    a.marked === b.marked
  );
}

/**
 * The React Flow edges for `journey`. Edges whose node or port is gone are left out
 * (React Flow cannot draw them; validation lists them); edges touching a hidden node
 * are hidden. It reads only the journey, so sizes, drags and node selection (which
 * change often on a big canvas) do not re-derive 2,500 edges.
 */
export function deriveEdges(journey: Journey, view: EdgeView, cache: EdgeCache): FlowEdge[] {
  const byId = new Map<string, JourneyNode>();
  for (const node of journey.nodes) byId.set(node.id, node);
  const out: FlowEdge[] = [];
  const seen = new Set<string>();
  for (const source of journey.edges) {
    const from = byId.get(source.source);
    const to = byId.get(source.target);
    if (!from || !to || seen.has(source.id)) continue;
    const port = handlesOf(from).outputs.get(source.sourceHandle);
    if (port === undefined || !handlesOf(to).inputs.has(source.targetHandle)) continue;
    seen.add(source.id);
    const hidden = view.isHidden(from) || view.isHidden(to);
    const entry = {
      source,
      from,
      to,
      hidden,
      selected: view.selected.has(source.id),
      marked: view.marked.has(source.id),
    };
    const prev = cache.entries.get(source.id);
    if (prev && sameEdge(prev, entry)) {
      out.push(prev.edge);
      continue;
    }
    const edge = makeEdge(entry, port);
    cache.entries.set(source.id, { ...entry, edge });
    out.push(edge);
  }
  return settle(cache, out, seen);
}
