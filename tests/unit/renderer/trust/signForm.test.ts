import { describe, expect, it } from 'vitest';
import { defaultVersionLabel, expiryOf } from '../../../../src/renderer/features/trust/signDefaults';
import { isVerifyShortcut } from '../../../../src/renderer/features/trust/verifyShortcut';
import { isImageFile } from '../../../../src/renderer/features/trust/readVerifyInput';

const press = (patch: Partial<Parameters<typeof isVerifyShortcut>[0]> = {}) => ({
  key: 'V',
  code: 'KeyV',
  ctrlKey: true,
  metaKey: false,
  shiftKey: true,
  altKey: false,
  target: null,
  ...patch,
});

describe('the sign form', () => {
  const now = new Date(2026, 11, 1, 10, 0).getTime();

  it('offers “Approved <date>” as the version label', () => {
    expect(defaultVersionLabel(now, 'en-GB')).toBe('Approved 1 Dec 2026');
  });

  it('takes an expiry as the end of the chosen day, refuses a past day and a non-date', () => {
    expect(expiryOf('', now)).toEqual({});
    expect(expiryOf('2026-12-02', now).expiresAt).toBe(new Date(2026, 11, 2, 23, 59, 59, 999).getTime());
    expect(expiryOf('2026-12-01', now).expiresAt).toBeGreaterThan(now);
    expect(expiryOf('2026-11-30', now).error).toMatch(/future/);
    expect(expiryOf('next week', now).error).toMatch(/date/);
  });
});

describe('the verify shortcut', () => {
  it('is Ctrl+Shift+V or Cmd+Shift+V, never with Alt (the versions panel) or without Shift (paste)', () => {
    expect(isVerifyShortcut(press())).toBe(true);
    expect(isVerifyShortcut(press({ ctrlKey: false, metaKey: true }))).toBe(true);
    expect(isVerifyShortcut(press({ altKey: true }))).toBe(false);
    expect(isVerifyShortcut(press({ shiftKey: false }))).toBe(false);
    expect(isVerifyShortcut(press({ key: 'b', code: 'KeyB' }))).toBe(false);
  });

  it('leaves Ctrl+Shift+V to text fields (paste as plain text)', () => {
    expect(isVerifyShortcut(press({ target: { tagName: 'INPUT' } as unknown as EventTarget }))).toBe(false);
    expect(
      isVerifyShortcut(press({ target: { tagName: 'DIV', isContentEditable: true } as unknown as EventTarget })),
    ).toBe(false);
    expect(isVerifyShortcut(press({ target: { tagName: 'BUTTON' } as unknown as EventTarget }))).toBe(true);
  });
});

describe('picking a file to verify', () => {
  it('decodes images as QR codes and reads the rest as certificate files', () => {
    expect(isImageFile({ type: 'image/png', name: 'x' })).toBe(true);
    expect(isImageFile({ type: '', name: 'code.JPG' })).toBe(true);
    expect(isImageFile({ type: 'application/json', name: 'cert.json' })).toBe(false);
  });
});
