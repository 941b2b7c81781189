import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assetOf, detectCoins, proseCoins, resolveCoin } from '../../../src/core/coins/index.js';

interface Cases { coins: Array<[string, string[]]>; words: Array<[string, string[]]> }
const cases = JSON.parse(readFileSync(new URL('../../fixtures/coins/prose.json', import.meta.url), 'utf8')) as Cases;

describe('coins in prose', () => {
  it.each(cases.coins)('finds the coins of %j', (text, expected) => {
    expect(proseCoins(text)).toEqual(expected);
  });
  it.each(cases.words)('does not take ordinary words for coins in %j', (text, expected) => {
    expect(proseCoins(text)).toEqual(expected);
  });
});

describe('detectCoins', () => {
  it('reads front-matter values, tags and cashtags, and says where each was found, most trusted first', () => {
    const found = detectCoins({
      title: 'Solana rallies',
      description: 'LINK holders cheer',
      tags: ['BTC', 'gas', 'mining'],
      coinFields: ['eth', 'Bitcoin Cash'],
      body: 'Traders bought $sol and $ONE overnight.',
    });
    expect(found).toEqual([
      { symbol: 'ETH', where: ['front matter'] },
      { symbol: 'BCH', where: ['front matter'] },
      { symbol: 'BTC', where: ['tag'] },
      { symbol: 'SOL', where: ['cashtag', 'title'] },
      { symbol: 'ONE', where: ['cashtag'] },
    ]);
  });
  it('takes a word-ticker from front matter and a cashtag, never from a lower-case tag', () => {
    expect(detectCoins({ title: '', description: '', tags: ['link', 'ton'], coinFields: ['TON'] }).map((c) => c.symbol)).toEqual(['TON']);
    expect(detectCoins({ title: '', description: '', tags: ['LINK'], coinFields: [] }).map((c) => c.symbol)).toEqual(['LINK']);
  });
  it('splits a front-matter value holding several tickers', () => {
    expect(detectCoins({ title: '', description: '', tags: [], coinFields: ['BTC ETH'] }).map((c) => c.symbol)).toEqual(['BTC', 'ETH']);
  });
  it('ignores a cashtag that names no asset and a dollar amount', () => {
    expect(detectCoins({ title: 'Fund raises $40M', description: '$NOTACOIN moons', tags: [], coinFields: [] })).toEqual([]);
  });
});

describe('the asset table', () => {
  it('resolves tickers, names and the project aliases, ignoring case', () => {
    expect(resolveCoin('btc')).toBe('BTC');
    expect(resolveCoin('Bitcoin')).toBe('BTC');
    expect(resolveCoin('xbt')).toBe('BTC');
    expect(resolveCoin('ether')).toBe('ETH');
    expect(resolveCoin('bitcoin cash')).toBe('BCH');
    expect(resolveCoin('$sol')).toBe('SOL');
    expect(resolveCoin('dollars')).toBeNull();
  });
  it('carries the dataset brand colours and leaves fiat out', () => {
    expect(assetOf('btc')?.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(assetOf('SOL')?.name).toBe('Solana');
    expect(assetOf('USD')).toBeUndefined();
  });
});
