// The bytes that turn one row on screen into another, from the first column that differs: a
// cursor move, the row's own style at that column, and the rest; when the two rows also end alike
// (a pane beside the one that changed, a border), only the cells between, so a cursor move in the
// list rewrites two list cells' worth of text instead of two whole screen rows (the body beside
// them included). Rows are as the compositor builds them: text with SGR colours and OSC 8
// hyperlinks, each row's styles closed at its end.
import { steadyWidth } from '../../core/width/index.js';

// CSI and OSC sequences and two-byte escapes: what a row holds besides its text.
const ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;
const ESCAPE = new RegExp(ESCAPES.source, 'y');
const RESET = '\x1b[0m';
const ERASE_TO_END = '\x1b[K';
// Closes an OSC 8 hyperlink (core/text/hyperlink.ts opens and closes them with BEL).
const LINK_END = '\x1b]8;;\x07';
// A cell boundary is unsafe right before a mark, joiner, selector, skin tone, tag or Hangul
// vowel/final jamo (they join the cell before), and right after a joiner or the first half of a
// flag (a regional indicator).
const MARK = /^\p{M}/u;
const ZWJ = 0x200d;
const plain = (s: string): string => (s.includes('\x1b') ? s.replace(ESCAPES, '') : s);

// An escape sequence starting at `from` in `row`, or null.
function escapeAt(row: string, from: number): string | null {
  ESCAPE.lastIndex = from;
  return ESCAPE.exec(row)?.[0] ?? null;
}

// `at` moved out of any escape sequence of `row` that holds it: to its start (`back`) or past its
// end. Only the last ESC at or before `at` can start one (an OSC's ST ending has one of its own:
// then the OSC's start is found on the next turn).
function outsideEscape(row: string, at: number, back: boolean): number {
  for (;;) {
    const k = at > 0 ? row.lastIndexOf('\x1b', at - 1) : -1;
    if (k < 0) return at;
    const esc = escapeAt(row, k);
    if (!esc || k + esc.length <= at) return at;
    if (!back) return k + esc.length;
    at = k;
  }
}

// The first code point shown at or after `at` (escapes skipped), 0 at the row's end.
function shownAfter(row: string, at: number): number {
  while (at < row.length && row.charCodeAt(at) === 0x1b) {
    const esc = escapeAt(row, at);
    if (!esc) break;
    at += esc.length;
  }
  return at < row.length ? row.codePointAt(at)! : 0;
}

// The last code point shown before `at` (escapes skipped), 0 at the row's start.
function shownBefore(row: string, at: number): number {
  for (;;) {
    const k = at > 0 ? row.lastIndexOf('\x1b', at - 1) : -1;
    const esc = k >= 0 ? escapeAt(row, k) : null;
    // An escape that ends right at `at`: what is shown before it comes before its start.
    if (!esc || k + esc.length !== at) break;
    at = k;
  }
  if (at === 0) return 0;
  const low = row.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? row.codePointAt(at - 2)! : low;
}

// Whether `cp` joins the cell before it: a mark, a joiner, a variation selector, a Hangul
// vowel/final jamo, a skin tone or a tag. Most of a dashboard's symbols (punctuation, arrows, box
// drawing, shapes: U+2010-U+20CF, U+2100-U+2BFF) are answered without the mark class, whose
// regular expression costs 10-25 us a call on code run once per keystroke (measured: 0.3 ms of a
// cursor move's 0.7 ms went to these checks).
function joinsBefore(cp: number): boolean {
  if (cp < 0x300 || (cp >= 0x2010 && cp < 0x20d0) || (cp >= 0x2100 && cp < 0x2c00)) return false;
  if (cp === ZWJ || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff)) return true;
  if ((cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f)) return true;
  return MARK.test(String.fromCodePoint(cp));
}

// Whether a cell of `row` ends at `at` (a position outside escapes): no cluster is cut there.
function cellEdge(row: string, at: number): boolean {
  const before = at > 0 ? row.charCodeAt(at - 1) : 0;
  const after = at < row.length ? row.charCodeAt(at) : 0;
  // Most cuts fall between Latin letters, digits or the end of an escape.
  if (before < 0x300 && after < 0x300 && after !== 0x1b) return true;
  if (after >= 0xdc00 && after <= 0xdfff) return false;
  const last = shownBefore(row, at);
  // Right after a joiner or a regional indicator (the first half of a flag).
  if (last === ZWJ || (last >= 0x1f1e6 && last <= 0x1f1ff)) return false;
  return !joinsBefore(shownAfter(row, at));
}

/**
 * The bytes that redraw screen row `row` (0-based) from `previous` to `next`, neither holding
 * WIDE_PAD marks, or null when the whole row should be written instead (nothing in common at the
 * start, a cut that could split a cluster, or text before the cut that not every terminal draws
 * at string-width's width). Leaves the terminal's style reset and no hyperlink open.
 */
export function rowChange(row: number, previous: string, next: string): string | null {
  const shorter = Math.min(previous.length, next.length);
  let p = 0;
  while (p < shorter && previous.charCodeAt(p) === next.charCodeAt(p)) p++;
  p = Math.min(outsideEscape(previous, p, true), outsideEscape(next, p, true));
  // Back to the start of the cell the first difference is in (a few steps: clusters are short).
  for (let step = 0; p > 0 && !(cellEdge(previous, p) && cellEdge(next, p)); step++) {
    if (step === 12) return null;
    p = Math.min(outsideEscape(previous, p - 1, true), outsideEscape(next, p - 1, true));
  }
  const head = next.slice(0, p);
  const headText = plain(head);
  // Placed by a count every terminal shares (steadyWidth: no emoji before the cut).
  const column = headText === '' ? null : steadyWidth(headText);
  if (column === null) return null;
  const at = `\x1b[${row + 1};${column + 1}H`;
  // The style in force at the cut: every escape before it, replayed from a reset.
  const style = head.length === headText.length ? '' : (head.match(ESCAPES) ?? []).join('');
  let s = 0;
  while (s < shorter - p && previous.charCodeAt(previous.length - 1 - s) === next.charCodeAt(next.length - 1 - s)) s++;
  if (s > 0) {
    // The common end, moved forward out of escapes in either row.
    let a = outsideEscape(previous, previous.length - s, false);
    let b = outsideEscape(next, next.length - s, false);
    s = Math.min(previous.length - a, next.length - b);
    a = previous.length - s;
    b = next.length - s;
    const was = steadyWidth(plain(previous.slice(p, a)));
    // When both rows' differing cells are as wide, the cells after them stay where they are.
    if (s > 0 && was !== null && cellEdge(previous, a) && cellEdge(next, b) && was === steadyWidth(plain(next.slice(p, b)))) {
      const middle = next.slice(p, b);
      const linked = (style + middle).includes('\x1b]8;');
      return at + RESET + style + middle + RESET + (linked ? LINK_END : '');
    }
  }
  // Erase before writing: erasing after a row that fills the width would eat its last cell.
  return at + RESET + ERASE_TO_END + style + next.slice(p) + RESET;
}
