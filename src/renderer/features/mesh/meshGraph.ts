import type { LlmStatus } from '../../../shared/ai/llm';
import type { ExternalNodeView, MeshNodeState, MeshNodeView, MeshStatus } from '../../../shared/mesh/mesh';

/** A node placed on the mesh graph: its view and its top-left corner. */
export interface PlacedNode {
  node: MeshNodeView;
  x: number;
  y: number;
}

/** Size of a node card on the graph, for centring. */
export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 150;
/** Smallest distance from the centre to the cards around it. */
const MIN_RADIUS = 260;

/**
 * The nodes the graph shows: the mesh's own list when it answers, with every external
 * server it does not list yet added from the external servers' list (they run on this
 * machine whether the mesh is on or not), and this machine's node in any case.
 */
export function meshNodes(
  status: MeshStatus | null,
  externals: readonly ExternalNodeView[],
  local: LlmStatus | null,
): MeshNodeView[] {
  const nodes = [...(status?.nodes ?? [])];
  if (!nodes.some((n) => n.kind === 'local')) nodes.unshift(localNode(local));
  for (const ext of externals) {
    if (!nodes.some((n) => n.id === `ext-${ext.id}`)) nodes.push(externalNode(ext));
  }
  return nodes;
}

/** This machine's node from the LLM node's status, when the mesh does not answer. */
export function localNode(local: LlmStatus | null): MeshNodeView {
  // No model loaded yet is still a usable node: the first job loads the default model.
  const state: MeshNodeState =
    local?.state === 'error' ? 'error' : local?.state === 'loading' || !local ? 'connecting' : 'ready';
  return {
    id: 'local',
    name: 'This device',
    kind: 'local',
    state,
    models: local?.modelId ? [{ id: local.modelId, contextSize: local.contextSize ?? 0 }] : [],
    slots: 1,
    running: local?.running ?? 0,
    queued: local?.queued ?? 0,
    tokensPerSecond: null,
    roundTripMs: 0,
    health: 'closed',
    jobsServed: 0,
    addresses: [],
    lastSeen: null,
    error: local?.error ?? null,
  };
}

/** An external server's entry as a graph node. */
export function externalNode(ext: ExternalNodeView): MeshNodeView {
  const state: MeshNodeState = ext.state === 'ready' ? 'ready' : ext.state === 'error' ? 'error' : 'connecting';
  return {
    id: `ext-${ext.id}`,
    name: ext.name,
    kind: 'external',
    state,
    models: [{ id: ext.model, contextSize: ext.contextSize }],
    slots: ext.concurrency,
    running: 0,
    queued: 0,
    tokensPerSecond: null,
    roundTripMs: null,
    health: 'closed',
    jobsServed: 0,
    addresses: [ext.baseUrl],
    lastSeen: null,
    error: ext.error,
  };
}

/**
 * Places this machine's node in the centre and the others evenly on a circle around it
 * (teammates' desktops first, then external servers), starting at the top and going
 * clockwise. The radius grows with the count so neighbouring cards never overlap.
 */
export function layoutMesh(nodes: readonly MeshNodeView[]): PlacedNode[] {
  const centre = nodes.find((n) => n.kind === 'local');
  const around = nodes
    .filter((n) => n !== centre)
    .sort((a, b) => kindOrder(a) - kindOrder(b) || a.name.localeCompare(b.name));
  const placed: PlacedNode[] = [];
  if (centre) placed.push({ node: centre, x: -NODE_WIDTH / 2, y: -NODE_HEIGHT / 2 });
  const radius = ringRadius(around.length);
  around.forEach((node, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / around.length;
    const x = Math.round(radius * Math.cos(angle) - NODE_WIDTH / 2);
    const y = Math.round(radius * Math.sin(angle) - NODE_HEIGHT / 2);
    placed.push({ node, x, y });
  });
  return placed;
}

/** The radius at which `count` cards fit around the centre without touching. */
export function ringRadius(count: number): number {
  if (count <= 1) return MIN_RADIUS;
  const chord = Math.hypot(NODE_WIDTH, NODE_HEIGHT) + 24; // a card's diagonal plus a gap
  return Math.max(MIN_RADIUS, Math.ceil(chord / (2 * Math.sin(Math.PI / count))));
}

/** The label of the edge to a node: its round trip, or why there is none. */
export function edgeLabel(node: MeshNodeView): string {
  if (node.state === 'unreachable' || node.state === 'error') return 'not reachable';
  if (node.roundTripMs === null) return 'round trip unknown';
  return `${node.roundTripMs < 10 ? node.roundTripMs.toFixed(1) : Math.round(node.roundTripMs)} ms`;
}

const kindOrder = (n: MeshNodeView) => (n.kind === 'peer' ? 0 : 1);
