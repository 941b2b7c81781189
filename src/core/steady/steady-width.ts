// The width of steady text: characters every terminal, string-width and tmux draw at one known
// width each (one column, or two for CJK), so it is measured, cut and padded by counting UTF-16
// units, with no Unicode tables, no grapheme segmenting and no string-width. width/ measures the
// rest and takes this rule from here (width/width.ts); the warm start's first rows (warm-rows.ts)
// use it alone: string-width's module creates an Intl.Segmenter as it loads, and the first Intl
// object a process makes loads ICU's data (~20-40 ms of CPU on this machine) before the rows.

/** Inclusive ranges of UTF-16 units, [first, last]. */
type Ranges = ReadonlyArray<readonly [number, number]>;

// Units that are a grapheme of their own, one column wide in every terminal, and unchanged by
// width/'s display form: printable ASCII, Latin-1 and Latin Extended (no soft hyphen), spacing
// modifiers, Greek and Cyrillic letters, and the dashes, quotes, ellipsis and other punctuation of
// U+2010-2027 and U+2030-205E. Most titles are only these ("Bitcoin — ETF…"), so they are measured
// and cut by length; a test checks each unit against width/'s full rule.
const ONE_COLUMN: Ranges = [
  [0x20, 0x7e], [0xa0, 0xac], [0xae, 0x2ff], [0x370, 0x482], [0x48a, 0x52f], [0x2010, 0x2027], [0x2030, 0x205e],
];
// Further one-column units: arrows, box drawing, block elements and geometric shapes (less the
// two emoji among them, U+25FD-25FE), and ★.
const ONE_COLUMN_SYMBOLS: Ranges = [[0x2190, 0x21ff], [0x2500, 0x25fc], [0x25ff, 0x25ff], [0x2605, 0x2605]];
// Two-column units: CJK ideographs, kana, Hangul syllables and fullwidth forms. A test checks
// every unit of these and the symbols against string-width and width/.
const WIDE: Ranges = [[0x3041, 0x3096], [0x30a1, 0x30fa], [0x4e00, 0x9fff], [0xac00, 0xd7a3], [0xff01, 0xff60]];

// A regex character class of the units in `ranges` (written as \uXXXX escapes, so each is
// literal inside the class).
function unitClass(ranges: Ranges): string {
  const unit = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
  return `[${ranges.map(([a, b]) => (a === b ? unit(a) : `${unit(a)}-${unit(b)}`)).join('')}]`;
}

const SIMPLE = new RegExp(`^${unitClass(ONE_COLUMN)}*$`);
const STEADY = new RegExp(`^${unitClass([...ONE_COLUMN, ...ONE_COLUMN_SYMBOLS, ...WIDE])}*$`);
// Counts the wide units of a line: the regex's native scan is ~35% faster than a loop over
// charCodeAt on a list row (ASCII, one glyph, no wide unit).
const STEADY_WIDE = new RegExp(unitClass(WIDE), 'g');
// The same ranges as [first, last, first, last, …] for isSteadyWide, which the loops that walk a
// text unit by unit call: a typed array and an index are as fast as the comparisons written out,
// where destructuring the pairs was ~13% slower.
const WIDE_BOUNDS = Int32Array.from(WIDE.flat());

/** Whether every UTF-16 unit of `s` is a grapheme of its own, one column wide everywhere (its width is its length). */
export function isOneColumnText(s: string): boolean {
  return SIMPLE.test(s);
}

/** Whether every UTF-16 unit of `s` is steady (see the top): one or two columns, known without segmenting. */
export function isSteadyText(s: string): boolean {
  return STEADY.test(s);
}

/** Whether the steady UTF-16 unit `c` (a char code) takes two columns. */
export function isSteadyWide(c: number): boolean {
  // Most units are below every wide range: one comparison for them.
  if (c < WIDE_BOUNDS[0]) return false;
  for (let i = 0; i < WIDE_BOUNDS.length; i += 2) if (c >= WIDE_BOUNDS[i] && c <= WIDE_BOUNDS[i + 1]) return true;
  return false;
}

/**
 * Columns of `s` (no escapes) when each of its UTF-16 units is steady, by counting: the same as
 * string-width's, width/'s and tmux's count; null for other text.
 */
export function steadyWidth(s: string): number | null {
  if (SIMPLE.test(s)) return s.length;
  if (!STEADY.test(s)) return null;
  STEADY_WIDE.lastIndex = 0;
  let w = s.length;
  while (STEADY_WIDE.exec(s)) w += 1;
  return w;
}

/**
 * Steady text `s` cut or space-padded to exactly `width` columns, with '…' when something was
 * cut: what width/'s padWidth gives for it (a test compares them). Null when `s` is not steady.
 */
export function padSteady(s: string, width: number): string | null {
  const w = steadyWidth(s);
  if (w === null) return null;
  const budget = Math.max(0, Math.floor(width));
  if (w <= budget) return s + ' '.repeat(budget - w);
  if (budget === 0) return '';
  let used = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const cw = isSteadyWide(s.charCodeAt(i)) ? 2 : 1;
    if (used + cw > budget - 1) break;
    used += cw;
  }
  return `${s.slice(0, i)}…${' '.repeat(budget - used - 1)}`;
}
