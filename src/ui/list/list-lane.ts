// A cursor move in the list drawn before React renders it (frame/fast-frame.ts). The list pane
// and its title register how they paint their rows (the same functions their render uses) each
// time they render; a key that only moves the cursor within the rows shown has its two rows and
// the title drawn from them at once, and App's render for the key follows and draws the rest
// (the body and inspector come later anyway). Anything else a key changes is left to React.
import { useRef } from 'react';
import type { AppState } from '../../state/reducer.js';
import { listPosition } from '../../state/selectors.js';
import { drawPlaced } from '../frame/fast-frame.js';

/** The list pane's rows as last rendered: their slot block, where they start in the hits, and their paint for a cursor. */
export interface LaneRows {
  block: number;
  start: number;
  count: number;
  paint(cursor: number, focused: boolean): string[];
}

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
  /** The title's text for a state (ArticleList's listTitle). */
  titleOf: ((s: AppState) => string) | null;
}

/** One lane per App, the same object across renders. */
export function useListLane(): ListLane {
  return useRef<ListLane>({ rows: null, title: null, rendered: null, titleOf: null }).current;
}

// What a cursor move changes in the state besides the cursor (moveCursor): the body and inspector
// it resets follow later on their own.
const MOVES: ReadonlySet<string> = new Set(['cursor', 'selectedId', 'bodyScroll', 'inspectorCursor']);

/**
 * Draws the list rows and title for `after` at once when the keys since `before` (the state App
 * last rendered) only moved the cursor within the rows shown; true when drawn. React's render of
 * `after` draws the same rows again (nothing written) and everything else.
 */
export function drawCursorMove(lane: ListLane, before: AppState, after: AppState): boolean {
  const { rows, title, titleOf } = lane;
  if (!rows || !title || !titleOf || before !== lane.rendered || after.cursor === before.cursor || after.overlay) return false;
  for (const k of Object.keys(after) as Array<keyof AppState>) if (after[k] !== before[k] && !MOVES.has(k)) return false;
  if (rows.start !== after.listTop || after.cursor < rows.start || after.cursor >= rows.start + rows.count) return false;
  const focused = after.focus === 'list';
  const painted = rows.paint(after.cursor, focused);
  return drawPlaced([...painted.map((text, row) => ({ block: rows.block, row, text })), { block: title.block, row: 0, text: title.paint(titleOf(after), focused) }]);
}

/** The list title's text for `s`, given the title function (ArticleList's listTitle). */
export function laneTitle(listTitle: (position: number, total: number, approximate: boolean) => string): (s: AppState) => string {
  return (s) => listTitle(listPosition(s), s.total, s.totalApproximate);
}
