import { describe, expect, it } from 'vitest';
import {
  addLocalDays,
  formatLocal,
  isTimeZone,
  localParts,
  nextLocalTime,
  offsetAt,
  parseIsoDate,
  zonedToUtc,
} from '../../../../src/shared/simulator/zonedTime';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('zoned time', () => {
  it('reads offsets from the runtime, including half hours and DST', () => {
    expect(offsetAt(at('2026-01-15T12:00:00Z'), 'Europe/Paris')).toBe(HOUR);
    expect(offsetAt(at('2026-07-15T12:00:00Z'), 'Europe/Paris')).toBe(2 * HOUR);
    expect(offsetAt(at('2026-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * HOUR);
    expect(offsetAt(at('2026-07-15T12:00:00Z'), 'America/Los_Angeles')).toBe(-7 * HOUR);
  });

  it('turns a wall time into an instant; skipped times move forward, repeated ones take the first', () => {
    expect(zonedToUtc(2026, 1, 15, 9, 0, 'America/New_York')).toBe(at('2026-01-15T14:00:00Z'));
    expect(zonedToUtc(2026, 3, 29, 2, 30, 'Europe/Paris')).toBe(at('2026-03-29T01:30:00Z'));
    expect(zonedToUtc(2026, 10, 25, 2, 30, 'Europe/Paris')).toBe(at('2026-10-25T00:30:00Z'));
    expect(zonedToUtc(2026, 1, 32, 0, 0, 'UTC')).toBe(at('2026-02-01T00:00:00Z'));
  });

  it('adds calendar days keeping the wall time, and finds the next time of day strictly after', () => {
    expect(addLocalDays(at('2026-10-24T07:00:00Z'), 1, 'Europe/Paris')).toBe(at('2026-10-25T08:00:00Z'));
    expect(addLocalDays(at('2026-10-24T07:00:12.345Z'), 1, 'UTC')).toBe(at('2026-10-25T07:00:12.345Z'));
    expect(nextLocalTime(at('2026-03-02T08:59:00Z'), 9, 0, 'UTC')).toBe(at('2026-03-02T09:00:00Z'));
    expect(nextLocalTime(at('2026-03-02T09:00:00Z'), 9, 0, 'UTC')).toBe(at('2026-03-03T09:00:00Z'));
    expect(nextLocalTime(at('2026-12-31T23:30:00Z'), 0, 15, 'UTC')).toBe(at('2027-01-01T00:15:00Z'));
  });

  it('knows which zones exist and formats instants for reasons', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    for (const bad of ['Mars/Base', '', 'x'.repeat(200), 42, null]) expect(isTimeZone(bad)).toBe(false);
    expect(formatLocal(at('2026-03-02T08:00:00Z'), 'Europe/Paris')).toBe('2026-03-02 09:00 Europe/Paris');
    expect(localParts(at('2026-03-02T00:00:00Z'), 'Unknown/Zone')).toMatchObject({ year: 2026, hour: 0 });
    expect(localParts(NaN, 'Europe/Paris').year).toBe(1970);
  });

  it('parses only real calendar dates', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-1', 'tomorrow', 20260101])
      expect(parseIsoDate(bad)).toBeNull();
  });
});
