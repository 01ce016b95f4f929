/**
 * How far a time zone's clock is from UTC at an instant, read from the runtime's
 * time-zone data through `Intl.DateTimeFormat` (no dependencies, exact across DST).
 *
 * An Intl call costs microseconds and a walk asks often, so offsets are cached per zone
 * in 15-minute buckets. A bucket is cached only when the offset is the same at both of
 * its ends; a bucket holding a change of offset is answered exactly every time. Cached
 * answers are exact as long as no zone changes its offset and back within 15 minutes,
 * which the time-zone database has never done.
 */

const MINUTE = 60_000;
const bucketSize = 15 * MINUTE;
/** Zone names come from contact data: cap every cache so odd input cannot grow it forever. */
const maxZones = 500;
const maxBucketsPerZone = 50_000;
const maxTime = 8.64e15;

const formatters = new Map<string, Intl.DateTimeFormat | null>();
const buckets = new Map<string, Map<number, number>>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(timeZone);
  if (cached !== undefined) return cached;
  let formatter: Intl.DateTimeFormat | null = null;
  try {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  } catch {
    // A RangeError is the runtime's only answer to "is this a time zone?"; null means no.
    formatter = null;
  }
  if (formatters.size < maxZones) formatters.set(timeZone, formatter);
  return formatter;
}

/** Whether the runtime knows `value` as a time zone (`UTC`, `Europe/Paris`, …). */
export function isTimeZone(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 100 && formatterFor(value) !== null;
}

/** Clamps to the range a JavaScript date can hold; non-numbers read as the epoch. */
export function clampTime(ms: number): number {
  if (!Number.isFinite(ms)) return 0;
  return Math.max(-maxTime, Math.min(maxTime, ms));
}

const offsetShape = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** The offset straight from Intl ("…, GMT+05:30"); 0 for an unknown zone. */
function exactOffset(ms: number, timeZone: string): number {
  const formatter = formatterFor(timeZone);
  if (!formatter) return 0;
  const match = offsetShape.exec(formatter.format(clampTime(ms)));
  if (!match || !match[1]) return 0;
  const size = Number(match[2]) * 60 * MINUTE + Number(match[3]) * MINUTE + Number(match[4] ?? 0) * 1000;
  return match[1] === '-' ? -size : size;
}

function cacheFor(timeZone: string): Map<number, number> | null {
  let cache = buckets.get(timeZone);
  if (!cache) {
    if (buckets.size >= maxZones || !formatterFor(timeZone)) return null;
    buckets.set(timeZone, (cache = new Map()));
  }
  if (cache.size >= maxBucketsPerZone) cache.clear();
  return cache;
}

/** How far `timeZone`'s wall clock is ahead of UTC at instant `ms`, in milliseconds. */
export function offsetAt(ms: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  const at = clampTime(ms);
  const cache = cacheFor(timeZone);
  if (!cache) return exactOffset(at, timeZone);
  const bucket = Math.floor(at / bucketSize);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    const first = exactOffset(bucket * bucketSize, timeZone);
    const last = exactOffset((bucket + 1) * bucketSize - 1000, timeZone);
    offset = first === last ? first : Number.NaN;
    cache.set(bucket, offset);
  }
  return Number.isNaN(offset) ? exactOffset(at, timeZone) : offset;
}
