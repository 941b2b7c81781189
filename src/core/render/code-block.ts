// Code is not reflowed (that would change its meaning), but every character must stay readable:
// a line wider than the pane is cut into rows of exactly the room there is, by grapheme, and each
// continuation row starts with a dim `↪`, so a reader can tell a wrapped line from a new one.
// Tabs were already expanded to 4-column stops by the sanitiser, before any cutting.
import type { Line } from './spans.js';
import { displayText, eachGrapheme, graphemeWidth, WIDE_PAD } from '../width/index.js';

/** Marks a row that continues the code line above it. */
export const CONTINUATION = '↪';

/** The rows for one code line at `width` columns (indent included), at most `maxRows` of them. */
export function codeLineRows(raw: string, width: number, indent: number, maxRows: number): Line[] {
  const text = displayText(raw);
  const first = Math.max(1, width - indent);
  // Continuation rows give the mark and a space in place of the indent when there is room.
  const markWidth = width >= 4 ? 2 : 0;
  const rest = Math.max(1, width - markWidth);
  const rows: Line[] = [];
  let row = '';
  let used = 0;
  let room = first;
  const flush = () => {
    const lead: Line = rows.length === 0 ? (indent ? [{ text: ' '.repeat(indent) }] : []) : markWidth ? [{ role: 'dim', text: `${CONTINUATION} ` }] : [];
    rows.push(row ? [...lead, { role: 'code', text: row }] : lead);
    row = '';
    used = 0;
    room = rest;
  };
  let shortened = false;
  for (const g of eachGrapheme(text)) {
    const w = graphemeWidth(g);
    // The columns a cluster reserves go with it (width/width.ts).
    if (g === WIDE_PAD && shortened) continue;
    shortened = false;
    if (used + w > room && used > 0) {
      flush();
      if (rows.length >= maxRows) return rows;
    }
    // Only a pane narrower than one wide character meets one wider than the room.
    if (w > room) {
      shortened = true;
      row += '…';
      used += 1;
      continue;
    }
    row += g;
    used += w;
  }
  if (row || rows.length === 0) flush();
  return rows.slice(0, maxRows);
}
