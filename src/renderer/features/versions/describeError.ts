import { MailyError } from '../../../shared/errors';

/**
 * A failure as a sentence that says what to do next. The host's messages already do,
 * so they are shown as they are; anything else gets a generic next step.
 */
export function describeError(error: unknown, action: string): string {
  if (error instanceof MailyError && error.message) return error.message;
  return `${action} failed unexpectedly. Try again; if it keeps failing, restart Maily.`;
}
