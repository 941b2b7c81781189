import { describe, expect, it } from 'vitest';
import { CAP, QueryError, SearchIndex, type SearchOptions } from '../../../src/core/search/search.js';
import { makeArticle, makeCorpus } from '../../helpers/make-article.js';

const NOW = Date.UTC(2025, 10, 30); // 2025-11-30T00:00Z
const at = (iso: string): number => Date.parse(iso);

const corpus = makeCorpus([
  /* 0 */ { title: 'Bitfarms Will Wind Down Bitcoin Mining', source: 'Decrypt', sourceKey: 'decrypt', tags: ['BTC', 'BUSINESS', 'MINING'], categories: ['BTC'], sentiment: 'NEGATIVE', score: 0, publishedAt: at('2025-11-14T02:13:55Z'), body: 'The company pivots to artificial intelligence.' },
  /* 1 */ { title: 'Solana ETF Approved by SEC', source: 'The Block', sourceKey: 'the-block', tags: ['SOL', 'ETF'], categories: ['SOL'], sentiment: 'POSITIVE', score: 80, publishedAt: at('2025-11-20T10:00:00Z') },
  /* 2 */ { title: 'Ethereum Upgrade Ships', source: 'CoinDesk', sourceKey: 'coindesk', tags: ['ETH'], categories: ['ETH'], sentiment: 'neutral', score: 50, lang: 'de', publishedAt: at('2025-11-10T08:00:00Z'), body: 'Blob fees fall.' },
  /* 3 */ { title: 'Bitcoin Treasury Report', source: 'Decrypt', sourceKey: 'decrypt', tags: ['BTC'], draft: true, publishedAt: at('2025-11-25T00:00:00Z') },
  /* 4 */ { title: 'Weekly Market Wrap', source: 'Decrypt', sourceKey: 'decrypt', tags: ['MARKET'], stickyWeight: 5, publishedAt: at('2025-10-01T00:00:00Z'), body: 'Both bitcoin and solana rallied this week.' },
  /* 5 */ { title: 'Undated Note on Miners', source: 'Bitcoin Magazine', sourceKey: 'bitcoin-magazine', tags: ['MINING'], publishedAt: null },
  /* 6 */ { title: 'Bitcoin', source: 'CoinDesk', sourceKey: 'coindesk', tags: ['BTC'], score: 10, publishedAt: at('2025-09-01T00:00:00Z') },
  /* 7 */ { title: 'Whale Moves 10,000 BTC to Exchange', source: 'The Block', sourceKey: 'the-block', tags: ['BTC', 'WHALES'], sentiment: 'NEGATIVE', score: 30, lang: 'en-US', publishedAt: at('2025-11-28T00:00:00Z') },
  /* 8 */ { title: 'Pinned Guide to Wallets', source: 'CoinDesk', sourceKey: 'coindesk', tags: ['GUIDE'], stickyWeight: 1, publishedAt: at('2025-11-01T00:00:00Z') },
]);
const index = new SearchIndex(corpus);
const ids = (query: string, opts: SearchOptions = {}): number[] => index.search(query, { now: NOW, ...opts }).hits.map((h) => h.id);
const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

describe('filters', () => {
  const cases: Array<[string, number[], SearchOptions?]> = [
    ['tag:mining', [0, 5]],
    ['tag:MINING', [0, 5]],
    ['TAG:Mining', [0, 5]],
    ['tag:btc', [0, 6, 7]],
    ['tag:btc', [0, 3, 6, 7], { includeDrafts: true }],
    ['is:draft', [3]],
    ['-is:draft', [0, 1, 2, 4, 5, 6, 7, 8], { includeDrafts: true }],
    ['is:sticky', [4, 8]],
    ['source:decrypt', [0, 4]],
    ['source:Decrypt', [0, 4]],
    ['source:"the block"', [1, 7]],
    ['source:the-block', [1, 7]],
    ['source:magazine', [5]],
    ['-source:decrypt', [1, 2, 5, 6, 7, 8]],
    ['category:btc', [0]],
    ['sentiment:negative', [0, 7]],
    ['sentiment:neg', [0, 7]],
    ['sentiment:POSITIVE', [1]],
    ['sentiment:neutral', [2]],
    ['-sentiment:negative', [1, 2, 4, 5, 6, 8]],
    ['sentiment:none', [4, 5, 6, 8]],
    ['-sentiment:none', [0, 1, 2, 7]],
    ['lang:en', [0, 1, 4, 5, 6, 7, 8]],
    ['lang:de', [2]],
    ['since:2025-11-14', [0, 1, 7]],
    ['until:2025-11-14', [0, 2, 4, 6, 8]],
    ['since:2025-11-01 until:2025-11-14', [0, 2, 8]],
    ['since:7d', [7]],
    ['since:7d', [3, 7], { includeDrafts: true }],
    ['"wind down"', [0]],
    ['"BLOB FEES"', [2]],
    ['-"wind down" tag:btc', [6, 7]],
    ['-bitcoin', [1, 2, 7, 8]],
    ['tag:btc sentiment:negative', [0, 7]],
    ['tag:btc sentiment:negative source:decrypt', [0]],
    ['tag:mining -source:decrypt', [5]],
  ];
  it.each(cases)('%s %j', (query, expected, opts) => {
    expect(sorted(ids(query, opts))).toEqual(expected);
  });
});

