// GFM tables fitted to the pane: columns keep their natural width when everything fits, shrink in
// proportion when not (cells cut with '…'), and when even three columns per cell cannot fit the
// table becomes `header: value` rows, which read fine at any width.
import type { Tokens } from 'marked';
import { inlineSpans, type LinkNotes } from './markdown-inline.js';
import { lineWidth, type Line, type Span } from './spans.js';
import { cutSpans, wrapSpans } from './wrap.js';

const SEPARATOR = ' │ ';
const MIN_COLUMN = 3;

type Align = 'left' | 'right' | 'center' | null;

function cellSpans(cell: Tokens.TableCell, bold: boolean, notes: LinkNotes): Span[] {
  // A table cell is one row: hard breaks inside it become spaces.
  return inlineSpans(cell.tokens ?? [], bold ? { bold: true } : {}, notes).map((s) =>
    s.text === '\n' ? { ...s, text: ' ' } : s,
  );
}

/** Column widths that sum to at most `avail`, shrinking wide columns first in proportion. */
export function fitColumns(natural: readonly number[], avail: number): number[] {
  const sum = natural.reduce((a, b) => a + b, 0);
  if (sum <= avail) return natural.map((w) => Math.max(1, w));
  const widths = natural.map((w) => Math.max(Math.min(w, MIN_COLUMN), Math.floor((w * avail) / sum)));
  let total = widths.reduce((a, b) => a + b, 0);
  // Rounding leaves a few columns to hand back or take away; wide columns give, narrow ones get.
  while (total > avail) {
    let widest = 0;
    for (let i = 1; i < widths.length; i++) if (widths[i] > widths[widest]) widest = i;
    if (widths[widest] <= 1) break;
    widths[widest]--;
    total--;
  }
  for (let i = 0; total < avail && i < widths.length; i++) {
    const give = Math.min(avail - total, natural[i] - widths[i]);
    if (give > 0) {
      widths[i] += give;
      total += give;
    }
  }
  return widths;
}

function aligned(spans: Span[], width: number, align: Align): Line {
  const cut = cutSpans(spans, width);
  const free = width - lineWidth(cut);
  const left = align === 'right' ? free : align === 'center' ? Math.floor(free / 2) : 0;
  const line: Line = left > 0 ? [{ text: ' '.repeat(left) }] : [];
  line.push(...cut);
  if (free - left > 0) line.push({ text: ' '.repeat(free - left) });
  return line;
}

function joinCells(cells: Line[]): Line {
  const line: Line = [];
  cells.forEach((c, i) => {
    if (i > 0) line.push({ role: 'dim', text: SEPARATOR });
    line.push(...c);
  });
  // Trailing padding would only make lines look wider than their content when copied.
  const last = line[line.length - 1];
  if (last && !last.role && last.text.trim() === '') line.pop();
  return line;
}

function keyValueRows(header: Span[][], rows: Span[][][], width: number, maxLines: number): Line[] {
  const out: Line[] = [];
  for (const row of rows) {
    if (out.length > 0) out.push([]);
    row.forEach((cell, i) => {
      const key = header[i]?.map((s) => s.text).join('') || `${i + 1}`;
      out.push(...wrapSpans([{ bold: true, text: `${key}: ` }, ...cell], width, maxLines - out.length));
    });
    if (out.length >= maxLines) break;
  }
  return out.slice(0, maxLines);
}

/** A table as lines no wider than `width`, at most `maxLines` of them. */
export function renderTable(table: Tokens.Table, width: number, notes: LinkNotes, maxLines: number): Line[] {
  const header = table.header.map((c) => cellSpans(c, true, notes));
  const n = header.length;
  if (n === 0) return [];
  const rows: Span[][][] = [];
  for (const r of table.rows) {
    if (rows.length >= maxLines) break;
    rows.push(Array.from({ length: n }, (_, i) => (r[i] ? cellSpans(r[i], false, notes) : [])));
  }
  const avail = width - SEPARATOR.length * (n - 1);
  if (avail < n * MIN_COLUMN) return keyValueRows(header, rows, width, maxLines);

  // Measured only up to the pane width: a wider cell is cut anyway.
  const natural = header.map((h, i) => Math.min(width, Math.max(lineWidth(h, width), ...rows.map((r) => lineWidth(r[i], width)))));
  const widths = fitColumns(natural, avail);
  const align = (i: number): Align => table.align[i] ?? null;
  const out: Line[] = [joinCells(header.map((h, i) => aligned(h, widths[i], align(i))))];
  out.push([{ role: 'dim', text: widths.map((w) => '─'.repeat(w)).join('─┼─') }]);
  for (const r of rows) {
    if (out.length >= maxLines) break;
    out.push(joinCells(r.map((c, i) => aligned(c, widths[i], align(i)))));
  }
  return out;
}
