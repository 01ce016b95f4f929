import { useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { readJourney } from '../../../shared/journey/ydoc';
import type { SampleContact } from '../../../shared/simulator';
import {
  addSampleContact,
  duplicateSampleContact,
  removeSampleContact,
  updateSampleContact,
  type ContactWrite,
} from '../../../shared/simulator/contactsDoc';
import type { ContactActions } from './ContactList';
import { starterContact } from './starterContact';

export interface ContactsUi {
  actions: ContactActions;
  /** Adds a contact ready for the journey's Entry, its event at `start`, and opens it. */
  add: (start: number) => void;
  excluded: ReadonlySet<string>;
  editing: string | null;
  /** Why the last write was refused, if it was. */
  problem: string | null;
}

/** Who is ticked and open in the list, and the writes behind its buttons. */
export function useContactActions(doc: Y.Doc, count: number, zone: string): ContactsUi {
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(() => new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Writes carry this origin, so the canvas's undo (scoped to its own origin) skips them.
  const [origin] = useState(() => ({ simulator: true }));

  const report = (write: ContactWrite) => {
    setProblem(write.ok ? null : write.problem);
    return write;
  };
  const actions = useMemo<ContactActions>(
    () => ({
      toggleIncluded: (id) =>
        setExcluded((prev) => {
          const next = new Set(prev);
          if (!next.delete(id)) next.add(id);
          return next;
        }),
      edit: setEditing,
      change: (contact: SampleContact) => void report(updateSampleContact(doc, contact, origin)),
      duplicate: (id) => {
        const write = report(duplicateSampleContact(doc, id, origin));
        if (write.ok) setEditing(write.id);
      },
      remove: (id) => removeSampleContact(doc, id, origin),
    }),
    [doc, origin],
  );
  const add = (start: number) => {
    const contact = starterContact(readJourney(doc), `Contact ${count + 1}`, start, zone);
    const write = report(addSampleContact(doc, contact, origin));
    if (write.ok) setEditing(write.id);
  };
  return { actions, add, excluded, editing, problem };
}
