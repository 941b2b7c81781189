// Pane geometry from the terminal size. Pure, so the reducer (paging, mouse hit-testing) and the
// views agree on where everything is. The frame is `height - 1` rows: one search line, the panes,
// one status line. Ink repaints the whole screen when a frame is as tall as the terminal.
import type { PaneId } from './keymap.js';

/** A rectangle in terminal cells, 0-based from the top-left of the frame. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where each pane goes; a hidden pane is null. */
export interface Layout {
  /** wide: three columns; split: list | body-or-inspector; stacked: list above body-or-inspector. */
  kind: 'wide' | 'split' | 'stacked';
  list: Rect;
  body: Rect | null;
  inspector: Rect | null;
  /** Rows the panes occupy in total (frame height minus search and status lines). */
  paneHeight: number;
}

/** Terminal widths at which the layout changes. */
export const WIDE_MIN = 140;
export const SPLIT_MIN = 70;

/** Rows outside the panes: the search line and the status line (plus the spare last row). */
export const CHROME_ROWS = 3;

/**
 * What the user chose to show, kept apart for each kind of layout so that a resize loses neither
 * choice: whether the wide layout's inspector is hidden (`i` there), and which of body and
 * inspector takes the narrow layouts' second place (`i` or Tab there).
 */
export interface PaneChoice {
  inspectorHidden: boolean;
  slot: 'body' | 'inspector';
  /** `z`: the list alone, the whole width, in any layout (the other choices kept for `z` again). */
  listAlone?: boolean;
}

/** Every pane the layout has room for, the body in the narrow layouts' second place. */
export const DEFAULT_PANES: PaneChoice = Object.freeze({ inspectorHidden: false, slot: 'body' });

/**
 * The layout for a terminal of `width` x `height`, showing the panes `panes` chose: a wide one
 * shows the inspector unless hidden, a narrow one the `slot` pane beside or under the list.
 * `tabs`: a row of saved-view tabs takes the row under the search line.
 */
export function computeLayout(width: number, height: number, panes: PaneChoice = DEFAULT_PANES, tabs = false): Layout {
  const w = Math.max(0, Math.floor(width));
  // With saved views, their tab row sits between the search line and the panes.
  const paneHeight = Math.max(0, Math.floor(height) - CHROME_ROWS - (tabs ? 1 : 0));
  const y = tabs ? 2 : 1;
  const kind = w >= WIDE_MIN ? 'wide' : w >= SPLIT_MIN ? 'split' : 'stacked';
  if (panes.listAlone) return { kind, list: rect(0, y, w, paneHeight), body: null, inspector: null, paneHeight };
  if (w >= WIDE_MIN) {
    const listW = Math.round(w * 0.35);
    if (panes.inspectorHidden) {
      return { kind: 'wide', list: rect(0, y, listW, paneHeight), body: rect(listW, y, w - listW, paneHeight), inspector: null, paneHeight };
    }
    const bodyW = Math.round(w * 0.4);
    return {
      kind: 'wide',
      list: rect(0, y, listW, paneHeight),
      body: rect(listW, y, bodyW, paneHeight),
      inspector: rect(listW + bodyW, y, w - listW - bodyW, paneHeight),
      paneHeight,
    };
  }
  const inspector = panes.slot === 'inspector';
  if (w >= SPLIT_MIN) {
    const listW = Math.round(w * 0.5);
    const other = rect(listW, y, w - listW, paneHeight);
    return { kind: 'split', list: rect(0, y, listW, paneHeight), body: inspector ? null : other, inspector: inspector ? other : null, paneHeight };
  }
  // Stacked: too short for two bordered panes (3 rows each) -> the list alone.
  if (paneHeight < 6) return { kind: 'stacked', list: rect(0, y, w, paneHeight), body: null, inspector: null, paneHeight };
  const listH = Math.max(3, Math.round(paneHeight * 0.4));
  const other = rect(0, y + listH, w, paneHeight - listH);
  return { kind: 'stacked', list: rect(0, y, w, listH), body: inspector ? null : other, inspector: inspector ? other : null, paneHeight };
}

function rect(x: number, y: number, width: number, height: number): Rect {
  return { x, y, width, height };
}

/** The rectangle of a pane, or null when hidden. */
export function paneRect(layout: Layout, pane: PaneId): Rect | null {
  return layout[pane];
}

/** Rows inside a bordered pane (top border with title, bottom border). */
export function innerHeight(r: Rect | null): number {
  return r ? Math.max(0, r.height - 2) : 0;
}

/** Columns inside a bordered pane. */
export function innerWidth(r: Rect | null): number {
  return r ? Math.max(0, r.width - 2) : 0;
}

/** Which pane holds the cell (x, y), if any. */
export function paneAt(layout: Layout, x: number, y: number): PaneId | null {
  for (const pane of ['list', 'body', 'inspector'] as const) {
    const r = layout[pane];
    if (r && x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height) return pane;
  }
  return null;
}
