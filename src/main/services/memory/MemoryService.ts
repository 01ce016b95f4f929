import { createHash, randomBytes } from 'node:crypto';
import { memoryInputSchema, type MemoryHit, type MemoryInput, type MemoryItem } from '../../../shared/ai/memory';
import { ErrorCode, MailyError } from '../../../shared/errors';
import type { ErrorLog } from '../docs/DocService';
import type { Database } from '../storage/Database';
import { storageError } from '../storage/storageError';
import { CommonTerms } from './commonTerms';
import { ftsQuery, matchExpression, queryTerms } from './ftsQuery';
import { MemoryIndexer, type Embedder } from './MemoryIndexer';
import { MemoryRows, toItem } from './memoryRows';
import { fuseRanks } from './rrf';

export type { Embedder } from './MemoryIndexer';

/** Options for {@link MemoryService}. */
export interface MemoryServiceOptions {
  /** Gives vectors (the LLM node). Defaults to none: search is full-text only. */
  embedder?: Embedder;
  /** Embed new and changed items in the background at once. Defaults to true; tests call `reindex()`. */
  autoIndex?: boolean;
  /** Texts per embedding call. Defaults to 32. */
  batchSize?: number;
  /** Clock for `createdAt`/`updatedAt`, in ms since the epoch. Defaults to `Date.now`. */
  now?: () => number;
  /** Where background failures are reported. Defaults to `console`. */
  log?: ErrorLog;
}

/** A search with how it was answered: `text` when no model gave vectors (full-text only). */
export interface MemorySearch {
  hits: MemoryHit[];
  mode: 'hybrid' | 'text';
  modelId: string | null;
}

/** What the memory holds and whether search by meaning works right now. */
export interface MemoryStatus {
  items: number;
  /** Items with a vector for the current model. */
  embedded: number;
  modelId: string | null;
  indexing: boolean;
  error: string | null;
}

/** Items `list` returns at most; the UI searches to reach older ones. */
export const LIST_LIMIT = 500;
const DEFAULT_HITS = 8;

function validInput(input: MemoryInput): MemoryInput {
  const parsed = memoryInputSchema.safeParse(input);
  if (!parsed.success) throw new MailyError(ErrorCode.InvalidInput, parsed.error.issues[0]?.message ?? 'Not valid');
  return parsed.data;
}

