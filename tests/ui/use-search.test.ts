import { describe, expect, it, vi } from 'vitest';
import { SearchIndex } from '../../src/core/search/search.js';
import { answerBytes, LIST_PAGE, listLimit, RECENT_ANSWERS, RECENT_BYTES, runSearch, SearchCache, searchRequest, type AnsweredSearch } from '../../src/ui/use-search.js';
import { operatorError, typedQueryError } from '../../src/core/search/query.js';
import { makeArticle } from '../helpers/make-article.js';

describe('listLimit', () => {
  const cases: Array<[number, number]> = [
    [-3, 2 * LIST_PAGE],
    [0, 2 * LIST_PAGE],
    [LIST_PAGE - 1, 2 * LIST_PAGE],
    [LIST_PAGE, 3 * LIST_PAGE],
    [10 * LIST_PAGE + 7, 12 * LIST_PAGE],
  ];
  it.each(cases)('cursor %i asks for %i hits', (cursor, expected) => {
    expect(listLimit(cursor)).toBe(expected);
  });
  it('always reaches at least a page past the cursor', () => {
    for (let cursor = 0; cursor < 5 * LIST_PAGE; cursor += 37) expect(listLimit(cursor)).toBeGreaterThanOrEqual(cursor + LIST_PAGE);
  });
});

describe('SearchCache', () => {
  const NOW = Date.UTC(2025, 10, 14, 12);
  const corpus = () => new SearchIndex(['bitcoin etf', 'bitfarms', 'ether', 'bitcoin miners'].map((title, id) => makeArticle({ id, title, publishedAt: NOW - id })));
  const ask = (index: SearchIndex, query: string, version = 1) => searchRequest({ index, version, query, sort: null, includeDrafts: false, now: NOW });

  it('answers a query typed again (a backspace) from its recent answers without searching', () => {
    const index = corpus();
    const search = vi.spyOn(index, 'search');
    const cache = new SearchCache();
    const first = ['b', 'bi', 'bit', 'bitc'].map((q) => cache.answer(ask(index, q)));
    expect(search).toHaveBeenCalledTimes(4);
    // Backspace to `bit`, then `bitc` again: the very answers, no search.
    expect(cache.answer(ask(index, 'bit'))).toBe(first[2]);
    expect(cache.held(ask(index, 'bit'))).toBe(first[2]);
    expect(cache.last()).toBe(first[2]);
    expect(cache.recall(ask(index, 'bitc'))).toBe(first[3]);
    expect(cache.last()).toBe(first[3]);
    expect(search).toHaveBeenCalledTimes(4);
    // Equal answers to a fresh search of the same query.
    const fresh = index.search('bit', { now: NOW, limit: listLimit(0) });
    expect(first[2].ok && first[2].result.hits.map((h) => [h.id, h.score, h.titleMatches])).toEqual(fresh.hits.map((h) => [h.id, h.score, h.titleMatches]));
  });

  it('recalls nothing it was not asked for, and forgets every answer of an older version', () => {
    const index = corpus();
    const cache = new SearchCache();
    expect(cache.recall(ask(index, 'bit'))).toBeNull();
    const old = cache.answer(ask(index, 'bit'));
    cache.answer(ask(index, 'ether'));
    expect(cache.recall(ask(index, 'bit'))).toBe(old);
    // Articles added (a new version): the old answers may be wrong, none is recalled.
    cache.answer(ask(index, 'ether', 2));
    expect(cache.recall(ask(index, 'bit', 2))).toBeNull();
    expect(cache.recall(ask(index, 'bit', 1))).toBeNull();
  });

  it(`keeps at most ${RECENT_ANSWERS} recent answers, the oldest going first`, () => {
    const index = corpus();
    const cache = new SearchCache();
    const queries = Array.from({ length: RECENT_ANSWERS + 1 }, (_, i) => `q${i}`);
    for (const q of queries) cache.answer(ask(index, q));
    expect(cache.recall(ask(index, queries[0]))).toBeNull();
    for (const q of queries.slice(1)) expect(cache.recall(ask(index, q))).not.toBeNull();
  });
});

