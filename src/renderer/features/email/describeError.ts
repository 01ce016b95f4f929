import { ErrorCode, MailyError } from '../../../shared/errors';

/**
 * A failure as a sentence that says what to do next. Messages from the host and the
 * transport already do (the same code can mean a lost connection or a refused SMTP
 * server, each with its own message), so they are shown as they are; only failures
 * without one get a sentence here.
 */
export function describeError(error: unknown, action: string): string {
  if (!(error instanceof MailyError))
    return `${action} failed unexpectedly. Try again; if it keeps failing, restart Maily.`;
  if (error.code === ErrorCode.UnknownChannel)
    return `${action} is not available in this version of Maily. Update Maily, then try again.`;
  return error.message || `${action} failed. Try again.`;
}
