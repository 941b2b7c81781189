// An HTML `<table>` read into the table model Markdown's tables use (../spans.ts SpanTable), so it is
// drawn as they are (../markdown-table.ts): columns padded to a width, a rule under the header,
// cells wrapped in their column or one record per row when even that cannot fit. Before, its cells
// were joined by ` │ ` row by row, so no two rows' columns lined up. html-spans.ts writes each
// cell's spans as it reads them and hands them here when the cell closes.
import type { CellAlign, Span, SpanTable } from '../spans.js';

// `align="right"` (HTML 4, still written by exporters) or `style="text-align: right"`.
const TEXT_ALIGN = /text-align\s*:\s*(left|right|center)/i;

/** The alignment an HTML cell asks for, or null. */
export function cellAlign(attribs: Record<string, string>): CellAlign {
  const a = (attribs.align ?? TEXT_ALIGN.exec(attribs.style ?? '')?.[1] ?? '').toLowerCase();
  return a === 'left' || a === 'right' || a === 'center' ? a : null;
}

/** A cell's spans as one run of text, as a Markdown cell is one row of source: line breaks (`<br>`, a `<p>`'s) as one space, blanks at either end gone. */
function oneLine(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (s.text !== '\n') out.push(s);
    else if (last && !/\s$/.test(last.text)) out.push({ text: ' ' });
  }
  while (out.length > 0 && out[0].text.trim() === '') out.shift();
  while (out.length > 0 && out[out.length - 1].text.trim() === '') out.pop();
  if (out.length > 0) {
    out[0] = { ...out[0], text: out[0].text.trimStart() };
    out[out.length - 1] = { ...out[out.length - 1], text: out[out.length - 1].text.trimEnd() };
  }
  return out;
}

/** One `<table>`'s rows as they are read: a row opens, its cells are added, it closes. */
export class HtmlTable {
  private header: Span[][] | null = null;
  private readonly rows: Span[][][] = [];
  private row: Span[][] | null = null;
  // Whether the open row is in `<thead>`, and whether every cell of it so far is a `<th>`.
  private rowInHead = false;
  private rowAllHeads = true;
  private readonly align: CellAlign[] = [];
  private readonly rowAlign: CellAlign[] = [];

  /** A `<tr>` opens (`inHead`: inside `<thead>`); one left open is closed first. */
  openRow(inHead: boolean): void {
    this.closeRow();
    this.row = [];
    this.rowInHead = inHead;
    this.rowAllHeads = true;
    this.rowAlign.length = 0;
  }

  /** A cell's spans (a `<th>`: `head`), in a row of its own when no `<tr>` was opened. */
  addCell(spans: Span[], head: boolean, align: CellAlign): void {
    if (!this.row) this.openRow(false);
    this.row!.push(oneLine(spans));
    this.rowAllHeads &&= head;
    this.rowAlign.push(align);
  }

  /**
   * The open row ends. It is the header when it is in `<thead>`, or is the table's first row and
   * all `<th>`s (HTML's own mark of a header row); the header's alignment, else the first row's, is the columns'.
   */
  closeRow(): void {
    const row = this.row;
    this.row = null;
    if (!row || row.length === 0) return;
    const isHeader = this.header === null && (this.rowInHead || (this.rows.length === 0 && this.rowAllHeads));
    if (isHeader || this.align.length === 0) this.align.splice(0, this.align.length, ...this.rowAlign);
    if (isHeader) this.header = row;
    else this.rows.push(row);
  }

  /** The table read, or null when it held no cell. */
  table(): SpanTable | null {
    this.closeRow();
    if (!this.header && this.rows.length === 0) return null;
    return { header: this.header, rows: this.rows, align: [...this.align] };
  }
}
