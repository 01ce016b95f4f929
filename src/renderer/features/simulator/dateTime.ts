import { localParts, zonedToUtc } from '../../../shared/simulator/zonedTime';

/**
 * Date-times as `<input type="datetime-local">` holds them (`2026-03-02T09:00`), read
 * and written in a given IANA zone: a contact's events in the contact's zone, the run's
 * start in the designer's own.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** `ms` as the zone's wall clock, `YYYY-MM-DDTHH:MM`. */
export function toInputValue(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  const year = p.year >= 0 && p.year <= 9999 ? String(p.year).padStart(4, '0') : String(p.year);
  return `${year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

const inputShape = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** The instant the zone's wall clock reads `value`; null when `value` is not a real date-time. */
export function fromInputValue(value: string, timeZone: string): number | null {
  const match = inputShape.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return zonedToUtc(year, month, day, hour, minute, timeZone);
}

/** The designer's own zone, as the runtime reports it (UTC when it cannot say). */
export function ownTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    // Only a broken Intl throws here; UTC keeps the panel working.
    return 'UTC';
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `Mon, 2 Mar 2026, 09:00`: how the results show an instant, in the run's zone. */
export function formatWhen(ms: number, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? format.format(ms) : '—';
}

/** `ms` rounded down to the minute, as a date-time input can show it. */
export function toMinute(ms: number): number {
  return Math.floor(ms / 60_000) * 60_000;
}
