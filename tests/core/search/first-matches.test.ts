// A limited search lists the first matches and counts the rest without making a list of them
// (firstMatches), and tests article text only until the list's rows are found when more than
// MOST_TESTS articles are candidates (firstTested: the count is then a lower bound). The rows
// listed are the ones a search that tests every candidate lists first.
import { describe, expect, it } from 'vitest';
import { newMarks, type WordSource } from '../../../src/core/index/index.js';
import { firstMatches, firstTested, limitedMatches, MOST_TESTS, type IndexTest } from '../../../src/core/search/index-terms.js';
import { EligibleMemo } from '../../../src/core/search/filters.js';
import { parseQuery } from '../../../src/core/search/query.js';
import { EVERY_MATCH, SearchIndex } from '../../../src/core/search/search.js';
import { CAP } from '../../../src/core/search/search-settings.js';
import { makeCorpus } from '../../helpers/make-article.js';
import { passesInIdOrder, passing } from '../../../src/core/search/filter-columns.js';
import type { Article } from '../../../src/core/article.js';

describe('firstMatches', () => {
  const order = [9, 3, 7, 1, 8, 0, 5, 2, 6, 4];
  const even = (id: number): boolean => id % 2 === 0;

  it('lists the first `cap` passing ids in order and counts every one', () => {
    const m = firstMatches(order, even, 2);
    expect(m.first).toEqual([8, 0]);
    expect(m.count).toBe(5);
    expect(m.every()).toEqual([8, 0, 2, 6, 4]);
    // Made once: the same array after.
    expect(m.every()).toBe(m.every());
  });

  it('gives the listed ones as every one when they are all', () => {
    const m = firstMatches(order, (id) => id < 2, 5);
    expect(m.first).toEqual([1, 0]);
    expect(m.every()).toBe(m.first);
    expect(firstMatches(order, () => false, 5)).toMatchObject({ first: [], count: 0 });
  });

  it('over a whole date order, tests each id once in id order and answers as the pass in list order', () => {
    // A shuffled order of every id (past MIN_IDS, where the id-order pass runs).
    const n = 5_000;
    const whole = Array.from({ length: n }, (_, k) => (k * 2_003) % n);
    const test = (id: number): boolean => id % 3 === 0 || id % 7 === 1;
    const tested: number[] = [];
    const m = firstMatches(whole, (id) => (tested.push(id), test(id)), 100, true);
    const plain = firstMatches(whole, test, 100);
    expect(tested).toEqual(Array.from({ length: n }, (_, id) => id));
    expect(m.first).toEqual(plain.first);
    expect(m.count).toBe(plain.count);
    expect(m.every()).toEqual(plain.every());
    expect(m.every()).toEqual(whole.filter(test));
  });
});

describe('passing without text filters over a whole date order', () => {
  it('keeps the same ids in the same order as a pass in list order, each tested once in id order', () => {
    const n = 5_000;
    const whole = Array.from({ length: n }, (_, k) => (k * 2_003) % n);
    const docs = Array.from({ length: n }, (_, id) => ({ id }) as unknown as Article);
    const byId = (id: number): boolean => id % 5 !== 2;
    const tested: number[] = [];
    const kept = passing(whole, (id) => (tested.push(id), byId(id)), null, docs, () => { throw new Error('no haystack is read'); }, false, 0);
    expect(kept).toEqual(whole.filter(byId));
    expect(tested).toEqual(Array.from({ length: n }, (_, id) => id));
    expect(passesInIdOrder(6, (id) => id > 3)).toEqual(new Uint8Array([0, 0, 0, 0, 1, 1]));
  });
});

describe('firstTested', () => {
  const order = Array.from({ length: 100 }, (_, k) => 99 - k);
  const tested: number[] = [];
  const test = (id: number): boolean => {
    tested.push(id);
    return id % 3 === 0;
  };

  it('tests every candidate and lists every match when few are candidates', () => {
    tested.length = 0;
    const t = firstTested(order, (id) => id % 2 === 0, test, 2, 50);
    expect(t).toEqual({ rows: order.filter((id) => id % 6 === 0), complete: true });
    expect(tested).toHaveLength(50);
  });

  it('tests only until `cap` match when more are candidates', () => {
    tested.length = 0;
    const t = firstTested(order, () => true, test, 2, 50);
    expect(t).toEqual({ rows: [99, 96], complete: false });
    expect(tested).toEqual([99, 98, 97, 96]);
  });

  it('gives up when `cap` are not found within `most` tests of many candidates', () => {
    tested.length = 0;
    expect(firstTested(order, () => true, test, 30, 50)).toBeNull();
    expect(tested).toHaveLength(50);
  });

  it('settles, for an answer given meanwhile, for the rows found within `most` tests', () => {
    tested.length = 0;
    const t = firstTested(order, () => true, test, 30, 50, true);
    expect(t?.complete).toBe(false);
    expect(tested).toHaveLength(50);
    expect(t?.rows).toEqual(order.slice(0, 50).filter((id) => id % 3 === 0));
  });
});

