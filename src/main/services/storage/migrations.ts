import type BetterSqlite3 from 'better-sqlite3';
import { ErrorCode, MailyError } from '../../../shared/errors';

/** One numbered schema step. Versions start at 1 and have no gaps. */
export interface Migration {
  version: number;
  description: string;
  up(db: BetterSqlite3.Database): void;
}

/**
 * Version 1: campaigns, one compacted snapshot per campaign and the update log after it.
 * Every stored document blob carries a SHA-256 checksum so damage is found on load.
 * STRICT makes SQLite refuse a value of the wrong type instead of storing it anyway.
 */
const schemaV1 = `
  CREATE TABLE campaigns (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    trashed_at INTEGER
  ) STRICT;
  CREATE INDEX campaigns_by_change ON campaigns (updated_at DESC, name);

  CREATE TABLE doc_snapshots (
    campaign_id TEXT PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    data        BLOB NOT NULL,
    checksum    BLOB NOT NULL,
    created_at  INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE doc_updates (
    campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    data        BLOB NOT NULL,
    checksum    BLOB NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, seq)
  ) STRICT;
`;

/** Version 2: images stored with a campaign (email image blocks refer to them by id). */
const schemaV2 = `
  CREATE TABLE assets (
    campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    name        TEXT NOT NULL,
    mime        TEXT NOT NULL,
    data        BLOB NOT NULL,
    checksum    BLOB NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, id)
  ) STRICT;
`;

/**
 * Version 3: collaboration. Key/value settings (profile, signaling server), teams (their
 * secrets live in the encrypted secret store, never here), which team a campaign is
 * shared with, and named versions (a whole-document snapshot each, with a checksum).
 */
const schemaV3 = `
  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  CREATE TABLE teams (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    signaling   TEXT NOT NULL,
    ice_servers TEXT NOT NULL,
    key_id      TEXT NOT NULL
  ) STRICT;

  ALTER TABLE campaigns ADD COLUMN team_id TEXT REFERENCES teams (id) ON DELETE SET NULL;

  CREATE TABLE versions (
    campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    name        TEXT NOT NULL,
    author      TEXT NOT NULL,
    automatic   INTEGER NOT NULL,
    data        BLOB NOT NULL,
    checksum    BLOB NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, id)
  ) STRICT;
  CREATE INDEX versions_by_time ON versions (campaign_id, created_at DESC);
`;

/**
 * Version 4: the AI's memory. `num` is an explicit INTEGER PRIMARY KEY because the
 * full-text index refers to rows by rowid, and VACUUM may renumber an implicit rowid.
 * The FTS5 index keeps no copy of the text (external content, kept in step by
 * triggers); titles weigh twice the body in its bm25 rank. Vectors are float32 blobs
 * per (item, model), with a hash of the text they embed, so a changed text or another
 * model means embedding again.
 */
const schemaV4 = `
  CREATE TABLE memory_items (
    num        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    title      TEXT NOT NULL,
    text       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX memory_items_by_change ON memory_items (updated_at DESC);

  CREATE VIRTUAL TABLE memory_fts USING fts5(
    title, text,
    content = 'memory_items', content_rowid = 'num',
    tokenize = 'porter unicode61 remove_diacritics 2'
  );
  INSERT INTO memory_fts (memory_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0)');
  CREATE TRIGGER memory_items_fts_insert AFTER INSERT ON memory_items BEGIN
    INSERT INTO memory_fts (rowid, title, text) VALUES (new.num, new.title, new.text);
  END;
  CREATE TRIGGER memory_items_fts_delete AFTER DELETE ON memory_items BEGIN
    INSERT INTO memory_fts (memory_fts, rowid, title, text) VALUES ('delete', old.num, old.title, old.text);
  END;
  CREATE TRIGGER memory_items_fts_update AFTER UPDATE OF title, text ON memory_items BEGIN
    INSERT INTO memory_fts (memory_fts, rowid, title, text) VALUES ('delete', old.num, old.title, old.text);
    INSERT INTO memory_fts (rowid, title, text) VALUES (new.num, new.title, new.text);
  END;

  CREATE TABLE memory_vectors (
    item_id   TEXT NOT NULL REFERENCES memory_items (id) ON DELETE CASCADE,
    model_id  TEXT NOT NULL,
    dims      INTEGER NOT NULL,
    text_hash BLOB NOT NULL,
    vector    BLOB NOT NULL,
    PRIMARY KEY (item_id, model_id)
  ) STRICT;
  CREATE INDEX memory_vectors_by_model ON memory_vectors (model_id);
`;

/**
 * Version 5: the team address book of trust certificates: which name an address
 * (a signer of certificates) has in a team, typed by hand (`manual`) or learnt from the
 * signer name of a verified certificate (`certificate`, never overwriting a manual one).
 */
const schemaV5 = `
  CREATE TABLE trust_names (
    team_id    TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    address    TEXT NOT NULL,
    name       TEXT NOT NULL,
    source     TEXT NOT NULL CHECK (source IN ('manual', 'certificate')),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (team_id, address)
  ) STRICT;
`;

/** The schema history of the app, oldest first. Append; never edit a shipped step. */
export const migrations: readonly Migration[] = [
  { version: 1, description: 'campaigns, document snapshots and update log', up: (db) => db.exec(schemaV1) },
  { version: 2, description: 'images stored with campaigns', up: (db) => db.exec(schemaV2) },
  { version: 3, description: 'settings, teams, shared campaigns and named versions', up: (db) => db.exec(schemaV3) },
  { version: 4, description: 'memory items, their full-text index and embeddings', up: (db) => db.exec(schemaV4) },
  { version: 5, description: 'the trust address book', up: (db) => db.exec(schemaV5) },
];

/** Schema version this build of the app writes. */
export const LATEST_SCHEMA_VERSION = migrations.length;

function assertNumbered(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${i} has version ${m.version}; expected ${i + 1}`);
  });
}

function refuseNewer(found: number, latest: number): MailyError {
  return new MailyError(
    ErrorCode.Corrupt,
    `This data was saved by a newer version of Maily (data format ${found}; this version reads up to ${latest}). ` +
      'Update Maily to open it. Nothing was changed.',
  );
}

/**
 * Brings `db` to the newest version in `list`, running the missing steps and the
 * `user_version` bump in one IMMEDIATE transaction: a failed or interrupted step leaves
 * the file exactly as it was, and two processes cannot migrate the same file at once.
 * Refuses a file whose version is newer than `list` knows. Returns the version reached.
 */
export function migrate(db: BetterSqlite3.Database, list: readonly Migration[] = migrations): number {
  assertNumbered(list);
  const latest = list.length;
  const run = db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) throw refuseNewer(current, latest);
    for (const step of list.slice(current)) {
      step.up(db);
      // Pragmas take no bound parameters; `version` is an integer from our own list.
      db.pragma(`user_version = ${step.version}`);
    }
    return latest;
  });
  return run.immediate();
}
