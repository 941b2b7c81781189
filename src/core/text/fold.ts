// The one rule by which search compares text: case, accents, invisible characters, the way
// punctuation is typed and the spacing and inline markup between words are ignored, so
// `sao paulo` finds "São Paulo", `tag:steuerrecht` finds "Steuer\u00adrecht", `binance's` finds
// "Binance’s" and the phrase `"first spot etf"` finds "first *spot*\netf". Every kind of query term
// and every searched field goes through `foldText`, the article's side once when it is indexed
// (haystacks' short fields) and the query's side once when it is parsed, so the two always agree.
// Bodies (the bytes search reads, the FTS5 table's text) are first read as their reader is shown
// them (escapes, character references and HTML: shown/shown-text.ts), then take rules 1 and 2 only
// (foldBody): rule 3 is applied as a phrase is matched in them (phrase-bytes.ts), which costs
// nothing per body.
//
// The rule:
//   1. lower-case (String#toLowerCase, locale-independent);
//   2. character by character (fold-table.ts): letters of the Latin, Greek and Cyrillic blocks
//      lose their diacritics (NFD, then the combining marks of U+0300-036F, U+1AB0-1AFF,
//      U+1DC0-1DFF, U+20D0-20FF and U+FE20-FE2F dropped: é -> e, ά -> α, ё -> е), as do the
//      stroked letters and the dotless i (ł đ ħ ŧ ø ı -> l d h t o i); ß œ æ ĳ ſ þ ð and the ﬁ
//      ligatures are spelled out (ss oe ae ij s th d fi); Arabic harakat and Hebrew points are dropped;
//      format characters (soft hyphen, zero-width space/joiners, word joiner, direction marks, BOM)
//      are removed, never read as a break; full-width ASCII reads as ASCII (ＥＴＦ -> etf);
//      ’ ‘ ʼ ′ read as ', “ ” „ « » as ", the dashes (hyphen, non-breaking hyphen, figure, en and
//      em dash, horizontal bar, minus sign, small and full-width hyphen-minus) as -;
//   3. between words: a run of whitespace (any: line breaks, tabs, no-break and ideographic
//      spaces), with the inline Markdown markup next to it (`*` `_` `` ` `` `~` `[` `]` `<` `>`
//      and double quotes, and the hidden tail of a link after its `]`: `(url "title")` or a
//      reference's `[1]`, link-tail.ts), reads as one space: `*spot* **etf**` -> `*spot etf**`,
//      `[first spot](https://x.com/a) etf` -> `[first spot etf`, `see <https://x.com> now` ->
//      `see https://x.com now`. A line break is a space too, so one fold never holds a field's
//      end: fields are joined after (foldJoined).
// Marks of other scripts (Indic and Thai vowel signs, Japanese dakuten) change the letter rather
// than accent it, and are kept.
//
// SQLite FTS5's `unicode61 remove_diacritics 2` tokenizer would fold differently (it keeps ł, ß
// and soft hyphens apart), so the index stores text already passed through this function.

import { foldTable, MAY_FOLD } from './fold-table.js';
import { linkTailEnd } from './link-tail.js';
import { shownText } from './shown/shown-text.js';

// What a character is between words: 1 a plain space, 2 other whitespace, 3 inline markup, 0 a
// word's. ASCII by table; beyond it, the whitespace of JavaScript's \s (the BOM is removed first).
// `<` and `>` are an autolink's (`<https://x.com>`) and a quote's continued line's (`> `).
const MARKUP = '*_`~[]<>"';
const CLOSE_BRACKET = 0x5d;
// The whitespace beyond ASCII, as inclusive code point ranges.
const UNICODE_SPACES: readonly (readonly [number, number])[] = [[0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000]];
const KIND = new Uint8Array(128);
KIND[32] = 1;
for (const c of [9, 10, 11, 12, 13]) KIND[c] = 2;
for (const c of MARKUP) KIND[c.charCodeAt(0)] = 3;

