// Which coins an article is about, and where each was found. Pure: strings in, mentions out.
// Order of trust (the order mentions are listed in): front-matter fields (`currencies`, `coins`,
// `tickers`, `assets`), tags that name an asset, cashtags (`$SOL`) anywhere in the text, then
// tickers and names in the title and description.
// The word/ticker line: a ticker that is also a word (`ONE`, `LINK`, `GAS`; words.ts) counts in
// prose only written upper-case within a few words of a figure or of another coin; a name that is
// a word (`Maker`, `Stellar`) only capitalised within a few words of a price or a move (`$1,480`,
// `12%`; an amount, `$20M`, is neither); either followed by a company word (`Cortex Labs`,
// `ARK Invest`; words.ts COMPANY_WORDS) is a company's name. Other tickers count written
// upper-case (`SOL`, not `sol`), other names in any case (`Solana`, `solana`).
import { assetTable } from './assets.js';
import { isAllCaps, isTitleCase, mayBeCapitals, proseWords, startsUpper, type Token } from './prose-words.js';
import { ACRONYM_TICKERS, isWordTicker, OTHER_LANGUAGE_TICKERS, PHRASE_NAMES, WORD_NAMES } from './words.js';
import { isZone, namesCompany, namesInstitution, namesProject, opensNounPhrase, owned } from './word-context.js';

/** Where a coin was found, most trusted first. */
export type CoinSource = 'front matter' | 'tag' | 'cashtag' | 'title' | 'description';

/** One coin an article is about: its ticker and every place it was found (in trust order). */
export interface CoinMention {
  symbol: string;
  where: CoinSource[];
}

/** The parts of an article coins are detected in. */
export interface CoinInput {
  title: string;
  description: string;
  tags: readonly string[];
  /** Values of the front-matter coin fields, as written (normalise.ts `coinFields`). */
  coinFields: readonly string[];
  /** Body text to look for cashtags in (any case); '' to skip. */
  body?: string;
}

const CASHTAG = /(?<![\p{L}\p{N}$])\$([A-Za-z][A-Za-z0-9]{1,9})(?![\p{L}\p{N}])/gu;
// What every cashtag holds: a text without it (most, and every one whose `$` is a price's) skips
// CASHTAG's Unicode-aware scan, which a cold index build ran on ~3k titles and descriptions at 10k.
const MAY_HOLD_CASHTAG = /\$[A-Za-z]/;
// Any letter, in any script (a word-ticker's test).
const HAS_LETTER = /\p{L}/u;
// "$64,000", "12%", "3.2B", "1,000 BTC": a figure within reach makes a word-ticker a ticker.
const FIGURE = /[$€£]\s?\d|\d/;
// A name that is a word needs a price or a move ("Maker rises 12%", "Stellar at $0.12"): a bare
// number near a capitalised word is most often a company's ("Cortex Agents, 14 of 20 traders"),
// and so is an amount of money, a sum with a size (`$20M`, `€2bn`, `$40 Million`): a round, a
// fine, a loss or a debt ("Stellar Capital Left With $53M in Bad Debt"). `K` is no size here:
// `$95K` is Bitcoin's price. (The lookahead also refuses a shorter match inside the amount.)
const PRICE = /[$€£]\s?\d[\d,]*(?:\.\d+)?(?![\d.,]*\d|\s?(?:[mbt]n?|mln|million|billion|trillion)\b)|\d\s?%|\d\s?(?:percent|per cent)\b/i;
// How far (in characters) "next to" reaches on either side; the text after runs on to the end of
// the word it cuts, so an amount's size is never cut off (`$40 Milli|on` would read as a price).
const NEAR = 24;
const REACH_AFTER = new RegExp(`^[\\s\\S]{0,${NEAR}}[\\p{L}\\p{N}]*`, 'u');

