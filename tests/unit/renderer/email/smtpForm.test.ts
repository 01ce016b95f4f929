import { describe, expect, it } from 'vitest';
import { checkDraft, draftFrom } from '../../../../src/renderer/features/email/send/smtpForm';

const stored = { host: 'smtp.example.com', port: 465, secure: true, user: 'ana', from: null, hasPassword: true };

describe('the SMTP form', () => {
  it('starts from the stored settings, never with the password', () => {
    expect(draftFrom(stored)).toEqual({
      host: 'smtp.example.com',
      port: '465',
      secure: true,
      user: 'ana',
      password: '',
      from: '',
    });
    expect(draftFrom(null).port).toBe('587');
  });

  it('keeps the stored password and the email’s sender when left empty', () => {
    const checked = checkDraft(draftFrom(stored));
    expect(checked).toEqual({ ok: true, settings: { host: 'smtp.example.com', port: 465, secure: true, user: 'ana' } });
    const withBoth = checkDraft({ ...draftFrom(stored), password: 'new', from: ' news@example.com ' });
    expect(withBoth.ok && withBoth.settings).toMatchObject({ password: 'new', from: 'news@example.com' });
  });

  it('names what to fix, field by field', () => {
    const checked = checkDraft({
      host: 'https://x',
      port: '99999',
      secure: false,
      user: '',
      password: '',
      from: 'nope',
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(['from', 'host', 'port']);
    expect(checked.errors.port).toMatch(/1 to 65535/);
    expect(checkDraft({ ...draftFrom(null), host: 'smtp.x.test', port: '' }).ok).toBe(false);
  });
});
