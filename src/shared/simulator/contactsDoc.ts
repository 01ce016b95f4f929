import * as Y from 'yjs';
import { z } from 'zod';
import { newId } from '../journey/ydoc';
import type { SampleContact } from './types';

/**
 * The simulator's sample contacts, kept in the campaign's Y.Doc so teammates share them.
 *
 * Layout: a top-level map `sampleContacts`: contactId → plain JSON
 * `{ name, attributes, timezone?, events, addedAt }`. A contact is written whole, so
 * concurrent edits of the same contact keep the last writer's version; edits of
 * different contacts merge. A peer may write anything there, so reads parse each entry
 * and skip what does not fit, saying why.
 */

export const SAMPLE_CONTACTS_KEY = 'sampleContacts';

/** Caps on what the panel keeps; a peer's bigger entry is skipped with a note. */
export const sampleContactLimits = {
  contacts: 100,
  attributes: 200,
  events: 500,
  name: 200,
  key: 100,
  text: 2000,
  timezone: 100,
} as const;

const L = sampleContactLimits;
const maxTime = 8.64e15;

const attributeValue = z.union([z.string().max(L.text), z.number().finite(), z.boolean(), z.null()]);

const storedContact = z.object({
  name: z.string().max(L.name),
  // zod drops a `__proto__` key, so a peer cannot swap the prototype.
  attributes: z
    .record(z.string().min(1).max(L.key), attributeValue)
    .refine((a) => Object.keys(a).length <= L.attributes, `more than ${L.attributes} attributes`),
  timezone: z.string().max(L.timezone).optional(),
  events: z.array(z.object({ name: z.string().max(L.name), at: z.number().min(-maxTime).max(maxTime) })).max(L.events),
  /** When it was added (ms), to list contacts in a stable order. */
  addedAt: z.number().finite(),
});

type StoredContact = z.infer<typeof storedContact>;

/** A contact entry that could not be read, and why. */
export interface SkippedContact {
  id: string;
  problem: string;
}

export interface SampleContactsRead {
  /** In the order they were added. */
  contacts: SampleContact[];
  skipped: SkippedContact[];
}

/** The map of contacts; values are untrusted. */
export function sampleContactsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(SAMPLE_CONTACTS_KEY);
}

function describeError(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.map(String).join('.');
  return (where ? `${where}: ${issue.message}` : issue.message).slice(0, 200);
}

function parseEntry(id: string, value: unknown): { contact: SampleContact; addedAt: number } | string {
  if (value instanceof Y.AbstractType || value === null || typeof value !== 'object' || Array.isArray(value)) {
    return 'it is not a contact';
  }
  const parsed = storedContact.safeParse(value);
  if (!parsed.success) return describeError(parsed.error);
  const { addedAt, timezone, ...rest } = parsed.data;
  return { contact: { id, ...rest, ...(timezone === undefined ? {} : { timezone }) }, addedAt };
}

/** Every sample contact in `doc`, in the order they were added. Never throws. */
export function readSampleContacts(doc: Y.Doc): SampleContactsRead {
  const read: Array<{ contact: SampleContact; addedAt: number }> = [];
  const skipped: SkippedContact[] = [];
  sampleContactsMap(doc).forEach((value, id) => {
    if (read.length >= L.contacts) {
      skipped.push({ id: id.slice(0, 40), problem: `more than ${L.contacts} contacts` });
      return;
    }
    const entry = parseEntry(id, value);
    if (typeof entry === 'string') skipped.push({ id: id.slice(0, 40), problem: entry });
    else read.push(entry);
  });
  read.sort((a, b) => a.addedAt - b.addedAt || (a.contact.id < b.contact.id ? -1 : 1));
  return { contacts: read.map((r) => r.contact), skipped };
}

/** Calls `listener` after each transaction that changed the contacts. Returns the unsubscribe. */
export function observeSampleContacts(doc: Y.Doc, listener: () => void): () => void {
  const map = sampleContactsMap(doc);
  map.observeDeep(listener);
  return () => map.unobserveDeep(listener);
}

export type ContactWrite = { ok: true; id: string } | { ok: false; problem: string };

function store(doc: Y.Doc, id: string, contact: Omit<SampleContact, 'id'>, addedAt: number, origin: unknown) {
  const { name, attributes, timezone, events } = contact;
  // A JSON copy: the doc must not share objects the caller may mutate later.
  const candidate: unknown = JSON.parse(JSON.stringify({ name, attributes, timezone, events, addedAt }));
  const parsed = storedContact.safeParse(candidate);
  if (!parsed.success) return { ok: false as const, problem: describeError(parsed.error) };
  doc.transact(() => sampleContactsMap(doc).set(id, parsed.data), origin);
  return { ok: true as const, id };
}

function addedAtOf(doc: Y.Doc, id: string): number | null {
  const value = sampleContactsMap(doc).get(id) as Partial<StoredContact> | undefined;
  return typeof value?.addedAt === 'number' && Number.isFinite(value.addedAt) ? value.addedAt : null;
}

/** Adds a contact under a new id, after the others. Refused past the cap or when invalid. */
export function addSampleContact(doc: Y.Doc, contact: Omit<SampleContact, 'id'>, origin?: unknown): ContactWrite {
  if (sampleContactsMap(doc).size >= L.contacts) {
    return { ok: false, problem: `A campaign keeps at most ${L.contacts} sample contacts; remove one first.` };
  }
  return store(doc, newId(), contact, Date.now(), origin);
}

/** Replaces contact `contact.id`, keeping its place in the list. Refused when it is gone or invalid. */
export function updateSampleContact(doc: Y.Doc, contact: SampleContact, origin?: unknown): ContactWrite {
  const addedAt = addedAtOf(doc, contact.id);
  if (addedAt === null) return { ok: false, problem: 'This contact was removed or damaged.' };
  const { id, ...rest } = contact;
  return store(doc, id, rest, addedAt, origin);
}

/** Copies contact `id` as “Name (copy)”, placed last. */
export function duplicateSampleContact(doc: Y.Doc, id: string, origin?: unknown): ContactWrite {
  const entry = parseEntry(id, sampleContactsMap(doc).get(id));
  if (typeof entry === 'string') return { ok: false, problem: 'This contact was removed or damaged.' };
  const { id: _id, name, ...rest } = entry.contact;
  return addSampleContact(doc, { ...rest, name: `${name} (copy)`.slice(0, L.name) }, origin);
}

/** Removes contact `id`, damaged or not. */
export function removeSampleContact(doc: Y.Doc, id: string, origin?: unknown): void {
  const map = sampleContactsMap(doc);
  if (map.has(id)) doc.transact(() => map.delete(id), origin);
}
