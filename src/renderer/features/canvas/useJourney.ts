import { useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { Journey } from '../../../shared/journey';
import { createJourneyReader, type JourneyReader } from '../../../shared/journey/ydoc';

const empty: Journey = { nodes: [], edges: [] };
const noReader = {
  subscribe: () => () => {},
  read: () => empty,
};

export interface LiveJourney {
  /** The journey as of this render. */
  journey: Journey;
  /** The journey right now, for event handlers (e.g. just after a write). */
  latest: () => Journey;
  /** False for the first render, before the doc has been read. */
  ready: boolean;
}

/**
 * The journey in `doc`, kept current by an incremental reader: after a change only the
 * touched nodes and edges are new objects. The reader is made in an effect (so it is
 * disposed exactly once, StrictMode included); the very first render sees no nodes.
 */
export function useJourney(doc: Y.Doc): LiveJourney {
  const [reader, setReader] = useState<JourneyReader | null>(null);
  useEffect(() => {
    const made = createJourneyReader(doc);
    setReader(made);
    return () => made.dispose();
  }, [doc]);
  const source = reader ?? noReader;
  const journey = useSyncExternalStore(source.subscribe, source.read);
  return { journey, latest: source.read, ready: reader !== null };
}
