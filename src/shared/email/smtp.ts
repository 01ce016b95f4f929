import { z } from 'zod';

/** SMTP settings for test sends, as validated at every boundary (contract and service). */

/** A bare mail address; display names travel separately. */
export const mailAddress = z
  .string()
  .trim()
  .max(254)
  .regex(
    /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]+$|^[^\s@<>"(),;:]+@localhost$/i,
    'Enter a mail address, e.g. ana@example.com',
  );

export const smtpSettingsSchema = z.object({
  host: z
    .string()
    .trim()
    .min(1, 'Enter the SMTP server, e.g. smtp.example.com')
    .max(253)
    .regex(/^[A-Za-z0-9.:_-]+$/, 'Enter a host name or IP address, without http:// or a port'),
  port: z.number().int().min(1).max(65535),
  /** TLS from the first byte (usually port 465). When false, STARTTLS is used if offered (required off loopback). */
  secure: z.boolean(),
  /** '' when the server needs no login. */
  user: z.string().max(320),
  /** Given once; the host keeps it in its secret store, never in a plain file, and never returns it. */
  password: z.string().min(1).max(1024).optional(),
  /** Sender address to use instead of the email's own (many servers only accept their account's address). */
  from: mailAddress.optional(),
});

/** Settings as entered; `password` is optional once one is stored. */
export type SmtpSettingsInput = z.input<typeof smtpSettingsSchema>;
export type SmtpSettings = z.output<typeof smtpSettingsSchema>;

/** Settings as stored and shown: never the password, only whether one is stored. */
export type SavedSmtpSettings = Omit<SmtpSettings, 'password' | 'from'> & { from: string | null; hasPassword: boolean };

/** A delivered test: the server's message id and the addresses it accepted. */
export interface TestSendResult {
  ok: true;
  messageId: string;
  accepted: string[];
}
