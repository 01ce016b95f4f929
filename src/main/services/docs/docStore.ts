import { hash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../storage/Database';

/** One stored blob of a campaign's document: the snapshot or an update of the log. */
export interface StoredBlob {
  seq: number;
  data: Uint8Array;
  checksum: Uint8Array;
  createdAt: number;
}

/** The campaign row fields the document layer needs. */
export interface CampaignRef {
  name: string;
  trashedAt: number | null;
}

/** SHA-256 of `data`, stored next to every blob so damage on disk is found on load. */
export function checksum(data: Uint8Array): Buffer {
  // One-shot hash(): about a third faster than createHash() for many small blobs.
  return hash('sha256', data, 'buffer');
}

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

/**
 * The SQL behind campaign documents, with statements prepared once per database.
 * Layout: `doc_snapshots` holds at most one compacted state per campaign with the seq
 * it covers; `doc_updates` holds the log. The document is always the snapshot plus
 * every update whose seq is greater than the snapshot's.
 */
export class DocStore {
  readonly #db: Database;
  readonly #campaign: Statement;
  readonly #snapshot: Statement;
  readonly #updatesAfter: Statement;
  readonly #maxSeq: Statement;
  readonly #insertUpdate: Statement;
  readonly #touch: Statement;
  readonly #upsertSnapshot: Statement;
  readonly #deleteCovered: Statement;

  constructor(db: Database) {
    const sql = db.sqlite;
    this.#db = db;
    this.#campaign = sql.prepare('SELECT name, trashed_at AS trashedAt FROM campaigns WHERE id = ?');
    this.#snapshot = sql.prepare(
      'SELECT seq, data, checksum, created_at AS createdAt FROM doc_snapshots WHERE campaign_id = ?',
    );
    this.#updatesAfter = sql.prepare(
      'SELECT seq, data, checksum, created_at AS createdAt FROM doc_updates WHERE campaign_id = ? AND seq > ? ORDER BY seq',
    );
    this.#maxSeq = sql.prepare('SELECT max(seq) FROM doc_updates WHERE campaign_id = ?').pluck();
    this.#insertUpdate = sql.prepare(
      'INSERT INTO doc_updates (campaign_id, seq, data, checksum, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.#touch = sql.prepare('UPDATE campaigns SET updated_at = max(updated_at, ?) WHERE id = ?');
    this.#upsertSnapshot = sql.prepare(
      `INSERT INTO doc_snapshots (campaign_id, seq, data, checksum, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (campaign_id) DO UPDATE SET seq = excluded.seq, data = excluded.data,
         checksum = excluded.checksum, created_at = excluded.created_at`,
    );
    this.#deleteCovered = sql.prepare('DELETE FROM doc_updates WHERE campaign_id = ? AND seq <= ?');
  }

  /** The campaign row, or undefined when it does not exist. */
  campaign(campaignId: string): CampaignRef | undefined {
    return this.#campaign.get(campaignId) as CampaignRef | undefined;
  }

  /** The compacted snapshot, if the campaign has one. */
  snapshot(campaignId: string): StoredBlob | undefined {
    return this.#snapshot.get(campaignId) as StoredBlob | undefined;
  }

  /** Log rows after `seq`, oldest first, read lazily so a damaged page stops only the rest. */
  updatesAfter(campaignId: string, seq: number): IterableIterator<StoredBlob> {
    return this.#updatesAfter.iterate(campaignId, seq) as IterableIterator<StoredBlob>;
  }

  /** Highest seq in the log, or 0 when the log is empty. */
  maxUpdateSeq(campaignId: string): number {
    return (this.#maxSeq.get(campaignId) as number | null) ?? 0;
  }

  /** Appends one update and touches the campaign's `updated_at`, in one durable transaction. */
  append(campaignId: string, seq: number, data: Uint8Array, now: number): void {
    this.#db.transaction(() => {
      this.#insertUpdate.run(campaignId, seq, data, checksum(data), now);
      this.#touch.run(now, campaignId);
    });
  }

  /**
   * Replaces the snapshot with `state` (covering every update up to `seq`) and deletes
   * those updates, in ONE transaction: a crash leaves either the old snapshot with its
   * whole log or the new one with the rest. Loading skips rows at or below the snapshot
   * seq anyway, so even a split write could not lose or double-count a change. Does
   * nothing when the campaign is gone (purged while open). Returns whether it wrote.
   */
  writeSnapshot(campaignId: string, seq: number, state: Uint8Array, now: number): boolean {
    return this.#db.transaction(() => {
      if (!this.campaign(campaignId)) return false;
      this.#upsertSnapshot.run(campaignId, seq, state, checksum(state), now);
      this.#deleteCovered.run(campaignId, seq);
      return true;
    });
  }
}
