import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import {
  observeSampleContacts,
  readSampleContacts,
  type SampleContactsRead,
} from '../../../shared/simulator/contactsDoc';

/** The campaign's sample contacts, re-read after each change (a teammate's too). */
export function useSampleContacts(doc: Y.Doc): SampleContactsRead {
  const store = useMemo(() => {
    let snapshot = readSampleContacts(doc);
    return {
      subscribe: (onChange: () => void) => {
        // Re-read on subscribe: the doc may have changed since the store was made.
        snapshot = readSampleContacts(doc);
        return observeSampleContacts(doc, () => {
          snapshot = readSampleContacts(doc);
          onChange();
        });
      },
      read: () => snapshot,
    };
  }, [doc]);
  return useSyncExternalStore(store.subscribe, store.read);
}
