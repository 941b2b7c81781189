// The words a story is compared by: lower-cased, stop words out, plural and tense endings
// trimmed, amounts written one way ("$63M", "$63 million" and "63 mln" are all `63m`), funds too
// ("exchange-traded funds" are `ETFs`), and
// coins written one way ("Bitcoin", "BTC" and "XBT" are all `btc`), so two outlets' paraphrases
// of one event share their terms. Pure.
import { resolveCoin, isWordTicker, WORD_NAMES } from '../../coins/index.js';

// Function words and the newsroom words every crypto headline uses; they say nothing about
// which event an article reports.
const STOP = new Set(
  ('a an and are as at be been but by for from has have in into is it its of on or over that the their this to was were will with ' +
    'after amid about against says said say new its after before than then there they we you he she his her our not no yes ' +
    'up down out off more most less per via all any can could would should may might also just now what who why how which when where ' +
    'crypto cryptocurrency news report reports week day today market markets').split(' '),
);

const AMOUNT = /\$?(\d+(?:[.,]\d+)?)\s*(million|mln|mn|m|billion|bln|bn|b|thousand|k)\b/gi;
const UNIT: Readonly<Record<string, string>> = { million: 'm', mln: 'm', mn: 'm', m: 'm', billion: 'b', bln: 'b', bn: 'b', b: 'b', thousand: 'k', k: 'k' };

// A light suffix trim (not a full stemmer): enough for "halts"/"halted"/"halting" to meet.
function trim(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 6) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 5) return word.slice(0, -2);
  if (word.endsWith('es') && /(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

const coinMemo = new Map<string, string | null>();
// A coin's name or ticker as its ticker; never for words that are also coins (`one`, `link`, `maker`).
function coinTerm(word: string): string | null {
  let v = coinMemo.get(word);
  if (v === undefined) {
    const symbol = WORD_NAMES.has(word) ? null : resolveCoin(word);
    v = symbol && !isWordTicker(symbol) && (word !== symbol.toLowerCase() || symbol.length >= 3) ? symbol.toLowerCase() : null;
    if (coinMemo.size > 10_000) coinMemo.clear();
    coinMemo.set(word, v);
  }
  return v;
}

/** One word of a text as grouping reads it: its term and how it was written. */
export interface StoryWord {
  term: string;
  /** The word as written (after amounts were rewritten: `$63 million` is `63m`). */
  word: string;
  /** True when the word opens the text or a sentence (its capital says nothing). */
  opens: boolean;
}

// Percentages one way ("44%", "44 percent", "44 per cent" are all `44pct`), and digit groups
// joined ("1,480" is `1480`, not the two terms `1` and `480`).
const PERCENT = /(\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)/gi;
const GROUPED = /\b(\d{1,3}(?:,\d{3})+)(?!\d)/g;
// A fund spelled out as its acronym ("exchange-traded funds" is `ETFs`), so a paraphrase meets it.
const TRADED = /\bexchange[- ]traded (fund|product|note)(s?)\b/gi;
const TRADED_ACRONYM: Readonly<Record<string, string>> = { fund: 'ETF', product: 'ETP', note: 'ETN' };

// True when the word at `at` opens the text or a sentence (a quote or bracket may stand before it).
function opensSentence(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 6), at);
  return /[.!?:;]["'’”)]?\s*["'‘“(]?$/.test(before) || (at <= 6 && /^\s*["'‘“(]?$/.test(before));
}

/** The words of a text with their terms, in order, stop words out. */
export function storyWords(text: string): StoryWord[] {
  const normalised = text
    .replace(GROUPED, (m) => m.replace(/,/g, ''))
    .replace(TRADED, (_m, kind: string, plural: string) => `${TRADED_ACRONYM[kind.toLowerCase()]}${plural}`)
    .replace(AMOUNT, (_m, n: string, unit: string) => ` ${n.replace(',', '.')}${UNIT[unit.toLowerCase()]} `)
    .replace(PERCENT, (_m, n: string) => ` ${n}pct `)
    .replace(/['’]s\b/gi, '');
  const out: StoryWord[] = [];
  for (const m of normalised.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)) {
    const word = m[0];
    const w = word.toLowerCase();
    if (w.length < 2 || STOP.has(w)) continue;
    out.push({ term: coinTerm(w) ?? trim(w), word, opens: opensSentence(normalised, m.index) });
  }
  return out;
}

/** True when `term` is a coin's ticker as storyTerms writes it (`btc` for Bitcoin). */
export function isCoinTerm(term: string): boolean {
  return coinTerm(term) === term && term.length >= 3 && !WORD_NAMES.has(term);
}

/** The comparable terms of a text, in order, repeats kept (term frequency counts them). */
export function storyTerms(text: string): string[] {
  return storyWords(text).map((w) => w.term);
}