/** A short id from parts that always give the same id: re-remembering an email updates it. */
function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash('sha256').update(parts.join('\0')).digest('base64url').slice(0, 24)}`;
}

function notFound(): MailyError {
  return new MailyError(
    ErrorCode.NotFound,
    'This memory item no longer exists; it may have been removed in another window.',
  );
}

/**
 * The AI's memory: brand-voice notes, past emails and accepted suggestions in SQLite,
 * with an FTS5 index and embeddings, searched with reciprocal-rank fusion of both lists.
 * Without a model, search is full-text only (and says so in {@link MemorySearch.mode}).
 */
export class MemoryService {
  readonly #db: Database;
  readonly #rows: MemoryRows;
  readonly #indexer: MemoryIndexer;
  readonly #common: CommonTerms;
  readonly #autoIndex: boolean;
  readonly #now: () => number;
  readonly #log: ErrorLog;
  readonly #listeners = new Set<(change: { id: string }) => void>();

  constructor(db: Database, options: MemoryServiceOptions = {}) {
    this.#db = db;
    this.#rows = new MemoryRows(db);
    this.#common = new CommonTerms(db);
    this.#now = options.now ?? Date.now;
    this.#log = options.log ?? console;
    this.#autoIndex = options.autoIndex ?? true;
    this.#indexer = new MemoryIndexer(db, this.#rows, options.embedder, {
      batchSize: options.batchSize,
      log: this.#log,
      onEmbedded: (ids) => this.#emit(ids[ids.length - 1]),
    });
  }

  /** Newest first (at most {@link LIST_LIMIT}); with `query`, the items holding all its words, best first. */
  list(query?: string): MemoryItem[] {
    const model = this.#indexer.modelId();
    return this.#guard('list the memory', () => {
      const match = query ? ftsQuery(query, { match: 'all', prefix: true }) : null;
      if (query && !match) return [];
      const rows = match
        ? this.#rows.matching.all({ match, limit: LIST_LIMIT, model })
        : this.#rows.recent.all({ limit: LIST_LIMIT, model });
      return rows.map(toItem);
    });
  }

  get(id: string): MemoryItem | null {
    const row = this.#guard('read the memory', () => this.#rows.get.get({ id, model: this.#indexer.modelId() }));
    return row ? toItem(row) : null;
  }

  add(input: MemoryInput): MemoryItem {
    return this.#upsert(randomBytes(12).toString('base64url'), validInput(input), 'insert');
  }

  /** Changes an item; a new title or text drops its vectors, so it is embedded again. */
  update(id: string, input: MemoryInput): MemoryItem {
    return this.#upsert(id, validInput(input), 'update');
  }

  remove(id: string): { id: string } {
    const removed = this.#guard('remove the item', () => this.#rows.delete.run(id).changes);
    if (removed === 0) throw notFound();
    this.#common.invalidate();
    this.#indexer.forget(id);
    this.#emit(id);
    return { id };
  }

  /**
   * Remembers one email of a campaign as a `pastEmail` item, updated in place when the
   * same email is remembered again. Over-long parts are cut; an empty body is skipped (null).
   */
  rememberEmail(campaignId: string, emailId: string, subject: string, text: string): MemoryItem | null {
    const body = text.trim().slice(0, 20_000);
    if (!body) return null;
    const title = subject.trim().slice(0, 200) || 'Email without a subject';
    const id = stableId('email', campaignId, emailId);
    return this.#upsert(id, validInput({ kind: 'pastEmail', title, text: body }), 'either');
  }

  /** Remembers a suggestion the designer accepted; the same text accepted twice is one item. */
  rememberAccepted(title: string, text: string): MemoryItem | null {
    const body = text.trim().slice(0, 20_000);
    if (!body) return null;
    const name = title.trim().slice(0, 200) || 'Accepted suggestion';
    const input = validInput({ kind: 'acceptedSuggestion', title: name, text: body });
    return this.#upsert(stableId('accepted', body), input, 'either');
  }

  /** The `limit` best items for `query` (defaults to 8): RRF over the full-text and vector ranks. */
  async search(query: string, limit = DEFAULT_HITS): Promise<MemoryHit[]> {
    return (await this.searchDetailed(query, limit)).hits;
  }

  /** {@link MemoryService.search}, saying whether vectors took part. */
  async searchDetailed(query: string, limit = DEFAULT_HITS): Promise<MemorySearch> {
    const pool = Math.max(50, limit * 5);
    const model = this.#indexer.modelId();
    // The query is embedded (in the model's process) while the text index is searched here.
    const embedding = model ? this.#indexer.queryVector(query) : null;
    const textIds = this.#guard('search the memory', () => {
      const match = matchExpression(this.#common.filter(queryTerms(query)));
      return match ? (this.#rows.ranked.all({ match, limit: pool }) as string[]) : [];
    });
    const vectorIds = model ? this.#vectorRanks(model, await embedding, pool) : null;
    const fused = fuseRanks(vectorIds ? [textIds, vectorIds] : [textIds]).slice(0, limit);
    const hits = fused.flatMap((f): MemoryHit[] => {
      const item = this.get(f.id); // removed while the query was being embedded: left out
      return item ? [{ item, score: f.score, textRank: f.ranks[0], vectorRank: f.ranks[1] ?? null }] : [];
    });
    return { hits, mode: vectorIds ? 'hybrid' : 'text', modelId: vectorIds ? model : null };
  }

  /** Embeds every item still missing a vector for the current model; resolves with how many. Never rejects. */
  reindex(): Promise<number> {
    return this.#indexer.reindex();
  }

  /**
   * Starts embedding in the background when the embedder's model changed since the last
   * run (one was loaded, or another): cheap otherwise, so it can follow every LLM status event.
   */
  catchUp(): void {
    this.#indexer.catchUp();
  }

  status(): MemoryStatus {
    const modelId = this.#indexer.modelId();
    return this.#guard('read the memory', () => ({
      items: this.#rows.count.get() as number,
      embedded: modelId ? (this.#rows.countEmbedded.get(modelId) as number) : 0,
      modelId,
      indexing: this.#indexer.indexing,
      error: this.#indexer.error,
    }));
  }

  /** Calls `listener` when an item was added, changed, removed or embedded. Returns the unsubscribe. */
  onChanged(listener: (change: { id: string }) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops background indexing; call before the database closes. */
  dispose(): void {
    this.#indexer.dispose();
    this.#listeners.clear();
  }

  #upsert(id: string, input: MemoryInput, mode: 'insert' | 'update' | 'either'): MemoryItem {
    const model = this.#indexer.modelId();
    const { item, changed } = this.#guard('save the memory item', () =>
      this.#db.transaction(() => {
        const before = this.#rows.get.get({ id, model });
        if (!before && mode === 'update') throw notFound();
        const old = before ? toItem(before) : null;
        const sameText = old !== null && old.title === input.title && old.text === input.text;
        if (old && sameText && old.kind === input.kind) return { item: old, changed: false };
        const params = { id, ...input, now: this.#now() };
        if (old) this.#rows.update.run(params);
        else this.#rows.insert.run(params);
        // Vectors of the old text would rank the item for what it no longer says.
        if (old && !sameText) this.#rows.dropVectors.run(id);
        return { item: toItem(this.#rows.get.get({ id, model })), changed: true };
      }),
    );
    if (!changed) return item;
    this.#common.invalidate();
    if (!item.embedded) this.#indexer.forget(id);
    this.#emit(id);
    if (this.#autoIndex && !item.embedded) void this.#indexer.reindex();
    return item;
  }

  /** Ids nearest the query's vector, or null when there are no vectors to compare (text-only search). */
  #vectorRanks(model: string, vector: Float32Array | null, pool: number): string[] | null {
    this.#indexer.catchUp();
    const index = this.#guard('search the memory', () => this.#indexer.vectors(model));
    if (!index || vector?.length !== index.dims) return null;
    return index.search(vector, pool).map((match) => match.id);
  }

  #guard<T>(action: string, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw storageError(error, action);
    }
  }

  #emit(id: string): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener({ id });
      } catch (error) {
        this.#log.error('A memory listener failed', error);
      }
    }
  }
}
