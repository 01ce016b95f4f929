import { randomBytes } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { CampaignSummary } from '../../../shared/api/dto';
import { ErrorCode, MailyError } from '../../../shared/errors';
import type { Database } from '../storage/Database';

/** Longest campaign name, matching the contract's schema. */
export const MAX_NAME_LENGTH = 120;

/** A new random campaign id: 16 url-safe characters (96 random bits). */
export function newCampaignId(): string {
  return randomBytes(12).toString('base64url');
}

/** Trims `name` and checks it the way the contract does, for callers that skip the contract. */
export function checkName(name: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed.length === 0) throw new MailyError(ErrorCode.InvalidInput, 'Give the campaign a name.');
  if (trimmed.length > MAX_NAME_LENGTH) {
    throw new MailyError(ErrorCode.InvalidInput, `Use at most ${MAX_NAME_LENGTH} characters for the name.`);
  }
  return trimmed;
}

/** "<name> (copy)", shortening the name so the result still fits. */
export function copyName(name: string): string {
  const suffix = ' (copy)';
  return `${name.slice(0, MAX_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
}

const columns =
  'id, name, created_at AS createdAt, updated_at AS updatedAt, trashed_at AS trashedAt, team_id AS teamId';
const order = 'ORDER BY updated_at DESC, fold_case(name), id';

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

/** The campaign table's statements, prepared once per database. */
export class CampaignRows {
  readonly get: Statement;
  readonly list: Statement;
  readonly search: Statement;
  readonly insert: Statement;
  readonly rename: Statement;
  readonly setTrashed: Statement;
  readonly setTeam: Statement;
  readonly insertWithId: Statement;
  readonly deleteAll: Statement[];

  constructor(db: Database) {
    const sql = db.sqlite;
    this.get = sql.prepare(`SELECT ${columns} FROM campaigns WHERE id = ?`);
    this.list = sql.prepare(`SELECT ${columns} FROM campaigns WHERE (trashed_at IS NOT NULL) = ? ${order}`);
    // instr() on folded text: a case-insensitive substring match in which % and _ are
    // plain characters, so nothing needs escaping (LIKE would treat them as wildcards).
    this.search = sql.prepare(
      `SELECT ${columns} FROM campaigns
       WHERE (trashed_at IS NOT NULL) = ? AND instr(fold_case(name), fold_case(?)) > 0 ${order}`,
    );
    this.insert = sql.prepare(
      'INSERT INTO campaigns (id, name, created_at, updated_at, trashed_at) VALUES (?, ?, ?, ?, NULL)',
    );
    this.rename = sql.prepare('UPDATE campaigns SET name = ?, updated_at = max(updated_at, ?) WHERE id = ?');
    this.setTrashed = sql.prepare('UPDATE campaigns SET trashed_at = ? WHERE id = ?');
    this.setTeam = sql.prepare('UPDATE campaigns SET team_id = ? WHERE id = ?');
    this.insertWithId = sql.prepare(
      'INSERT OR IGNORE INTO campaigns (id, name, created_at, updated_at, trashed_at, team_id) VALUES (?, ?, ?, ?, NULL, ?)',
    );
    this.deleteAll = ['doc_updates', 'doc_snapshots', 'versions'].map((table) =>
      sql.prepare(`DELETE FROM ${table} WHERE campaign_id = ?`),
    );
    this.deleteAll.push(sql.prepare('DELETE FROM campaigns WHERE id = ?'));
  }

  /** The campaign's summary, or undefined when it does not exist. */
  find(id: string): CampaignSummary | undefined {
    return this.get.get(id) as CampaignSummary | undefined;
  }
}