describe('free text', () => {
  it('finds title, source and body-only matches, exact title first', () => {
    const got = ids('bitcoin');
    expect(sorted(got)).toEqual([0, 4, 5, 6]);
    expect(got[0]).toBe(6);
  });
  it('ANDs free words with each other and with filters', () => {
    expect(sorted(ids('bitcoin mining'))).toEqual([0, 5]); // 5: source Bitcoin Magazine, tag MINING
    expect(ids('bitcoin mining intelligence')).toEqual([0]);
    expect(sorted(ids('bitcoin tag:mining'))).toEqual([0, 5]);
    expect(ids('solana rallied')).toEqual([4]);
  });
  it('hides drafts from free text unless asked', () => {
    expect(ids('treasury')).toEqual([]);
    expect(ids('treasury', { includeDrafts: true })).toEqual([3]);
    expect(ids('is:draft treasury')).toEqual([3]);
  });
  it('ranks a title containing the whole query as a phrase first', () => {
    expect(ids('etf approved')[0]).toBe(1);
  });
  it.each([
    ['bitconi', 6],
    ['solnaa', 1],
    ['etherum', 2],
  ])('forgives the typo %s', (query, expected) => {
    expect(ids(query)).toContain(expected);
  });
  it('lists one- and two-character queries by title (sticky, then newest first), then by tag prefix', () => {
    expect(ids('in')).toEqual([8, 0, 6, 5]);
    expect(ids('bu')).toEqual([0]);
    expect(ids('x')).toEqual([7]);
  });
  it('throws QueryError for a malformed query', () => {
    expect(() => index.search('foo:bar bitcoin')).toThrow(QueryError);
  });
});

describe('order and sorts', () => {
  const cases: Array<[string, SearchOptions, number[], string]> = [
    ['', {}, [4, 8, 7, 1, 0, 2, 6, 5], 'date'],
    ['', { sort: 'relevance' }, [4, 8, 7, 1, 0, 2, 6, 5], 'date'],
    ['', { sort: 'title' }, [6, 0, 2, 8, 1, 5, 4, 7], 'title'],
    ['', { sort: 'score' }, [1, 2, 7, 6, 0, 4, 8, 5], 'score'],
    ['tag:btc', {}, [7, 0, 6], 'date'],
    ['bitcoin', { sort: 'date' }, [4, 0, 6, 5], 'date'],
    ['bitcoin', { sort: 'title' }, [6, 0, 5, 4], 'title'],
    ['bitcoin', { sort: 'score' }, [6, 0, 4, 5], 'score'],
  ];
  it.each(cases)('%j %j', (query, opts, expected, sort) => {
    const r = index.search(query, { now: NOW, ...opts });
    expect(r.hits.map((h) => h.id)).toEqual(expected);
    expect(r.sort).toBe(sort);
  });
  it('uses relevance by default when there is free text', () => {
    expect(index.search('bitcoin', { now: NOW }).sort).toBe('relevance');
    expect(index.search('"wind down"', { now: NOW }).sort).toBe('relevance');
  });
  it('counts total before the limit', () => {
    const r = index.search('', { now: NOW, limit: 3 });
    expect(r.hits.map((h) => h.id)).toEqual([4, 8, 7]);
    expect(r.total).toBe(8);
    expect(index.search('tag:btc', { now: NOW, limit: 0 })).toMatchObject({ hits: [], total: 3 });
  });
});

describe('titleMatches', () => {
  const matchesOf = (query: string, id: number): ReadonlyArray<readonly [number, number]> | undefined =>
    index.search(query, { now: NOW }).hits.find((h) => h.id === id)?.titleMatches;
  const cases: Array<[string, number, Array<[number, number]>]> = [
    ['bitcoin mining', 0, [[24, 30], [32, 37]]],
    ['"wind down"', 0, [[14, 22]]],
    ['down wind', 0, [[14, 17], [19, 22]]],
    ['wa', 8, [[16, 17]]],
    ['tag:btc', 0, []],
    ['bitcoin', 4, []],
  ];
  it.each(cases)('%s on article %i', (query, id, expected) => {
    expect(matchesOf(query, id)).toEqual(expected);
  });
  it('marks fuzzy matches inside the title for a typo', () => {
    const ranges = matchesOf('bitconi', 6) ?? [];
    expect(ranges.length).toBeGreaterThan(0);
    for (const [s, e] of ranges) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(e).toBeLessThan('Bitcoin'.length);
      expect(s).toBeLessThanOrEqual(e);
    }
  });
});

