/** The usual reciprocal-rank-fusion constant: damps the gap between the first few ranks. */
export const RRF_K = 60;

/** One fused result: the id, its score and its 1-based rank in each list (null if absent). */
export interface FusedRank {
  id: string;
  score: number;
  ranks: (number | null)[];
}

/**
 * Reciprocal-rank fusion: each id scores Σ 1 / (k + rank) over the ranked lists it is in.
 * Only ranks count, never the lists' own scores, so bm25 and cosine need no common scale.
 * Ties go to the better single rank, then the id, so results are stable.
 */
export function fuseRanks(lists: readonly (readonly string[])[], k = RRF_K): FusedRank[] {
  const fused = new Map<string, FusedRank>();
  lists.forEach((list, which) => {
    list.forEach((id, index) => {
      let entry = fused.get(id);
      if (!entry) {
        entry = { id, score: 0, ranks: lists.map(() => null) };
        fused.set(id, entry);
      }
      // An id listed twice in one list counts once, at its best rank.
      if (entry.ranks[which] !== null) return;
      entry.ranks[which] = index + 1;
      entry.score += 1 / (k + index + 1);
    });
  });
  const best = (r: FusedRank) => Math.min(...r.ranks.map((rank) => rank ?? Infinity));
  return [...fused.values()].sort(
    (a, b) => b.score - a.score || best(a) - best(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
