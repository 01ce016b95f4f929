import { entrySchema, type Journey } from '../../../shared/journey';
import type { SampleContact } from '../../../shared/simulator';

/**
 * A new sample contact that can walk the journey at once: it carries what the first
 * Entry (leftmost, then topmost) waits for — its event at `at`, or its segment — so
 * "Add, then Run" already shows a path. The designer then edits the attributes.
 */
export function starterContact(
  journey: Journey,
  name: string,
  at: number,
  timezone: string,
): Omit<SampleContact, 'id'> {
  const contact: Omit<SampleContact, 'id'> = { name, attributes: {}, timezone, events: [] };
  const entries = journey.nodes
    .filter((n) => n.kind === 'entry')
    .sort((a, b) => a.position.x - b.position.x || a.position.y - b.position.y);
  const parsed = entries.length > 0 ? entrySchema.safeParse(entries[0].data) : null;
  if (!parsed?.success) return contact;
  const { trigger } = parsed.data;
  if (trigger.type === 'event' && trigger.event.trim()) contact.events.push({ name: trigger.event.trim(), at });
  if (trigger.type === 'segment' && trigger.segment.trim()) contact.attributes.segments = trigger.segment.trim();
  return contact;
}

/** The earliest event of `contacts`, or null when they have none. */
export function earliestEvent(contacts: readonly SampleContact[]): number | null {
  let first: number | null = null;
  for (const contact of contacts) for (const e of contact.events) if (first === null || e.at < first) first = e.at;
  return first;
}
