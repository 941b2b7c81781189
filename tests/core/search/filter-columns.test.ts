// Field filters decided by article id from columns (filter-columns.ts) must keep exactly the
// articles the per-article predicate (compileFilters) keeps, for any query and corpus: random
// corpora over a few shared and unshared tag lists, sources, languages, sentiments, dates, drafts
// and sticky flags; random queries of field terms, negations, phrases and words; with and without
// an index holding negated words and coins.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FilterColumns, passing } from '../../../src/core/search/filter-columns.js';
import { compileFilters, compileIdFilters, type TermHolder } from '../../../src/core/search/filters.js';
import { makeHay, type Hay } from '../../../src/core/search/haystack.js';
import { parseQuery } from '../../../src/core/search/query.js';
import type { Article } from '../../../src/core/article.js';
import { makeCorpus } from '../../helpers/make-article.js';

const NOW = Date.UTC(2025, 10, 14);
// Frozen lists are shared among the articles holding them (haystack.ts), as a loaded corpus's are.
const SHARED_TAGS = [Object.freeze(['BTC', 'ETF']), Object.freeze(['Mining']), Object.freeze([])] as string[][];
const tags = fc.oneof(fc.constantFrom(...SHARED_TAGS), fc.subarray(['btc', 'ETF', 'mining', 'Régulation', 'defi']));
const article = fc.record({
  title: fc.constantFrom('Bitcoin ETF flows', 'Solana fees fall', 'SEC delays decision', 'Mining difficulty'),
  description: fc.constantFrom('', 'The regulator extended its review.', 'Spot etf demand'),
  tags,
  categories: fc.constantFrom(Object.freeze(['Markets']) as string[], Object.freeze([] as string[]) as string[], ['Policy']),
  source: fc.constantFrom('Decrypt', 'The Block', 'CoinDesk'),
  sourceKey: fc.constantFrom('decrypt', 'the-block', 'coindesk'),
  lang: fc.constantFrom('en', 'en-US', 'de', null),
  sentiment: fc.constantFrom<Article['sentiment']>('positive', 'negative', 'neutral', null),
  // Dates on the since:/until: bounds below as well as between them.
  publishedAt: fc.option(fc.oneof(fc.constantFrom(Date.UTC(2025, 5, 1), Date.UTC(2025, 2, 1)), fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2025, 11, 1) })), { nil: null }),
  draft: fc.boolean(),
  stickyWeight: fc.constantFrom(0, 0, 2),
  body: fc.constantFrom('', 'bitcoin miners and $SOL', 'regulators said no'),
});
const term = fc.constantFrom(
  'tag:btc', 'tag:etf', 'tag:mining', 'tag:regulation', 'category:markets', 'cat:policy', 'source:decrypt', 'source:"the block"',
  'lang:en', 'lang:de', 'sentiment:negative', 'since:2025-06-01', 'until:2025-03-01', 'is:draft', 'is:sticky', 'coin:btc', 'coin:sol',
  '"spot etf"', 'bitcoin', 'etf', 'sec', 'mi',
);
const query = fc.array(fc.tuple(fc.boolean(), term), { maxLength: 4 }).map((ts) => ts.map(([neg, t]) => (neg ? `-${t}` : t)).join(' '));

describe('filters by article id from columns', () => {
  it('keep the articles the per-article filters keep', () => {
    fc.assert(
      fc.property(fc.array(article, { minLength: 1, maxLength: 30 }), query, fc.boolean(), fc.boolean(), fc.boolean(), (parts, input, includeDrafts, indexed, withBody) => {
        const docs = makeCorpus(parts);
        const hays: Hay[] = docs.map(makeHay);
        const q = parseQuery(input, NOW);
        // An index that holds negated words and coins: answers with the in-memory test itself.
        const holder: TermHolder | null = indexed ? (t) => (id) => compileFilters({ ...q, terms: [{ ...t, negate: false }] }, true)(docs[id], hays[id], true) : null;
        const order = docs.map((a) => a.id).reverse();
        const keep = (id: number): boolean => id % 7 !== 3;
        const expected = order.filter((id) => keep(id) && compileFilters(q, includeDrafts, holder)(docs[id], hays[id], withBody));
        const columns = new FilterColumns(docs, (id) => hays[id]);
        const { byId, rest } = compileIdFilters(q, includeDrafts, holder, (t) => columns.holds(t), keep);
        expect(passing(order, byId, rest, docs, (id) => hays[id], withBody, withBody ? Infinity : 0)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('cover the articles added after the first use', () => {
    const docs = makeCorpus([{ tags: ['BTC'] }, { tags: ['ETH'] }]);
    const hays = docs.map(makeHay);
    const columns = new FilterColumns(docs, (id) => hays[id]);
    expect([0, 1].filter(columns.holds(parseQuery('tag:btc', NOW).terms[0])!)).toEqual([0]);
    const more = makeCorpus([{ tags: ['BTC'] }, { tags: ['ETH'] }, { tags: ['btc'], draft: true }]);
    docs.push(more[2]);
    hays.push(makeHay(more[2]));
    expect([0, 1, 2].filter(columns.holds(parseQuery('tag:btc', NOW).terms[0])!)).toEqual([0, 2]);
    expect([0, 1, 2].filter(columns.holds(parseQuery('is:draft', NOW).terms[0])!)).toEqual([2]);
    expect(columns.holds(parseQuery('bitcoin', NOW).terms[0])).toBeNull();
  });

  it('decide dates and the draft and sticky flags without making a haystack, then the groups on first use', () => {
    const docs = makeCorpus([{ tags: ['BTC'], publishedAt: Date.UTC(2025, 6, 1) }, { tags: ['ETH'], draft: true, publishedAt: null }]);
    const hays = docs.map(makeHay);
    const asked: number[] = [];
    const columns = new FilterColumns(docs, (id) => (asked.push(id), hays[id]));
    // The list's first query (no drafts) and the date and flag filters read no haystack.
    expect([0, 1].filter(columns.holds(parseQuery('is:draft', NOW).terms[0])!)).toEqual([1]);
    expect([0, 1].filter(columns.holds(parseQuery('since:2025-06-01', NOW).terms[0])!)).toEqual([0]);
    expect([0, 1].filter(columns.holds(parseQuery('is:sticky', NOW).terms[0])!)).toEqual([]);
    expect(asked).toEqual([]);
    // An article added before the first tag filter: its flags and its groups are both covered.
    const more = makeCorpus([{}, {}, { tags: ['btc'], stickyWeight: 2, publishedAt: Date.UTC(2025, 7, 1) }]);
    docs.push(more[2]);
    hays.push(makeHay(more[2]));
    expect([0, 1, 2].filter(columns.holds(parseQuery('tag:btc', NOW).terms[0])!)).toEqual([0, 2]);
    expect(asked).toEqual([0, 1, 2]);
    expect([0, 1, 2].filter(columns.holds(parseQuery('is:sticky', NOW).terms[0])!)).toEqual([2]);
    expect([0, 1, 2].filter(columns.holds(parseQuery('since:2025-06-01', NOW).terms[0])!)).toEqual([0, 2]);
    // cover() (SearchIndex.prepare's step) makes nothing twice.
    columns.cover();
    expect(asked).toEqual([0, 1, 2]);
  });
});
