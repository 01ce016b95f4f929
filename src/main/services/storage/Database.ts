import BetterSqlite3 from 'better-sqlite3';
import { ErrorCode, MailyError } from '../../../shared/errors';
import { migrate, migrations, type Migration } from './migrations';
import { storageError } from './storageError';

/** Options for {@link Database}. */
export interface DatabaseOptions {
  /**
   * Path to a `better_sqlite3.node` built for the running runtime; the Electron build
   * passes the copy rebuilt for Electron's ABI. Defaults to the one better-sqlite3 finds.
   */
  nativeBinding?: string;
  /** How long a statement waits for another connection's lock, in ms. Defaults to 5000. */
  busyTimeoutMs?: number;
  /** The schema history to apply. Defaults to the app's {@link migrations}; tests pass their own. */
  migrations?: readonly Migration[];
}

function configure(sqlite: BetterSqlite3.Database, busyTimeoutMs: number): void {
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  // WAL: readers never block the writer, and a commit is one append to the log.
  sqlite.pragma('journal_mode = WAL');
  // FULL (not WAL's usual NORMAL): every commit is fsynced before it returns, so an
  // update we acknowledged as saved survives kill -9 and power loss. NORMAL could
  // lose the last commits on power loss, which would make "saved" a lie.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Case folding for search in JS, because SQLite's own lower()/LIKE fold ASCII only.
  // Queries only: an index or view using it would make the file unreadable to other tools.
  sqlite.function('fold_case', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? text.toLowerCase() : text,
  );
}

/**
 * One open SQLite file, configured for durability and migrated to the newest schema.
 * Plain Node: the host decides where the file lives. Call {@link Database.dispose} on quit.
 */
export class Database {
  /** Path of the SQLite file. */
  readonly file: string;
  /** Schema version of the file after migration. */
  readonly schemaVersion: number;
  #sqlite: BetterSqlite3.Database | null;

  /** Opens (creating if needed) and migrates `file`. Throws {@link MailyError} on failure. */
  constructor(file: string, options: DatabaseOptions = {}) {
    this.file = file;
    let sqlite: BetterSqlite3.Database;
    try {
      sqlite = new BetterSqlite3(file, { nativeBinding: options.nativeBinding });
    } catch (error) {
      throw storageError(error, 'open its data file');
    }
    try {
      configure(sqlite, options.busyTimeoutMs ?? 5000);
      this.schemaVersion = migrate(sqlite, options.migrations ?? migrations);
    } catch (error) {
      sqlite.close();
      throw storageError(error, 'open its data file');
    }
    this.#sqlite = sqlite;
  }

  /** The better-sqlite3 handle. Throws E_DISPOSED once the database is closed. */
  get sqlite(): BetterSqlite3.Database {
    if (!this.#sqlite) throw new MailyError(ErrorCode.Disposed, 'Maily is closing; this change was not saved.');
    return this.#sqlite;
  }

  /** False once {@link Database.dispose} ran. */
  get isOpen(): boolean {
    return this.#sqlite !== null;
  }

  /** Runs `fn` in one transaction (a savepoint when nested); it commits only if `fn` returns. */
  transaction<T>(fn: () => T): T {
    return this.sqlite.transaction(fn)();
  }

  /** Closes the file; safe to call twice. Closing the last connection folds the WAL into the file. */
  dispose(): void {
    const sqlite = this.#sqlite;
    if (!sqlite) return;
    this.#sqlite = null;
    sqlite.close();
  }
}