/**
 * What UTF-16 unit (or code point) `c` is between words, by fold rule 3: 1 a plain space, 2 other
 * whitespace, 3 inline markup, 0 part of a word. The one definition of a gap (phrase-bytes.ts
 * reads bodies' bytes by it).
 */
export function gapKind(c: number): number {
  if (c < 128) return KIND[c];
  for (const [from, to] of UNICODE_SPACES) if (c >= from && c <= to) return 2;
  return 0;
}

/**
 * Calls `gap(start, end)` for each run of s[start, end) that reads as one space: a maximal run of
 * whitespace and markup holding some whitespace, unless it is one plain space already. A run of
 * markup alone (`**`, `snake_case`) is no gap. One pass, no regular expression: a body has a gap a
 * line, and a pattern that read markup back and forth was 5x the fold's time.
 */
function eachGap(s: string, gap: (start: number, end: number) => void): void {
  const n = s.length;
  const unit = (k: number): number => s.charCodeAt(k);
  for (let i = 0; i < n; i++) {
    if (gapKind(s.charCodeAt(i)) === 0) continue;
    let j = i;
    let spaces = 0;
    let others = 0;
    for (; j < n; j++) {
      const c = s.charCodeAt(j);
      const k = gapKind(c);
      if (k === 0) break;
      if (k === 1) spaces += 1;
      else if (k === 2) others += 1;
      else if (c === CLOSE_BRACKET) {
        // A link's hidden tail is markup: its spaces (a title's) are not the gap's.
        const tail = linkTailEnd(unit, n, j);
        if (tail > 0) j = tail - 1;
      }
    }
    if (others > 0 || (spaces > 0 && j - i > 1)) gap(i, j);
    i = j;
  }
}

/**
 * The gaps of `s` that foldText reads as one space, as [start, end) pairs of UTF-16 offsets in
 * order, or [] when none (folded-texts.ts keeps them to give a row's original text back).
 */
export function gapRuns(s: string): number[] {
  const runs: number[] = [];
  if (HAS_GAP.test(s)) eachGap(s, (start, end) => void runs.push(start, end));
  return runs;
}

// Whether s may hold a gap that is not one plain space (eachGap calls nothing without one): a
// whitespace unit other than the space, a space beside another space or markup, or a link's
// tail (`](`, `][`), which may end beside a space. Built from the kinds above (gapKind), so the
// test and the loop read the same characters.
const unit = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
const OTHER_SPACE_CLASS = `\\t\\n\\v\\f\\r${UNICODE_SPACES.map(([from, to]) => (from === to ? unit(from) : `${unit(from)}-${unit(to)}`)).join('')}`;
const MARKUP_CLASS = [...MARKUP].map((c) => unit(c.charCodeAt(0))).join('');
const HAS_GAP = new RegExp(`[${OTHER_SPACE_CLASS}]| [ ${MARKUP_CLASS}]|[${MARKUP_CLASS}] |\\][(\\[]`);

// s with each gap (eachGap) read as one space.
function squashGaps(s: string): string {
  let out = '';
  let last = 0;
  eachGap(s, (start, end) => {
    out += `${s.slice(last, start)} `;
    last = end;
  });
  return last === 0 ? s : out + s.slice(last);
}

// Code unit -> its folded form, built on first need (a few ms), so an ASCII corpus never pays.
let table: Map<number, string> | null = null;

// lower (lower-cased) with every unit of the table folded.
function foldUnits(lower: string): string {
  const t = (table ??= foldTable());
  let out = '';
  let last = 0;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code < 0xab) continue;
    const folded = t.get(code);
    if (folded === undefined) continue;
    out += lower.slice(last, i) + folded;
    last = i + 1;
  }
  return last === 0 ? lower : out + lower.slice(last);
}

/**
 * Text as search compares it (see the rule above). Pure: the same input always gives the same
 * output, whatever the locale. Input is best NFC (articles and queries are normalised on the way
 * in), but decomposed accents fold the same way. The result may be shorter or longer than the
 * input (foldOffsets maps it back).
 */