describe('SearchCache byte budget', () => {
  const NOW = Date.UTC(2025, 10, 14, 12);
  const index = new SearchIndex([makeArticle({ id: 0, title: 'bitcoin', publishedAt: NOW })]);
  const ask = (query: string) => searchRequest({ index, version: 1, query, sort: null, includeDrafts: false, now: NOW });
  // An answer naming `total` matches, as a broad query's does (its hits a page of them).
  const answerOf = (query: string, total: number): AnsweredSearch => ({ ok: true, query, size: 1, result: { hits: [{ id: 0, score: 1, titleMatches: [] }], total, sort: 'relevance' } });
  // Matches that make an answer of about `share` of RECENT_BYTES.
  const totalFor = (share: number) => Math.floor((share * RECENT_BYTES) / (answerBytes(answerOf('x', 2)) - answerBytes(answerOf('x', 1))));

  it('counts an answer by its hits and every match it names', () => {
    expect(answerBytes(answerOf('a', 2000))).toBeGreaterThan(answerBytes(answerOf('a', 1000)));
    expect(answerBytes({ ok: false, error: 'bad term', query: 'a:' })).toBe(0);
  });

  it('never lists matches still to be listed (a getter: every match walked on the key), and counts listed ones', () => {
    const lazy = answerOf('b', 500);
    let listed = 0;
    Object.defineProperty(lazy.ok && lazy.result, 'matches', { get: () => (listed++, [0, 1, 2]), enumerable: true, configurable: true });
    expect(answerBytes(lazy)).toBe(answerBytes(answerOf('b', 500)));
    expect(listed).toBe(0);
    const known = answerOf('b', 1);
    if (known.ok) known.result.matches = Array.from({ length: 5000 }, (_, i) => i);
    expect(answerBytes(known)).toBe(answerBytes(answerOf('b', 5000)));
  });

  it(`keeps recent answers within ${RECENT_BYTES} bytes, the oldest going first`, () => {
    const cache = new SearchCache();
    const held = ['b', 'bi', 'bit'].map((q) => cache.hold(ask(q), answerOf(q, totalFor(0.4))));
    expect(cache.recall(ask('b'))).toBeNull();
    expect(cache.recall(ask('bi'))).toBe(held[1]);
    expect(cache.recall(ask('bit'))).toBe(held[2]);
  });

  it('holds an answer larger than the budget while it is the newest, and lets it go after', () => {
    const cache = new SearchCache();
    const small = cache.hold(ask('bitcoin'), answerOf('bitcoin', 10));
    const huge = cache.hold(ask('b'), answerOf('b', totalFor(2)));
    expect(cache.recall(ask('b'))).toBe(huge);
    expect(cache.last()).toBe(huge);
    // The small one went with it: the two together were over the budget, the newest stays.
    expect(cache.recall(ask('bitcoin'))).toBeNull();
    const next = cache.hold(ask('bi'), answerOf('bi', 10));
    expect(cache.recall(ask('b'))).toBeNull();
    expect(cache.recall(ask('bi'))).toBe(next);
    expect(small.ok).toBe(true);
  });
});

describe('runSearch and operators of other query languages', () => {
  it('answers NOT, OR, | and !word with the message --filter gives, not with the opposite articles (found by a tester)', () => {
    const NOW = Date.UTC(2025, 10, 14, 12);
    const index = new SearchIndex(['bitcoin etf', 'ether'].map((title, id) => makeArticle({ id, title, publishedAt: NOW - id })));
    for (const query of ['NOT bitcoin', 'bitcoin OR ether', 'bitcoin | ether', '!bitcoin']) {
      const answer = runSearch(searchRequest({ index, version: 1, query, sort: null, includeDrafts: false, now: NOW }));
      expect(answer.ok, query).toBe(false);
      if (!answer.ok) expect(answer.error).toBe(operatorError(query));
    }
    expect(runSearch(searchRequest({ index, version: 1, query: 'bitcoin -ether', sort: null, includeDrafts: false, now: NOW })).ok).toBe(true);
    // An unclosed quote holding OR is named as the unclosed quote (found by a tester).
    const quote = runSearch(searchRequest({ index, version: 1, query: '"spot etf OR', sort: null, includeDrafts: false, now: NOW }));
    expect(quote.ok ? null : quote.error).toMatch(/^unclosed quote/);
    expect(typedQueryError('"spot etf OR"')).toBeNull();
    // Every message fits the search line's half of 80 columns with its ✗.
    for (const query of ['NOT bitcoin', 'bitcoin OR ether', 'a || b', '!bitcoin']) expect(operatorError(query)!.length + 2).toBeLessThanOrEqual(40);
  });
});
