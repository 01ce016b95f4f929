/** Most terms one query keeps: a pasted email must not become a thousand-term OR. */
export const MAX_QUERY_TERMS = 32;
/** Longest term kept, in characters; longer runs are cut (no real word is this long). */
export const MAX_TERM_LENGTH = 64;

/** How the terms of a query combine. */
export interface FtsQueryOptions {
  /** `any` (OR, for retrieval ranked by bm25) or `all` (AND, for filtering a list). Defaults to `any`. */
  match?: 'any' | 'all';
  /** Match the last term as a prefix, for search as you type. Defaults to false. */
  prefix?: boolean;
}

/**
 * The words of `text`: runs of letters, digits and combining marks, lower-cased,
 * deduplicated, capped. Everything else (quotes, `*`, `-`, `^`, `:`, parentheses) is a
 * separator, so no character of the user's text can reach FTS5's query syntax.
 */
export function queryTerms(text: string): string[] {
  const terms = new Set<string>();
  // Scanning stops early, so 10k characters of noise cost no more than the first terms.
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    terms.add(match[0].slice(0, MAX_TERM_LENGTH).toLowerCase());
    if (terms.size >= MAX_QUERY_TERMS) break;
  }
  return [...terms];
}

/**
 * A safe FTS5 MATCH expression for hostile user text, or null when it holds no words.
 * Each term is a double-quoted string, so `AND`, `OR`, `NOT` and `NEAR` are plain words
 * and column filters cannot be spelled; diacritics are folded by the index's tokenizer.
 */
export function ftsQuery(text: string, options: FtsQueryOptions = {}): string | null {
  return matchExpression(queryTerms(text), options);
}

/** The MATCH expression for terms from {@link queryTerms} (letters and digits only), or null for none. */
export function matchExpression(terms: readonly string[], options: FtsQueryOptions = {}): string | null {
  if (terms.length === 0) return null;
  const quoted = terms.map((term) => `"${term}"`);
  if (options.prefix) quoted[quoted.length - 1] += '*';
  return quoted.join(options.match === 'all' ? ' AND ' : ' OR ');
}
