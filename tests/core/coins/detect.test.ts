import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assetOf, cashtags, detectCoins, proseCoins, resolveCoin } from '../../../src/core/coins/index.js';
import { assetTable } from '../../../src/core/coins/assets.js';
import { proseWords } from '../../../src/core/coins/prose-words.js';
import { COMPANY_WORDS, INSTITUTION_WORDS, PHRASE_NAMES, WORD_NAMES } from '../../../src/core/coins/words.js';

interface Cases { coins: Array<[string, string[]]>; words: Array<[string, string[]]> }
const cases = JSON.parse(readFileSync(new URL('../../fixtures/coins/prose.json', import.meta.url), 'utf8')) as Cases;

describe('coins in prose', () => {
  it.each(cases.coins)('finds the coins of %j', (text, expected) => {
    expect(proseCoins(text)).toEqual(expected);
  });
  it.each(cases.words)('does not take ordinary words for coins in %j', (text, expected) => {
    expect(proseCoins(text)).toEqual(expected);
  });
  it('finds every asset name that is no word, of one word or several, in running text, in any case', () => {
    const t = assetTable();
    let names = 0;
    for (const [name, symbol] of t.byName) {
      // Names prose cannot hold as its words (`shiba-inu`) and names that are words are out of this rule.
      if (WORD_NAMES.has(name) || proseWords(name).map((w) => w.text).join(' ') !== name) continue;
      names += 1;
      // A phrase name counts written as a name only (`Bitcoin Gold`, not `bitcoin gold correlation`).
      if (PHRASE_NAMES.has(name)) {
        const written = name.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
        expect(proseCoins(`Traders bought ${written} on Monday`), name).toContain(symbol);
        expect(proseCoins(`Traders bought ${name} on Monday`), name).not.toContain(symbol);
        continue;
      }
      expect(proseCoins(`Traders bought ${name} on Monday`), name).toContain(symbol);
      expect(proseCoins(`${name.toUpperCase()} falls`.replace(/^./, (c) => c.toUpperCase())), name).toContain(symbol);
    }
    expect(names).toBeGreaterThan(300);
  });
  it('reads a firm or a school after a ticker that is no word only from the company words', () => {
    for (const w of INSTITUTION_WORDS) expect(COMPANY_WORDS.has(w), w).toBe(true);
  });
  it('takes the longest name at a place, and a name cut short by the end of the text as the shorter one', () => {
    expect(proseCoins('Bitcoin Cash and Bitcoin')).toEqual(['BCH', 'BTC']);
    expect(proseCoins('Miners of Bitcoin')).toEqual(['BTC']);
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
  it('finds a cashtag after a price\'s `$`, and none where every `$` is a price\'s', () => {
    expect(cashtags('Fund raises $40M at $64,000, then $SOL and $eth jump')).toEqual(['SOL', 'ETH']);
    expect(cashtags('$64,000 then $5 and $ 12')).toEqual([]);
    expect(proseCoins('Up $3 after $LINK listing')).toEqual(['LINK']);
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
