// The width of steady text: characters every terminal, string-width and tmux draw at one known
// width each (one column, or two for CJK), so it is measured, cut and padded by counting UTF-16
// units, with no Unicode tables, no grapheme segmenting and no string-width. width/ measures the
// rest and takes this rule from here (width/width.ts); the warm start's first rows (warm-rows.ts)
// use it alone: string-width's module creates an Intl.Segmenter as it loads, and the first Intl
// object a process makes loads ICU's data (~20-40 ms of CPU on this machine) before the rows.

// Text whose every UTF-16 unit is a grapheme of its own, one column wide in every terminal, and
// unchanged by width/'s display form: printable ASCII, Latin-1 and Latin Extended (no soft
// hyphen), spacing modifiers, Greek and Cyrillic letters, and the dashes, quotes, ellipsis and
// other punctuation of U+2010-2027 and U+2030-205E. Most titles are only these ("Bitcoin — ETF…"),
// so they are measured and cut by length; a test checks each unit against width/'s full rule.
const SIMPLE = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e]*$/;
// The one-column text above, arrows, box drawing, block elements and geometric shapes (less the
// two emoji among them, U+25FD-25FE), ★, and the two-column CJK ideographs, kana, Hangul
// syllables and fullwidth forms (a test checks every unit against string-width and width/).
const STEADY = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25fc\u25ff\u2605\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff60]*$/;
const STEADY_WIDE = /[\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff60]/g;

/** Whether every UTF-16 unit of `s` is a grapheme of its own, one column wide everywhere (its width is its length). */
export function isOneColumnText(s: string): boolean {
  return SIMPLE.test(s);
}

/** Whether every UTF-16 unit of `s` is steady (see the top): one or two columns, known without segmenting. */
export function isSteadyText(s: string): boolean {
  return STEADY.test(s);
}

/** Whether the steady UTF-16 unit `c` (a char code) takes two columns. */
export const isSteadyWide = (c: number): boolean =>
  (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xff01 && c <= 0xff60);

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
