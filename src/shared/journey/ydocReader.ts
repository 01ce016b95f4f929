import type * as Y from 'yjs';
import type { Journey, JourneyEdge, JourneyNode } from './model';
import { edgesMap, nodesMap, readEdge, readNode } from './ydoc';

/**
 * The journey read incrementally, for live views of big journeys: after a change only
 * the entries it touched are read again, and everything else keeps its identity.
 */

/** A journey reader for a live canvas: it re-reads only the entries a change touched. */
export interface JourneyReader {
  /**
   * The current journey. The same object until the journey changes; after a change,
   * nodes and edges that were not touched keep their identity (so memoised views skip).
   */
  read(): Journey;
  /** Called once after each transaction that changed the journey. Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Stops observing the doc. */
  dispose(): void;
}

type YEvents = Array<Y.YEvent<Y.AbstractType<unknown>>>;

function invalidate(root: Y.Map<unknown>, cache: Map<string, unknown>, events: YEvents): void {
  for (const event of events) {
    if (event.target === root) {
      for (const key of event.keys.keys()) cache.delete(key);
    } else {
      // A change inside an entry: the path's first step is the entry's key.
      const key = event.path[0];
      if (typeof key === 'string') cache.delete(key);
    }
  }
}

function collect<T>(
  root: Y.Map<unknown>,
  cache: Map<string, T | null>,
  read: (id: string, value: unknown) => T | null,
): T[] {
  const out: T[] = [];
  root.forEach((value, id) => {
    let item = cache.get(id);
    if (item === undefined) {
      item = read(id, value);
      cache.set(id, item);
    }
    if (item) out.push(item);
  });
  return out;
}

/** A {@link JourneyReader} over `doc`; it reads by the same rules as `readJourney` (ydoc.ts). */
export function createJourneyReader(doc: Y.Doc): JourneyReader {
  const nodes = nodesMap(doc);
  const edges = edgesMap(doc);
  const nodeCache = new Map<string, JourneyNode | null>();
  const edgeCache = new Map<string, JourneyEdge | null>();
  const listeners = new Set<() => void>();
  let snapshot: Journey | null = null;
  let previous: Journey | null = null;
  // Which half changed since the last read; the other half's array is reused.
  let nodesDirty = true;
  let edgesDirty = true;
  let notify = false;
  const onNodes = (events: YEvents) => {
    invalidate(nodes, nodeCache, events);
    nodesDirty = notify = true;
  };
  const onEdges = (events: YEvents) => {
    invalidate(edges, edgeCache, events);
    edgesDirty = notify = true;
  };
  // Observers run before afterTransaction, so one transaction touching both maps
  // notifies once.
  const afterTransaction = () => {
    if (!notify) return;
    notify = false;
    snapshot = null;
    for (const listener of [...listeners]) listener();
  };
  nodes.observeDeep(onNodes);
  edges.observeDeep(onEdges);
  doc.on('afterTransaction', afterTransaction);
  return {
    read() {
      if (snapshot) return snapshot;
      snapshot = {
        nodes: nodesDirty || !previous ? collect(nodes, nodeCache, readNode) : previous.nodes,
        edges: edgesDirty || !previous ? collect(edges, edgeCache, readEdge) : previous.edges,
      };
      previous = snapshot;
      nodesDirty = edgesDirty = false;
      return snapshot;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      nodes.unobserveDeep(onNodes);
      edges.unobserveDeep(onEdges);
      doc.off('afterTransaction', afterTransaction);
      listeners.clear();
    },
  };
}
