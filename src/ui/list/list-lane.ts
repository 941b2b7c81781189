// The list's answer to a key drawn before React renders it (frame/fast-frame.ts). The list pane,
// its title, the search line and the status line register how they paint their rows (the same
// functions their render uses) each time they render. A key that only moves the cursor within
// the rows shown has its two rows and the title drawn from them at once; a typed key whose
// results were searched as it was read has the search line, the title, the rows and the status
// line drawn. App's render for the key follows HOLD_MS later (input/held-actions.ts) and draws the
// rest (the pulse strip and the body and inspector come later anyway). Anything else a key
// changes is left to React.
import { useRef } from 'react';
import type { Article } from '../../core/article.js';
import type { AppState } from '../../state/reducer.js';
import type { Hit } from '../../core/search/index.js';
import { resultsBehind } from '../../state/selectors.js';
import { listCounts, type ListCounts } from '../../state/list-counts.js';
import { drawPlaced, planPlaced, type PlacedRow } from '../frame/fast-frame.js';

/** The list pane's rows as last rendered: their slot block, where they start in the hits, one row's paint for a cursor, and all rows' for other props. */
export interface LaneRows {
  block: number;
  start: number;
  count: number;
  /** Rows the pane holds (its `height` prop). */
  height: number;
  /** Row `row` (0-based in the pane) as it looks with the cursor at `cursor`. */
  paintRow(row: number, cursor: number, focused: boolean): string;
  paintWith(changes: { hits: readonly Hit[]; start: number; cursor: number; focused: boolean; rowInfo: AppState['rowInfo']; marks: RowMarks }): readonly string[];
}

/** One painted row of its own (the search line, the status line) as last rendered, and its paint for a state. */
export interface LaneRow<T> {
  block: number;
  paint(what: T): string;
}

type RowMarks = ((article: Article, id: number) => { unread: boolean; saved: boolean }) | null;

/** The list pane's title row as last rendered: its slot block and its paint for a title. */
export interface LaneTitle {
  block: number;
  paint(title: string, focused: boolean): string;
}

/** What the list pane registers, and the state App last rendered it for. */
export interface ListLane {
  rows: LaneRows | null;
  title: LaneTitle | null;
  /** The state of App's last render (what rows and title were painted for). */
  rendered: AppState | null;
  /** The state a cursor move last drew ahead of React (it differs from `rendered` only by cursor moves). */
  drawn: AppState | null;
  /**
   * The state a typed key last drew ahead of React (its rows are not the ones `rows` last painted,
   * so no cursor move is drawn from it: only another typed key, whose rows are painted whole).
   */
  typed: AppState | null;
  /** The title's text for a state (ArticleList's listTitle). */
  titleOf: ((s: AppState) => string) | null;
  search: LaneRow<string> | null;
  status: LaneRow<AppState> | null;
  /** The list's marks function for a state's result (row-marks.ts). */
  marksFor: ((s: AppState) => RowMarks) | null;
}

/** One lane per App, the same object across renders. */
export function useListLane(): ListLane {
  return useRef<ListLane>({ rows: null, title: null, rendered: null, drawn: null, typed: null, titleOf: null, search: null, status: null, marksFor: null }).current;
}

// What a cursor move changes in the state besides the cursor (moveCursor): the body and inspector
// it resets follow later on their own.
const MOVES: ReadonlySet<string> = new Set(['cursor', 'selectedId', 'bodyScroll', 'inspectorCursor']);

/**
 * Draws the list rows and title for `after` at once when the keys since `before` (the state App
 * last rendered, or the one the last cursor move drew ahead of it while React has not rendered it
 * yet) only moved the cursor within the rows shown; true when drawn. React's render of `after`
 * draws the same rows again (nothing written) and everything else.
 */
export function drawCursorMove(lane: ListLane, before: AppState, after: AppState): boolean {
  const rows = cursorMoveRows(lane, before, after);
  if (!rows) return false;
  const drawn = drawPlaced(rows);
  lane.drawn = drawn ? after : null;
  lane.typed = null;
  return drawn;
}

