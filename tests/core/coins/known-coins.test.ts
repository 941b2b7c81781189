// useKnownCoins (coins/index.ts): the coins a source found elsewhere (the dashboard's facts) are
// what articleCoins gives for the articles the source knows, before anything is detected here.
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article.js';
import { articleCoins, coinSymbols, useKnownCoins, type CoinMention } from '../../../src/core/coins/index.js';

const article = (id: number, title: string): Article =>
  ({ id, title, description: '', tags: [], coinFields: [], path: `/n/${id}.md` }) as unknown as Article;

afterEach(() => void useKnownCoins(null));

describe('useKnownCoins', () => {
  it("gives a known article's coins from the source, another's detected", () => {
    const known = article(0, 'Bitcoin rallies');
    const other = article(1, 'Solana fees fall');
    const given: readonly CoinMention[] = Object.freeze([Object.freeze({ symbol: 'ETH', where: Object.freeze(['tag']) as CoinMention['where'] })]);
    useKnownCoins((a) => (a === known ? given : undefined));
    expect(articleCoins(known)).toBe(given);
    expect(coinSymbols(other)).toEqual(['SOL']);
  });

  it('gives back the source it replaced; null forgets it', () => {
    const a = article(2, 'Bitcoin rallies');
    const first = (): readonly CoinMention[] => [];
    expect(useKnownCoins(first)).toBe(null);
    expect(articleCoins(a)).toEqual([]);
    expect(useKnownCoins(null)).toBe(first);
    expect(coinSymbols(a)).toEqual(['BTC']);
  });
});
