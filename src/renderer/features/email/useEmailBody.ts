import { useCallback } from 'react';
import type * as Y from 'yjs';
import { emailsMap, readEmail } from '../../../shared/email/emailDoc';
import type { EmailContent } from '../../../shared/email/blocks';
import { useObserved } from './useObserved';

/** True when one of `events` (from observeDeep on a map keyed by id) touched entry `id`. */
export function touches(events: readonly Y.YEvent<Y.AbstractType<unknown>>[], map: unknown, id: string): boolean {
  return events.some((event) =>
    event.target === map ? (event as Y.YMapEvent<unknown>).keysChanged.has(id) : event.path[0] === id,
  );
}

/** Subscribes to changes of one entry of a map in the doc (observeDeep, filtered by key). */
export function observeEntry(map: Y.Map<unknown>, id: string, onChange: () => void): () => void {
  const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    if (touches(events, map, id)) onChange();
  };
  map.observeDeep(handler);
  return () => map.unobserveDeep(handler);
}

/** The email's body as plain data (blocks and read problems), re-read when it changes. */
export function useEmailBody(doc: Y.Doc, emailId: string): Required<EmailContent> {
  const subscribe = useCallback(
    (onChange: () => void) => observeEntry(emailsMap(doc), emailId, onChange),
    [doc, emailId],
  );
  const read = useCallback(() => readEmail(doc, emailId), [doc, emailId]);
  return useObserved(subscribe, read);
}
