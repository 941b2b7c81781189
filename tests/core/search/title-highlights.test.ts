import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { occurrences } from '../../../src/core/search/haystack.js';
import { parseQuery, type ParsedQuery } from '../../../src/core/search/query.js';
import type { Hit } from '../../../src/core/search/search-settings.js';
import { FUZZY_TITLE_OPTIONS, titleHits, type RankedMatch } from '../../../src/core/search/title-highlights.js';
import { foldText } from '../../../src/core/text/index.js';
import { SearchIndex } from '../../../src/core/search/search.js';
import { makeCorpus } from '../../helpers/make-article.js';

// Every hit's highlights made at once, with one Fuse over all the fuzzy titles: how the list's
// highlights were made before they were made per drawn row. The lazy ones must equal these.
function atOnce(ranked: readonly RankedMatch[], q: ParsedQuery, folded: (id: number) => string, length: (id: number) => number): Hit[] {
  const needles = [...q.words, ...q.phrases];
  const hits: Hit[] = ranked.map((r) => {
    const found = needles.length ? occurrences(folded(r.id), needles, length(r.id)) : [];
    return { id: r.id, score: r.score, titleMatches: found };
  });
  const fuzzy = hits.filter((h, i) => h.titleMatches.length === 0 && ranked[i].tier === 2);
  if (fuzzy.length && q.text.length > 2) {
    for (const m of new Fuse(fuzzy.map((h) => folded(h.id)), FUZZY_TITLE_OPTIONS).search(q.text)) {
      const indices = m.matches?.[0]?.indices ?? [];
      if (indices.length) fuzzy[m.refIndex].titleMatches = indices.map(([s, e]) => [s, e] as const);
    }
  }
  return hits;
}

// Titles with the words spelled right, misspelt, split, accented and absent, so each query meets
// exact, fuzzy-only and unmatched titles.
const WORDS = ['Bitcoin', 'Bitconi', 'Bit coin', 'Solana', 'Solnaa', 'Ethereum', 'Etherium', 'São Paulo', 'Sao Palo', 'Mining', 'Minning', 'ETF', 'SEC', 'Halving', 'Whale'];
const titles = Array.from({ length: 400 }, (_, i) => {
  const pick = (k: number) => WORDS[(i * 7 + k * 13 + (i >> 3)) % WORDS.length];
  return `${pick(0)} ${i % 3 ? pick(1) : 'Markets'} ${i % 5 ? pick(2) : ''} Update ${i}`.replace(/ +/g, ' ');
});
const folded = (id: number) => foldText(titles[id]);
const length = (id: number) => titles[id].length;
const title = (id: number) => titles[id];
const QUERIES = ['bitcoin', 'bitconi', 'solana etf', 'etherum', 'sao paulo', '"bit coin"', 'mining whale', 'bi', 'minnig', 'zzqx'];

describe('titleHits', () => {
  it.each(QUERIES)('marks every title as one Fuse over all the fuzzy titles would: %s', (query) => {
    const q = parseQuery(query);
    // Every title, as fuse-ranked (tier 2) and as exact-only (tier 3) in turn.
    const ranked: RankedMatch[] = titles.map((_, id) => ({ id, tier: id % 4 === 3 ? 3 : 2, score: id / titles.length }));
    const lazy = titleHits(ranked, q, folded, title);
    const eager = atOnce(ranked, q, folded, length);
    expect(lazy.map((h) => [h.id, h.score, h.titleMatches])).toEqual(eager.map((h) => [h.id, h.score, h.titleMatches]));
    // The cases the comparison is about occur: fuzzy-only marks and exact ones.
    if (query === 'bitconi') expect(eager.some((h, i) => ranked[i].tier === 2 && h.titleMatches.length > 0 && !folded(h.id).includes('bitconi'))).toBe(true);
  });

  it('reads no title until a hit’s highlights are read, and each title once', () => {
    const q = parseQuery('bitconi');
    const reads = new Map<number, number>();
    const counting = (id: number) => {
      reads.set(id, (reads.get(id) ?? 0) + 1);
      return folded(id);
    };
    const hits = titleHits(titles.map((_, id) => ({ id, tier: 2, score: 0.5 })), q, counting, title);
    expect(hits).toHaveLength(titles.length);
    expect(reads.size).toBe(0);
    // The rows a list draws.
    const drawn = hits.slice(10, 45);
    const first = drawn.map((h) => h.titleMatches);
    expect(drawn.map((h) => h.titleMatches)).toEqual(first);
    expect([...reads.keys()].sort((a, b) => a - b)).toEqual(drawn.map((h) => h.id));
    expect([...reads.values()].every((n) => n === 1)).toBe(true);
  });

  it('gives plain objects: a copy or JSON carries the highlights', () => {
    const [hit] = titleHits([{ id: 0, tier: 2, score: 0.1 }], parseQuery(titles[0].split(' ')[0]), folded, title);
    expect({ ...hit }.titleMatches).toEqual(hit.titleMatches);
    expect(JSON.parse(JSON.stringify(hit)).titleMatches).toEqual(hit.titleMatches.map((r) => [...r]));
    expect(hit.titleMatches.length).toBeGreaterThan(0);
  });
});

describe('SearchIndex highlights', () => {
  it('match the reference for every hit of a limited search', () => {
    const corpus = makeCorpus(titles.map((title, i) => ({ title, publishedAt: Date.UTC(2025, 0, 1) + i * 60_000 })));
    const index = new SearchIndex(corpus);
    for (const query of QUERIES) {
      const { hits } = index.search(query, { limit: 1000, now: Date.UTC(2025, 5, 1) });
      const q = parseQuery(query);
      for (const h of hits) {
        const exact = occurrences(folded(h.id), [...q.words, ...q.phrases], length(h.id));
        // Exact occurrences win; otherwise marks only where fuse matched the title.
        if (exact.length) expect(h.titleMatches).toEqual(exact);
        else for (const [s, e] of h.titleMatches) expect(0 <= s && s <= e && e < titles[h.id].length).toBe(true);
      }
    }
  });
});

describe('titleHits on titles the fold changes the length of', () => {
  it.each([
    ['Double  spaced  title', '"spaced title"', 'spaced  title'],
    ['Die Maßnahmen der Straße', 'strasse', 'Straße'],
    ['Krypto\u00adwährungs\u00adregulierung kommt', 'kryptowahrungsregulierung', 'Krypto\u00adwährungs\u00adregulierung'],
    ['Binance’s CEO', "binance's", 'Binance’s'],
  ])('%s: %s marks %s', (title, query, marked) => {
    const [hit] = titleHits([{ id: 0, tier: 3, score: 1 }], parseQuery(query), () => foldText(title), () => title);
    expect(hit.titleMatches.map(([s, e]) => title.slice(s, e + 1))).toEqual([marked]);
  });
});
