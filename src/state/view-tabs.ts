// Where each saved-view tab sits on its row, shared by the tab row (what to draw) and the mouse
// (which tab a click hits), so the two always agree. Tab 0 is "All"; tab N is view N, labelled
// with its digit key up to 9. Positions are terminal columns (a CJK or emoji name takes two per
// character) of the sanitised name, the text actually drawn.
import type { View } from '../config/config.js';
import { columns, fitWidth } from '../core/width/index.js';
import { sanitizeLine } from '../core/text/index.js';

/** One tab as drawn: its label (cut to fit), first column, width in columns, and the view it selects. */
export interface TabSpan {
  label: string;
  x: number;
  width: number;
  view: number;
}

const GAP = 1;
/** Drawn at the left when tabs before the first one shown are scrolled off. */
export const TABS_BEFORE = '‹ ';

// A tab's label: ` 1 Name `, its digit the key that switches to it; views past 9 have no digit
// (`[` `]` step to them) and no number. `[1 Name]` when it is the active one, so the active tab
// reads without colour.
function label(name: string, view: number, active: boolean): string {
  const text = `${view <= 9 ? `${view} ` : ''}${sanitizeLine(name)}`;
  return active ? `[${text}]` : ` ${text} `;
}

/**
 * The tabs that fit `width` columns, in order, with `active` always among them: when the tabs up
 * to it would run past the right edge, the row starts at a later tab (after `‹ `) so that the
 * view in force is on screen. A tab cut at the right edge ends in `…`, and so does the last tab
 * shown when tabs after it do not fit.
 */
export function tabSpans(views: readonly View[], width: number, active: number): TabSpan[] {
  const labels = ['All', ...views.map((v) => v.name)].map((name, view) => label(name, view, view === active));
  const widths = labels.map((l) => columns(l));
  // The first tab shown: the earliest from which the active tab still ends inside the row.
  let first = 0;
  const endOfActive = (from: number): number => {
    let x = from > 0 ? TABS_BEFORE.length : 0;
    for (let v = from; v < active; v++) x += widths[v] + GAP;
    return x + widths[Math.min(active, widths.length - 1)];
  };
  while (first < active && endOfActive(first) > width) first++;
  const spans: TabSpan[] = [];
  let x = first > 0 ? TABS_BEFORE.length : 0;
  for (let view = first; view < labels.length && x < width; view++) {
    const text = fitWidth(labels[view], width - x);
    const w = columns(text);
    spans.push({ label: text, x, width: w, view });
    x += w + GAP;
  }
  // Tabs left past the right edge, with the last one shown whole (it ended at the edge): it is cut
  // by one column for the `…`, or the row would end as if it held every view (found by a tester:
  // eleven views at 76 columns ended `9 V9   V10`, V11 gone without a mark). Not the active tab,
  // which is always shown whole.
  const last = spans.at(-1);
  if (last && last.view !== active && last.view < labels.length - 1 && !last.label.endsWith('…')) {
    const cut = last.width > 1 ? fitWidth(labels[last.view], last.width - 1) : '';
    const text = cut.endsWith('…') ? cut : `${cut}…`;
    spans[spans.length - 1] = { ...last, label: text, width: columns(text) };
  }
  return spans;
}

/** The view number of the tab at column `x` (the row as tabSpans lays it out), or null between or past the tabs. */
export function tabAt(views: readonly View[], x: number, width: number, active: number): number | null {
  return tabSpans(views, width, active).find((t) => x >= t.x && x < t.x + t.width)?.view ?? null;
}
