import { describe, expect, it } from 'vitest';
import {
  beforeRestoreName,
  describeValue,
  MAX_VERSION_NAME,
  relativeTime,
} from '../../../../src/renderer/features/versions/formatting';
import { isVersionsShortcut } from '../../../../src/renderer/features/versions/versionsShortcut';

const press = (over: Partial<Parameters<typeof isVersionsShortcut>[0]>) => ({
  key: 'v',
  code: 'KeyV',
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...over,
});

describe('the versions panel’s wording', () => {
  it('names the version saved before a restore, always short enough for the host', () => {
    expect(beforeRestoreName('Launch')).toBe('Before restoring “Launch”');
    const long = beforeRestoreName('x'.repeat(MAX_VERSION_NAME));
    expect(long.length).toBeLessThanOrEqual(MAX_VERSION_NAME);
    expect(long.endsWith('…”')).toBe(true);
  });

  it('writes values on one short line', () => {
    expect(describeValue('Hi')).toBe('“Hi”');
    expect(describeValue('')).toBe('empty');
    expect(describeValue(undefined)).toBe('empty');
    expect(describeValue(42)).toBe('42');
    expect(describeValue({ mode: 'fixed' })).toBe('{"mode":"fixed"}');
    expect(describeValue('y'.repeat(500)).length).toBeLessThanOrEqual(80);
  });

  it('writes times relative to now', () => {
    expect(relativeTime(1_000, 1_000)).toBe('just now');
    expect(relativeTime(0, 3 * 3_600_000)).toMatch(/3 hours ago/);
  });
});

describe('the versions shortcut', () => {
  it('is Ctrl+Alt+V or Cmd+Alt+V, and never paste', () => {
    expect(isVersionsShortcut(press({ ctrlKey: true, altKey: true }))).toBe(true);
    expect(isVersionsShortcut(press({ metaKey: true, altKey: true, key: '√' }))).toBe(true);
    expect(isVersionsShortcut(press({ ctrlKey: true }))).toBe(false);
    expect(isVersionsShortcut(press({ ctrlKey: true, altKey: true, shiftKey: true }))).toBe(false);
    expect(isVersionsShortcut(press({ altKey: true }))).toBe(false);
  });
});
