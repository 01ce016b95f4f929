import { LANES, createDotKernel, createMemory, type DotKernel, type WasmMemory } from './dotKernel';

/** One vector match: the item id and its cosine similarity to the query. */
export interface VectorMatch {
  id: string;
  score: number;
}

/** Scales `vector` to unit length in place (a zero vector stays zero); returns it. */
export function normalise(vector: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i] * vector[i];
  if (sum > 0) {
    const scale = 1 / Math.sqrt(sum);
    for (let i = 0; i < vector.length; i++) vector[i] *= scale;
  }
  return vector;
}

const PAGE = 65_536;

/**
 * The vectors of one model in memory, as one contiguous float32 array inside a
 * WebAssembly memory (slot i holds `stride` floats at i·stride: `dims` padded with zeros
 * to a multiple of 16), scanned by a SIMD kernel: brute force over 50k items takes ~10 ms and
 * needs no ANN structure that could go stale. Vectors are unit length, so dot = cosine.
 * After the vectors come the query and the scores, as scratch space.
 */
export class VectorIndex {
  readonly modelId: string;
  readonly dims: number;
  readonly #stride: number;
  readonly #memory: WasmMemory;
  readonly #kernel: DotKernel;
  #floats: Float32Array;
  #capacity: number;
  #ids: string[] = [];
  readonly #slots = new Map<string, number>();

  constructor(modelId: string, dims: number, capacity = 1024) {
    this.modelId = modelId;
    this.dims = dims;
    this.#stride = Math.ceil(dims / LANES) * LANES;
    this.#capacity = Math.max(1, capacity);
    this.#memory = createMemory(Math.ceil(this.#bytesFor(this.#capacity) / PAGE));
    this.#kernel = createDotKernel(this.#memory).kernel;
    this.#floats = new Float32Array(this.#memory.buffer);
  }

  get size(): number {
    return this.#ids.length;
  }

  has(id: string): boolean {
    return this.#slots.has(id);
  }

  /** Stores (or replaces) the vector of `id`, normalised; `vector` may be a stored float32 blob's bytes. */
  set(id: string, vector: Float32Array | Uint8Array): void {
    if (vector.byteLength !== this.dims * 4) throw new Error(`Expected ${this.dims} dimensions`);
    let slot = this.#slots.get(id);
    if (slot === undefined) {
      slot = this.#ids.length;
      this.#grow(slot + 1);
      this.#ids.push(id);
      this.#slots.set(id, slot);
    }
    // Copy bytes, not floats: a SQLite blob's Buffer may sit at an offset a Float32Array view refuses.
    const bytes =
      vector instanceof Uint8Array ? vector : new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength);
    const at = slot * this.#stride;
    new Uint8Array(this.#memory.buffer).set(bytes, at * 4);
    // The padding lanes may hold old scratch data; zero them so they add nothing to the dot.
    this.#floats.fill(0, at + this.dims, at + this.#stride);
    normalise(this.#floats.subarray(at, at + this.dims));
  }

  /** Forgets `id`; the last slot moves into its place so the array stays dense. */
  delete(id: string): void {
    const slot = this.#slots.get(id);
    if (slot === undefined) return;
    const last = this.#ids.length - 1;
    if (slot !== last) {
      const s = this.#stride;
      this.#floats.copyWithin(slot * s, last * s, (last + 1) * s);
      const moved = this.#ids[last];
      this.#ids[slot] = moved;
      this.#slots.set(moved, slot);
    }
    this.#ids.pop();
    this.#slots.delete(id);
  }

  /** The `k` most similar vectors to `query` (unit length, `dims` long), best first. */
  search(query: Float32Array, k: number): VectorMatch[] {
    if (query.length !== this.dims) throw new Error(`Expected a query of ${this.dims} dimensions`);
    const n = this.#ids.length;
    const queryAt = this.#capacity * this.#stride;
    const scoresAt = queryAt + this.#stride;
    this.#floats.fill(0, queryAt, scoresAt);
    this.#floats.set(query, queryAt);
    this.#kernel(0, queryAt * 4, n, this.#stride, scoresAt * 4);
    return this.#top(this.#floats.subarray(scoresAt, scoresAt + n), Math.min(k, n));
  }

  /** The best `limit` scores, by insertion into a short sorted list; most scores fail the first test. */
  #top(scores: Float32Array, limit: number): VectorMatch[] {
    const best = new Float64Array(limit);
    const slots = new Int32Array(limit);
    let filled = 0;
    for (let slot = 0; slot < scores.length; slot++) {
      const score = scores[slot];
      if (filled === limit && score <= best[limit - 1]) continue;
      let at = filled < limit ? filled++ : limit - 1;
      while (at > 0 && best[at - 1] < score) {
        best[at] = best[at - 1];
        slots[at] = slots[at - 1];
        at--;
      }
      best[at] = score;
      slots[at] = slot;
    }
    return Array.from({ length: filled }, (_, i) => ({ id: this.#ids[slots[i]], score: best[i] }));
  }

  /** Vectors, then the query, then one score per slot. */
  #bytesFor(capacity: number): number {
    return (capacity * this.#stride + this.#stride + capacity) * 4;
  }

  #grow(needed: number): void {
    if (needed <= this.#capacity) return;
    const capacity = Math.max(needed, this.#capacity * 2);
    const missing = this.#bytesFor(capacity) - this.#memory.buffer.byteLength;
    if (missing > 0) this.#memory.grow(Math.ceil(missing / PAGE));
    this.#capacity = capacity;
    this.#floats = new Float32Array(this.#memory.buffer); // growing detaches the old view
  }
}
