// The one place that decides how many terminal columns text takes, and the form text is drawn in.
//
// Terminals disagree with each other and with Unicode about some characters, and Ink positions a
// pane's right border by string-width's count, so any row the terminal draws wider or narrower
// than that count moves the frame. The rule here: text is first put in a *display form*, then
// measured at its widest reading, and Ink is told that width.
// - Format characters (Unicode Cf: soft hyphen, zero-width space/non-joiner/joiner, word joiner,
//   LRM/RLM/ALM, U+2061-2064, a BOM inside text, tag characters) draw nothing, but Ink counts one
//   standing alone as a column; they are removed (the wrapper uses soft hyphen and zero-width
//   space as break points first). A joiner inside an emoji ZWJ sequence is part of the emoji and stays.
// - Emoji sequences are kept whole: a skin-tone modifier makes 👍🏽 2 columns in kitty and 4 in tmux
//   3.3 and xterm, a ZWJ sequence (👩‍🔬) 2 in kitty and tmux 3.3a, 4 in xterm and older tmux
//   (tmux 3.3a draws one at its first emoji's width: 🏳️‍🌈 and ❤️‍🔥 in 1 column).
//   Such a cluster is measured at its widest reading (4) and followed by WIDE_PAD marks for the
//   columns string-width does not count, so Ink's layout reserves the widest width too. The marks
//   never reach the terminal: the frame writer (ui/frame/frame-writer.ts) blanks the reserved cells,
//   draws the emoji at the first, and moves the cursor past the last, so the rest of the row
//   starts at the same column in every terminal, whatever width it gave the emoji.
// - VS16 makes ❤️ 1 or 2 columns: the variation selectors are dropped so the base character keeps
//   its one width everywhere. A keycap (1️⃣, #️⃣, *️⃣; 1⃣ written without VS16) is no base character:
//   dropping its marks left a bare digit, so it is kept whole, written with VS16 (as an emoji), and
//   placed by the frame writer at string-width's 2 columns, the widest reading (kitty draws it in 2,
//   tmux 3.3a and xterm in 1): see isPlacedCluster.
// - A combining mark with no base (after a space, or first in a span) gets U+25CC as its base,
//   the usual way to show one, instead of merging into whatever cell precedes it on screen.
// - Hangul jamo standing alone (hangul-jamo.ts): fillers as the blanks tmux draws, a lone vowel or
//   final on the fillers Unicode writes it with, one syllable measured as tmux draws it.
// - Each grapheme is then measured as the larger of string-width and the per-code-point wcwidth sum
//   that tmux uses, never less than 1.
// Intl.Segmenter's iterator is quadratic in the string's length on this V8, so long strings are
// segmented in short overlapping chunks, and grapheme widths are cached.
import { eastAsianWidth } from 'get-east-asian-width';
import stringWidth from 'string-width';
import { isOneColumnText, isSteadyText, isSteadyWide } from '../steady/index.js';
import { loneJamoShown, mayHoldLoneJamo } from './hangul-jamo.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const CACHE_LIMIT = 50_000;
const cache = new Map<string, number>();

/**
 * Stands, in display text, for one column of the cluster before it that the widest terminal
 * draws and string-width does not count (a noncharacter: never in text to be shown, string-width
 * counts it as 1, this module as 0). The frame writer turns it into cursor movement.
 */
