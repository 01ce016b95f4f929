import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../storage/Database';
import { matchExpression } from './ftsQuery';

/** A term is common above this many items… */
export const MIN_COMMON_DOCS = 1_000;
/** …and above this share of all items. */
export const COMMON_SHARE = 0.02;

/**
 * Leaves out of a ranked (OR) query the terms that most items contain, as a stopword
 * list would, but from the data and in any language. FTS5 computes bm25 for every row a
 * query matches, so one word found in all 50k items costs ~100 ms, while its idf — and
 * so its weight in the ranking — is near zero. Small memories keep every term.
 * Document counts are cached until the memory changes.
 */
export class CommonTerms {
  readonly #count: BetterSqlite3.Statement<unknown[], unknown>;
  readonly #total: BetterSqlite3.Statement<unknown[], unknown>;
  readonly #docs = new Map<string, number>();
  #items: number | null = null;

  constructor(db: Database) {
    // Counting stops just past the threshold: knowing "more than that" is enough.
    this.#count = db.sqlite
      .prepare('SELECT count(*) FROM (SELECT 1 FROM memory_fts WHERE memory_fts MATCH ? LIMIT ?)')
      .pluck();
    this.#total = db.sqlite.prepare('SELECT count(*) FROM memory_items').pluck();
  }

  /** `terms` without the common ones; when all are common, the least common one. */
  filter(terms: readonly string[]): string[] {
    const items = (this.#items ??= this.#total.get() as number);
    const threshold = Math.max(MIN_COMMON_DOCS, Math.floor(items * COMMON_SHARE));
    if (items <= threshold) return [...terms];
    const counted = terms.map((term) => ({ term, docs: this.#docsOf(term, threshold) }));
    const rare = counted.filter((c) => c.docs <= threshold).map((c) => c.term);
    if (rare.length > 0 || counted.length === 0) return rare;
    return [counted.reduce((a, b) => (b.docs < a.docs ? b : a)).term];
  }

  /** Forgets the cached counts; call after any item changed. */
  invalidate(): void {
    this.#docs.clear();
    this.#items = null;
  }

  #docsOf(term: string, threshold: number): number {
    let docs = this.#docs.get(term);
    if (docs === undefined) {
      docs = this.#count.get(matchExpression([term]), threshold + 1) as number;
      this.#docs.set(term, docs);
    }
    return docs;
  }
}
