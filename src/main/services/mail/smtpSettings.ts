import { z } from 'zod';
import { mailAddress } from '../../../shared/email/smtp';

/** The message a test send takes, and how long each SMTP stage may take. */

/** A rendered email to send to one address. */
export const testMessageSchema = z.object({
  to: mailAddress,
  subject: z.string().max(998),
  html: z.string().max(15 * 1024 * 1024),
  text: z.string().max(1024 * 1024),
  /** The Email node's sender, shown as the From name and (unless settings say otherwise) address. */
  senderName: z.string().max(200).optional(),
  senderEmail: z.string().max(254).optional(),
  replyTo: z.string().max(254).optional(),
});

export type TestMessage = z.input<typeof testMessageSchema>;

/** How long each stage may take, in ms. */
export interface SmtpTimeouts {
  /** Establishing the TCP (and TLS) connection. Defaults to 10 000. */
  connectionMs: number;
  /** Waiting for the server's greeting after connecting. Defaults to 10 000. */
  greetingMs: number;
  /** Silence on an open connection. Defaults to 20 000. */
  socketMs: number;
}

export const defaultTimeouts: SmtpTimeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 20_000 };

/** True for hosts on this machine, where a test server without TLS is expected. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}
