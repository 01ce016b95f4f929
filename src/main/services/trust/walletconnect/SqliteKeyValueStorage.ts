import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../../storage/Database';

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

/**
 * WalletConnect's `IKeyValueStorage` (from `@walletconnect/keyvaluestorage`, given to the
 * SignClient as `storage`) kept in the workspace database, so pairings, sessions, keys
 * and subscriptions survive a restart: SignClient's own Node storage is in memory unless
 * told otherwise. Rows live in the `settings` table under `walletconnect:<key>`; each
 * write is one SQLite statement, so it is atomic (WAL, `synchronous=FULL`).
 *
 * Values round-trip like WalletConnect's `safe-json`: big integers (JSON-RPC ids are
 * `BigInt`s) are kept as `{"$bigint":"…"}`. A row that no longer parses reads as absent,
 * so a damaged entry costs a re-pairing, never a crash. Once the database is closed,
 * reads see nothing and writes are dropped (the client may still flush after dispose).
 */
export class SqliteKeyValueStorage {
  readonly #db: Database;
  readonly #prefix: string;
  #statements: { get: Statement; set: Statement; del: Statement; all: Statement } | null = null;

  constructor(db: Database, prefix = 'walletconnect:') {
    this.#db = db;
    this.#prefix = prefix;
  }

  async getKeys(): Promise<string[]> {
    return this.#rows().map((row) => row.key);
  }

  async getEntries<T = unknown>(): Promise<[string, T][]> {
    const entries: [string, T][] = [];
    for (const row of this.#rows()) {
      const value = decode(row.value);
      if (value !== undefined) entries.push([row.key, value as T]);
    }
    return entries;
  }

  async getItem<T = unknown>(key: string): Promise<T | undefined> {
    const statements = this.#prepared();
    if (!statements) return undefined;
    const row = statements.get.get(this.#prefix + key) as { value: string } | undefined;
    return row ? (decode(row.value) as T | undefined) : undefined;
  }

  async setItem<T = unknown>(key: string, value: T): Promise<void> {
    const statements = this.#prepared();
    if (!statements) return;
    if (value === undefined) {
      statements.del.run(this.#prefix + key);
      return;
    }
    statements.set.run(this.#prefix + key, encode(value));
  }

  async removeItem(key: string): Promise<void> {
    this.#prepared()?.del.run(this.#prefix + key);
  }

  /** Forgets everything WalletConnect stored (sessions, pairings, keys). */
  clear(): void {
    const statements = this.#prepared();
    if (!statements) return;
    this.#db.transaction(() => {
      for (const row of this.#rows()) statements.del.run(this.#prefix + row.key);
    });
  }

  #rows(): { key: string; value: string }[] {
    const statements = this.#prepared();
    if (!statements) return [];
    const rows = statements.all.all(`${escapeLike(this.#prefix)}%`) as { key: string; value: string }[];
    return rows.map((row) => ({ key: row.key.slice(this.#prefix.length), value: row.value }));
  }

  #prepared() {
    if (!this.#db.isOpen) return null;
    if (!this.#statements) {
      const sqlite = this.#db.sqlite;
      this.#statements = {
        get: sqlite.prepare('SELECT value FROM settings WHERE key = ?'),
        set: sqlite.prepare(
          'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        ),
        del: sqlite.prepare('DELETE FROM settings WHERE key = ?'),
        all: sqlite.prepare("SELECT key, value FROM settings WHERE key LIKE ? ESCAPE '\\' ORDER BY key"),
      };
    }
    return this.#statements;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function encode(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? { $bigint: v.toString() } : v));
}

export function decode(text: string): unknown {
  try {
    return JSON.parse(text, (_key, v: unknown) => {
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const keys = Object.keys(v);
        const big = (v as { $bigint?: unknown }).$bigint;
        if (keys.length === 1 && typeof big === 'string' && /^-?\d+$/.test(big)) return BigInt(big);
      }
      return v;
    }) as unknown;
  } catch {
    return undefined;
  }
}
