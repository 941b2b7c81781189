// The one rule by which search compares text: case and accents are ignored, so `sao paulo`
// finds "São Paulo", `tag:regulation` finds "Régulation" and `source:"les echos"` finds
// "Les Échos". Every kind of query term and every searched field goes through `foldText`, the
// article's side once when it is indexed (haystacks, the bodies read for search) and the
// query's side once when it is parsed, so the two always agree.
//
// The rule, character by character (so a string folds the same wherever it appears):
//   1. lower-case (String#toLowerCase, locale-independent);
//   2. letters of the Latin, Greek and Cyrillic blocks lose their diacritics: the character is
//      decomposed (NFD) and the combining marks of U+0300-036F, U+1AB0-1AFF, U+1DC0-1DFF,
//      U+20D0-20FF and U+FE20-FE2F are dropped (é -> e, ñ -> n, ά -> α, ё -> е); a
//      combining mark from those blocks standing alone (decomposed input) is dropped too;
//   3. letters with a stroke, and the dotless i, which Unicode does not decompose, read as their
//      base letter: ł đ ħ ŧ ø ı -> l d h t o i.
// Marks of other scripts (Indic vowel signs, Hebrew points, Arabic harakat, Japanese dakuten)
// change the letter rather than accent it, and are kept. Ligatures and ß are not expanded, so
// every precomposed character folds to exactly one UTF-16 unit (title highlights map back
// position for position); only a combining mark written separately is dropped.
//
// Close to SQLite FTS5's `unicode61` tokenizer with `remove_diacritics 2` on Latin text; an index
// that must agree exactly should store text already passed through this function.

// Blocks whose characters this rule may change after lower-casing: Latin-1 Supplement to Latin
// Extended-B, the combining marks, Greek and Cyrillic, Latin Extended Additional, Greek Extended.
const BLOCKS: ReadonlyArray<readonly [number, number]> = [[0xc0, 0x24f], [0x300, 0x4ff], [0x1ab0, 0x1fff], [0x20d0, 0x20ff], [0xfe20, 0xfe2f]];
const MAY_FOLD = /[\u00c0-\u024f\u0300-\u04ff\u1ab0-\u1fff\u20d0-\u20ff\ufe20-\ufe2f]/;
const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const STROKES: Readonly<Record<string, string>> = { ł: 'l', đ: 'd', ħ: 'h', ŧ: 't', ø: 'o', ı: 'i' };

// Code unit -> its folded form, for the ~1,100 characters of BLOCKS that change; built on first
// need (a few ms), so a corpus without accents never pays for it.
let table: Map<number, string> | null = null;

function foldTable(): Map<number, string> {
  const t = new Map<number, string>();
  for (const [from, to] of BLOCKS) {
    for (let code = from; code <= to; code++) {
      const ch = String.fromCharCode(code);
      let out = ch.normalize('NFD').replace(MARKS, '');
      // A decomposition that keeps a second character used a mark of another script (Balinese
      // U+1B06 is U+1B05 + a vowel sign): that mark changes the letter, so the letter stays.
      if (out.length > 1) continue;
      out = STROKES[out] ?? out;
      if (out !== ch) t.set(code, out);
    }
  }
  return t;
}

/**
 * Text as search compares it: lower-cased, accents dropped (see the rule above). Pure: the same
 * input always gives the same output, whatever the locale. Input is best NFC (articles and
 * queries are normalised on the way in), but decomposed accents fold the same way.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Most text (ASCII, CJK, punctuation) only needs lower-casing; one native test decides.
  if (!MAY_FOLD.test(lower)) return lower;
  const t = (table ??= foldTable());
  let out = '';
  let last = 0;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code < 0xc0) continue;
    const folded = t.get(code);
    if (folded === undefined) continue;
    out += lower.slice(last, i) + folded;
    last = i + 1;
  }
  return last === 0 ? lower : out + lower.slice(last);
}

/**
 * foldText(text) as UTF-8 bytes in a buffer of their own, for a folded body kept in memory.
 * `Buffer.from(string)` cuts strings under 4 KB from Node's shared 8 KB pool, and one kept slice
 * pins its whole slab: the newest 10k bodies (15 MB) read one by one among other allocations held
 * 56 MB of slabs at 100k articles.
 */
export function foldedBytes(text: string): Buffer {
  const folded = foldText(text);
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(folded, 'utf8'));
  bytes.write(folded, 'utf8');
  return bytes;
}
