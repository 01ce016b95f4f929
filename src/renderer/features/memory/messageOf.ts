import { MailyError } from '../../../shared/errors';

/** The message of an error from the API, or a generic one that says what to do. */
export function messageOf(error: unknown): string {
  return error instanceof MailyError ? error.message : 'That did not work. Try again.';
}
