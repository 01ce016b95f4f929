import type { MemoryItem } from '../../../shared/ai/memory';
import type { ErrorLog } from '../docs/DocService';
import type { Database } from '../storage/Database';
import { textHash, toItem, type MemoryRows, type VectorRow } from './memoryRows';
import { VectorIndex, normalise } from './vectorIndex';

/**
 * What the memory needs of an LLM node: `LlmNode` fits, and unit tests pass a
 * deterministic fake. `modelId()` null means no model is loaded, so no vectors.
 */
export interface Embedder {
  /** One vector per text, all of the same length. */
  embed(texts: string[], signal?: AbortSignal): Promise<Float32Array[]>;
  modelId(): string | null;
}

/** Characters of an item (title + text) that are embedded; small models have short contexts. */
export const MAX_EMBED_CHARS = 2_000;

/** The text a vector stands for: the title, then as much of the text as fits. */
export function embedText(item: Pick<MemoryItem, 'title' | 'text'>): string {
  return `${item.title}\n\n${item.text}`.slice(0, MAX_EMBED_CHARS);
}

/** Options for {@link MemoryIndexer}. */
export interface MemoryIndexerOptions {
  /** Texts per embedding call. Defaults to 32. */
  batchSize?: number;
  log: ErrorLog;
  /** Called after each stored batch with the ids that gained a vector. */
  onEmbedded(ids: string[]): void;
}

/**
 * Keeps every item's vector for the embedder's current model: embeds what is missing in
 * the background, in batches, and holds the model's vectors in a {@link VectorIndex}
 * loaded lazily from SQLite. Failures become {@link MemoryIndexer.error}, never throws.
 */
export class MemoryIndexer {
  readonly #db: Database;
  readonly #rows: MemoryRows;
  readonly #embedder: Embedder | undefined;
  readonly #options: MemoryIndexerOptions;
  readonly #abort = new AbortController();
  #index: VectorIndex | null = null;
  #running: Promise<number> | null = null;
  #again = false;
  #error: string | null = null;
  /** The model the last run looked for missing vectors with. */
  #scannedFor: string | null = null;

  constructor(db: Database, rows: MemoryRows, embedder: Embedder | undefined, options: MemoryIndexerOptions) {
    this.#db = db;
    this.#rows = rows;
    this.#embedder = embedder;
    this.#options = options;
  }

  /** The model vectors are for now, or null (no embedder or no model loaded). */
  modelId(): string | null {
    return this.#embedder?.modelId() ?? null;
  }

  get indexing(): boolean {
    return this.#running !== null;
  }

  /** What the last embedding run failed with, for the designer; null once one succeeds. */
  get error(): string | null {
    return this.#error;
  }

  /** The in-memory vectors of `model`, loaded from SQLite on first use (null when it has none). */
  vectors(model: string): VectorIndex | null {
    if (this.#index?.modelId === model) return this.#index;
    const rows = this.#rows.vectorsOf.all(model) as VectorRow[];
    if (rows.length === 0) return (this.#index = null);
    const index = new VectorIndex(model, rows[0].dims, rows.length);
    // A model's vectors all share its dimensions; a row that does not is skipped, not trusted.
    for (const row of rows) if (row.dims === index.dims) index.set(row.itemId, row.vector);
    return (this.#index = index);
  }

  /** Drops `id` from the in-memory vectors (its row is gone or its text changed). */
  forget(id: string): void {
    this.#index?.delete(id);
  }

  /** The query's vector with the current model, or null (no model, or embedding failed). */
  async queryVector(text: string): Promise<Float32Array | null> {
    if (!this.modelId()) return null;
    try {
      const [vector] = await this.#embedder!.embed([text.slice(0, MAX_EMBED_CHARS)], this.#abort.signal);
      return vector ? normalise(Float32Array.from(vector)) : null;
    } catch (error) {
      // Search still answers from the full-text index; the log says why vectors were left out.
      this.#options.log.error('Memory search: embedding the query failed; using full-text search only', error);
      return null;
    }
  }

  /**
   * Embeds every item without a vector for the current model; one run at a time (a call
   * during a run makes it go round again). Resolves with how many items were embedded.
   */
  reindex(): Promise<number> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#run().finally(() => (this.#running = null));
    return this.#running;
  }

  /** Starts a run in the background when the model changed since the last one (e.g. another was loaded). */
  catchUp(): void {
    const model = this.modelId();
    if (model && model !== this.#scannedFor && !this.#running) void this.reindex();
  }

  dispose(): void {
    this.#abort.abort();
    this.#index = null;
  }

  async #run(): Promise<number> {
    let total = 0;
    try {
      do {
        this.#again = false;
        const model = this.modelId();
        if (!model || this.#abort.signal.aborted) return total;
        this.#scannedFor = model;
        const ids = this.#rows.pending.all(model) as string[];
        const size = Math.max(1, this.#options.batchSize ?? 32);
        for (let at = 0; at < ids.length && !this.#abort.signal.aborted; at += size) {
          const stored = await this.#embedBatch(model, ids.slice(at, at + size));
          if (stored === null) break; // the model changed: go round again for the new one
          total += stored;
        }
      } while (this.#again);
      this.#error = null;
    } catch (error) {
      if (!this.#abort.signal.aborted) {
        this.#error = 'Maily could not index the memory for search by meaning. Full-text search still works.';
        this.#options.log.error('Memory indexing failed', error);
      }
    }
    return total;
  }

  /** Embeds and stores one batch; null when the model changed meanwhile (nothing stored). */
  async #embedBatch(model: string, ids: string[]): Promise<number | null> {
    const items = ids.flatMap((id) => {
      const row = this.#rows.get.get({ id, model });
      return row ? [toItem(row)] : [];
    });
    if (items.length === 0) return 0;
    const vectors = await this.#embedder!.embed(items.map(embedText), this.#abort.signal);
    if (this.#abort.signal.aborted || !this.#db.isOpen) return 0;
    if (this.modelId() !== model) {
      this.#again = true;
      return null;
    }
    const done = this.#db.transaction(() => items.filter((item, i) => this.#store(model, item, vectors[i])));
    if (done.length > 0) this.#options.onEmbedded(done.map((item) => item.id));
    return done.length;
  }

  /** Stores one vector, unless the item was removed or edited while it was being embedded. */
  #store(model: string, embedded: MemoryItem, raw: Float32Array | undefined): boolean {
    const current = this.#rows.get.get({ id: embedded.id, model });
    if (!raw || !current) return false;
    const hash = textHash(embedded);
    if (!hash.equals(textHash(toItem(current)))) return false;
    const vector = normalise(Float32Array.from(raw));
    const blob = Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
    this.#rows.putVector.run(embedded.id, model, vector.length, hash, blob);
    if (this.#index?.modelId === model && this.#index.dims === vector.length) this.#index.set(embedded.id, vector);
    else if (this.#index?.modelId === model) this.#index = null; // dimensions changed: reload on next search
    return true;
  }
}