/**
 * drawCursorMove's draw worked out before the key comes (fast-frame.ts planPlaced): a function
 * that writes it, or false when the screen changed since; null when drawCursorMove would not draw
 * it. The key's drawCursorMove then finds its rows drawn.
 */
export function planCursorMove(lane: ListLane, before: AppState, after: AppState): (() => boolean) | null {
  const rows = cursorMoveRows(lane, before, after);
  return rows && planPlaced(rows);
}

// The rows and title a cursor move from `before` to `after` changes, or null when it is not only a move within the rows shown.
function cursorMoveRows(lane: ListLane, before: AppState, after: AppState): PlacedRow[] | null {
  const { rows, title, titleOf } = lane;
  if (!rows || !title || !titleOf || (before !== lane.rendered && before !== lane.drawn) || after.cursor === before.cursor || after.overlay) return null;
  for (const k of Object.keys(after) as Array<keyof AppState>) if (after[k] !== before[k] && !MOVES.has(k)) return null;
  if (rows.start !== after.listTop || after.cursor < rows.start || after.cursor >= rows.start + rows.count) return null;
  const focused = after.focus === 'list';
  // Only the row the cursor left and the row it reached can differ from the screen (a burst of
  // keys in one turn passes the rows between without leaving a mark on them).
  const moved = [...new Set([before.cursor, after.cursor])].map((c) => c - rows.start).filter((row) => row >= 0 && row < rows.count);
  const painted = moved.map((row) => ({ block: rows.block, row, text: rows.paintRow(row, after.cursor, focused) }));
  return [...painted, { block: title.block, row: 0, text: title.paint(titleOf(after), focused) }];
}

// What a typed key changes in the state besides the query: its results, and the cursor back on the first.
const TYPED: ReadonlySet<string> = new Set([...MOVES, 'query', 'message', 'historyAt', 'rawHits', 'hits', 'rowInfo', 'rowOrdinals', 'storyTotal', 'resultsSeq', 'total', 'totalApproximate', 'totalCounting', 'usedSort', 'resultsQuery', 'pulse', 'stories', 'listTop']);

/**
 * Draws the search line, the list's title and rows, and the status line for `after` at once when
 * the keys since `before` (the state App last rendered, or the one the last typed key drew ahead
 * of it while React has not rendered it yet) changed the query in search mode and its results are
 * in the state (searched as the key was read), and the rows fill the pane as before; true when
 * drawn. The pulse strip, the counts that follow and the body are left to React.
 */
export function drawTyped(lane: ListLane, before: AppState, after: AppState): boolean {
  const { rows, title, titleOf, search, status, marksFor } = lane;
  if (!rows || !title || !titleOf || !search || !status || !marksFor || (before !== lane.rendered && before !== lane.typed) || after.overlay) return false;
  if (after.mode !== 'search' || before.mode !== 'search' || after.query === before.query || after.rawHits === before.rawHits || resultsBehind(after)) return false;
  for (const k of Object.keys(after) as Array<keyof AppState>) if (after[k] !== before[k] && !TYPED.has(k)) return false;
  const window = after.hits.slice(after.listTop, after.listTop + rows.height);
  if (window.length !== rows.count) return false;
  const focused = after.focus === 'list';
  const painted = rows.paintWith({ hits: window, start: after.listTop, cursor: after.cursor, focused, rowInfo: after.rowInfo, marks: marksFor(after) });
  const drawn = drawPlaced([
    { block: search.block, row: 0, text: search.paint(after.query) },
    { block: title.block, row: 0, text: title.paint(titleOf(after), focused) },
    ...painted.map((text, row) => ({ block: rows.block, row, text })),
    { block: status.block, row: 0, text: status.paint(after) },
  ]);
  // The rows on screen are no longer the ones a cursor move would repaint two of.
  lane.drawn = null;
  lane.typed = drawn ? after : null;
  return drawn;
}

/** The list title's text for `s`, given the title function (ArticleList's listTitle). */
export function laneTitle(listTitle: (counts: ListCounts) => string): (s: AppState) => string {
  return (s) => listTitle(listCounts(s));
}