export const WIDE_PAD = '\ufdd0';
const PADS = /\ufdd0/g;
// Format characters, except a joiner between two pictographs (an emoji ZWJ sequence), the first
// with a skin tone or VS16 (🏳️‍🌈, ❤️‍🔥, 👁️‍🗨️: written so, as Unicode's emoji list has them).
const FORMAT = /(?<!\p{Extended_Pictographic}[\p{Emoji_Modifier}\ufe0f]?)\u200d|\u200d(?!\p{Extended_Pictographic})|[^\P{Cf}\u200d]/gu;
// Where a cluster may be wider on screen than string-width says (it counts a cluster's first
// visible letter and its Mc spacing marks, tmux every code point): a joiner or a skin-tone
// modifier (emoji); a mark, which may join letters into one cluster (an Indic conjunct: क्ष and
// প্র are one cluster since Unicode 15.1, 2 and 3 columns in tmux, 1 in string-width); the Thai and
// Lao vowel AM (a letter, not a mark: กำ and ກຳ take 2 columns in tmux); a letter written before the
// one it joins (Grapheme_Cluster_Break=Prepend: Malayalam dot reph ൎക, Chakma, Zanabazar, Soyombo,
// Masaram Gondi, Kawi); and the Hangul choseong filler after a letter. A test checks every code
// point in such places: none is left where this module and string-width disagree.
const MAY_WIDEN = /[\p{M}\u200d\u0e33\u0eb3\u0d4e\u115f\u{111c2}\u{111c3}\u{113d1}\u{1193f}\u{11941}\u{11a3a}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}]|\p{Emoji_Modifier}/u;
// The Hangul fillers that stand alone: letters that draw as blanks (2 and 1 columns in tmux) and
// that string-width counts as nothing; shown as the blanks they are.
const FILLER = /[\u3164\uffa0]/g;
const blanks = (f: string): string => (f === '\u3164' ? '  ' : ' ');
// A variation selector, but the one a keycap is written with.
const VARIATION = /[\ufe0e\ufe0f](?!\u20e3)/g;
// A keycap as written, with or without VS16 (or with VS15), in the form Unicode's emoji list has it.
const KEYCAP = /([0-9#*])[\ufe0e\ufe0f]?\u20e3/g;
const KEYCAP_MARK = '\u20e3';
// A mark with no letter before it, shown on a dotted circle as Unicode's chapter 2 does; with the
// Thai and Lao vowel AM, a letter that joins the cluster before it as a mark does: after a space
// it made one cluster with the space, which a wrap at that space cut from its WIDE_PAD.
const LONE_MARK = /(^|\s)([\p{M}\u0e33\u0eb3])/gu;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff\ud7b0-\ud7ff]$/u;

/** Text in the form drawn and measured (see the rule at the top of this file); applying it twice changes nothing. */
export function displayText(s: string): string {
  if (isOneColumnText(s)) return s;
  const text = s
    .replace(PADS, '')
    .replace(FORMAT, '')
    .replace(FILLER, blanks)
    .replace(VARIATION, '')
    .replace(KEYCAP, '$1\ufe0f\u20e3')
    .replace(LONE_MARK, '$1\u25cc$2');
  const shown = mayHoldLoneJamo(text) ? loneJamoShown(text) : text;
  return MAY_WIDEN.test(shown) ? padWide(shown) : shown;
}

// Each cluster the widest terminal draws wider than string-width counts gets a WIDE_PAD per column.
function padWide(s: string): string {
  let out = '';
  for (const g of eachGrapheme(s)) {
    out += g;
    if (g.length > 1 && MAY_WIDEN.test(g)) out += WIDE_PAD.repeat(Math.max(0, graphemeWidth(g) - stringWidth(g)));
  }
  return out;
}

/**
 * Whether a row of display text holds a cluster that the frame writer places at the columns ink
 * gave it (ui/frame/frame-writer.ts): one followed by WIDE_PAD marks, or a keycap, which string-
 * width counts as 2 (the widest reading) and tmux 3.3a draws in 1, so what follows it would move left.
 */
export function holdsPlacedCluster(row: string): boolean {
  return row.includes(WIDE_PAD) || row.includes(KEYCAP_MARK);
}

/** Whether one cluster with no WIDE_PAD after it is placed all the same (a keycap: see holdsPlacedCluster). */
export function isPlacedCluster(cluster: string): boolean {
  return cluster.length > 1 && cluster.includes(KEYCAP_MARK);
}

function codePointWidth(ch: string): number {
  if (ZERO_WIDTH.test(ch)) return 0;
  return eastAsianWidth(ch.codePointAt(0) ?? 0);
}

/** Columns one grapheme cluster of display text takes at its widest terminal reading (>= 1). */
export function graphemeWidth(g: string): number {
  if (g.length === 1) {
    const c = g.charCodeAt(0);
    if (c >= 0x20 && c < 0x7f) return 1;
    if (g === WIDE_PAD) return 0;
  }
  let w = cache.get(g);
  if (w === undefined) {
    let perCodePoint = 0;
    for (const ch of g) perCodePoint += codePointWidth(ch);
    const counted = stringWidth(g);
    // A ZWJ sequence is drawn by tmux 3.3a at its first emoji's width (🏳‍⚧ in 1 column, where
    // string-width counts 2): it needs a WIDE_PAD, which has the frame writer place it, even when
    // no terminal draws it wider than string-width counts.
    w = Math.max(1, counted, perCodePoint, g.length > 2 && g.includes('\u200d') ? counted + 1 : 0);
    if (cache.size < CACHE_LIMIT) cache.set(g, w);
  }
  return w;
}

/** Columns taken by display text; stops counting once past `limit` (the result is then > limit). */
export function textWidth(s: string, limit = Infinity): number {
  if (isOneColumnText(s)) return s.length;
  // Steady text by counting, stopping past the limit as the walk below does.
  if (isSteadyText(s)) {
    let w = 0;
    for (let i = 0; i < s.length && w <= limit; i++) w += isSteadyWide(s.charCodeAt(i)) ? 2 : 1;
    return w;
  }
  let w = 0;
  for (const segment of eachGrapheme(s)) {
    w += graphemeWidth(segment);
    if (w > limit) return w;
  }
  return w;
}

/** How much of a display string fits a width: its UTF-16 prefix length and that prefix's width. */
export interface Prefix {
  length: number;
  width: number;
  /** False when the whole string fit. */
  cut: boolean;
}

/** The longest grapheme prefix of display text no wider than `width` columns. */
export function prefixWithin(s: string, width: number): Prefix {
  const budget = Math.max(0, Math.floor(width));
  if (isOneColumnText(s)) return s.length <= budget ? { length: s.length, width: s.length, cut: false } : { length: budget, width: budget, cut: true };
  // Steady text (the list's glyphs, box drawing, CJK): each unit its own grapheme of 1 or 2 columns.
  if (isSteadyText(s)) {
    let used = 0;
    for (let i = 0; i < s.length; i++) {
      const w = isSteadyWide(s.charCodeAt(i)) ? 2 : 1;
      if (used + w > budget) return { length: i, width: used, cut: true };
      used += w;
    }
    return { length: s.length, width: used, cut: false };
  }
  let used = 0;
  let length = 0;
  for (const g of eachGrapheme(s)) {
    const w = graphemeWidth(g);
    if (used + w > budget) return { length, width: used, cut: true };
    used += w;
    length += g.length;
  }
  return { length, width: used, cut: false };
}

/**
 * Columns ink gives text in its layout: string-width's count, which is not this module's rule.
 * Ink places every box by this count, so code that mirrors ink's output grid (the frame writer's
 * cells, the compositor's cached line widths in ui/frame/) must measure with it to land where ink
 * laid things out; everything the product itself measures (cutting, wrapping, padding) uses
 * textWidth, which reads each cluster at its widest terminal width and tells ink the difference
 * with WIDE_PAD marks. For one grapheme cluster ink's cell is max(1, inkWidth(cluster)).
 */
export function inkWidth(text: string): number {
  return stringWidth(text);
}

const CHUNK = 256;

/** The grapheme clusters of a string, lazily, in time linear in its length. */
export function* eachGrapheme(s: string): Generator<string> {
  if (s.length <= CHUNK && isOneColumnText(s)) {
    for (let i = 0; i < s.length; i++) yield s[i];
    return;
  }
  if (s.length <= CHUNK) {
    for (const { segment } of segmenter.segment(s)) yield segment;
    return;
  }
  // The last cluster of each chunk may continue in the next one (a base letter and its accent, a
  // surrogate pair cut in two), so it is carried over and segmented again with what follows.
  let carry = '';
  for (let i = 0; i < s.length; i += CHUNK) {
    const end = i + CHUNK >= s.length;
    let prev: string | null = null;
    for (const { segment } of segmenter.segment(carry + s.slice(i, i + CHUNK))) {
      if (prev !== null) yield prev;
      prev = segment;
    }
    carry = prev ?? '';
    // A single "cluster" longer than a chunk is pathological (thousands of combining marks); it
    // is let go rather than carried on forever.
    if (end || carry.length > CHUNK) {
      if (carry) yield carry;
      carry = '';
    }
  }
}