export function foldText(text: string): string {
  const units = foldLetters(text);
  // Most fields have no gap but single spaces: one native test spares the loop over every unit.
  return HAS_GAP.test(units) ? squashGaps(units) : units;
}

/** foldText's rules 1 and 2 (case, accents, invisible characters, punctuation), its spacing and markup kept as written. */
export function foldLetters(text: string): string {
  const lower = text.toLowerCase();
  // Most text (ASCII, CJK) only needs lower-casing: one native test spares the table.
  return MAY_FOLD.test(lower) ? foldUnits(lower) : lower;
}

/**
 * A body as search holds it: its text as the reader is shown it (shown/shown-text.ts: escapes,
 * character references and HTML read as the renderer reads them), then foldLetters. Search matches
 * a phrase in it with a gap wherever the phrase has a space (phrase-bytes.ts bodyHasPhrase), which
 * reads the spacing as foldText would; FTS5's tokenizer splits on spacing and markup alike. Every
 * body search reads comes from here: the parse threads', the index's, one read back from its file.
 */
export function foldBody(text: string): string {
  return foldLetters(shownText(text));
}

// A character beyond ASCII.
const NOT_ASCII = /[^\x00-\x7f]/;

/**
 * foldBody(text), and whether it is ASCII given whether `text` is (`ascii`): a body shown as
 * written folds to ASCII when it is ASCII, and one whose references were decoded (`&euro;`) is
 * looked at again. The parse threads write an ASCII fold's bytes without encoding them.
 */
export function foldBodyAscii(text: string, ascii: boolean): { folded: string; ascii: boolean } {
  const shown = shownText(text);
  const folded = foldLetters(shown);
  return { folded, ascii: ascii && (shown === text || !NOT_ASCII.test(folded)) };
}

/** Each part folded, joined by `\n` (which no fold holds): one flat string, fields kept apart. */
export function foldJoined(parts: readonly string[]): string {
  return parts.map(foldText).join('\n');
}

/**
 * foldBody(text) as UTF-8 bytes in a buffer of their own, for a folded body kept in memory.
 * `Buffer.from(string)` cuts strings under 4 KB from Node's shared 8 KB pool, and one kept slice
 * pins its whole slab: the newest 10k bodies (15 MB) read one by one among other allocations held
 * 56 MB of slabs at 100k articles.
 */
export function foldedBytes(text: string): Buffer {
  const folded = foldBody(text);
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(folded, 'utf8'));
  bytes.write(folded, 'utf8');
  return bytes;
}

/** Where each unit of foldText(text) came from in `text`: units [from[k], to[k]). */
export interface FoldOffsets {
  from: number[];
  to: number[];
}

/**
 * The offsets of foldText(text) in `text` (a title's highlights found in its fold, drawn on the
 * title), or null when the fold maps unit to unit (nearly every title). Made a code point at a
 * time, as foldText would fold it alone: lower-casing never changes a length by context.
 */
export function foldOffsets(text: string): FoldOffsets | null {
  const lower = text.toLowerCase();
  if (lower.length === text.length && !MAY_FOLD.test(lower) && squashGaps(lower) === lower) return null;
  const from: number[] = [];
  const to: number[] = [];
  let units = '';
  let i = 0;
  for (const ch of text) {
    const piece = foldUnits(ch.toLowerCase());
    for (let k = 0; k < piece.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    units += piece;
    i += ch.length;
  }
  // The gaps: a run read as one space spans every unit of the run.
  const out: FoldOffsets = { from: [], to: [] };
  const keep = (start: number, end: number): void => {
    for (let k = start; k < end; k++) {
      out.from.push(from[k]);
      out.to.push(to[k]);
    }
  };
  let last = 0;
  eachGap(units, (at, end) => {
    keep(last, at);
    out.from.push(from[at]);
    out.to.push(to[end - 1]);
    last = end;
  });
  keep(last, units.length);
  return out;
}
