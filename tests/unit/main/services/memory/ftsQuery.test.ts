import { describe, expect, it } from 'vitest';
import { MAX_QUERY_TERMS, ftsQuery, queryTerms } from '../../../../../src/main/services/memory/ftsQuery';

describe('ftsQuery', () => {
  it('quotes each word and joins with OR, or AND for filtering', () => {
    expect(ftsQuery('Spring sale, 20% off!')).toBe('"spring" OR "sale" OR "20" OR "off"');
    expect(ftsQuery('spring sa', { match: 'all', prefix: true })).toBe('"spring" AND "sa"*');
  });

  it('leaves no FTS5 syntax from hostile text', () => {
    const q = ftsQuery('"x" * NEAR(a b) -c ^d title:e AND OR NOT ( )');
    expect(q).toBe('"x" OR "near" OR "a" OR "b" OR "c" OR "d" OR "title" OR "e" OR "and" OR "or" OR "not"');
    expect(ftsQuery('"*" - () : ^ {}')).toBeNull();
    expect(ftsQuery('')).toBeNull();
  });

  it('keeps accents for the tokenizer to fold and caps terms', () => {
    expect(queryTerms('Crème brûlée')).toEqual(['crème', 'brûlée']);
    const many = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
    expect(queryTerms(many)).toHaveLength(MAX_QUERY_TERMS);
    expect(queryTerms('a'.repeat(10_000))[0]).toHaveLength(64);
  });
});
