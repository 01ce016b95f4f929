import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { MemoryInput, MemoryItem, MemoryKind } from '../../../shared/ai/memory';
import type { Database } from '../storage/Database';

/** A `memory_items` row as read, with whether it has a vector for the model asked about. */
interface ItemRow {
  id: string;
  kind: MemoryKind;
  title: string;
  text: string;
  createdAt: number;
  updatedAt: number;
  embedded: number;
}

/** A stored vector, as a float32 blob. */
export interface VectorRow {
  itemId: string;
  dims: number;
  vector: Uint8Array;
}

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

// `@model` is the current embedding model (null without one): `embedded` is about it.
const columns = `i.id, i.kind, i.title, i.text, i.created_at AS createdAt, i.updated_at AS updatedAt,
  EXISTS (SELECT 1 FROM memory_vectors v WHERE v.item_id = i.id AND v.model_id = @model) AS embedded`;

/** What is embedded for an item: its title and text. The hash says which text a vector is of. */
export function textHash(item: Pick<MemoryInput, 'title' | 'text'>): Buffer {
  return createHash('sha256').update(item.title).update('\0').update(item.text).digest();
}

/** The memory tables' statements, prepared once per database. */
export class MemoryRows {
  readonly get: Statement;
  readonly recent: Statement;
  readonly matching: Statement;
  /** Ids ranked by bm25 for a MATCH expression, best first. */
  readonly ranked: Statement;
  readonly insert: Statement;
  readonly update: Statement;
  readonly delete: Statement;
  readonly count: Statement;
  readonly countEmbedded: Statement;
  /** Ids of items without a vector for a model, newest first (those matter most to the designer). */
  readonly pending: Statement;
  readonly putVector: Statement;
  readonly dropVectors: Statement;
  readonly vectorsOf: Statement;

  constructor(db: Database) {
    const sql = db.sqlite;
    this.get = sql.prepare(`SELECT ${columns} FROM memory_items i WHERE i.id = @id`);
    this.recent = sql.prepare(
      `SELECT ${columns} FROM memory_items i ORDER BY i.updated_at DESC, i.num DESC LIMIT @limit`,
    );
    // The inner query lets FTS5 sort by rank and stop at the limit before any join.
    const top = 'SELECT rowid, rank FROM memory_fts WHERE memory_fts MATCH @match ORDER BY rank LIMIT @limit';
    this.matching = sql.prepare(
      `SELECT ${columns} FROM (${top}) f JOIN memory_items i ON i.num = f.rowid ORDER BY f.rank`,
    );
    this.ranked = sql
      .prepare(`SELECT i.id FROM (${top}) f JOIN memory_items i ON i.num = f.rowid ORDER BY f.rank`)
      .pluck();
    this.insert = sql.prepare(
      'INSERT INTO memory_items (id, kind, title, text, created_at, updated_at) VALUES (@id, @kind, @title, @text, @now, @now)',
    );
    this.update = sql.prepare(
      'UPDATE memory_items SET kind = @kind, title = @title, text = @text, updated_at = @now WHERE id = @id',
    );
    this.delete = sql.prepare('DELETE FROM memory_items WHERE id = ?');
    this.count = sql.prepare('SELECT count(*) FROM memory_items').pluck();
    this.countEmbedded = sql.prepare('SELECT count(*) FROM memory_vectors WHERE model_id = ?').pluck();
    this.pending = sql
      .prepare(
        `SELECT i.id FROM memory_items i WHERE NOT EXISTS
           (SELECT 1 FROM memory_vectors v WHERE v.item_id = i.id AND v.model_id = ?)
         ORDER BY i.updated_at DESC, i.num DESC`,
      )
      .pluck();
    this.putVector = sql.prepare(
      `INSERT INTO memory_vectors (item_id, model_id, dims, text_hash, vector) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (item_id, model_id) DO UPDATE SET dims = excluded.dims, text_hash = excluded.text_hash, vector = excluded.vector`,
    );
    this.dropVectors = sql.prepare('DELETE FROM memory_vectors WHERE item_id = ?');
    this.vectorsOf = sql.prepare(
      'SELECT item_id AS itemId, dims, vector FROM memory_vectors WHERE model_id = ? ORDER BY rowid',
    );
  }
}

/** The contract's item for a row. */
export function toItem(row: unknown): MemoryItem {
  const r = row as ItemRow;
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    text: r.text,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    embedded: r.embedded === 1,
  };
}
