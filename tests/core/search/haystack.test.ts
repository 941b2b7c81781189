// makeHay shares lower-cased values between articles (memo tables, lists reused when already
// lower-case); sharing must never hand one article another's value or skip lower-casing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hayTitle, makeHay, shortIncludes, squashSpaces, titleIncludes } from '../../../src/core/search/haystack.js';
import { makeArticle } from '../../helpers/make-article.js';

describe('makeHay', () => {
  it('lower-cases tags and categories, reusing a list that already is', () => {
    const mixed = makeArticle({ tags: ['BTC', 'mining'], categories: ['Markets'] });
    const lower = makeArticle({ tags: ['btc', 'mining'], categories: [] });
    expect(makeHay(mixed).hayLists.tags).toEqual(['btc', 'mining']);
    expect(makeHay(mixed).hayLists.categories).toEqual(['markets']);
    expect(mixed.tags).toEqual(['BTC', 'mining']);
    expect(makeHay(lower).hayLists.tags).toBe(lower.tags);
  });

  it('keeps each article its own source, language and sentiment when values repeat', () => {
    const a = makeArticle({ source: 'The Block', sourceKey: 'the-block', lang: 'EN-us', sentiment: 'NEGATIVE' });
    const b = makeArticle({ source: 'Decrypt', sourceKey: 'decrypt', lang: null, sentiment: null });
    const again = makeArticle({ source: 'The Block', sourceKey: 'the-block', lang: 'EN-us', sentiment: 'NEGATIVE' });
    for (const x of [a, again]) {
      const hay = makeHay(x);
      expect([hay.hayMeta.sourceName, hay.hayMeta.sourceKey, hay.hayMeta.lang, hay.hayMeta.sentiment]).toEqual(['theblock', 'theblock', 'en-us', 'negative']);
    }
    const hb = makeHay(b);
    expect([hb.hayMeta.sourceName, hb.hayMeta.sourceKey, hb.hayMeta.lang, hb.hayMeta.sentiment]).toEqual(['decrypt', 'decrypt', '', null]);
  });

  it('shares one meta part among the articles with the same source, key, language and sentiment, and only among them', () => {
    const same = [0, 1].map(() => makeHay(makeArticle({ source: 'CoinDesk', sourceKey: 'coindesk', lang: 'en', sentiment: 'positive' })));
    expect(same[0].hayMeta).toBe(same[1].hayMeta);
    const others = [
      { source: 'CoinDesk', sourceKey: 'coindesk', lang: 'en', sentiment: null },
      { source: 'CoinDesk', sourceKey: 'coindesk', lang: null, sentiment: 'positive' },
      { source: 'CoinDesk', sourceKey: 'cd', lang: 'en', sentiment: 'positive' },
      { source: 'Coindesk', sourceKey: 'coindesk', lang: 'en', sentiment: 'positive' },
    ].map((f) => makeHay(makeArticle(f)).hayMeta);
    for (const m of others) expect(m).not.toBe(same[0].hayMeta);
    expect(others.map((m) => [m.lang, m.sentiment])).toEqual([['en', null], ['', 'positive'], ['en', 'positive'], ['en', 'positive']]);
  });

  it('keeps the folded title at the start of the short fields, and finds words only there', () => {
    const a = makeArticle({ title: 'İstanbul Bitcoin ETF', description: 'Solana and ETF flows', tags: ['Mining'] });
    const hay = makeHay(a);
    // Folded (text/fold.ts): lower-cased and without the dot above, so the length is the title's.
    expect(hayTitle(hay)).toBe('istanbul bitcoin etf');
    expect(hayTitle(hay)).toHaveLength(a.title.length);
    expect(titleIncludes(hay, 'bitcoin etf')).toBe(true);
    expect(titleIncludes(hay, 'etf')).toBe(true);
    expect(titleIncludes(hay, 'solana')).toBe(false);
    expect(titleIncludes(hay, 'etf solana')).toBe(false);
    expect(titleIncludes(hay, 'mining')).toBe(false);
    expect(shortIncludes(hay, 'mining')).toBe(true);
    expect(shortIncludes(hay, 'flows')).toBe(true);
    expect(shortIncludes(hay, 'decrypt')).toBe(true);
  });
});

describe('squashSpaces', () => {
  it('collapses every run of whitespace and trims, leaving single-spaced text as it is', () => {
    const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
    fc.assert(fc.property(fc.stringMatching(/^[ a-z\t\n\u00a0\u3000é]{0,12}$/), (s) => squashSpaces(s) === squash(s)));
    expect(squashSpaces('Bitcoin  ETF\u00a0 news ')).toBe('Bitcoin ETF news');
  });
});
