import { useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { Journey } from '../../../shared/journey';
import { createJourneyReader, type JourneyReader } from '../../../shared/journey/ydoc';

const empty: Journey = { nodes: [], edges: [] };
const noReader = {
  subscribe: () => () => {},
  read: () => empty,
};

/**
 * The journey in `doc`, kept current by an incremental reader: after a change only the
 * touched nodes and edges are new objects. The reader is made in an effect (so it is
 * disposed exactly once, StrictMode included); the very first render sees no nodes.
 */
export function useJourney(doc: Y.Doc): Journey {
  const [reader, setReader] = useState<JourneyReader | null>(null);
  useEffect(() => {
    const made = createJourneyReader(doc);
    setReader(made);
    return () => made.dispose();
  }, [doc]);
  const source = reader ?? noReader;
  return useSyncExternalStore(source.subscribe, source.read);
}
