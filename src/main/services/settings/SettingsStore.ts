import type BetterSqlite3 from 'better-sqlite3';
import type { z } from 'zod';
import type { Database } from '../storage/Database';
import { storageError } from '../storage/storageError';

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

/**
 * Small app settings (the designer's profile, the signaling server) as JSON values in
 * the workspace database. Every read is checked against its schema: a value a newer
 * version wrote, or a damaged one, reads as the fallback instead of failing the app.
 */
export class SettingsStore {
  readonly #get: Statement;
  readonly #set: Statement;

  constructor(db: Database) {
    this.#get = db.sqlite.prepare('SELECT value FROM settings WHERE key = ?');
    this.#set = db.sqlite.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  /** The stored value of `key` if it parses with `schema`, else `fallback`. */
  read<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
    let row: { value: string } | undefined;
    try {
      row = this.#get.get(key) as { value: string } | undefined;
    } catch (error) {
      throw storageError(error, 'read your settings');
    }
    if (!row) return fallback;
    try {
      const parsed = schema.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : fallback;
    } catch {
      return fallback; // not JSON: treat as unset rather than refuse to start
    }
  }

  /** Stores `value` under `key` (already validated by the caller's schema). */
  write<T>(key: string, value: T): T {
    try {
      this.#set.run(key, JSON.stringify(value));
    } catch (error) {
      throw storageError(error, 'save your settings');
    }
    return value;
  }
}
