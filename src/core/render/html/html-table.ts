// An HTML `<table>` read into the table model Markdown's tables use (../spans.ts SpanTable), so it is
// drawn as they are (../markdown-table.ts): columns padded to a width, a rule under the header,
// cells wrapped in their column or one record per row when even that cannot fit. Before, its cells
// were joined by ` │ ` row by row, so no two rows' columns lined up. html-spans.ts writes each
// cell's spans as it reads them and hands them here when the cell closes. Cells are placed on a
// grid as HTML places them: a `colspan` cell takes its columns and a `rowspan` one its column in
// the rows below, so every later cell of those rows stands under its own header (before, a
// `<td colspan="2">Total</td>` put the total under the second column's header).
import type { CellAlign, Covered, Span, SpanTable } from '../spans.js';
import { cellLines } from '../table-grid.js';

// `align="right"` (HTML 4, still written by exporters) or `style="text-align: right"`.
const TEXT_ALIGN = /text-align\s*:\s*(left|right|center)/i;
// HTML's own limits on spans (a hostile `colspan="99999"` makes no more columns than a browser's).
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

/** The alignment an HTML cell asks for, or null. */
export function cellAlign(attribs: Record<string, string>): CellAlign {
  const a = (attribs.align ?? TEXT_ALIGN.exec(attribs.style ?? '')?.[1] ?? '').toLowerCase();
  return a === 'left' || a === 'right' || a === 'center' ? a : null;
}

/** How many columns and rows a cell spans, as HTML reads `colspan` and `rowspan` (`rowspan="0"`: to the table's end). */
export function cellSpan(attribs: Record<string, string>): { cols: number; rows: number } {
  const cols = Number.parseInt(attribs.colspan ?? '', 10);
  const rows = Number.parseInt(attribs.rowspan ?? '', 10);
  return {
    cols: Number.isFinite(cols) && cols >= 1 ? Math.min(cols, MAX_COLSPAN) : 1,
    rows: rows === 0 ? Infinity : Number.isFinite(rows) && rows >= 1 ? Math.min(rows, MAX_ROWSPAN) : 1,
  };
}

interface Cell {
  spans: Span[];
  cols: number;
  rows: number;
  align: CellAlign;
}

interface Row {
  cells: Cell[];
  header: boolean;
}

interface Placed {
  spans: Span[];
  covered: Covered;
  align: CellAlign;
}

// A cell spanning rows, as it reaches into the rows below its own.
interface Reach {
  cell: Cell;
  first: number;
  last: number;
  right: boolean;
}

// Each row's cells on the columns HTML gives them: a cell takes the first column no cell above
// reaches into, and its span's columns; the columns a cell above spans hold its text, marked.
function placeRows(rows: readonly Row[]): Placed[][] {
  const reaches: Array<Reach | undefined> = [];
  return rows.map((row, r) => {
    const out: Placed[] = [];
    const reached = (c: number): Reach | undefined => {
      const reach = reaches[c];
      return reach && reach.first < r && r <= reach.last ? reach : undefined;
    };
    const fill = (c: number): void => {
      const reach = reached(c);
      out[c] = reach ? { spans: reach.cell.spans, covered: reach.right ? 'right' : 'below', align: reach.cell.align } : { spans: [], covered: undefined, align: null };
    };
    let c = 0;
    for (const cell of row.cells) {
      while (reached(c)) fill(c++);
      for (let j = 0; j < cell.cols; j++) {
        out[c + j] = { spans: cell.spans, covered: j > 0 ? 'right' : undefined, align: cell.align };
        if (cell.rows > 1) reaches[c + j] = { cell, first: r, last: r + cell.rows - 1, right: j > 0 };
      }
      c += cell.cols;
    }
    // Columns past the row's last cell that a cell above reaches into (and the gaps before them).
    let last = reaches.length - 1;
    while (last >= c && !reached(last)) last--;
    for (; c <= last; c++) fill(c);
    return out;
  });
}

/** One `<table>`'s rows as they are read: a row opens, its cells are added, it closes. */
export class HtmlTable {
  private readonly rows: Row[] = [];
  private row: Cell[] | null = null;
  private hasHeader = false;
  // Whether the open row is in `<thead>`, and whether every cell of it so far is a `<th>`.
  private rowInHead = false;
  private rowAllHeads = true;

  /** A `<tr>` opens (`inHead`: inside `<thead>`); one left open is closed first. */
  openRow(inHead: boolean): void {
    this.closeRow();
    this.row = [];
    this.rowInHead = inHead;
    this.rowAllHeads = true;
  }

  /** A cell's spans (a `<th>`: `head`), spanning `span` columns and rows, in a row of its own when no `<tr>` was opened. */
  addCell(spans: Span[], head: boolean, align: CellAlign, span = { cols: 1, rows: 1 }): void {
    if (!this.row) this.openRow(false);
    this.row!.push({ spans: cellLines(spans), cols: span.cols, rows: span.rows, align });
    this.rowAllHeads &&= head;
  }

  /**
   * The open row ends. It is the header when it is in `<thead>`, or is the table's first row and
   * all `<th>`s (HTML's own mark of a header row).
   */
  closeRow(): void {
    const cells = this.row;
    this.row = null;
    if (!cells || cells.length === 0) return;
    const header = !this.hasHeader && (this.rowInHead || (this.rows.length === 0 && this.rowAllHeads));
    this.hasHeader ||= header;
    this.rows.push({ cells, header });
  }

  /** The table read, or null when it held no cell; the header's alignment, else the first row's, is the columns'. */
  table(): SpanTable | null {
    this.closeRow();
    if (this.rows.length === 0) return null;
    const placed = placeRows(this.rows);
    const at = this.rows.findIndex((r) => r.header);
    const header = at >= 0 ? placed[at] : null;
    const rows = placed.filter((_, i) => i !== at);
    const align = (header ?? placed[0]).map((p) => p.align);
    const table: SpanTable = { header: header && header.map((p) => p.spans), rows: rows.map((r) => r.map((p) => p.spans)), align };
    if (placed.some((r) => r.some((p) => p.covered))) table.covered = { header: header?.map((p) => p.covered) ?? [], rows: rows.map((r) => r.map((p) => p.covered)) };
    return table;
  }
}
