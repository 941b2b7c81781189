// The metadata inspector: the front matter as a foldable tree (▸ folded, ▾ open), then the file
// facts and loader notes. When the pane has focus the cursor row is drawn inverse and marked `▶`
// in a one-column gutter, as the list's is (without colour, NO_COLOR or the mono theme, the mark
// is all that shows it), and a value too long for one row is wrapped whole under it (a URL, a
// description: nothing in the front matter is out of reach). The view scrolls only as far as
// needed to keep the cursor's rows on screen.
import { Box } from 'ink';
import { memo, useMemo, useRef } from 'react';
import type { Article } from '../core/article.js';
import { COINS_SECTION_KEY, FILE_SECTION_KEY, inspectorRows, type InspectorRow, type Line, type Span, cutSpans, padLine, wrapSpans } from '../core/render/index.js';
import { textWidth } from '../core/width/index.js';
import { emptyPaneText } from './ArticleBody.js';
import { paintLine, PaintedRows } from './Lines.js';

/** Props of Inspector; `expanded` holds the keys whose fold state the user toggled. */
export interface InspectorProps {
  article: Article | null;
  width: number;
  height: number;
  cursor: number;
  expanded: ReadonlySet<string>;
  focused: boolean;
  /** A row is selected but its article is not read yet (ArticleBodyProps.pending). */
  pending?: boolean;
}

// The gutter before every row: the cursor's mark, or a blank.
const MARK = '▶';

// A row's spans: gutter, indentation and fold glyph (the prefix), then label and value.
function rowSpans(row: InspectorRow, width: number, marked: boolean): { prefix: Span[]; text: Span[] } {
  const gutter = marked ? MARK : ' ';
  if (row.key === FILE_SECTION_KEY || row.key === COINS_SECTION_KEY) {
    const title = `${gutter}─ ${row.label} `;
    return { prefix: [], text: [{ role: 'dim', text: title + '─'.repeat(Math.max(0, width - title.length)) }] };
  }
  // Deep trees keep at least half the width for the text itself.
  const indent = '  '.repeat(Math.min(row.depth, Math.floor(width / 4)));
  const glyph = row.foldable ? (row.expanded ? '▾ ' : '▸ ') : '  ';
  const value = row.foldable ? { role: 'dim' as const, text: row.value } : { text: row.value };
  return { prefix: [{ text: gutter }, { role: 'dim', text: indent + glyph }], text: [{ bold: true, text: row.label }, { role: 'dim', text: ': ' }, value] };
}

/** The styled, width-cut text of one inspector row; `marked`: the cursor's (its gutter shows `▶`). */
export function rowLine(row: InspectorRow, width: number, marked = false): Line {
  const { prefix, text } = rowSpans(row, width, marked);
  return cutSpans([...prefix, ...text], width);
}

/**
 * The cursor row whole: its label and value wrapped under the prefix (a hanging indent), at most
 * `maxLines` lines (the last cut with `…` when even those cannot hold it); one line when it fits.
 */
export function cursorLines(row: InspectorRow, width: number, maxLines: number): Line[] {
  const { prefix, text } = rowSpans(row, width, true);
  const line = cutSpans([...prefix, ...text], width);
  const indent = prefix.reduce((n, p) => n + textWidth(p.text), 0);
  const room = width - indent;
  // Folded rows show a summary, sections a rule: both are meant as one row. So is a row that fits.
  if (row.foldable || prefix.length === 0 || room < 8 || maxLines <= 1 || textWidth(text.map((t) => t.text).join('')) <= room) return [line];
  const wrapped = wrapSpans(text, room);
  const lines = wrapped.slice(0, maxLines);
  // What the last line cannot hold ends it in `…` (cutSpans), as a row too long for the pane does.
  if (wrapped.length > maxLines) lines[maxLines - 1] = cutSpans(wrapped.slice(maxLines - 1).flatMap((l, i) => (i === 0 ? l : [{ text: ' ' }, ...l])), room);
  return lines.map((l, i) => [...(i === 0 ? prefix : [{ text: ' '.repeat(indent) }]), ...l]);
}

/** What the pane shows: the first visible row index and each row's line and highlight. */
export interface InspectorView {
  top: number;
  rows: Array<{ line: Line; inverse: boolean }>;
}

/**
 * The visible window of rows, scrolled from `prevTop` only as far as needed to show the cursor's
 * rows (the cursor row wrapped whole when focused: cursorLines).
 */
export function inspectorView(
  rows: readonly InspectorRow[],
  width: number,
  height: number,
  cursor: number,
  focused: boolean,
  prevTop: number,
): InspectorView {
  const at = Math.max(0, Math.min(Math.floor(cursor) || 0, rows.length - 1));
  const mine = focused && rows.length > 0 ? cursorLines(rows[at], width, Math.max(1, height)) : null;
  const tall = mine ? mine.length : 1;
  let top = prevTop;
  if (at < top) top = at;
  if (at + tall > top + height) top = at + tall - height;
  top = Math.max(0, Math.min(top, rows.length - (height - tall + 1)));
  const out: InspectorView['rows'] = [];
  for (let i = top; i < rows.length && out.length < height; i++) {
    if (mine && i === at) for (const line of mine) out.push({ line: padLine(line, width), inverse: true });
    else out.push({ line: rowLine(rows[i], width), inverse: false });
  }
  if (out.length > height) out.length = height;
  return { top, rows: out };
}

/** The inspector pane's contents: exactly `height` rows, each at most `width` columns (memoised). */
export const Inspector = memo(function Inspector({ article, width, height, cursor, expanded, focused, pending }: InspectorProps) {
  const w = Math.max(1, Math.floor(width));
  const h = Math.max(0, Math.floor(height));
  const rows = useMemo(() => (article ? inspectorRows(article, expanded) : []), [article, expanded]);
  const top = useRef(0);

  const view = inspectorView(rows, w, h, cursor, focused, top.current);
  top.current = view.top;
  const visible = article ? view.rows : [{ line: cutSpans([{ role: 'dim', text: emptyPaneText(pending) }], w), inverse: false }];
  while (visible.length < h) visible.push({ line: [], inverse: false });
  if (visible.length > h) visible.length = h;

  return (
    <Box flexDirection="column" width={w} height={h} overflowY="hidden">
      <PaintedRows rows={visible.map((v) => paintLine(v.line, w, v.inverse))} width={w} />
    </Box>
  );
});
