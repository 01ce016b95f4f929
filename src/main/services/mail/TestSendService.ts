import { createHash } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { z } from 'zod';
import { ErrorCode, MailyError } from '../../../shared/errors';
import type { SecretStore } from './SecretStore';
import { SmtpError, smtpError } from './smtpErrors';
import {
  mailAddress,
  smtpSettingsSchema,
  type SavedSmtpSettings,
  type SmtpSettings,
  type SmtpSettingsInput,
  type TestSendResult,
} from '../../../shared/email/smtp';
import { defaultTimeouts, isLoopback, testMessageSchema, type SmtpTimeouts, type TestMessage } from './smtpSettings';

export type { TestSendResult } from '../../../shared/email/smtp';
export type { TestMessage } from './smtpSettings';

/** Options for {@link TestSendService}. */
export interface TestSendServiceOptions {
  /** Where the password and the settings are kept (encrypted; never a plain file). */
  secrets: SecretStore;
  /** Connection, greeting and socket timeouts. Defaults to 10 s, 10 s and 20 s. */
  timeouts?: Partial<SmtpTimeouts>;
}

const SETTINGS_KEY = 'smtp.settings';
const savedSchema = smtpSettingsSchema.omit({ password: true });

/**
 * The stored password belongs to one server and login: a password saved for one host
 * is never sent to another after the settings change.
 */
function passwordKey(s: Pick<SmtpSettings, 'host' | 'port' | 'user'>): string {
  const id = createHash('sha256').update(`${s.user}\u0000${s.host.toLowerCase()}\u0000${s.port}`).digest('hex');
  return `smtp.password.${id.slice(0, 32)}`;
}

function invalid(error: z.ZodError): MailyError {
  const issue = error.issues[0];
  const where = issue?.path.map(String).join('.');
  return new MailyError(ErrorCode.InvalidInput, `${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}`);
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

/**
 * Sends a rendered email to one address over SMTP (nodemailer), for designers to see
 * it in a real inbox. Settings are kept in the {@link SecretStore}: the password under
 * a key bound to its server and login. Every failure is an {@link SmtpError} whose
 * message says what to change. Images embedded as data URLs go as inline attachments.
 */
export class TestSendService {
  readonly #secrets: SecretStore;
  readonly #timeouts: SmtpTimeouts;

  constructor(options: TestSendServiceOptions) {
    this.#secrets = options.secrets;
    this.#timeouts = { ...defaultTimeouts, ...options.timeouts };
  }

  /** Validates and stores the settings; a given password is stored for this server and login. */
  async saveSettings(input: SmtpSettingsInput): Promise<SavedSmtpSettings> {
    const { password, ...settings } = parse(smtpSettingsSchema, input);
    if (password !== undefined) await this.#secrets.set(passwordKey(settings), password);
    await this.#secrets.set(SETTINGS_KEY, JSON.stringify(settings));
    return this.#view(settings);
  }

  /** The stored settings (never the password), or null before any were saved. */
  async loadSettings(): Promise<SavedSmtpSettings | null> {
    const raw = await this.#secrets.get(SETTINGS_KEY);
    if (raw === null) return null;
    let json: unknown = null;
    try {
      json = JSON.parse(raw);
    } catch {
      json = null; // unreadable settings read as none; saving again replaces them
    }
    const parsed = savedSchema.safeParse(json);
    if (!parsed.success) return null;
    return this.#view(parsed.data);
  }

  /** Forgets the stored password of the saved settings' server. */
  async forgetPassword(): Promise<void> {
    const saved = await this.loadSettings();
    if (!saved) return;
    if (this.#secrets.delete) await this.#secrets.delete(passwordKey(saved));
    else await this.#secrets.set(passwordKey(saved), '');
  }

  /**
   * Sends `message` with `settings` (defaults to the saved ones; a password given here
   * is used once, not stored). Throws E_INVALID_INPUT for bad settings or message, and
   * an {@link SmtpError} when the server cannot be reached or refuses.
   */
  async send(message: TestMessage, settingsInput?: SmtpSettingsInput): Promise<TestSendResult> {
    const msg = parse(testMessageSchema, message);
    const settings = settingsInput ? parse(smtpSettingsSchema, settingsInput) : await this.#saved();
    const pass = settings.password ?? (settings.user ? await this.#secrets.get(passwordKey(settings)) : null);
    if (settings.user && !pass) {
      throw new SmtpError(
        'auth',
        ErrorCode.Unauthorized,
        `Enter the SMTP password for ${settings.user} on ${settings.host}.`,
      );
    }
    const from = settings.from ?? this.#sender(msg.senderEmail) ?? this.#sender(settings.user);
    if (!from) {
      throw new MailyError(
        ErrorCode.InvalidInput,
        'There is no sender address: set the email’s sender, or a “From” address in the SMTP settings.',
      );
    }
    const transport = createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      // Off this machine, never send the login or the email in clear text.
      requireTLS: !settings.secure && !isLoopback(settings.host),
      auth: settings.user ? { user: settings.user, pass: pass ?? '' } : undefined,
      connectionTimeout: this.#timeouts.connectionMs,
      greetingTimeout: this.#timeouts.greetingMs,
      socketTimeout: this.#timeouts.socketMs,
      tls: { minVersion: 'TLSv1.2' },
      // The HTML is user content: it must not make nodemailer read local files or fetch URLs.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    try {
      const info = await transport.sendMail({
        from: { name: msg.senderName ?? '', address: from },
        to: msg.to,
        replyTo: this.#sender(msg.replyTo) ?? undefined,
        subject: msg.subject,
        html: msg.html,
        text: msg.text,
        attachDataUrls: true,
      });
      const accepted = (info.accepted as unknown[]).map((a) =>
        typeof a === 'string' ? a : String((a as { address?: unknown }).address),
      );
      return { ok: true, messageId: String(info.messageId ?? ''), accepted };
    } catch (error) {
      throw smtpError(error, { host: settings.host, port: settings.port, timeouts: this.#timeouts, to: msg.to, from });
    } finally {
      transport.close();
    }
  }

  async #saved(): Promise<SmtpSettings> {
    const saved = await this.loadSettings();
    if (!saved) throw new MailyError(ErrorCode.InvalidInput, 'Set up the SMTP server first (host, port, login).');
    const { hasPassword: _hasPassword, from, ...settings } = saved;
    return { ...settings, from: from ?? undefined };
  }

  async #view(settings: Omit<SmtpSettings, 'password'>): Promise<SavedSmtpSettings> {
    const hasPassword = Boolean(await this.#secrets.get(passwordKey(settings)));
    return { ...settings, from: settings.from ?? null, hasPassword };
  }

  /** `value` when it is a usable mail address, else null. */
  #sender(value: string | undefined): string | null {
    const parsed = mailAddress.safeParse(value ?? '');
    return parsed.success ? parsed.data : null;
  }
}
