// The coins subsystem's public face: the coins of an article (memoised per article, since the
// list, the filters and the pulse all ask again), matching a `coin:` query value, and the asset
// table for names and colours.
import type { Article } from '../article.js';
import { assetTable, TICKER_ALIASES } from './assets.js';
import { detectCoins, type CoinMention } from './detect.js';

export { assetOf, resolveCoin, type Asset } from './assets.js';
export { cashtags, detectCoins, proseCoins, type CoinInput, type CoinMention, type CoinSource } from './detect.js';
export { isWordTicker, WORD_NAMES } from './words.js';

const memo = new WeakMap<Article, readonly CoinMention[]>();
const NONE: readonly CoinMention[] = Object.freeze([]);

/**
 * The coins of an article from what is in memory (front-matter coin fields, tags, title and
 * description, cashtags in those): what the list's chips and the pulse count. Memoised.
 */
export function articleCoins(a: Article): readonly CoinMention[] {
  let coins = memo.get(a);
  if (!coins) {
    const found = detectCoins({ title: a.title, description: a.description, tags: a.tags, coinFields: a.coinFields ?? [] });
    coins = found.length ? found : NONE;
    memo.set(a, coins);
  }
  return coins;
}

/**
 * Gives articleCoins the coins of `a` found elsewhere (the dashboard's facts worker ran the same
 * detection), so a `coin:` filter over 100k articles does not detect them again on the UI thread.
 */
export function primeArticleCoins(a: Article, coins: readonly CoinMention[]): void {
  if (!memo.has(a)) memo.set(a, coins.length ? coins : NONE);
}

const withBodyMemo = new WeakMap<Article, CoinMention[]>();
/** Body text searched for cashtags: a 1 MB body costs the inspector no more than a long article. */
export const CASHTAG_SCAN_CHARS = 64 * 1024;

/**
 * articleCoins plus cashtags in the body (`$SOL` in a paragraph; the first CASHTAG_SCAN_CHARS of
 * it): what the inspector and `--print json` show. Memoised.
 */
export function articleCoinsWithBody(a: Article): CoinMention[] {
  let coins = withBodyMemo.get(a);
  if (!coins) {
    const body = a.body.length > CASHTAG_SCAN_CHARS ? a.body.slice(0, CASHTAG_SCAN_CHARS) : a.body;
    coins = detectCoins({ title: a.title, description: a.description, tags: a.tags, coinFields: a.coinFields ?? [], body });
    withBodyMemo.set(a, coins);
  }
  return coins;
}

/** The tickers of articleCoins, most trusted first. */
export function coinSymbols(a: Article): string[] {
  return articleCoins(a).map((c) => c.symbol);
}

// Cashtag spellings of a ticker as they appear in a lower-cased body: `$btc`, `$xbt`.
function spellings(symbol: string): string[] {
  const out = [`$${symbol.toLowerCase()}`];
  for (const [alias, to] of Object.entries(TICKER_ALIASES)) if (to === symbol) out.push(`$${alias.toLowerCase()}`);
  return out;
}

const isWordByte = (b: number | undefined): boolean =>
  b !== undefined && ((b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7a) || b >= 0x80);

/** True when a lower-cased UTF-8 body holds a cashtag of `symbol` (`$sol`, not `$solar`). */
export function bodyHasCashtag(lowerBody: Buffer, symbol: string): boolean {
  for (const tag of spellings(symbol)) {
    for (let at = lowerBody.indexOf(tag); at >= 0; at = lowerBody.indexOf(tag, at + 1)) {
      if (!isWordByte(lowerBody[at + tag.length]) && !isWordByte(lowerBody[at - 1])) return true;
    }
  }
  return false;
}

/** True when `symbol` is a known ticker (after resolveCoin). */
export function isKnownCoin(symbol: string): boolean {
  return assetTable().bySymbol.has(symbol);
}
