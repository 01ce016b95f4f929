import { ErrorCode, MailyError } from '../../../shared/errors';

/** SQLite result codes (better-sqlite3 puts them on `error.code`) that need their own advice. */
const damaged = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);
const unwritable = new Set(['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_IOERR', 'SQLITE_PERM']);

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * Turns anything a storage call threw into a {@link MailyError} whose message tells the
 * designer what to do. `action` completes "Maily could not …", e.g. "save this change".
 * A {@link MailyError} passes through unchanged.
 */
export function storageError(error: unknown, action: string): MailyError {
  if (error instanceof MailyError) return error;
  const code = sqliteCode(error);
  const base = code.split('_').slice(0, 2).join('_');
  if (damaged.has(base)) {
    return new MailyError(
      ErrorCode.Corrupt,
      `Maily could not ${action}: its data file is damaged. Nothing was deleted. Quit Maily and keep a copy of the data folder before trying again.`,
    );
  }
  if (base === 'SQLITE_FULL') {
    return new MailyError(
      ErrorCode.Internal,
      `Maily could not ${action}: the disk is full. Free some space and try again.`,
    );
  }
  if (base === 'SQLITE_BUSY' || base === 'SQLITE_LOCKED') {
    return new MailyError(
      ErrorCode.Timeout,
      `Maily could not ${action}: another Maily process is using the data file. Try again in a moment.`,
    );
  }
  if (unwritable.has(base)) {
    return new MailyError(
      ErrorCode.Internal,
      `Maily could not ${action}: the data file cannot be written. Check that the disk is connected and writable, then try again.`,
    );
  }
  return new MailyError(
    ErrorCode.Internal,
    `Maily could not ${action}. Try again; if it keeps happening, restart the app.`,
  );
}
