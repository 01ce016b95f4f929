/** Past this many comparisons the arrays are replaced rather than matched (O(n·m) memory). */
const MAX_CELLS = 1_000_000;

/**
 * The longest common subsequence of `a` and `b` under `match`, as index pairs in
 * ascending order; null when the arrays are too long to match cheaply.
 */
export function matchItems<T>(
  a: readonly T[],
  b: readonly T[],
  match: (x: T, y: T) => boolean,
): [number, number][] | null {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [];
  if (n * m > MAX_CELLS) return null;
  // lengths[i][j]: LCS length of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = match(a[i], b[j])
        ? lengths[(i + 1) * width + j + 1] + 1
        : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (match(a[i], b[j]) && lengths[i * width + j] === lengths[(i + 1) * width + j + 1] + 1) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) i++;
    else j++;
  }
  return pairs;
}
