// GFM tables fitted to the pane. Columns keep their natural width when everything fits; when not,
// they shrink towards a floor and cells wrap inside their column (a dim rule then separates the
// rows). The floor of a column is its widest unbreakable piece: a number or any word without
// letters (`12,345,678`, `+2%`) or a short word, which are never cut; longer words and CJK runs may
// break between graphemes. When even the floors cannot fit, the table becomes one record per row
// of `Header: value` lines, which read at any width. Nothing in a cell is ever cut off. A `<br>` in
// a cell starts a line of it; a cell spanning columns (an HTML `colspan`) is drawn across them, and
// one spanning rows is repeated, dim, in each row it spans (table-grid.ts), as the records repeat it:
// a row whose first column was left empty read as a row of nothing, its figures under no name.
import type { Tokens } from 'marked';
import type { LinkNotes } from './link-notes.js';
import { inlineSpans } from './markdown-inline.js';
import { lineWidth, type CellAlign, type Covered, type Line, type Span, type SpanTable } from './spans.js';
import { displayText, textWidth } from '../width/index.js';
import { wrapSpans } from './wrap.js';
import { cellLines, cellWidth, columnGroups, groupWidth, ruleText } from './table-grid.js';

const SEPARATOR = ' │ ';
/** Words up to this many columns are never broken inside a cell. */
const SHORT_WORD = 16;

function cellSpans(cell: Tokens.TableCell, bold: boolean, notes: LinkNotes): Span[] {
  // A table cell is one row of source, but a `<br>` in it breaks its line, as GitHub shows it.
  return cellLines(inlineSpans(cell.tokens ?? [], bold ? { bold: true } : {}, notes));
}

const NO_LETTERS = /^[^\p{L}]+$/u;

/** The widest piece of a cell that must not be broken: a number, a symbol run or a short word. */
export function unbreakableWidth(spans: readonly Span[]): number {
  let widest = 0;
  for (const piece of spans.map((s) => s.text).join('').split(/[\s\u200b\u00ad]+/)) {
    const word = displayText(piece);
    if (!word) continue;
    const w = textWidth(word);
    if (w <= SHORT_WORD || NO_LETTERS.test(word)) widest = Math.max(widest, w);
  }
  return widest;
}

/**
 * Column widths summing to at most `avail`: the natural widths when they fit, else each column's
 * floor plus a share of the rest in proportion to how much more it wants. Null when the floors
 * alone do not fit.
 */
export function fitColumns(natural: readonly number[], floor: readonly number[], avail: number): number[] | null {
  const want = natural.map((w, i) => Math.max(1, w, floor[i]));
  const total = want.reduce((a, b) => a + b, 0);
  if (total <= avail) return want;
  const base = want.map((_, i) => Math.max(1, Math.min(want[i], floor[i])));
  const baseSum = base.reduce((a, b) => a + b, 0);
  if (baseSum > avail) return null;
  const extra = avail - baseSum;
  const hunger = want.map((w, i) => w - base[i]);
  const hungerSum = hunger.reduce((a, b) => a + b, 0);
  const widths = base.map((b, i) => b + Math.floor((extra * hunger[i]) / Math.max(1, hungerSum)));
  let left = avail - widths.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0 && i < widths.length * 2; i++) {
    const c = i % widths.length;
    if (widths[c] < want[c]) {
      widths[c]++;
      left--;
    }
  }
  return widths;
}

