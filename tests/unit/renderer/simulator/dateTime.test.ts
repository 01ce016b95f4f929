import { describe, expect, it } from 'vitest';
import {
  formatWhen,
  fromInputValue,
  toInputValue,
  toMinute,
} from '../../../../src/renderer/features/simulator/dateTime';
import {
  checkName,
  checkValue,
  convert,
  renamed,
  typeOf,
  valueOf,
} from '../../../../src/renderer/features/simulator/attributeValues';

describe('date-time fields in a zone', () => {
  const at = Date.parse('2026-03-02T08:00:00Z');

  it('show and read the wall clock of the zone', () => {
    expect(toInputValue(at, 'Europe/Paris')).toBe('2026-03-02T09:00');
    expect(toInputValue(at, 'UTC')).toBe('2026-03-02T08:00');
    expect(fromInputValue('2026-03-02T09:00', 'Europe/Paris')).toBe(at);
    expect(fromInputValue('2026-03-02T09:00:30', 'UTC')).toBe(Date.parse('2026-03-02T09:00:00Z'));
  });

  it('refuse what is not a real date-time', () => {
    for (const bad of ['', '2026-02-30T09:00', '2026-03-02', '2026-03-02T24:00', 'soon']) {
      expect(fromInputValue(bad, 'UTC')).toBeNull();
    }
  });

  it('move a skipped spring-forward time to after the gap', () => {
    expect(toInputValue(fromInputValue('2026-03-29T02:30', 'Europe/Paris')!, 'Europe/Paris')).toBe('2026-03-29T03:30');
  });

  it('format results in the run’s zone', () => {
    expect(formatWhen(at, 'Asia/Tokyo')).toBe('Mon, 2 Mar 2026, 17:00');
    expect(formatWhen(Number.NaN, 'UTC')).toBe('—');
    expect(toMinute(at + 59_999)).toBe(at);
  });
});

describe('typed attribute values', () => {
  it('read and check each type', () => {
    expect(valueOf('number', ' 3.5 ')).toBe(3.5);
    expect(valueOf('true', 'ignored')).toBe(true);
    expect(valueOf('text', 'pro')).toBe('pro');
    expect(checkValue('number', 'abc')).toMatch(/number/);
    expect(checkValue('number', '')).toMatch(/number/);
    expect(checkValue('text', '')).toBeNull();
    expect(typeOf(false)).toBe('false');
    expect(typeOf(null)).toBe('text');
  });

  it('keep what they can when the type changes', () => {
    expect(convert('42', 'number')).toBe(42);
    expect(convert('abc', 'number')).toBe(0);
    expect(convert(7, 'text')).toBe('7');
    expect(convert('x', 'false')).toBe(false);
  });

  it('refuse empty, duplicate and prototype names', () => {
    expect(checkName(' ', [])).toMatch(/name/);
    expect(checkName('plan', ['plan'])).toMatch(/already/);
    expect(checkName('__proto__', [])).not.toBeNull();
    expect(checkName(' plan ', ['other'])).toBeNull();
  });

  it('rename a row in place', () => {
    expect(Object.keys(renamed({ a: 1, b: 2, c: 3 }, 'b', 'x'))).toEqual(['a', 'x', 'c']);
  });
});
