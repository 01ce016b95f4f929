/**
 * Seeded draws for A/B and random-cohort splits. Each draw is a pure function of the
 * seed, the contact id, the split's node id and how many times the contact has been at
 * that split before, so a contact's choice never depends on which other contacts ran,
 * in what order, or on draws made at other splits.
 */

/** A 32-bit hash of a string (FNV-1a with a murmur3 finaliser for avalanche). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The first output of mulberry32 seeded with `state`: a number in [0, 1). */
export function mulberry32(state: number): number {
  const a = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(a ^ (a >>> 15), 1 | a);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A stream of mulberry32 numbers in [0, 1) from `seed`: for seeded tests, benches and fuzzing. */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    const value = mulberry32(state);
    state = (state + 0x6d2b79f5) | 0;
    return value;
  };
}

/** The draw in [0, 1) for `contactId` at split `nodeId` on its `visit`-th pass (from 0). */
export function splitDraw(seed: number, contactId: string, nodeId: string, visit: number): number {
  return mulberry32(hashString(`${seed}\u0000${contactId}\u0000${nodeId}\u0000${visit}`));
}
