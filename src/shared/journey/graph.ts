/**
 * Plain directed-graph algorithms over string ids. They know nothing about journeys, so
 * the validation and (later) the simulator can share them. All are iterative and
 * linear in nodes + edges: a journey can have thousands of steps, and a recursive walk
 * would overflow the stack on a long chain.
 */

/** Successor lists keyed by node id. Every node appears as a key, even without edges. */
export type Adjacency = Map<string, string[]>;

/**
 * Builds successor lists for `ids`. Edges whose ends are not in `ids` are skipped, so
 * callers can pass raw edges without filtering them first.
 */
export function adjacencyOf(ids: Iterable<string>, edges: Iterable<{ source: string; target: string }>): Adjacency {
  const adjacency: Adjacency = new Map();
  for (const id of ids) adjacency.set(id, []);
  for (const edge of edges) {
    if (adjacency.has(edge.target)) adjacency.get(edge.source)?.push(edge.target);
  }
  return adjacency;
}

/** Every node reachable from `starts` (the starts included when they are in the graph). */
export function reachableFrom(adjacency: Adjacency, starts: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const start of starts) {
    if (adjacency.has(start) && !seen.has(start)) {
      seen.add(start);
      queue.push(start);
    }
  }
  // An index instead of shift(): shift() is linear, which would make the walk quadratic.
  for (let head = 0; head < queue.length; head++) {
    for (const next of adjacency.get(queue[head]) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

interface Frame {
  id: string;
  /** Position in the node's successor list still to look at. */
  next: number;
}

/**
 * Strongly connected components (Tarjan), returned in reverse topological order. Every
 * node is in exactly one component; a component with one node is a cycle only when the
 * node has an edge to itself.
 */
export function stronglyConnected(adjacency: Adjacency): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (id: string, frames: Frame[]): void => {
    index.set(id, index.size);
    low.set(id, index.get(id)!);
    stack.push(id);
    onStack.add(id);
    frames.push({ id, next: 0 });
  };
  for (const root of adjacency.keys()) {
    if (index.has(root)) continue;
    const frames: Frame[] = [];
    visit(root, frames);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const successors = adjacency.get(frame.id) ?? [];
      if (frame.next < successors.length) {
        const to = successors[frame.next++];
        if (!index.has(to)) visit(to, frames);
        else if (onStack.has(to)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(to)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) components.push(popComponent(stack, onStack, frame.id));
    }
  }
  return components;
}

function popComponent(stack: string[], onStack: Set<string>, root: string): string[] {
  const component: string[] = [];
  let id: string | undefined;
  do {
    id = stack.pop();
    if (id === undefined) break;
    onStack.delete(id);
    component.push(id);
  } while (id !== root);
  return component;
}
