/**
 * Deep equality of plain JSON-like values (what a Y.Doc stores and `toJSON` returns),
 * independent of object key order: two replicas may hold the same map with its keys
 * in different orders.
 */

/** A JSON string of `value` with object keys sorted, so equal values give equal strings. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'undefined';
}

function sortKeys(value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: Array.from(value) };
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  // No prototype: a peer-chosen "__proto__" key stays an ordinary key (and is compared).
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

/** True when `a` and `b` hold the same JSON (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return stableJson(a) === stableJson(b);
}
