import type { AttributeValue, ContactEvent } from './types';
import { isTimeZone } from './zonedTime';

/**
 * A sample contact read defensively: it comes from a form or a file, so every field may
 * be missing or of the wrong type. Attributes live in a Map so that a name such as
 * `__proto__` is just a name.
 */
export interface CleanContact {
  id: string;
  name: string;
  attributes: Map<string, AttributeValue>;
  /** The contact's own zone when the runtime knows it, else null. */
  timezone: string | null;
  /** What the contact gave as a zone when it is not one; null when fine or absent. */
  badTimezone: string | null;
  /** Sorted by time; names trimmed. */
  events: ContactEvent[];
}

/** Caps on what one sample contact may hold; beyond them the rest is ignored. */
export const maxAttributes = 1000;
export const maxEvents = 10_000;
const maxTime = 8.64e15;

function isAttributeValue(value: unknown): value is AttributeValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  return typeof value === 'number' && Number.isFinite(value);
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function readAttributes(value: unknown): Map<string, AttributeValue> {
  const attributes = new Map<string, AttributeValue>();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return attributes;
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if (attributes.size >= maxAttributes) break;
    if (isAttributeValue(field)) attributes.set(key, field);
  }
  return attributes;
}

function readEvents(value: unknown): ContactEvent[] {
  if (!Array.isArray(value)) return [];
  const events: ContactEvent[] = [];
  for (const item of value.slice(0, maxEvents) as unknown[]) {
    const { name, at } = (item ?? {}) as { name?: unknown; at?: unknown };
    if (typeof name !== 'string' || typeof at !== 'number' || !Number.isFinite(at)) continue;
    if (Math.abs(at) > maxTime) continue;
    events.push({ name: name.trim(), at });
  }
  return events.sort((a, b) => a.at - b.at);
}

/** The contact as the simulator uses it; never throws. */
export function cleanContact(contact: unknown): CleanContact {
  const raw = (contact !== null && typeof contact === 'object' ? contact : {}) as Record<string, unknown>;
  const zone = raw.timezone;
  const given = typeof zone === 'string' && zone.trim() ? zone.trim() : null;
  const timezone = given && isTimeZone(given) ? given : null;
  return {
    id: text(raw.id),
    name: text(raw.name),
    attributes: readAttributes(raw.attributes),
    timezone,
    badTimezone: given && !timezone ? given.slice(0, 100) : null,
    events: readEvents(raw.events),
  };
}

/** Names match ignoring case and surrounding spaces, as designers type them. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The items of a comma-separated list attribute, trimmed, empty ones dropped. */
export function listItems(value: AttributeValue | undefined): string[] {
  if (value === null || value === undefined) return [];
  return String(value)
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

const numberShape = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** The number a value reads as (`42`, `'3.5'`, `' -1 '`); null for anything else. */
export function asNumber(value: AttributeValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || !numberShape.test(value.trim())) return null;
  const n = Number(value.trim());
  return Number.isFinite(n) ? n : null;
}

const dateShape = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The instant a date-like string reads as (`2026-03-02`, ISO date-times); null otherwise. */
export function asDate(value: AttributeValue | undefined): number | null {
  if (typeof value !== 'string' || !dateShape.test(value.trim())) return null;
  const ms = Date.parse(value.trim());
  return Number.isFinite(ms) ? ms : null;
}

/** How reasons show a value: strings quoted, everything else as is. */
export function show(value: AttributeValue | undefined): string {
  if (value === undefined) return 'not set';
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 59)}…` : value}'`;
  return String(value);
}
