import { createHash, type Hash } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * An incremental SHA-256 that knows how many bytes it has seen, so a resumed download can
 * continue the hash instead of reading the whole file again at the end. When the count
 * differs from the bytes on disk (a .part from an earlier run, or chunks hashed but not yet
 * written when a pause aborted the transfer) it re-reads the .part to catch up exactly.
 */
export class Sha256Progress {
  #hash: Hash = createHash('sha256');
  #bytes = 0;

  update(chunk: Buffer): void {
    this.#hash.update(chunk);
    this.#bytes += chunk.length;
  }

  reset(): void {
    this.#hash = createHash('sha256');
    this.#bytes = 0;
  }

  /** Makes the hash cover exactly the first `bytes` bytes of the stream `open` gives. */
  async catchUp(open: () => Readable, bytes: number): Promise<void> {
    if (this.#bytes === bytes) return;
    this.reset();
    for await (const chunk of open()) {
      const piece = chunk as Buffer;
      this.update(piece.subarray(0, Math.max(0, bytes - this.#bytes)));
      if (this.#bytes >= bytes) break;
    }
  }

  /** The hex digest so far (the hash keeps going: it digests a copy). */
  digest(): string {
    return this.#hash.copy().digest('hex');
  }
}