describe('incremental add', () => {
  it('searches articles added later, with continuing ids', () => {
    const idx = new SearchIndex(corpus.slice(0, 5));
    expect(idx.size).toBe(5);
    expect(idx.search('tag:btc', { now: NOW }).hits.map((h) => h.id)).toEqual([0]);
    idx.add(corpus.slice(5));
    expect(idx.size).toBe(9);
    expect(idx.search('tag:btc', { now: NOW }).hits.map((h) => h.id)).toEqual([7, 0, 6]);
    expect(idx.search('', { now: NOW }).hits.map((h) => h.id)).toEqual([4, 8, 7, 1, 0, 2, 6, 5]);
    expect(idx.article(6).title).toBe('Bitcoin');
  });
  it('rejects ids that do not continue and unknown ids', () => {
    const idx = new SearchIndex(corpus.slice(0, 2));
    expect(() => idx.add([makeArticle({ id: 5 })])).toThrow(RangeError);
    expect(() => idx.article(9)).toThrow(RangeError);
  });
});

describe('beyond the cap', () => {
  // Filler is newest; the needles live in the oldest articles, past CAP.
  const n = CAP + 500;
  const big = makeCorpus(
    Array.from({ length: n }, (_, i) => ({
      title: i === n - 1 ? 'Quasar Protocol Launches' : `Market note ${i}`,
      body: i === n - 2 ? 'An obscure zephyrine token.' : 'Prices moved.',
      publishedAt: Date.UTC(2025, 0, 1) - i * 60_000,
    })),
  );
  const bigIndex = new SearchIndex(big);
  it.each([
    ['quasar', n - 1],
    ['zephyrine', n - 2],
    ['quasra', n - 1],
  ])('finds %s', (query, expected) => {
    expect(bigIndex.search(query, { now: NOW }).hits.map((h) => h.id)).toContain(expected);
  });
  it('returns every match without a limit, and at most the limit with one', () => {
    const all = bigIndex.search('market', { now: NOW });
    expect(all.total).toBe(n - 1);
    expect(all.hits).toHaveLength(n - 1);
    expect(new Set(all.hits.map((h) => h.id)).size).toBe(n - 1);
    const limited = bigIndex.search('market', { now: NOW, limit: 10 });
    expect(limited.hits.map((h) => h.id)).toEqual(all.hits.slice(0, 10).map((h) => h.id));
    expect(limited.total).toBeLessThan(n - 1);
    expect(limited.approximate).toBe(true);
    expect(all.approximate).toBe(false);
    expect(bigIndex.search('quasar', { now: NOW, limit: 10 }).approximate).toBe(false);
  });
  it('gives the same results after prepare() as without it', () => {
    const prepared = new SearchIndex(big);
    prepared.prepare();
    for (const query of ['quasar', 'quasra', 'mar', 'market note 3', 'zephyrine']) {
      expect(prepared.search(query, { now: NOW, limit: 30 })).toEqual(bigIndex.search(query, { now: NOW, limit: 30 }));
    }
  });
  it('gives the same results with prepareSteps() run part of the way, in turns, as without it', () => {
    const stepped = new SearchIndex(big);
    const steps = stepped.prepareSteps();
    // One step per chunk of articles, then the fuse records and the three warming searches.
    expect(steps.length).toBeGreaterThanOrEqual(5);
    for (const [k, step] of steps.entries()) {
      step();
      if (k % 2) expect(stepped.search('b', { now: NOW, limit: 30 })).toEqual(bigIndex.search('b', { now: NOW, limit: 30 }));
    }
    for (const query of ['quasar', 'quasra', 'ma', 'market note 3']) {
      expect(stepped.search(query, { now: NOW, limit: 30 })).toEqual(bigIndex.search(query, { now: NOW, limit: 30 }));
    }
  });
  it('gives the same results when typed key by key as when searched fresh', () => {
    const typed = new SearchIndex(big);
    const text = 'market note 14';
    for (let k = 1; k <= text.length; k++) {
      const prefix = text.slice(0, k);
      const fresh = new SearchIndex(big).search(prefix, { now: NOW, limit: 20 });
      expect(typed.search(prefix, { now: NOW, limit: 20 })).toEqual(fresh);
    }
  });
});
