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

/** The coins of the articles a source knows (undefined for the others): see useKnownCoins. */
export type KnownCoins = (a: Article) => readonly CoinMention[] | undefined;
let known: KnownCoins | null = null;

/**
 * Gives articleCoins the coins of the articles `source` knows, found elsewhere with the same
 * detection (the dashboard's facts worker), asked before anything is detected or memoised here:
 * a whole corpus primed into the memo (primeArticleCoins) held a WeakMap entry and a list an
 * article (~85 MB at a million). Null forgets it. Returns the source it replaced.
 */
export function useKnownCoins(source: KnownCoins | null): KnownCoins | null {
  const before = known;
  known = source;
  return before;
}

/**
 * The coins of an article from what is in memory (front-matter coin fields, tags, title and
 * description, cashtags in those): what the list's chips and the pulse count. Memoised.
 */
export function articleCoins(a: Article): readonly CoinMention[] {
  const given = known?.(a);
  if (given !== undefined) return given;
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

// Cashtag spellings of every asset (`$sol` -> SOL, `$xbt` -> BTC): those of letters and digits
// only by the spelling, the others (a manifest ticker such as `$PAC`) apart.
let spellingTable: { plain: Map<string, string[]>; odd: Array<[string, string]> } | null = null;
function allSpellings(): NonNullable<typeof spellingTable> {
  if (spellingTable) return spellingTable;
  const plain = new Map<string, string[]>();
  const odd: Array<[string, string]> = [];
  for (const symbol of new Set([...assetTable().bySymbol.values()].map((a) => a.symbol))) {
    for (const tag of spellings(symbol)) {
      if (!/^\$[0-9a-z]+$/.test(tag)) odd.push([tag, symbol]);
      else if (!plain.get(tag)?.push(symbol)) plain.set(tag, [symbol]);
    }
  }
  return (spellingTable = { plain, odd });
}

// isWordByte for a UTF-16 unit of the same text: a character at or past 0x80 is all bytes past 0x80 in UTF-8.
const isWordUnit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || c >= 0x80;

/**
 * Every asset whose cashtag a folded body holds: exactly the symbols S for which
 * bodyHasCashtag(Buffer.from(foldedBody), S) is true, found in one pass over the body's `$`
 * signs instead of one search per asset. What the on-disk index stores so `coin:` needs no body.
 */
export function bodyCashtagSymbols(foldedBody: string): string[] {
  const { plain, odd } = allSpellings();
  const out = new Set<string>();
  for (let at = foldedBody.indexOf('$'); at >= 0; at = foldedBody.indexOf('$', at + 1)) {
    if (at > 0 && isWordUnit(foldedBody.charCodeAt(at - 1))) continue;
    let end = at + 1;
    while (end < foldedBody.length && isWordUnit(foldedBody.charCodeAt(end))) end++;
    for (const symbol of plain.get(foldedBody.slice(at, end)) ?? []) out.add(symbol);
  }
  if (odd.length > 0 && foldedBody.includes('$')) {
    const bytes = Buffer.from(foldedBody, 'utf8');
    for (const [, symbol] of odd) if (!out.has(symbol) && bodyHasCashtag(bytes, symbol)) out.add(symbol);
  }
  return [...out];
}

/** True when `symbol` is a known ticker (after resolveCoin). */
export function isKnownCoin(symbol: string): boolean {
  return assetTable().bySymbol.has(symbol);
}