// "Next to" stays inside the sentence: in "Fees were cut by 13% for most users. Data for the
// period come from ..." the figure is the fees', and `Data` opens a sentence of its own.
// A colon ends a clause as far as "next to" goes: in "Dash to safety: BTC falls 6%" the move is BTC's.
const SENTENCE_END = /[.!?;:](?:\s|$)/g;
const sentenceTail = (before: string): string => {
  let from = 0;
  for (const m of before.matchAll(SENTENCE_END)) from = m.index + m[0].length;
  return before.slice(from);
};
const sentenceHead = (after: string): string => {
  const end = after.search(/[.!?;:](?:\s|$)/);
  return end < 0 ? after : after.slice(0, end);
};

// In a headline written in Title Case every word is capitalised, so a capital says nothing: there
// a name that is a word counts only where it opens the headline or a clause ("Maker Slips to
// $1,480", "Bitcoin, Stellar Jump 5%"), not as its verb or noun ("Solana Fees Rise 49%",
// "Emberly Capital Cuts 58% of Staff", "a Higher Gas Limit"). Title Case: prose-words.ts isTitleCase.
const CLAUSE_START = /(?:^|[:;,.!?(\u2014\u2013]|\s[-\u2013\u2014])\s*["'\u2018\u201c]?$/;
interface Span { symbol: string; start: number; end: number; ticker: boolean }
// What may stand between two tickers of one list: "BTC, ETH and LINK", "SOL/LINK".
const LIST_GAP = /^\s*(?:,|\/|&|\+|and|or|vs\.?)?\s*$/i;


/** The tickers (upper-case, deduplicated, in order) found by cashtag in `text`. */
export function cashtags(text: string): string[] {
  const t = assetTable();
  const out: string[] = [];
  if (!MAY_HOLD_CASHTAG.test(text)) return out;
  for (const m of text.matchAll(CASHTAG)) {
    const asset = t.bySymbol.get(m[1].toUpperCase());
    if (asset && !out.includes(asset.symbol)) out.push(asset.symbol);
  }
  return out;
}

// A front-matter value or tag: a ticker or a name or alias, any case (they are data, not prose).
function valueCoin(value: string): string | null {
  const t = assetTable();
  const v = value.trim().replace(/^\$/, '');
  return t.bySymbol.get(v.toUpperCase())?.symbol ?? t.byName.get(v.toLowerCase().replace(/[\s_-]+/g, ' ')) ?? null;
}

// A front-matter value may hold several tickers ("BTC ETH"): the whole value, else each word.
function valueCoins(value: string): string[] {
  const whole = valueCoin(value);
  if (whole) return [whole];
  return value.split(/\s+/).flatMap((w) => valueCoin(w) ?? []);
}

// Tags repeat across a corpus (10k articles: 27k tags, 44 distinct), so each one's coin is worked
// out once per asset table; bounded, since any string may come from the data.
const MEMO_LIMIT = 4096;
const TAG_COINS = new WeakMap<ReturnType<typeof assetTable>, Map<string, string | null>>();
function tagCoin(tag: string): string | null {
  const t = assetTable();
  let memo = TAG_COINS.get(t);
  if (!memo) TAG_COINS.set(t, (memo = new Map()));
  let coin = memo.get(tag);
  if (coin === undefined) {
    coin = tagCoinIn(t, tag);
    if (memo.size < MEMO_LIMIT) memo.set(tag, coin);
  }
  return coin;
}

// A tag names a coin when it is a ticker that is not also a word (a `gas` tag is about fees), or
// a name that is not a word; written upper-case, a word-ticker counts too (`LINK`).
function tagCoinIn(t: ReturnType<typeof assetTable>, tag: string): string | null {
  const v = tag.trim().replace(/^\$/, '');
  const asset = t.bySymbol.get(v.toUpperCase());
  if (asset && (!isWordTicker(asset.symbol) || v === v.toUpperCase())) return asset.symbol;
  const name = v.toLowerCase().replace(/[\s_-]+/g, ' ');
  return WORD_NAMES.has(name) ? null : t.byName.get(name) ?? null;
}

// The asset names as a tree of their words: the node of a first word holds the name of that one
// word (null when no name is that word alone) and the nodes of the words that continue a name.
// A token that opens no name costs one lookup, and a longer name (`Bitcoin Cash`) is followed a
// word at a time: building and lower-casing the n-grams of every token that opens a name (`the`,
// `bitcoin`, `pro`) was most of a cold index build's coin time (10k articles: ~60 ms warm).
interface NameNode {
  name: string | null;
  next: Map<string, NameNode> | null;
}
const NAME_TREES = new WeakMap<ReturnType<typeof assetTable>, ReadonlyMap<string, NameNode>>();
function nameTree(t: ReturnType<typeof assetTable>): ReadonlyMap<string, NameNode> {
  let tree = NAME_TREES.get(t);
  if (!tree) {
    const roots = new Map<string, NameNode>();
    for (const name of t.byName.keys()) {
      let level = roots;
      let node: NameNode | undefined;
      for (const word of name.split(' ')) {
        node = level.get(word);
        if (!node) level.set(word, (node = { name: null, next: null }));
        level = node.next ??= new Map();
      }
      (node as NameNode).name = name;
    }
    NAME_TREES.set(t, (tree = roots));
  }
  return tree;
}

// A name of several words read as one: a phrase name only written as a name (words.ts
// PHRASE_NAMES), and no name whose last word goes on as a compound (`Bitcoin Cash-Out Scam`).
function nameHolds(text: string, tokens: readonly Token[], i: number, name: string, words: number): boolean {
  if (words === 1) return true;
  const last = tokens[i + words - 1];
  if (text[last.end] === '-' && /\p{L}/u.test(text[last.end + 1] ?? '')) return false;
  if (!PHRASE_NAMES.has(name)) return true;
  for (let k = i; k < i + words; k++) if (!startsUpper(tokens[k].text) && !/^(?:of|the)$/.test(tokens[k].text)) return false;
  return true;
}

// The longest asset name that starts at tokens[i] (its words lower-cased) and holds there (nameHolds), and how many tokens it takes; null for none.
function nameAt(tree: ReadonlyMap<string, NameNode>, text: string, tokens: readonly Token[], i: number, lower: string): { name: string; words: number } | null {
  let node = tree.get(lower);
  let found: { name: string; words: number } | null = null;
  for (let k = 1; node !== undefined; k++) {
    if (node.name !== null && nameHolds(text, tokens, i, node.name, k)) found = { name: node.name, words: k };
    if (node.next === null || i + k >= tokens.length) break;
    node = node.next.get(tokens[i + k].text.toLowerCase());
  }
  return found;
}

/** Coins mentioned in one piece of prose (a title or description), in order of appearance. */
export function proseCoins(text: string): string[] {
  const t = assetTable();
  const tree = nameTree(t);
  const tokens = proseWords(text);
  // `ticker`: written as a ticker or cashtag (what "next to another coin" means: a list of tickers).
  const sure: Span[] = [];
  const maybe: Span[] = [];
  const titleCase = isTitleCase(tokens);
  // In a headline written all in capitals a capital says nothing: a word-ticker there waits for a
  // list of tickers (`BITCOIN HOLDS NEAR $100,000`), and a word of another language for a figure
  // or a list, as a word-ticker does elsewhere (`DÍA DE SOL EN MADRID`).
  const allCaps = isAllCaps(text, tokens);
  for (const m of MAY_HOLD_CASHTAG.test(text) ? text.matchAll(CASHTAG) : []) {
    const asset = t.bySymbol.get(m[1].toUpperCase());
    if (asset) sure.push({ symbol: asset.symbol, start: m.index, end: m.index + m[0].length, ticker: true });
  }
  for (let i = 0; i < tokens.length; i++) {
    // Longest name first: "Bitcoin Cash" is BCH, not BTC.
    const tok = tokens[i];
    const found = nameAt(tree, text, tokens, i, tok.text.toLowerCase());
    if (found) {
      const { name } = found;
      let { words } = found;
      const span = { symbol: t.byName.get(name) as string, start: tok.start, end: tokens[i + words - 1].end, ticker: false };
      if (!WORD_NAMES.has(name)) sure.push(span);
      // Its project's word after it: the coin, whatever the headline's case (`Stellar Development Foundation`).
      else if (startsUpper(tok.text) && namesProject(tokens, i + words)) sure.push(span);
      else if (startsUpper(tok.text) && (!titleCase || CLAUSE_START.test(text.slice(0, span.start)))) {
        if (!namesCompany(text, tokens, i + words) && !opensNounPhrase(text, tokens, i + words) && !owned(text, tok.start)) maybe.push(span);
      }
      // Not the name here; written in capitals it may still be the ticker (`DAI`): the ticker rules decide.
      // (mayBeCapitals first: most such words are lower-case prose, `data`, `rise`, and need no upper-cased copy.)
      else if (words === 1 && mayBeCapitals(tok.text) && tok.text === tok.text.toUpperCase()) words = 0;
      if (words > 0) {
        i += words - 1;
        continue;
      }
    }
    if (!mayBeCapitals(tok.text) || tok.text !== tok.text.toUpperCase() || !HAS_LETTER.test(tok.text)) continue;
    const asset = t.bySymbol.get(tok.text);
    if (!asset || isZone(text, tok)) continue;
    // XBT is the asset's own ticker in another spelling; word-tickers wait for context (and are a company's before a company word).
    const span = { symbol: asset.symbol, start: tok.start, end: tok.end, ticker: true };
    // A ticker that is no word names a firm or a school only before the words that can say nothing
    // else (`ETH Zurich`, `BTC Labs`): `BTC Energy Use Climbs 5%` is Bitcoin's.
    if (isWordTicker(tok.text) ? namesCompany(text, tokens, i + 1) : namesInstitution(text, tokens, i + 1)) continue;
    if (!isWordTicker(tok.text) && !(allCaps && OTHER_LANGUAGE_TICKERS.has(tok.text))) sure.push(span);
    else if (namesProject(tokens, i + 1)) sure.push(span);
    else if (!opensNounPhrase(text, tokens, i + 1) && !owned(text, tok.start)) maybe.push(span);
  }
  for (const m of maybe) {
    const around = `${sentenceTail(text.slice(Math.max(0, m.start - NEAR), m.start))} ${sentenceHead((REACH_AFTER.exec(text.slice(m.end)) as RegExpExecArray)[0])}`;
    const listed = sure.some((s) => s.ticker && s.symbol !== m.symbol && LIST_GAP.test(s.end <= m.start ? text.slice(s.end, m.start) : text.slice(m.end, s.start)));
    const byFigure = !m.ticker ? PRICE.test(around)
      : ACRONYM_TICKERS.has(m.symbol) ? CLAUSE_START.test(text.slice(0, m.start)) && PRICE.test(around)
      : !(allCaps && isWordTicker(m.symbol)) && FIGURE.test(around);
    if (byFigure || (m.ticker && listed)) sure.push(m);
  }
  sure.sort((a, b) => a.start - b.start);
  const out: string[] = [];
  for (const s of sure) if (!out.includes(s.symbol)) out.push(s.symbol);
  return out;
}

/** Every coin an article is about, most trusted first, each with the places it was found. */
export function detectCoins(input: CoinInput): CoinMention[] {
  const found = new Map<string, CoinSource[]>();
  const note = (symbol: string | null, where: CoinSource): void => {
    if (!symbol) return;
    const list = found.get(symbol);
    if (!list) found.set(symbol, [where]);
    else if (!list.includes(where)) list.push(where);
  };
  for (const v of input.coinFields) for (const s of valueCoins(v)) note(s, 'front matter');
  for (const tag of input.tags) note(tagCoin(tag), 'tag');
  // Joined only when one part has a `$`: most have none, and the join is a copy of every part.
  const body = input.body ?? '';
  if (input.title.includes('$') || input.description.includes('$') || body.includes('$')) for (const s of cashtags(`${input.title}\n${input.description}\n${body}`)) note(s, 'cashtag');
  for (const s of proseCoins(input.title)) note(s, 'title');
  for (const s of proseCoins(input.description)) note(s, 'description');
  return [...found].map(([symbol, where]) => ({ symbol, where }));
}
