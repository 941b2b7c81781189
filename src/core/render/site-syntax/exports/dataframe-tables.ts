// A DataFrame as Jupyter notebooks show it and nbconvert's Markdown export keeps it: pandas'
// `to_html` table (`<table border="1" class="dataframe">`, Polars' too), its first header cell
// empty above the index column, a second header row naming the index when it has a name. Drawn
// as HTML, the rows were cells apart with nothing lining them up, and the empty corner cell
// shifted the header a column left of its values. The table becomes a Markdown table, so its
// columns are fitted and aligned as every table's are (markdown-table.ts): the header rows
// merged column by column, the corner cell kept empty. A table with merged cells (`colspan`,
// `rowspan`: a MultiIndex) is left as HTML. Cell text keeps its entities, decoded with the rest.
import { Parser } from 'htmlparser2';
import { elementOpening, readHtmlElements, type HtmlElementReader } from './html-elements.js';

// pandas' `<style scoped>` before its table: its CSS has blank lines, which end Markdown's HTML
// block, so the rest of it showed as text.
const STYLE_OPEN = /^\s{0,3}<style\b[^<>]{0,100}>\s*$/i;
const STYLE_CLOSE = /^\s*<\/style\s*>\s*$/;
const STYLE_LINES = 60;
// A table's end is looked for within this many lines (a DataFrame shows at most 60 rows by default).
const MAX_LINES = 2000;

/** Whether `markdown` may hold a DataFrame table (a cheap test before reading line by line). */
export function mayHoldDataFrames(markdown: string): boolean {
  return markdown.includes('dataframe');
}

interface Rows {
  head: string[][];
  body: string[][];
  merged: boolean;
}

// The table's rows of cell texts, as written (entities kept), and whether any cell spans others.
function rowsOf(html: string): Rows {
  const rows: Rows = { head: [], body: [], merged: false };
  let inHead = false;
  let row: string[] | null = null;
  let cell: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'thead') inHead = true;
        else if (name === 'tr') row = [];
        else if ((name === 'td' || name === 'th') && row) {
          cell = '';
          if (Number(attribs.colspan ?? 1) > 1 || Number(attribs.rowspan ?? 1) > 1) rows.merged = true;
        }
      },
      ontext(text) {
        if (cell !== null) cell += text;
      },
      onclosetag(name) {
        if (name === 'thead') inHead = false;
        else if ((name === 'td' || name === 'th') && row && cell !== null) {
          row.push(cell.replace(/\s+/g, ' ').trim());
          cell = null;
        } else if (name === 'tr' && row) {
          (inHead ? rows.head : rows.body).push(row);
          row = null;
        }
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return rows;
}

// A number as pandas prints one (`1,024.5`, `-3.2e-05`, `12%`), or a missing value.
const NUMBER = /^(?:[-+]?[\d.,]+(?:e[-+]?\d+)?%?|NaN|<NA>|&lt;NA&gt;|None|)$/i;

// Markdown's own marks in a cell's text escaped, so `*` or `|` in a value stays as written.
const literal = (s: string): string => s.replace(/[\\`*_[\]<>|~=$:]/g, '\\$&');

/** A DataFrame's HTML table as a Markdown table's lines; null when it cannot be one. */
export function dataFrameTable(html: string): string[] | null {
  const { head, body, merged } = rowsOf(html);
  const width = Math.max(0, ...head.map((r) => r.length), ...body.map((r) => r.length));
  if (merged || width === 0 || (head.length === 0 && body.length === 0)) return null;
  // pandas names the index on a header row of its own: merged with the columns' row above it.
  const header = Array.from({ length: width }, (_, c) => head.map((r) => r[c] ?? '').filter((t) => t !== '').join(' '));
  const line = (cells: readonly string[]): string => `| ${Array.from({ length: width }, (_, c) => literal(cells[c] ?? '')).join(' | ')} |`;
  // Numbers to the right, as pandas draws them.
  const rule = Array.from({ length: width }, (_, c) => (body.every((r) => NUMBER.test(r[c] ?? '')) && body.length > 0 ? ' ---: |' : ' --- |')).join('');
  return [line(header), `|${rule}`, ...body.map(line)];
}

// A DataFrame's table: a `<table>` of class `dataframe`.
const TABLES: HtmlElementReader = {
  name: 'table',
  starts: (attribs) => (attribs.class ?? '').split(/\s+/).includes('dataframe'),
  maxLines: MAX_LINES,
  asMarkdown: (html) => dataFrameTable(html),
  skip: styleEnd,
};

// The line closing a DataFrame's `<style>` opened on line `from`, -1 when it is not one: its CSS
// names `.dataframe` and a DataFrame's table opens within two lines after it.
function styleEnd(lines: readonly string[], from: number): number {
  if (!STYLE_OPEN.test(lines[from])) return -1;
  for (let j = from + 1; j < lines.length && j <= from + STYLE_LINES; j++) {
    if (STYLE_CLOSE.test(lines[j])) return lines.slice(from, j).some((l) => l.includes('.dataframe')) && elementOpening(lines.slice(j + 1, j + 3).join(' '), TABLES) >= 0 ? j : -1;
  }
  return -1;
}

/** The Markdown with its DataFrame tables written as Markdown tables; as it was when it has none. */
export function dataFramesAsTables(markdown: string): string {
  return mayHoldDataFrames(markdown) ? readHtmlElements(markdown, TABLES) : markdown;
}
