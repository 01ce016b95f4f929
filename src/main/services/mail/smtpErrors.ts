import { ErrorCode, MailyError } from '../../../shared/errors';
import type { SmtpTimeouts } from './smtpSettings';

/** What went wrong with a test send, for callers (and tests) that branch on it. */
export type SmtpFailure =
  'refused' | 'notFound' | 'timeout' | 'auth' | 'recipient' | 'sender' | 'tls' | 'closed' | 'message' | 'other';

/** A failed test send: a catalogue code and a message that says what to do next. */
export class SmtpError extends MailyError {
  readonly failure: SmtpFailure;

  constructor(failure: SmtpFailure, code: ErrorCode, message: string) {
    super(code, message);
    this.name = 'SmtpError';
    this.failure = failure;
  }
}

/** The fields nodemailer puts on its errors. */
interface NodemailerError {
  code?: string;
  originalCode?: string;
  command?: string;
  response?: string;
  message?: string;
  rejected?: unknown;
}

interface Where {
  host: string;
  port: number;
  timeouts: SmtpTimeouts;
  to: string;
  from: string;
}

const tlsCodes = /^(ERR_SSL_|ERR_TLS_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|EPROTO$)/;
const tlsWords = /\b(tls|ssl|certificate|wrong version number|starttls|handshake)\b/i;

/** The server's reply on one line, clipped (it is shown to the user). */
function reply(e: NodemailerError): string {
  const text = (e.response ?? '').replace(/\s+/g, ' ').trim();
  return text ? ` (the server said: “${text.length > 200 ? `${text.slice(0, 199)}…` : text}”)` : '';
}

/** Maps whatever nodemailer threw to an {@link SmtpError} with a clear, actionable message. */
export function smtpError(error: unknown, where: Where): SmtpError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as NodemailerError;
  const server = `${where.host}:${where.port}`;
  const cause = e.originalCode ?? '';
  if (cause === 'ECONNREFUSED') {
    return new SmtpError(
      'refused',
      ErrorCode.Disconnected,
      `${server} refused the connection. Check the port (usually 587, or 465 with TLS) and that the mail server is running.`,
    );
  }
  if (e.code === 'EDNS' || cause === 'ENOTFOUND' || cause === 'EAI_AGAIN') {
    return new SmtpError(
      'notFound',
      ErrorCode.Disconnected,
      `The SMTP server “${where.host}” could not be found. Check the host name and your internet connection.`,
    );
  }
  if (e.code === 'ETIMEDOUT' || cause === 'ETIMEDOUT') {
    const [stage, ms] = /greeting/i.test(e.message ?? '')
      ? ['connected but never greeted Maily', where.timeouts.greetingMs]
      : /connection timeout/i.test(e.message ?? '')
        ? ['could not be reached', where.timeouts.connectionMs]
        : ['stopped answering', where.timeouts.socketMs];
    const seconds = Math.round(ms / 100) / 10;
    return new SmtpError(
      'timeout',
      ErrorCode.Timeout,
      `${server} ${stage} within ${seconds} s. Check the host, the port and the TLS setting, and that no firewall blocks the connection.`,
    );
  }
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH') {
    return new SmtpError(
      'auth',
      ErrorCode.Unauthorized,
      `${where.host} did not accept the user name and password${reply(e)}. Check them; some providers need an app password.`,
    );
  }
  if (e.code === 'EENVELOPE' && /^MAIL/i.test(e.command ?? '')) {
    return new SmtpError(
      'sender',
      ErrorCode.InvalidInput,
      `The server refused the sender ${where.from}${reply(e)}. Set a “From” address your SMTP account may send as.`,
    );
  }
  if (e.code === 'EENVELOPE') {
    return new SmtpError(
      'recipient',
      ErrorCode.InvalidInput,
      `The server refused the recipient ${where.to}${reply(e)}. Check the address; some servers only deliver to their own domain.`,
    );
  }
  if (e.code === 'ETLS' || tlsCodes.test(cause) || tlsWords.test(e.message ?? '')) {
    const detail = (e.message ?? '').replace(/\s+/g, ' ').slice(0, 160);
    return new SmtpError(
      'tls',
      ErrorCode.Disconnected,
      `A secure (TLS) connection to ${server} could not be set up (${detail}). For port 465 turn “Use TLS” on; for 587 or 25 turn it off (STARTTLS is used).`,
    );
  }
  if (e.code === 'ECONNECTION' || e.code === 'ESOCKET') {
    return new SmtpError(
      'closed',
      ErrorCode.Disconnected,
      `${server} closed the connection unexpectedly${reply(e)}. Check the port and the “Use TLS” setting.`,
    );
  }
  if (e.code === 'EMESSAGE') {
    return new SmtpError('message', ErrorCode.InvalidInput, `The server refused the message${reply(e)}.`);
  }
  return new SmtpError(
    'other',
    ErrorCode.Internal,
    `The test email could not be sent${reply(e) || `: ${(e.message ?? 'unknown error').slice(0, 200)}`}.`,
  );
}
