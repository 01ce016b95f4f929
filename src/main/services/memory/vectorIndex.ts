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

/**
 * The vectors of one model in memory, as one contiguous Float32Array (slot i holds
 * `dims` floats at i·dims): a brute-force scan over it is a tight loop the JIT keeps in
 * registers, fast enough for 50k items well inside a frame, and needs no ANN structure
 * that could go stale. Vectors are unit length, so the dot product is the cosine.
 */
export class VectorIndex {
  readonly modelId: string;
  readonly dims: number;
  #data: Float32Array;
  #ids: string[] = [];
  readonly #slots = new Map<string, number>();

  constructor(modelId: string, dims: number, capacity = 1024) {
    this.modelId = modelId;
    this.dims = dims;
    this.#data = new Float32Array(Math.max(1, capacity) * dims);
  }

  get size(): number {
    return this.#ids.length;
  }

  has(id: string): boolean {
    return this.#slots.has(id);
  }

  /** Stores (or replaces) the vector of `id`, normalised; `bytes` may be a stored float32 blob. */
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
    new Uint8Array(this.#data.buffer).set(bytes, slot * this.dims * 4);
    normalise(this.#data.subarray(slot * this.dims, (slot + 1) * this.dims));
  }

  /** Forgets `id`; the last slot moves into its place so the array stays dense. */
  delete(id: string): void {
    const slot = this.#slots.get(id);
    if (slot === undefined) return;
    const last = this.#ids.length - 1;
    if (slot !== last) {
      this.#data.copyWithin(slot * this.dims, last * this.dims, (last + 1) * this.dims);
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
    const limit = Math.min(k, n);
    // Best `limit` so far, kept sorted descending; most vectors fail the first comparison.
    const scores = new Float64Array(limit);
    const slots = new Int32Array(limit);
    let filled = 0;
    const data = this.#data;
    const dims = this.dims;
    for (let slot = 0; slot < n; slot++) {
      const base = slot * dims;
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += data[base + d] * query[d];
      if (filled === limit && dot <= scores[limit - 1]) continue;
      let at = filled < limit ? filled++ : limit - 1;
      while (at > 0 && scores[at - 1] < dot) {
        scores[at] = scores[at - 1];
        slots[at] = slots[at - 1];
        at--;
      }
      scores[at] = dot;
      slots[at] = slot;
    }
    return Array.from({ length: filled }, (_, i) => ({ id: this.#ids[slots[i]], score: scores[i] }));
  }

  #grow(needed: number): void {
    if (needed * this.dims <= this.#data.length) return;
    const next = new Float32Array(Math.max(needed, (this.#data.length / this.dims) * 2) * this.dims);
    next.set(this.#data);
    this.#data = next;
  }
}
