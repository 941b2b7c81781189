// The bytes that turn one row on screen into another, from the first column that differs: a
// cursor move, the row's own style at that column, and the rest; when the two rows also end alike
// (a pane beside the one that changed, a border), only the cells between, so a cursor move in the
// list rewrites two list cells' worth of text instead of two whole screen rows (the body beside
// them included). Rows are as the compositor builds them: text with SGR colours and OSC 8
// hyperlinks, each row's styles closed at its end.
import { steadyWidth } from '../../core/width/index.js';
import { ESCAPE_AT, ESCAPES, withoutEscapes as plain } from './escape-syntax.js';
import { styleAfter } from './sgr-minimise.js';

const RESET = '\x1b[0m';
const ERASE_TO_END = '\x1b[K';
// Closes an OSC 8 hyperlink (core/text/hyperlink.ts opens and closes them with BEL).
const LINK_END = '\x1b]8;;\x07';
// A cell boundary is unsafe right before a mark, joiner, selector, skin tone, tag or Hangul
// vowel/final jamo (they join the cell before), and right after a joiner or the first half of a
// flag (a regional indicator).
const JOINS_BEFORE = /^[\p{M}\u200d\ufe00-\ufe0f\u1160-\u11ff\ud7b0-\ud7ff\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/u;
const JOINS_AFTER = /[\u200d]$|\ud83c[\udde6-\uddff]$/;

// Whether the cells from `a` in `previous` and from `b` in `next` get the same style and hyperlink
// from the escapes before them: at once when the two differing parts (from `p`, where the rows
// still agree) hold the same escapes, else read from each row's start.
function sameStyleAt(previous: string, a: number, next: string, b: number, p: number): boolean {
  const was = previous.slice(p, a);
  const is = next.slice(p, b);
  const escapes = (t: string) => (t.includes('\x1b') ? (t.match(ESCAPES) ?? []).join('') : '');
  if (escapes(was) === escapes(is)) return true;
  const style = styleAfter(previous.slice(0, a));
  return style !== null && style === styleAfter(next.slice(0, b));
}

// An escape sequence starting at `from` in `row`, or null.
function escapeAt(row: string, from: number): string | null {
  ESCAPE_AT.lastIndex = from;
  return ESCAPE_AT.exec(row)?.[0] ?? null;
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

// Whether a cell of `row` ends at `at` (a position outside escapes): no cluster is cut there.
function cellEdge(row: string, at: number): boolean {
  const before = at > 0 ? row.charCodeAt(at - 1) : 0;
  const after = at < row.length ? row.charCodeAt(at) : 0;
  // Most cuts fall between Latin letters, digits or the end of an escape.
  if (before < 0x300 && after < 0x300 && after !== 0x1b) return true;
  if (after >= 0xdc00 && after <= 0xdfff) return false;
  return !JOINS_AFTER.test(plain(row.slice(Math.max(0, at - 24), at))) && !JOINS_BEFORE.test(plain(row.slice(at, at + 24)));
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
    // When both rows' differing cells are as wide, the cells after them stay where they are; and
    // they keep their style only when the differing parts hold the same escapes (the common end's
    // first cells are styled by the last of them: `ESC[31m▼ ` and `ESC[90m● ` end alike in a space
    // that is red in one row and grey in the other).
    if (
      s > 0 &&
      was !== null &&
      cellEdge(previous, a) &&
      cellEdge(next, b) &&
      was === steadyWidth(plain(next.slice(p, b))) &&
      sameStyleAt(previous, a, next, b, p)
    ) {
      const middle = next.slice(p, b);
      const linked = (style + middle).includes('\x1b]8;');
      return at + RESET + style + middle + RESET + (linked ? LINK_END : '');
    }
  }
  // Erase before writing: erasing after a row that fills the width would eat its last cell.
  return at + RESET + ERASE_TO_END + style + next.slice(p) + RESET;
}
