import { clampTime, offsetAt } from './zoneOffset';

export { isTimeZone, offsetAt } from './zoneOffset';

/**
 * Wall-clock time in IANA time zones: calendar arithmetic over the offsets that
 * `zoneOffset.ts` reads from the runtime, so daylight-saving changes are exact.
 *
 * Wall times that do not exist (the hour skipped when clocks go forward) move forward by
 * the gap: 02:30 on a spring-forward night in Paris is 03:30. Wall times that happen twice
 * (clocks going back) resolve to the first of the two.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A wall-clock reading; `month` counts from 1. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function utcParts(ms: number): LocalParts {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The wall clock in `timeZone` at instant `ms` (UTC for an unknown zone). */
export function localParts(ms: number, timeZone: string): LocalParts {
  const at = clampTime(ms);
  return utcParts(clampTime(at + offsetAt(at, timeZone)));
}

/**
 * The instant when `timeZone`'s wall clock reads the given time. Day, hour and minute may
 * overflow (day 32 is the 1st of the next month), which makes calendar arithmetic easy.
 */
export function zonedToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const wall = clampTime(Date.UTC(year, month - 1, day, hour, minute));
  if (timeZone === 'UTC') return wall;
  const offsets = [
    ...new Set([offsetAt(wall - DAY, timeZone), offsetAt(wall, timeZone), offsetAt(wall + DAY, timeZone)]),
  ];
  const fits = offsets.map((offset) => wall - offset).filter((t) => offsetAt(t, timeZone) === wall - t);
  if (fits.length > 0) return Math.min(...fits);
  // In a gap: the smaller offset gives the instant just after the skipped hour.
  return wall - Math.min(...offsets);
}

/** `ms` moved by `days` calendar days in `timeZone`, keeping the wall-clock time. */
export function addLocalDays(ms: number, days: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const rest = clampTime(ms) - Math.floor(clampTime(ms) / MINUTE) * MINUTE;
  return zonedToUtc(p.year, p.month, p.day + days, p.hour, p.minute, timeZone) + rest;
}

/**
 * The first instant strictly after `ms` when `timeZone`'s clock reads `hour:minute`.
 * Strictly: a loop through "wait until 09:00" must wait a day each round, not spin.
 */
export function nextLocalTime(ms: number, hour: number, minute: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const today = zonedToUtc(p.year, p.month, p.day, hour, minute, timeZone);
  if (today > ms) return today;
  return zonedToUtc(p.year, p.month, p.day + 1, hour, minute, timeZone);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-03-02 09:00 Europe/Paris`: how reasons show an instant. */
export function formatLocal(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)} ${timeZone}`;
}

/** Parses `HH:MM` (00:00–23:59); null otherwise. */
export function parseTimeOfDay(value: unknown): { hour: number; minute: number } | null {
  const match = typeof value === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value) : null;
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

/** Parses `YYYY-MM-DD` into calendar parts; null when it is not a real date. */
export function parseIsoDate(value: unknown): { year: number; month: number; day: number } | null {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim()) : null;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}
