import type { NodeDataOf } from '../journey/kinds';
import { asDate, listItems, sameName, show, type CleanContact } from './contact';
import type { PreparedNode } from './prepare';
import { DAY, formatLocal, localParts, parseIsoDate, parseTimeOfDay, zonedToUtc } from './zonedTime';

/**
 * Whether, and when, a contact enters at an Entry:
 * - **segment**: the contact is in the segment when the `segments` or `segment`
 *   attribute (a comma-separated list) holds its name, ignoring case. It enters at the
 *   start of the run. An Entry with no segment named matches nobody.
 * - **event**: it enters at the first event of that name (ignoring case) at or after the
 *   start and within the horizon. The trigger's filter is shown but not evaluated.
 * - **date**: the attribute holds a date (`YYYY-MM-DD`, an ISO date-time, or a number of
 *   milliseconds); it enters on that date plus `offsetDays`, at `time` in the contact's
 *   zone. Yearly triggers use the first anniversary at or after the start (29 February
 *   falls on the 28th in other years); one-off dates before the start do not match.
 * Re-entry is not simulated: each run is one contact's one pass.
 */

export type EntryMatch = { at: number; reason: string } | { at: null; reason: string };

export interface EntryContext {
  contact: CleanContact;
  start: number;
  horizonEnd: number;
  timezone: string;
}

/**
 * The matching Entry with the earliest entry time (`entries` come ordered by id, so ties
 * go to the lowest id), or the sentence saying why none matched.
 */
export function chooseEntry(
  entries: readonly PreparedNode[],
  ctx: EntryContext,
): { entry: PreparedNode; at: number; reason: string } | string {
  let best: { entry: PreparedNode; at: number; reason: string } | null = null;
  const misses: string[] = [];
  for (const entry of entries) {
    if (entry.problem !== null) {
      misses.push(`${entry.name} is damaged (${entry.problem})`);
      continue;
    }
    const match = matchEntry(entry, ctx);
    if (match.at === null) misses.push(`${entry.name}: ${match.reason}`);
    else if (!best || match.at < best.at) best = { entry, at: match.at, reason: match.reason };
  }
  if (best) return best;
  if (entries.length === 0) return 'The journey has no Entry, so no contact can start it.';
  return `No Entry let the contact in: ${misses.join('; ')}.`;
}

/** When `contact` enters at `entry`, or why it does not. */
export function matchEntry(entry: PreparedNode, ctx: EntryContext): EntryMatch {
  const { trigger } = entry.data as NodeDataOf<'entry'>;
  if (trigger.type === 'segment') return matchSegment(trigger.segment, ctx);
  if (trigger.type === 'event') return matchEvent(trigger.event, trigger.filter, ctx);
  return matchDate(trigger, ctx);
}

function matchSegment(segment: string, ctx: EntryContext): EntryMatch {
  const name = segment.trim();
  if (!name) return { at: null, reason: 'it names no segment' };
  const attributes = ctx.contact.attributes;
  for (const key of ['segments', 'segment']) {
    const value = attributes.get(key);
    if (listItems(value).some((item) => sameName(item, name))) {
      return { at: ctx.start, reason: `in segment '${name}' (${key} = ${show(value)})` };
    }
  }
  const held = ['segments', 'segment'].filter((key) => attributes.has(key));
  const told =
    held.length > 0 ? held.map((key) => `${key} = ${show(attributes.get(key))}`).join(', ') : 'segments is not set';
  return { at: null, reason: `not in segment '${name}' (${told})` };
}

function matchEvent(event: string, filter: string, ctx: EntryContext): EntryMatch {
  const name = event.trim();
  if (!name) return { at: null, reason: 'it names no event' };
  const all = ctx.contact.events.filter((e) => sameName(e.name, name));
  const first = all.find((e) => e.at >= ctx.start);
  const note = filter.trim() ? ` (its filter '${filter.trim()}' is not simulated)` : '';
  if (first && first.at <= ctx.horizonEnd) {
    return { at: first.at, reason: `did '${name}' on ${formatLocal(first.at, ctx.timezone)}${note}` };
  }
  if (first) return { at: null, reason: `'${name}' happens only after the end of the simulation` };
  if (all.length > 0) return { at: null, reason: `'${name}' happened only before the simulation start` };
  return { at: null, reason: `the contact has no '${name}' event` };
}

type DateTrigger = Extract<NodeDataOf<'entry'>['trigger'], { type: 'date' }>;

/** The calendar date an attribute holds, read in the contact's zone. */
function calendarDate(value: unknown, timezone: string): { year: number; month: number; day: number } | null {
  const plain = parseIsoDate(value);
  if (plain) return plain;
  const ms = typeof value === 'number' && Number.isFinite(value) ? value : asDate(value as string);
  return ms === null ? null : localParts(ms, timezone);
}

function matchDate(trigger: DateTrigger, ctx: EntryContext): EntryMatch {
  const attribute = trigger.attribute.trim();
  if (!attribute) return { at: null, reason: 'it names no date attribute' };
  const value = ctx.contact.attributes.get(attribute);
  const date = calendarDate(value, ctx.timezone);
  if (!date) return { at: null, reason: `${attribute} = ${show(value)} is not a date` };
  const time = parseTimeOfDay(trigger.time)!;
  const at = (year: number) => {
    const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
    const day = date.month === 2 && date.day === 29 && !leap ? 28 : date.day;
    return zonedToUtc(year, date.month, day + trigger.offsetDays, time.hour, time.minute, ctx.timezone);
  };
  const offset =
    trigger.offsetDays === 0
      ? ''
      : ` ${trigger.offsetDays > 0 ? '+' : '−'} ${Math.abs(trigger.offsetDays)} day${Math.abs(trigger.offsetDays) === 1 ? '' : 's'}`;
  let when = at(date.year);
  if (trigger.yearly) {
    // Offsets reach a year either way, so look from the year before the start onwards.
    const first = localParts(ctx.start - 400 * DAY, ctx.timezone).year;
    for (let year = first; year <= first + 3; year++) {
      when = at(year);
      if (when >= ctx.start) break;
    }
  }
  const described = `${attribute} = ${show(value)}${offset}${trigger.yearly ? ', yearly' : ''}`;
  if (when < ctx.start)
    return { at: null, reason: `${described} fell on ${formatLocal(when, ctx.timezone)}, before the start` };
  if (when > ctx.horizonEnd)
    return {
      at: null,
      reason: `${described} falls on ${formatLocal(when, ctx.timezone)}, after the end of the simulation`,
    };
  return { at: when, reason: `${described} → ${formatLocal(when, ctx.timezone)}` };
}
