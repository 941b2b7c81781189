// The article list: one row per visible hit (the caller passes only the visible slice), with
// relative date, source, a sentiment glyph and the title with matched characters highlighted.
// Every row is cut to the pane width by grapheme and string-width, so CJK and emoji never overflow.
import { Box, Text } from 'ink';
import { memo, useEffect, useMemo } from 'react';
import type { Article } from '../core/article.js';
import { countText, sanitizeLine } from '../core/text/index.js';
import { columns, fitWidth } from '../core/width/index.js';
import type { Hit } from '../core/search/index.js';
import type { RowInfo } from '../state/story-rows.js';
import type { ListCounts } from '../state/list-counts.js';
import { PaintedRows, useSlotBlock } from './Lines.js';
import type { ListLane } from './list/list-lane.js';
import { paintedWindow, type PaintedWindow, type RowLook } from './list/painted-window.js';
import { lookOf, rowDate, rowText } from './list/row-paint.js';
import { theme } from './theme.js';

export { sentimentMark } from '../core/render/index.js';
export { chipCount, coinChips, rowDate, rowText, SAVED_GLYPH, STICKY_GLYPH, storyMarker, titleSegments, UNREAD_GLYPH, type RowProps } from './list/row-paint.js';

/** Props of ArticleList. `hits` is already the visible window; `start` is its offset in the results. */
export interface ArticleListProps {
  hits: readonly Hit[];
  start: number;
  cursor: number;
  article: (id: number) => Article;
  width: number;
  height: number;
  now: number;
  multi: boolean;
  marked: ReadonlySet<number>;
  /** Folded story rows whose story is marked in part: `◐` (state/story-rows.ts partlyMarked). */
  partlyMarked?: ReadonlySet<number>;
  focused: boolean;
  /** Shown dim when there are no hits ("no matches for …"). */
  emptyMessage: string;
  /** Rows of multi-article stories: `+3` on a folded story, its articles indented when open. */
  rowInfo?: ReadonlyMap<number, RowInfo>;
  /** The rows are in date order: a folded story row shows the date of the article placing it (RowInfo.placedBy). */
  byDate?: boolean;
  /** Read and saved per row (its article, or a folded story's articles), when reading state is available; adds the ◆ / ★ column. */
  marks?: ((article: Article, id: number) => { unread: boolean; saved: boolean }) | null;
  /** Changes whenever marks change, so a memoised list redraws. */
  marksVersion?: number;
  /** Where the list registers how it paints its rows, for a cursor move drawn before React renders it (list/list-lane.ts). */
  lane?: ListLane;
}

/** Shown for a count that is coming (SearchResult.counting): the search's lower bound would read as a count (`1,000+`). */
export const COUNTING = 'counting…';

/** A result count as the list's title and the status line show it: `9,889`, `1,000+` when a lower bound, `counting…` while the exact one is coming. */
export function shownCount(total: number, approximate: boolean, counting = false): string {
  return counting ? COUNTING : `${countText(total)}${approximate ? '+' : ''}`;
}

/**
 * The list pane's title: the cursor's row of the rows the reader moves through. `Articles 8/75`
 * when each row is an article; `Stories 8/71 · 75 articles` when stories fold them into fewer
 * rows (`Stories 8/counting… · 9,889 articles` until the rows of a result bigger than the list
 * are counted). Found by a tester: `Articles 12/75` on the 8th of 71 rows.
 */
export function listTitle(c: ListCounts): string {
  const rows = c.rows === null ? COUNTING : `${countText(c.rows)}${c.rowsAtLeast ? '+' : ''}`;
  if (!c.folds) return `Articles ${countText(c.position)}/${c.rows === null ? shownCount(c.articles, c.approximate, c.counting) : rows}`;
  const articles = shownCount(c.articles, c.approximate, c.counting);
  return `Stories ${countText(c.position)}/${rows} · ${articles} ${c.articles === 1 && !c.approximate && !c.counting ? 'article' : 'articles'}`;
}

/**
 * The list pane's contents: at most `height` rows, each at most `width` columns. Memoised, and
 * its rows are painted once per look (rowText). What a row shows besides the cursor is made once
 * per window of hits: moving the cursor only looks up the painted rows again, and paints the two
 * whose `selected` changed.
 */
export const ArticleList = memo(function ArticleList(p: ArticleListProps) {
  const window = useMemo(
    () => windowOf(p),
    // The props a row's look is made of; the cursor and focus are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [p.hits, p.height, p.article, p.now, p.width, p.multi, p.marked, p.partlyMarked, p.rowInfo, p.byDate, p.marks, p.marksVersion],
  );
  const { looks } = window;
  const painted = useMemo(() => window.rows(p.start, p.cursor, p.focused), [window, p.start, p.cursor, p.focused]);
  const block = useSlotBlock();
  const { lane } = p;
  if (lane) {
    const paintWith = (changes: Partial<ArticleListProps>): readonly string[] => {
      const q = { ...p, ...changes };
      return windowOf(q).rows(q.start, q.cursor, q.focused);
    };
    const paintRow = (row: number, cursor: number, focused: boolean): string => rowText({ ...looks[row], selected: p.start + row === cursor, focused });
    lane.rows = looks.length ? { block, start: p.start, count: looks.length, height: p.height, paintRow, paintWith } : null;
  }
  useEffect(() => () => void (lane && (lane.rows = null)), [lane]);
  if (looks.length === 0) {
    return (
      <Box height={p.height} width={p.width}>
        <Text color={theme.dim} wrap="truncate-end">
          {fitWidth(sanitizeLine(p.emptyMessage), p.width)}
        </Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" height={p.height} width={p.width}>
      <PaintedRows rows={painted} width={p.width} block={block} />
    </Box>
  );
});

// The window of rows `p` shows, its looks made once per answer (list/painted-window.ts).
function windowOf(p: ArticleListProps): PaintedWindow {
  return paintedWindow(p.hits, [p.height, p.article, p.now, p.width, p.multi, p.marked, p.partlyMarked, p.rowInfo, p.byDate, p.marks, p.marksVersion], () => rowLooks(p));
}

// Each visible row's props but the cursor and focus, with its look key made once.
function rowLooks(p: ArticleListProps): RowLook[] {
  const rows = p.hits.slice(0, Math.max(0, p.height));
  if (rows.length === 0) return [];
  const articles = rows.map((h) => p.article(h.id));
  // In a date sort a folded story stands at its newest matching report: that report's date is the
  // row's, so the column reads in order (a tester took the scoop's older date for a sorting bug).
  const dates = articles.map((a, i) => {
    const info = p.byDate ? p.rowInfo?.get(rows[i].id) : undefined;
    return rowDate(info && !info.child && info.placedBy !== rows[i].id ? p.article(info.placedBy) : a, p.now);
  });
  const dateW = Math.max(...dates.map((d) => columns(d)));
  // The source column gives way first on narrow panes: the title is what a reader scans, and the
  // source is repeated in the body header.
  const sourceW = p.width >= 64 ? 12 : p.width >= 48 ? 8 : 0;
  return rows.map((hit, i) => {
    const row = {
      hit,
      article: articles[i],
      date: dates[i],
      dateW,
      sourceW,
      width: p.width,
      marked: p.partlyMarked?.has(hit.id) ? ('part' as const) : p.marked.has(hit.id),
      multi: p.multi,
      story: p.rowInfo?.get(hit.id),
      reading: p.marks ? p.marks(articles[i], hit.id) : null,
    };
    return { ...row, look: lookOf(row) };
  });
}

