import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode, MailyError } from '../../../../../src/shared/errors';
import { LATEST_SCHEMA_VERSION, type Migration } from '../../../../../src/main/services/storage/migrations';
import { tempWorkspace, type TempWorkspace } from '../helpers';

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.cleanup());

function userVersion(file: string): number {
  const raw = new BetterSqlite3(file);
  try {
    return raw.pragma('user_version', { simple: true }) as number;
  } finally {
    raw.close();
  }
}

function thrown(fn: () => unknown): MailyError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MailyError);
    return error as MailyError;
  }
  throw new Error('expected a MailyError');
}

describe('Database', () => {
  it('configures WAL, full sync, foreign keys and a busy timeout', () => {
    const db = ws.open({ busyTimeoutMs: 1234 });
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(1234);
  });

  it('brings a fresh file to the latest schema', () => {
    const db = ws.open();
    expect(db.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const tables = db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual([
      'assets',
      'campaigns',
      'doc_snapshots',
      'doc_updates',
      // The memory's FTS5 index and the shadow tables FTS5 keeps for it.
      'memory_fts',
      'memory_fts_config',
      'memory_fts_data',
      'memory_fts_docsize',
      'memory_fts_idx',
      'memory_items',
      'memory_vectors',
      'settings',
      'teams',
      'trust_names',
      'versions',
    ]);
    db.dispose();
    expect(userVersion(ws.file)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('re-opening runs no step twice and keeps the data', () => {
    const runs: number[] = [];
    const steps: Migration[] = [
      { version: 1, description: 't', up: (s) => (runs.push(1), s.exec('CREATE TABLE t (x INTEGER)')) },
    ];
    const first = ws.open({ migrations: steps });
    first.sqlite.exec('INSERT INTO t VALUES (7)');
    first.dispose();
    const again = ws.open({ migrations: steps });
    expect(runs).toEqual([1]);
    expect(again.sqlite.prepare('SELECT x FROM t').pluck().get()).toBe(7);
  });

  it('runs only the steps a file is missing', () => {
    const runs: number[] = [];
    const one: Migration = { version: 1, description: 'a', up: () => runs.push(1) };
    const two: Migration = { version: 2, description: 'b', up: () => runs.push(2) };
    ws.open({ migrations: [one] }).dispose();
    expect(ws.open({ migrations: [one, two] }).schemaVersion).toBe(2);
    expect(runs).toEqual([1, 2]);
  });

  it('rolls back every step of a failed migration', () => {
    const steps: Migration[] = [
      { version: 1, description: 'ok', up: (s) => s.exec('CREATE TABLE kept (x INTEGER)') },
      {
        version: 2,
        description: 'boom',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => ws.open({ migrations: steps })).toThrow(MailyError);
    expect(userVersion(ws.file)).toBe(0);
    const raw = new BetterSqlite3(ws.file);
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'kept'").pluck().get()).toBe(0);
    raw.close();
  });

  it('refuses a file written by a newer version and leaves it unchanged', () => {
    ws.open().dispose();
    const raw = new BetterSqlite3(ws.file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const error = thrown(() => ws.open());
    expect(error.code).toBe(ErrorCode.Corrupt);
    expect(error.message).toMatch(/newer version of Maily.*Update Maily/);
    expect(userVersion(ws.file)).toBe(LATEST_SCHEMA_VERSION + 1);
  });

  it('reports a file that is not a database as damaged', () => {
    writeFileSync(ws.file, Buffer.alloc(8192, 7));
    const error = thrown(() => ws.open());
    expect(error.code).toBe(ErrorCode.Corrupt);
    expect(error.message).toMatch(/damaged.*Nothing was deleted/);
  });

  it('passes nativeBinding through to better-sqlite3', () => {
    const require = createRequire(import.meta.url);
    const root = dirname(require.resolve('better-sqlite3/package.json'));
    const binding = join(root, 'build', 'Release', 'better_sqlite3.node');
    expect(ws.open({ nativeBinding: binding }).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const error = thrown(() => ws.open({ nativeBinding: join(ws.dir, 'missing.node') }));
    expect(error.code).toBe(ErrorCode.Internal);
  });

  it('refuses a migration list with a gap', () => {
    const steps: Migration[] = [{ version: 2, description: 'gap', up: () => undefined }];
    expect(() => ws.open({ migrations: steps })).toThrow(MailyError);
  });

  it('dispose is idempotent and later use says the app is closing', () => {
    const db = ws.open();
    db.dispose();
    db.dispose();
    expect(db.isOpen).toBe(false);
    expect(thrown(() => db.sqlite).code).toBe(ErrorCode.Disposed);
  });

  it('rolls a transaction back when its function throws', () => {
    const db = ws.open();
    expect(() =>
      db.transaction(() => {
        db.sqlite.prepare("INSERT INTO campaigns VALUES ('a', 'A', 1, 1, NULL, NULL)").run();
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(db.sqlite.prepare('SELECT count(*) FROM campaigns').pluck().get()).toBe(0);
  });
});
