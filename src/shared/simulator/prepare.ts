import { indexJourney, nodeName } from '../journey/journeyIndex';
import { isNodeKind, nodeDataSchemas, type NodePorts } from '../journey/kinds';
import type { Journey, JourneyEdge, JourneyNode } from '../journey/model';

/**
 * A journey read once for many runs: nodes with their data parsed, and the edge that
 * leaves each output. Only edges whose nodes and ports exist are followed (a dangling
 * edge is invisible on the canvas, so following it would surprise the designer).
 */
export interface PreparedNode {
  node: JourneyNode;
  /** Its label in quotes, or its kind's title. */
  name: string;
  /** The data parsed by the kind's schema; null when damaged (see `problem`). */
  data: unknown;
  problem: string | null;
  ports: NodePorts;
}

export interface PreparedJourney {
  nodes: Map<string, PreparedNode>;
  /** Entry nodes, ordered by id so ties between entries break the same way everywhere. */
  entries: PreparedNode[];
  /**
   * The edge each output leads along, by node id then port id. When an output has
   * several edges (validation reports it), the one with the lowest id.
   */
  next: Map<string, Map<string, JourneyEdge>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The nodes and edges of `journey` that have the right shape; the rest is dropped. */
function cleanJourney(journey: unknown): Journey {
  const raw = isRecord(journey) ? journey : {};
  const nodes = (Array.isArray(raw.nodes) ? (raw.nodes as unknown[]) : []).filter(
    (node): node is JourneyNode => isRecord(node) && typeof node.id === 'string' && isNodeKind(node.kind),
  );
  const edges = (Array.isArray(raw.edges) ? (raw.edges as unknown[]) : []).filter(
    (edge): edge is JourneyEdge =>
      isRecord(edge) &&
      ['id', 'source', 'sourceHandle', 'target', 'targetHandle'].every((key) => typeof edge[key] === 'string'),
  );
  return {
    nodes: nodes.map((node) => ({ ...node, data: isRecord(node.data) ? node.data : {} })),
    edges,
  };
}

function describe(node: JourneyNode): { data: unknown; problem: string | null } {
  if (typeof node.problem === 'string' && node.problem.trim()) return { data: null, problem: node.problem.trim() };
  const parsed = nodeDataSchemas[node.kind].safeParse(node.data);
  if (parsed.success) return { data: parsed.data, problem: null };
  const issue = parsed.error.issues[0];
  const where = issue.path.map(String).join('.');
  return { data: null, problem: where ? `${where}: ${issue.message}` : issue.message };
}

/** Reads `journey` for simulation. Never throws, whatever it holds. */
export function prepareJourney(journey: Journey): PreparedJourney {
  const index = indexJourney(cleanJourney(journey));
  const nodes = new Map<string, PreparedNode>();
  for (const node of index.nodes.values()) {
    nodes.set(node.id, { node, name: nodeName(node), ports: index.ports.get(node.id)!, ...describe(node) });
  }
  const next = new Map<string, Map<string, JourneyEdge>>();
  for (const edge of index.flowEdges) {
    let ports = next.get(edge.source);
    if (!ports) next.set(edge.source, (ports = new Map()));
    const taken = ports.get(edge.sourceHandle);
    if (!taken || edge.id < taken.id) ports.set(edge.sourceHandle, edge);
  }
  const entries = [...nodes.values()]
    .filter((p) => p.node.kind === 'entry')
    .sort((a, b) => (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0));
  return { nodes, entries, next };
}
