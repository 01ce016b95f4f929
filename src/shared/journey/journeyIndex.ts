import { isNodeKind, kindInfo, portsOf, type NodePorts, type Port } from './kinds';
import type { Journey, JourneyEdge, JourneyNode } from './model';

/**
 * Journey lookups shared by the connection rules and the validation. They never throw on
 * a damaged journey: a document can hold anything a peer or an old version wrote.
 */

const noPorts: NodePorts = { inputs: [], outputs: [] };

/**
 * The ports of a node. A kind this version does not know gets no ports: `portsOf` would
 * give it the default in/out, and then edges to a step nobody can run would look fine.
 */
export function safePorts(node: JourneyNode): NodePorts {
  return isNodeKind(node.kind) ? portsOf(node.kind, node.data) : noPorts;
}

/** The port with `id` on one side of a node, if there is one. */
export function findPort(ports: Port[], id: unknown): Port | undefined {
  return ports.find((port) => port.id === id);
}

/** The kind's title, e.g. "Wait until"; "Unknown step" for a kind this version lacks. */
export function kindTitle(node: JourneyNode): string {
  return isNodeKind(node.kind) ? kindInfo[node.kind].title : 'Unknown step';
}

const maxNameLength = 40;

/** How messages name a node: its label in quotes, or its kind's title when unlabelled. */
export function nodeName(node: JourneyNode): string {
  const raw: unknown = (node.data as Record<string, unknown> | null | undefined)?.label;
  const label = typeof raw === 'string' ? raw.trim() : '';
  if (!label) return kindTitle(node);
  return label.length > maxNameLength ? `“${label.slice(0, maxNameLength - 1)}…”` : `“${label}”`;
}

/** How messages name a port: its label in quotes, e.g. “Timed out”. */
export function portName(port: Port): string {
  return `“${port.label}”`;
}

/** A journey read once for the checks that look at many nodes and edges. */
export interface JourneyIndex {
  /** Nodes by id; with duplicate ids the first node wins. */
  nodes: Map<string, JourneyNode>;
  ports: Map<string, NodePorts>;
  /** Edges whose nodes and ports all exist: the paths contacts actually travel. */
  flowEdges: JourneyEdge[];
  /** Edges with a missing node or port, e.g. left behind when a split path was removed. */
  danglingEdges: JourneyEdge[];
}

/** Reads a journey into an {@link JourneyIndex} in one pass over nodes and edges. */
export function indexJourney(journey: Journey): JourneyIndex {
  const nodes = new Map<string, JourneyNode>();
  const ports = new Map<string, NodePorts>();
  for (const node of journey.nodes) {
    if (nodes.has(node.id)) continue;
    nodes.set(node.id, node);
    ports.set(node.id, safePorts(node));
  }
  const flowEdges: JourneyEdge[] = [];
  const danglingEdges: JourneyEdge[] = [];
  for (const edge of journey.edges) {
    const out = ports.get(edge.source)?.outputs ?? [];
    const into = ports.get(edge.target)?.inputs ?? [];
    const whole = findPort(out, edge.sourceHandle) && findPort(into, edge.targetHandle);
    (whole ? flowEdges : danglingEdges).push(edge);
  }
  return { nodes, ports, flowEdges, danglingEdges };
}

/** Key for "this output of this node", used to group edges by the port they leave. */
export function outputKey(nodeId: string, handle: string): string {
  return `${nodeId}\u0000${handle}`;
}
