import { hashString } from '../../../../../src/shared/simulator/random';
import type { Embedder } from '../../../../../src/main/services/memory/MemoryService';

/**
 * A deterministic embedder for tests: a hashed bag of lower-cased words (each word adds
 * ±1 at a position set by its hash), L2-normalised. Texts sharing words point the same
 * way, and `synonyms` stand for meaning. `model` can be switched (or set to null) to act like loading another model.
 */
export class FakeEmbedder implements Embedder {
  model: string | null;
  readonly dims: number;
  /** Every batch embedded, for assertions. */
  readonly calls: string[][] = [];
  /** When set, the next embed call rejects with it. */
  failNext: Error | null = null;

  /** Words embedded as another word: what "same meaning" is to this fake (e.g. blossom → spring). */
  readonly synonyms: Record<string, string>;

  constructor(model: string | null = 'fake-a', dims = 64, synonyms: Record<string, string> = {}) {
    this.model = model;
    this.dims = dims;
    this.synonyms = synonyms;
  }

  modelId(): string | null {
    return this.model;
  }

  embed(texts: string[]): Promise<Float32Array[]> {
    this.calls.push(texts);
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      return Promise.reject(error);
    }
    return Promise.resolve(texts.map((text) => this.vector(text)));
  }

  vector(text: string): Float32Array {
    const v = new Float32Array(this.dims);
    for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
      const h = hashString(`${this.model}:${this.synonyms[word] ?? word}`);
      v[h % this.dims] += h & 0x8000_0000 ? -1 : 1;
    }
    const norm = Math.hypot(...v) || 1;
    return v.map((x) => x / norm);
  }
}
