import type { SmtpSettingsView } from '../../../../shared/api/dto';
import { smtpSettingsSchema, type SmtpSettingsInput } from '../../../../shared/email/smtp';

/** The SMTP form as typed. The password is never filled in from what is stored. */
export interface SmtpDraft {
  host: string;
  port: string;
  secure: boolean;
  user: string;
  password: string;
  from: string;
}

/** A fresh form: the stored settings without the password, or common defaults. */
export function draftFrom(view: SmtpSettingsView | null): SmtpDraft {
  if (!view) return { host: '', port: '587', secure: false, user: '', password: '', from: '' };
  return {
    host: view.host,
    port: String(view.port),
    secure: view.secure,
    user: view.user,
    password: '',
    from: view.from ?? '',
  };
}

export type SmtpCheck =
  { ok: true; settings: SmtpSettingsInput } | { ok: false; errors: Partial<Record<keyof SmtpDraft, string>> };

/**
 * The settings to save, checked with the same schema the host uses; an empty password
 * keeps the stored one, an empty sender address means "the email's own".
 */
export function checkDraft(draft: SmtpDraft): SmtpCheck {
  const port = draft.port.trim() === '' ? Number.NaN : Number(draft.port);
  const candidate = {
    host: draft.host,
    port,
    secure: draft.secure,
    user: draft.user.trim(),
    ...(draft.password ? { password: draft.password } : {}),
    ...(draft.from.trim() ? { from: draft.from.trim() } : {}),
  };
  const parsed = smtpSettingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: candidate };
  const errors: Partial<Record<keyof SmtpDraft, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'host') as keyof SmtpDraft;
    errors[field] ??= field === 'port' ? 'Enter a port from 1 to 65535 (usually 587, or 465 with TLS).' : issue.message;
  }
  return { ok: false, errors };
}
