// Where each saved-view tab sits on its row, shared by the tab row (what to draw) and the mouse
// (which tab a click hits). Tab 0 is "All"; tab N is view N, labelled with its key.
import type { View } from '../config/config.js';

/** One tab: its label, first column, width in columns, and the view number it selects. */
export interface TabSpan {
  label: string;
  x: number;
  width: number;
  view: number;
}

const GAP = 1;

/** The tabs in order; labels are `0 All`, `1 Name`, ... and run off the right edge when many. */
export function tabSpans(views: readonly View[]): TabSpan[] {
  const spans: TabSpan[] = [];
  let x = 0;
  ['All', ...views.map((v) => v.name)].forEach((name, view) => {
    const label = ` ${view <= 9 ? `${view} ` : ''}${name} `;
    const width = Array.from(label).length;
    spans.push({ label, x, width, view });
    x += width + GAP;
  });
  return spans;
}

/** The view number of the tab at column `x`, or null between or past the tabs. */
export function tabAt(views: readonly View[], x: number): number | null {
  return tabSpans(views).find((t) => x >= t.x && x < t.x + t.width)?.view ?? null;
}
