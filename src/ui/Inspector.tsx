// The metadata inspector: the front matter as a foldable tree (▸ folded, ▾ open), then the file
// facts and loader notes. The cursor row is drawn inverse when the pane has focus, and the view
// scrolls only as far as needed to keep the cursor on screen.
import { Box } from 'ink';
import { memo, useMemo, useRef } from 'react';
import type { Article } from '../core/article.js';
import { COINS_SECTION_KEY, FILE_SECTION_KEY, inspectorRows, type InspectorRow, type Line, cutSpans, padLine } from '../core/render/index.js';
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

/** The styled, width-cut text of one inspector row. */
export function rowLine(row: InspectorRow, width: number): Line {
  if (row.key === FILE_SECTION_KEY || row.key === COINS_SECTION_KEY) {
    const title = `── ${row.label} `;
    return cutSpans([{ role: 'dim', text: title + '─'.repeat(Math.max(0, width - title.length)) }], width);
  }
  // Deep trees keep at least half the width for the text itself.
  const indent = '  '.repeat(Math.min(row.depth, Math.floor(width / 4)));
  const glyph = row.foldable ? (row.expanded ? '▾ ' : '▸ ') : '  ';
  const value = row.foldable ? { role: 'dim' as const, text: row.value } : { text: row.value };
  return cutSpans(
    [{ role: 'dim', text: indent + glyph }, { bold: true, text: row.label }, { role: 'dim', text: ': ' }, value],
    width,
  );
}

/** What the pane shows: the first visible row index and each row's line and highlight. */
export interface InspectorView {
  top: number;
  rows: Array<{ line: Line; inverse: boolean }>;
}

/** The visible window of rows, scrolled from `prevTop` only as far as needed to show the cursor. */
export function inspectorView(
  rows: readonly InspectorRow[],
  width: number,
  height: number,
  cursor: number,
  focused: boolean,
  prevTop: number,
): InspectorView {
  const at = Math.max(0, Math.min(Math.floor(cursor) || 0, rows.length - 1));
  let top = prevTop;
  if (at < top) top = at;
  if (at >= top + height) top = at - height + 1;
  top = Math.max(0, Math.min(top, rows.length - height));
  const out: InspectorView['rows'] = [];
  for (let i = top; i < Math.min(rows.length, top + height); i++) {
    const mine = focused && i === at;
    const line = rowLine(rows[i], width);
    out.push({ line: mine ? padLine(line, width) : line, inverse: mine });
  }
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
