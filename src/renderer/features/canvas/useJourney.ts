import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { Journey } from '../../../shared/journey';
import { createJourneyReader, type JourneyReader } from '../../../shared/journey/ydocReader';

/**
 * One reader per doc, for the doc's lifetime: its observers live on the doc, so both are
 * collected together. Made on first use, so the editor's first render already has the
 * journey (no empty frame, no second full derivation of 2,000 nodes).
 */
const readers = new WeakMap<Y.Doc, JourneyReader>();

function readerFor(doc: Y.Doc): JourneyReader {
  let reader = readers.get(doc);
  if (!reader) {
    reader = createJourneyReader(doc);
    readers.set(doc, reader);
  }
  return reader;
}

export interface LiveJourney {
  /** The journey as of this render. */
  journey: Journey;
  /** The journey right now, for event handlers (e.g. just after a write). */
  latest: () => Journey;
}

/**
 * The journey in `doc`, kept current by an incremental reader: after a change only the
 * touched nodes and edges are new objects.
 */
export function useJourney(doc: Y.Doc): LiveJourney {
  const reader = readerFor(doc);
  const journey = useSyncExternalStore(reader.subscribe, reader.read);
  return { journey, latest: reader.read };
}
