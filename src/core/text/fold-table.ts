// The character half of the search fold (fold.ts): what each UTF-16 unit becomes once lower-cased.
// Only the units that change are listed; the rest fold to their lower case.

// Blocks whose letters lose their diacritics: Latin-1 Supplement to Latin Extended-B, the
// combining marks, Greek and Cyrillic, Latin Extended Additional, Greek Extended.
const ACCENTED: ReadonlyArray<readonly [number, number]> = [[0xc0, 0x24f], [0x300, 0x4ff], [0x1ab0, 0x1fff], [0x20d0, 0x20ff], [0xfe20, 0xfe2f]];
const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
// Letters Unicode does not decompose, read as their base letter(s): the stroked letters and the
// dotless i, the long s, and ß and the ligatures spelled out (`strasse` finds Straße); the
// Icelandic and Old English eth and thorn as Icelandic is written in ASCII (ð -> d, þ -> th:
// `thingvellir` finds Þingvellir, `godafoss` Goðafoss).
const SPELLED: Readonly<Record<string, string>> = { ł: 'l', đ: 'd', ħ: 'h', ŧ: 't', ø: 'o', ı: 'i', ſ: 's', ß: 'ss', œ: 'oe', æ: 'ae', ĳ: 'ij', ð: 'd', þ: 'th' };

// Characters that are not there for search: the soft hyphen, zero-width space, non-joiner and
// joiner, direction marks and embeddings, word joiner and invisible operators, the BOM, the Arabic
// letter mark and the Mongolian vowel separator; the Arabic tatweel (a stretch of the line);
// the Arabic harakat and superscript alef and the Hebrew points and cantillation, which vowel a
// word rather than make another letter (as accents do in Latin).
const REMOVED: ReadonlyArray<readonly [number, number]> = [
  [0xad, 0xad], [0x61c, 0x61c], [0x180e, 0x180e], [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x2064], [0x2066, 0x206f], [0xfeff, 0xfeff],
  [0x640, 0x640], [0x64b, 0x65f], [0x670, 0x670],
  [0x591, 0x5bd], [0x5bf, 0x5bf], [0x5c1, 0x5c2], [0x5c4, 0x5c5], [0x5c7, 0x5c7],
];

// Punctuation written several ways, read as one: apostrophes and primes as `'`, typographic
// double quotes as `"`, the dashes as `-` (the hyphen, non-breaking hyphen, figure, en and em
// dashes, the horizontal bar, the minus sign and the small hyphen-minus and em dash; the
// full-width hyphen-minus is full-width ASCII, below), the ideographic space as ` `. A range typed
// `2024-2025` is written `2024–2025` by typographers and word processors, `layer-2` comes out of
// some editors as `layer‑2`: a reader sees one dash, and search reads one.
const SAME: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u201b': "'", '\u02bc': "'", '\u2032': "'", '\u00b4': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-', '\ufe58': '-', '\ufe63': '-',
  '\u3000': ' ',
};

/** Every unit that may fold to something else than itself once lower-cased: a test before the table is read. */
export const MAY_FOLD = /[\u00ab\u00ad\u00b4\u00bb-\u024f\u02bc\u0300-\u04ff\u0591-\u05c7\u061c\u0640\u064b-\u065f\u0670\u180e\u1ab0-\u1fff\u200b-\u2015\u2018-\u201f\u202a-\u202e\u2032\u2033\u2060-\u206f\u20d0-\u20ff\u2212\u3000\ufb00-\ufb06\ufe20-\ufe2f\ufe58\ufe63\ufeff\uff01-\uff5e]/;

/** Code unit (lower-cased) -> its folded form ('' when removed), for every unit that changes. */
export function foldTable(): Map<number, string> {
  const t = new Map<number, string>();
  for (const [from, to] of ACCENTED) {
    for (let code = from; code <= to; code++) {
      const ch = String.fromCharCode(code);
      let out = ch.normalize('NFD').replace(MARKS, '');
      // A decomposition that keeps a second character used a mark of another script (Balinese
      // U+1B06 is U+1B05 + a vowel sign): that mark changes the letter, so the letter stays.
      if (out.length > 1) continue;
      out = SPELLED[out] ?? out;
      if (out !== ch) t.set(code, out);
    }
  }
  for (const [from, to] of REMOVED) {
    // Only marks within the Hebrew range: maqaf, paseq and sof pasuq are punctuation.
    for (let code = from; code <= to; code++) if (from < 0x590 || from > 0x5c7 || /\p{Mn}/u.test(String.fromCharCode(code))) t.set(code, '');
  }
  for (const [ch, out] of Object.entries(SAME)) t.set(ch.charCodeAt(0), out);
  // Latin ligatures (ﬁ -> fi) and full-width ASCII (ＥＴＦ -> etf), as NFKC reads them.
  for (let code = 0xfb00; code <= 0xfb06; code++) t.set(code, String.fromCharCode(code).normalize('NFKC'));
  for (let code = 0xff01; code <= 0xff5e; code++) t.set(code, String.fromCharCode(code - 0xfee0).toLowerCase());
  return t;
}
