import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryService, type Embedder } from '../src/main/services/memory/MemoryService';
import { Database } from '../src/main/services/storage/Database';
import { hashString, seededRandom } from '../src/shared/simulator/random';
import { percentile, round, writeResult, type BenchResult } from './results';

const ITEMS = 50_000;
const QUERIES = 200;
/** A common sentence-embedding size, and the generated test model's `llama.embedding_length`. */
const DIMS = [384, 64] as const;

/** A seeded vocabulary of pronounceable words, so FTS5 sees a realistic spread of terms. */
function vocabulary(size: number, random: () => number): string[] {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'sa', 'tu', 've', 'dor', 'qui', 'nal', 'po', 'ess', 'ar', 'bel'];
  const words = new Set<string>();
  while (words.size < size) {
    const n = 2 + Math.floor(random() * 3);
    words.add(Array.from({ length: n }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
  }
  return [...words];
}

/** Words drawn with a skewed (Zipf-like) distribution: a few very common, most rare. */
function sentence(words: string[], count: number, random: () => number): string {
  return Array.from({ length: count }, () => words[Math.floor(words.length * random() ** 3)]).join(' ');
}

/** Random unit vectors, seeded by the text: as an embedding model would, same text → same vector. */
function randomEmbedder(model: string, dims: number): Embedder {
  const vector = (text: string) => {
    const random = seededRandom(hashString(text));
    const v = Float32Array.from({ length: dims }, () => random() * 2 - 1);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  };
  return { modelId: () => model, embed: (texts) => Promise.resolve(texts.map(vector)) };
}

async function runFor(dims: number) {
  const dir = mkdtempSync(join(tmpdir(), 'maily-memory-bench-'));
  const db = new Database(join(dir, 'workspace.sqlite'));
  const memory = new MemoryService(db, {
    embedder: randomEmbedder(`random-${dims}`, dims),
    autoIndex: false,
    batchSize: 256,
    log: { error: (message, detail) => console.error(message, detail) },
  });
  try {
    const random = seededRandom(dims);
    const words = vocabulary(5_000, random);
    const t0 = performance.now();
    db.transaction(() => {
      for (let i = 0; i < ITEMS; i++) {
        const title = sentence(words, 3 + Math.floor(random() * 5), random);
        memory.add({ kind: 'pastEmail', title, text: sentence(words, 40 + Math.floor(random() * 120), random) });
      }
    });
    const insertMs = performance.now() - t0;
    const t1 = performance.now();
    const embedded = await memory.reindex();
    const indexMs = performance.now() - t1;
    const queries = Array.from({ length: QUERIES }, () => sentence(words, 2 + Math.floor(random() * 5), random));
    const t2 = performance.now();
    await memory.search(queries[0], 10); // loads the vectors from SQLite into memory
    const firstSearchMs = performance.now() - t2;
    const times: number[] = [];
    let hybrid = 0;
    for (const query of queries) {
      const start = performance.now();
      const result = await memory.searchDetailed(query, 10);
      times.push(performance.now() - start);
      if (result.mode === 'hybrid' && result.hits.length === 10) hybrid++;
    }
    if (embedded !== ITEMS || hybrid !== QUERIES) throw new Error(`Expected ${ITEMS} vectors and hybrid answers`);
    // The same queries full-text only (no embedder), to tell the two halves' costs apart.
    const textOnly = new MemoryService(db, { autoIndex: false });
    const textTimes: number[] = [];
    for (const query of queries) {
      const start = performance.now();
      await textOnly.search(query, 10);
      textTimes.push(performance.now() - start);
    }
    textOnly.dispose();
    return {
      ...{ insertMs, indexMs, firstSearchMs, p50: percentile(times, 50), p95: percentile(times, 95) },
      textP95: percentile(textTimes, 95),
      max: Math.max(...times),
    };
  } finally {
    memory.dispose();
    db.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Hybrid top-10 retrieval from 50,000 memory items (FTS5 bm25 list + brute-force cosine
 * list over one contiguous Float32Array, fused by RRF), for 384-dim vectors and the
 * tiny test model's 64; plus the time to insert the items and to embed and store them.
 */
export async function runMemoryBench(): Promise<BenchResult> {
  const results: Record<string, number> = { items: ITEMS, queries: QUERIES };
  for (const dims of DIMS) {
    const r = await runFor(dims);
    results[`insert${dims}Ms`] = round(r.insertMs);
    results[`index${dims}Ms`] = round(r.indexMs);
    results[`firstSearch${dims}Ms`] = round(r.firstSearchMs, 2);
    results[`hybridP50_${dims}Ms`] = round(r.p50, 2);
    results[`hybridP95_${dims}Ms`] = round(r.p95, 2);
    results[`hybridMax_${dims}Ms`] = round(r.max, 2);
    results[`textOnlyP95_${dims}Ms`] = round(r.textP95, 2);
  }
  // Other work on the machine stretches the tail; the load says how busy it was.
  results.loadAverage1m = round(loadavg()[0], 2);
  const notes =
    'Items: seeded text (5,000-word Zipf-like vocabulary, 3–7-word titles, 40–160-word bodies). Vectors: seeded random ' +
    'unit vectors from a fake embedder (no model cost), so index time is SQLite + batching only. Insert = one ' +
    'transaction of MemoryService.add. Query = MemoryService.searchDetailed(query, 10): 2–6 words, FTS5 top 50 by ' +
    'bm25 + cosine top 50, RRF k=60, items read back. firstSearch includes loading every vector from SQLite.';
  return writeResult('memory', results, { hybridP95_384Ms: 30, hybridP95_64Ms: 30 }, notes);
}

if (import.meta.url === `file://${process.argv[1]}`) await runMemoryBench();