describe('a limited search over more candidates than MOST_TESTS', () => {
  const N = MOST_TESTS + 2_000;
  const T0 = Date.UTC(2026, 0, 1);
  // Every article holds "regulator"; every other one "delays" in its title; every fifth "zq" in its description.
  const articles = makeCorpus(
    Array.from({ length: N }, (_, i) => ({ title: `Regulator ${i % 2 === 0 ? 'delays' : 'waits'} ${i}`, description: i % 5 === 0 ? 'zq' : 'plain', publishedAt: T0 - ((i * 7919) % N) * 60_000 })),
  );
  const source: WordSource = {
    covered: N,
    containing: (words) => (words.includes('regulator') ? { marks: newMarks(N, true), rest: words.filter((w) => w !== 'regulator') } : null),
    holding: () => null,
  };
  const index = new SearchIndex(articles);
  index.useWords(source);
  const ids = (r: { hits: ReadonlyArray<{ id: number }> }): number[] => r.hits.map((h) => h.id);

  it('lists for a word left to memory what a search testing every candidate lists, its count a lower bound', () => {
    const limited = index.search('regulator zq', { limit: 50 });
    expect(limited.approximate).toBe(true);
    expect(limited.total).toBe(CAP);
    expect(limited.matches).toBeUndefined();
    // Every candidate tested (no limit): the same rows first.
    const whole = index.search('regulator zq');
    expect(whole.total).toBe(N / 5);
    expect(ids(limited)).toEqual(ids(whole).slice(0, 50));
    expect(index.search('regulator zq', { limit: EVERY_MATCH, idsOnly: true }).total).toBe(N / 5);
  });

  it('lists for a negated word left to memory the rows the whole list starts with', () => {
    for (const q of ['-zq', 'regulator -zq']) {
      const limited = index.search(q, { limit: 50 });
      expect(limited.approximate, q).toBe(true);
      expect(limited.total, q).toBeGreaterThanOrEqual(50);
      expect(ids(limited), q).toEqual(ids(index.search(q)).slice(0, 50));
    }
  });

  it('counts exactly what the index decides alone, listing the first and naming every match when asked', () => {
    const limited = index.search('regulator', { limit: 50 });
    expect(limited.approximate).toBe(false);
    expect(limited.total).toBe(N);
    expect(limited.matches).toHaveLength(N);
    expect(ids(limited)).toEqual(ids(index.search('regulator')).slice(0, 50));
  });
});

describe('limitedMatches without the eligible list', () => {
  const order = [9, 3, 7, 1, 8, 0, 5, 2, 6, 4];
  const byId = (id: number): boolean => id !== 8;
  const marksTest: IndexTest = Object.assign((id: number) => id % 2 === 0, { readsText: false });

  it('lists and counts filters decided by id in one pass over the date order', () => {
    const m = limitedMatches(null, null, null, order, byId, null, 2);
    expect(m).toMatchObject({ first: [9, 3], count: 9 });
    expect(m && 'every' in m && m.every()).toEqual(order.filter(byId));
    // With the list known it is the answer itself.
    expect(limitedMatches(null, null, order.filter(byId), order, byId, null, 2)).toBeNull();
  });

  it('lists and counts free words the index decides under such filters, as over the list', () => {
    const m = limitedMatches(marksTest, marksTest, null, order, byId, null, 2);
    const over = limitedMatches(marksTest, marksTest, order.filter(byId), order, byId, null, 2);
    expect(m).toMatchObject({ first: [0, 2], count: 4 });
    expect(m && 'every' in m && m.every()).toEqual([0, 2, 6, 4]);
    expect(over).toMatchObject({ first: [0, 2], count: 4 });
  });
});

describe('EligibleMemo.worthListing', () => {
  const now = Date.UTC(2026, 0, 1);
  it('lists the plain filters at once, a filter being typed only once it is asked for twice in a row', () => {
    const memo = new EligibleMemo();
    expect(memo.worthListing('plain', parseQuery('bitcoin', now))).toBe(true);
    expect(memo.worthListing('tag:m', parseQuery('tag:m', now))).toBe(false);
    expect(memo.worthListing('tag:mi', parseQuery('tag:mi', now))).toBe(false);
    expect(memo.worthListing('tag:mi', parseQuery('tag:mi b', now))).toBe(true);
    expect(memo.worthListing('-et', parseQuery('solana -et', now))).toBe(false);
  });
});

describe('a limited search with filters alone', () => {
  const T0 = Date.UTC(2026, 0, 1);
  const articles = makeCorpus(Array.from({ length: 60 }, (_, i) => ({ title: `Story ${i}`, tags: i % 3 === 0 ? ['mining'] : ['markets'], publishedAt: T0 - ((i * 37) % 60) * 60_000 })));
  const index = new SearchIndex(articles);

  it('lists the newest, counts them all and names every match, as the whole search does', () => {
    for (const q of ['tag:mi', 'tag:m', 'tag:ma', '-tag:mining', 'tag:zz']) {
      const whole = index.search(q);
      const limited = index.search(q, { limit: 5 });
      expect(limited.hits.map((h) => h.id), q).toEqual(whole.hits.slice(0, 5).map((h) => h.id));
      expect(limited.total, q).toBe(whole.total);
      expect(limited.approximate, q).toBe(false);
      expect(limited.matches, q).toEqual(whole.hits.map((h) => h.id));
    }
  });
});
