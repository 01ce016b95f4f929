import type BetterSqlite3 from 'better-sqlite3';
import type { VersionSummary } from '../../../shared/collab/versions';
import type { Database } from '../storage/Database';

/** A `versions` row as stored (`automatic` is 0 or 1). */
export interface VersionRow {
  id: string;
  campaignId: string;
  name: string;
  author: string;
  automatic: number;
  createdAt: number;
}

/** A row with its whole-document state and the checksum written with it. */
export interface VersionBlobRow extends VersionRow {
  data: Uint8Array;
  checksum: Uint8Array;
}

const columns = 'id, campaign_id AS campaignId, name, author, automatic, created_at AS createdAt';

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

/** The `versions` table's statements, prepared once per database. */
export class VersionRows {
  readonly list: Statement;
  readonly get: Statement;
  readonly insert: Statement;
  readonly delete: Statement;

  constructor(db: Database) {
    const sql = db.sqlite;
    // rowid breaks ties between versions named within the same millisecond.
    this.list = sql.prepare(
      `SELECT ${columns} FROM versions WHERE campaign_id = ? ORDER BY created_at DESC, rowid DESC`,
    );
    this.get = sql.prepare(`SELECT ${columns}, data, checksum FROM versions WHERE campaign_id = ? AND id = ?`);
    this.insert = sql.prepare(
      'INSERT INTO versions (campaign_id, id, name, author, automatic, data, checksum, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.delete = sql.prepare('DELETE FROM versions WHERE campaign_id = ? AND id = ?');
  }
}

/** The summary the contract returns for a row. */
export function toSummary(row: VersionRow): VersionSummary {
  return {
    id: row.id,
    campaignId: row.campaignId,
    name: row.name,
    author: row.author,
    automatic: row.automatic === 1,
    createdAt: row.createdAt,
  };
}
