// What a table's cells and rows are made of, for the one table renderer (markdown-table.ts) and
// the HTML tables read into its model (html/html-table.ts): a cell's lines (a `<br>` in a cell
// starts a new line in it, as GitHub and browsers show it, where it was one space before), how
// wide they are, and how a row's cells join when one spans several columns (an HTML `colspan`).
import { lineWidth, type Covered, type Line, type Span } from './spans.js';

// One line of a cell without the blanks at its ends.
function trimmed(line: readonly Span[]): Span[] {
  const out = line.filter((s) => s.text !== '');
  while (out.length > 0 && out[0].text.trim() === '') out.shift();
  while (out.length > 0 && out[out.length - 1].text.trim() === '') out.pop();
  if (out.length === 0) return out;
  out[0] = { ...out[0], text: out[0].text.trimStart() };
  out[out.length - 1] = { ...out[out.length - 1], text: out[out.length - 1].text.trimEnd() };
  return out;
}

/**
 * A cell's spans as its lines, '\n' spans between them: each break (a `<br>`, a `<p>`'s in an
 * HTML cell) starts a line; breaks never pile up, and blanks at either end of a line are gone.
 */
export function cellLines(spans: readonly Span[]): Span[] {
  const lines: Span[][] = [[]];
  for (const s of spans) {
    if (s.text === '\n') lines.push([]);
    else lines[lines.length - 1].push(s);
  }
  const out: Span[] = [];
  for (const line of lines.map(trimmed)) {
    if (line.length === 0) continue;
    if (out.length > 0) out.push({ text: '\n' });
    out.push(...line);
  }
  return out;
}

/** Terminal columns the widest line of a cell takes (counting stops once past `limit`). */
export function cellWidth(cell: readonly Span[], limit = Infinity): number {
  let widest = 0;
  let line: Line = [];
  for (const s of [...cell, { text: '\n' }]) {
    if (s.text !== '\n') {
      line.push(s);
      continue;
    }
    widest = Math.max(widest, lineWidth(line, limit));
    line = [];
  }
  return widest;
}

/** A run of a row's columns one cell takes: `start`, and the columns after it it spans, up to `end` (not included). */
export interface ColumnGroup {
  start: number;
  end: number;
}

/** A row's cells as the columns each takes: a cell and the columns `right` of it that it spans. */
export function columnGroups(covered: readonly Covered[] | undefined, n: number): ColumnGroup[] {
  const groups: ColumnGroup[] = [];
  for (let c = 0; c < n; c++) {
    if (c > 0 && covered?.[c] === 'right') groups[groups.length - 1].end = c + 1;
    else groups.push({ start: c, end: c + 1 });
  }
  return groups;
}

/** Columns a group takes, with the separators (`gap` columns each) between them. */
export function groupWidth(widths: readonly number[], group: ColumnGroup, gap: number): number {
  let w = gap * (group.end - group.start - 1);
  for (let c = group.start; c < group.end; c++) w += widths[c];
  return w;
}

/**
 * The rule between two rows: `─` under each column and, between columns, `┼` where both rows
 * separate them, `┴` or `┬` where only the row above or below does (the other spans both columns).
 */
export function ruleText(widths: readonly number[], above: readonly Covered[] | undefined, below: readonly Covered[] | undefined): string {
  return widths
    .map((w, c) => {
      const bar = '─'.repeat(w);
      if (c === 0) return bar;
      const up = above?.[c] !== 'right';
      const down = below?.[c] !== 'right';
      return `─${up && down ? '┼' : up ? '┴' : down ? '┬' : '─'}─${bar}`;
    })
    .join('');
}
