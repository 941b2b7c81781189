// A list search names every match (SearchResult.matches) when it found them all, so the
// dashboard's pulse counts them without searching again: they must be exactly the ids a search
// for every match finds, and never be given when the search stopped early.
import { describe, expect, it } from 'vitest';
import { EVERY_MATCH, SearchIndex } from '../../../src/core/search/search.js';
import { makeCorpus } from '../../helpers/make-article.js';

const WORDS = ['bitcoin', 'ether', 'solana', 'miners', 'etf', 'sec', 'fees', 'rally', 'hack', 'vote'];
// More articles than the search ranks (CAP), so the capped paths are taken.
const corpus = makeCorpus(
  Array.from({ length: 2500 }, (_, i) => ({
    title: `${WORDS[i % 10]} ${WORDS[(i * 7) % 10]} report ${i}`,
    tags: [WORDS[(i * 3) % 10].toUpperCase()],
    body: i % 4 === 0 ? `a note on ${WORDS[(i * 5) % 10]}` : 'nothing',
    publishedAt: Date.UTC(2025, 0, 1) + i * 3_600_000,
  })),
);
const index = new SearchIndex(corpus);
const sorted = (ids: readonly number[]): number[] => [...ids].sort((a, b) => a - b);

describe('SearchResult.matches', () => {
  it.each(['', 'b', 'so', 'et', 'bitcoin', 'sol', 'etf sec', 'tag:hack', 'ether -rally', 'solanna', 'zzqx'])('%j: every match, or none named when approximate', (q) => {
    const every = index.search(q, { limit: EVERY_MATCH, idsOnly: true });
    const listed = index.search(q, { limit: 1000 });
    if (listed.approximate) {
      expect(listed.matches).toBeUndefined();
    } else {
      expect(sorted(listed.matches ?? [])).toEqual(sorted(every.hits.map((h) => h.id)));
      expect(listed.total).toBe(listed.matches?.length);
    }
    // The hits shown are among them.
    if (listed.matches) expect(listed.hits.every((h) => listed.matches!.includes(h.id))).toBe(true);
  });

  it('lists the first rows of a limited query without words as the whole list would, counting every match', () => {
    for (const [q, sort] of [['', undefined], ['tag:hack', undefined], ['', 'title'], ['-tag:vote', 'date']] as const) {
      const whole = index.search(q, { sort });
      const limited = index.search(q, { limit: 25, sort });
      expect(limited.hits.map((h) => h.id)).toEqual(whole.hits.slice(0, 25).map((h) => h.id));
      expect(limited.total).toBe(whole.total);
      expect(limited.matches?.length).toBe(whole.hits.length);
      expect(limited.sort).toBe(whole.sort);
    }
  });

  it('is given for short queries and the empty one however many match', () => {
    expect(index.search('', { limit: 10 }).matches?.length).toBe(corpus.length);
    const b = index.search('e', { limit: 10 });
    expect(b.hits).toHaveLength(10);
    expect(b.matches?.length).toBe(b.total);
    expect(b.total).toBeGreaterThan(1000);
  });
});