function aligned(line: Line, width: number, align: CellAlign): Line {
  const free = Math.max(0, width - lineWidth(line));
  const left = align === 'right' ? free : align === 'center' ? Math.floor(free / 2) : 0;
  const out: Line = left > 0 ? [{ text: ' '.repeat(left) }] : [];
  out.push(...line);
  if (free - left > 0) out.push({ text: ' '.repeat(free - left) });
  return out;
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

// A spanning cell's text where it reaches into a row below its own: the same words, dim, so the
// row reads whole and the repeat is told from a value of its own where there is colour.
const repeated = (cell: readonly Span[]): Span[] => cell.map((s) => (s.text === '\n' ? s : { ...s, role: 'dim' }));

// One table row, its cells wrapped to their columns (a cell spanning columns to all of them, a
// cell under one spanning rows repeated), as many terminal rows as its tallest cell.
function rowLines(cells: Span[][], covered: readonly Covered[] | undefined, widths: readonly number[], align: (i: number) => CellAlign): Line[] {
  const groups = columnGroups(covered, widths.length);
  const wrapped = groups.map(({ start }, k) => {
    const c = covered?.[start] === 'below' ? repeated(cells[start]) : cells[start];
    return c.length === 0 ? [[]] : wrapSpans(c, groupWidth(widths, groups[k], SEPARATOR.length));
  });
  const height = Math.max(...wrapped.map((w) => w.length));
  const out: Line[] = [];
  for (let r = 0; r < height; r++) out.push(joinCells(wrapped.map((w, k) => aligned(w[r] ?? [], groupWidth(widths, groups[k], SEPARATOR.length), align(groups[k].start)))));
  return out;
}

// One record per row: each cell as `Header: value` (a value spanning rows repeated in each, the
// columns a value spans left out); with no header (an HTML table of `<td>`s only), each cell on lines of its own.
function keyValueRows(header: Span[][] | null, rows: Span[][][], covered: SpanTable['covered'], width: number, maxLines: number): Line[] {
  const out: Line[] = [];
  rows.forEach((row, r) => {
    if (out.length >= maxLines) return;
    if (out.length > 0) out.push([]);
    row.forEach((cell, i) => {
      if (covered?.rows[r]?.[i] === 'right') return;
      if (!header) {
        if (cell.length > 0) out.push(...wrapSpans(cell, width, maxLines - out.length));
        return;
      }
      const key = header[i]?.map((s) => (s.text === '\n' ? ' ' : s.text)).join('') || `${i + 1}`;
      out.push(...wrapSpans([{ bold: true, text: `${key}: ` }, ...cell], width, maxLines - out.length));
    });
  });
  return out.slice(0, maxLines);
}

/** A GFM table as lines no wider than `width`, at most `maxLines` of them (cells beyond the header's count dropped, as GFM says). */
export function renderTable(table: Tokens.Table, width: number, notes: LinkNotes, maxLines: number): Line[] {
  const n = table.header.length;
  const rows: Span[][][] = [];
  for (const r of table.rows) {
    if (rows.length >= maxLines) break;
    rows.push(Array.from({ length: n }, (_, i) => (r[i] ? cellSpans(r[i], false, notes) : [])));
  }
  return renderSpanTable({ header: table.header.map((c) => cellSpans(c, true, notes)), rows, align: table.align }, width, maxLines);
}

/** A table of styled cells (a GFM table's, an HTML table's) as lines no wider than `width`, at most `maxLines` of them. */
export function renderSpanTable(table: SpanTable, width: number, maxLines: number): Line[] {
  const n = Math.max(table.header?.length ?? 0, ...table.rows.map((r) => r.length));
  if (n === 0) return [];
  const full = (r: Span[][]): Span[][] => Array.from({ length: n }, (_, i) => r[i] ?? []);
  const header = table.header ? full(table.header) : null;
  const rows = table.rows.slice(0, maxLines).map(full);
  const all = header ? [header, ...rows] : rows;
  const covered = [...(header ? [table.covered?.header] : []), ...rows.map((_, r) => table.covered?.rows[r])];
  const avail = width - SEPARATOR.length * (n - 1);
  // Measured only up to the pane width: a wider cell wraps anyway. A cell measures its own column;
  // one spanning columns is measured over them (widenForSpans), one under another's span not at all.
  const alone = (k: number, i: number): Span[] => (covered[k]?.[i] || covered[k]?.[i + 1] === 'right' ? [] : all[k][i]);
  const columns = Array.from({ length: n }, (_, i) => i);
  const natural = columns.map((i) => Math.min(width, Math.max(...all.map((_, k) => cellWidth(alone(k, i), width)))));
  const floor = columns.map((i) => Math.max(...all.map((_, k) => unbreakableWidth(alone(k, i)))));
  if (table.covered) widenForSpans(all, covered, natural, floor, width);
  const widths = avail > 0 ? fitColumns(natural, floor, avail) : null;
  if (!widths) return keyValueRows(header, rows, table.covered, width, maxLines);

  const align = (i: number): CellAlign => table.align[i] ?? null;
  const rule = (above: number, below: number): Line => [{ role: 'dim', text: ruleText(widths, covered[above], covered[below]) }];
  const body = rows.map((r, i) => rowLines(r, covered[all.length - rows.length + i], widths, align));
  const between = body.some((b) => b.length > 1);
  const out: Line[] = header ? [...rowLines(header, covered[0], widths, align), rule(0, 1)] : [];
  body.forEach((b, i) => {
    const k = all.length - rows.length + i;
    if (i > 0 && between) out.push(rule(k - 1, k));
    out.push(...b);
  });
  return out.slice(0, maxLines);
}

// A cell spanning columns wider than they are together (with their separators) widens the last of them.
function widenForSpans(all: Span[][][], covered: ReadonlyArray<readonly Covered[] | undefined>, natural: number[], floor: number[], width: number): void {
  all.forEach((row, k) => {
    for (const g of columnGroups(covered[k], natural.length)) {
      if (g.end - g.start < 2 || covered[k]?.[g.start]) continue;
      const last = g.end - 1;
      natural[last] = Math.min(width, natural[last] + Math.max(0, cellWidth(row[g.start], width) - groupWidth(natural, g, SEPARATOR.length)));
      floor[last] += Math.max(0, unbreakableWidth(row[g.start]) - groupWidth(floor, g, SEPARATOR.length));
    }
  });
}
