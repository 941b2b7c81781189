// The words of a title or description as coin detection reads them (detect.ts), found by a scan
// of character codes: exactly the matches of /[\p{L}\p{N}][\p{L}\p{N}.]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu
// (a run of letters, digits and dots that starts and ends with a letter or digit: `U.S`,
// `crypto.com`, `3.2B`). A cold index build detects the coins of every article once; there a
// match object per word, and a Unicode test of each word's first letter, were most of the time
// (10k articles: ~140 ms warm, ~280 ms on a fresh thread). Non-ASCII characters still go through
// the same Unicode property classes, one character at a time.

/** A word of the text and where it sits (UTF-16 offsets, `end` exclusive). */
export interface Token {
  text: string;
  start: number;
  end: number;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const LETTER = /^\p{L}$/u;
const UPPER = /^\p{Lu}$/u;
// Answers for non-ASCII code points, so a text in another script tests each character once;
// bounded, since any code point may come from the data.
const CACHE_LIMIT = 4096;
const wordCache = new Map<number, boolean>();
const letterCache = new Map<number, number>();

function classOf(cache: Map<number, boolean>, pattern: RegExp, cp: number): boolean {
  const known = cache.get(cp);
  if (known !== undefined) return known;
  const is = pattern.test(String.fromCodePoint(cp));
  if (cache.size < CACHE_LIMIT) cache.set(cp, is);
  return is;
}

// A letter or digit (\p{L}, \p{N}).
function isWordCode(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return classOf(wordCache, WORD_CHAR, cp);
}

// 0: not a letter, 1: a letter, 2: an upper-case letter (\p{L}, \p{Lu}).
function letterClass(cp: number): number {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? 2 : cp >= 0x61 && cp <= 0x7a ? 1 : 0;
  const known = letterCache.get(cp);
  if (known !== undefined) return known;
  const s = String.fromCodePoint(cp);
  const c = UPPER.test(s) ? 2 : LETTER.test(s) ? 1 : 0;
  if (letterCache.size < CACHE_LIMIT) letterCache.set(cp, c);
  return c;
}

/** The words of `text` in order (see the top of this file). */
export function proseWords(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i) as number;
    if (!isWordCode(cp)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    // `end`: just past the last letter or digit; dots after it belong to the word only when
    // another letter or digit follows.
    let end = i + (cp > 0xffff ? 2 : 1);
    let j = end;
    while (j < n) {
      const c = text.codePointAt(j) as number;
      if (c === 0x2e) {
        j += 1;
        continue;
      }
      if (!isWordCode(c)) break;
      j += c > 0xffff ? 2 : 1;
      end = j;
    }
    out.push({ text: text.slice(start, end), start, end });
    i = end;
  }
  return out;
}

/**
 * True when the words after the first read as a headline in Title Case: at least two of four or
 * more characters start with a letter, and three in four of those with a capital.
 */
export function isTitleCase(tokens: readonly Token[]): boolean {
  let long = 0;
  let upper = 0;
  for (let k = 1; k < tokens.length; k++) {
    const word = tokens[k].text;
    if (word.length < 4) continue;
    const c = letterClass(word.codePointAt(0) as number);
    if (c === 0) continue;
    long += 1;
    if (c === 2) upper += 1;
  }
  return long >= 2 && upper * 4 >= long * 3;
}

/** True when a word may be written in capitals (it holds no a-z; toUpperCase decides the rest). */
export function mayBeCapitals(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 0x61 && c <= 0x7a) return false;
  }
  return true;
}

/** True when the first character of `word` is an upper-case letter (/^\p{Lu}/u). */
export function startsUpper(word: string): boolean {
  return word.length > 0 && letterClass(word.codePointAt(0) as number) === 2;
}

/**
 * True when `text` is written all in capitals: no lower-case letter in any script, and at least
 * three words of two or more letters (so a bare `BTC ETH` is not a headline).
 */
export function isAllCaps(text: string, tokens: readonly Token[]): boolean {
  // Most texts hold an a-z and leave here; the Unicode test runs only on the rest.
  if (!mayBeCapitals(text) || text !== text.toUpperCase()) return false;
  let words = 0;
  for (const t of tokens) if (t.text.length >= 2 && letterClass(t.text.codePointAt(0) as number) === 2) words += 1;
  return words >= 3;
}
