// The reducer's building blocks: each takes a state and returns the next one, pure. Kept apart
// from reducer.ts so that file reads as the table of what each action and command does.
import type { Hit } from '../core/search/index.js';
import type { PaneId } from './keymap.js';
import { paneAt, innerWidth } from './layout.js';
import { addTerm, entryAt, markColumns, pulseEntries, pulseParts } from './pulse-line.js';
import { clamp, keepInView, layoutOf, listRows, maxBodyScroll, pulseRows } from './selectors.js';
import type { AppState } from './app-state.js';
import { foldedMembers, notLoaded, othersNotLoaded } from './story-rows.js';
import { tabAt } from './view-tabs.js';

/** Moves whatever the pane scrolls: the list cursor, the body text, or the inspector cursor. */
export function scroll(s: AppState, pane: PaneId, delta: number): AppState {
  // A move of the list's own drops a `G` still waiting for every match (toBottom).
  if (pane === 'list') return moveCursor(s.bottomWanted > 0 ? { ...s, bottomWanted: 0 } : s, s.cursor + delta);
  if (pane === 'body') return { ...s, bodyScroll: clamp(finite(s.bodyScroll + delta), 0, maxBodyScroll(s)) };
  return { ...s, inspectorCursor: clamp(finite(s.inspectorCursor + delta), 0, s.inspector.length - 1) };
}

/**
 * `G`/End in the list: the last row loaded, and when the result has more matches than the list
 * holds (it loads two pages past the cursor), the last row of all once they are in
 * (AppState.bottomWanted), as fzf's and less's end of list is the end of the input.
 */
export function toBottom(s: AppState): AppState {
  const more = s.rawHits.length < s.total || s.totalApproximate;
  return { ...moveCursor(s, Infinity), bottomWanted: more ? Math.max(s.total, s.rawHits.length + 1) : 0 };
}

/** Infinity (top/bottom commands) as a usable number. */
export function finite(n: number): number {
  return Number.isFinite(n) ? n : n > 0 ? Number.MAX_SAFE_INTEGER : 0;
}

/** Puts the list cursor at `to` (clamped), keeps it in view, and resets the body when the article changes. */
export function moveCursor(s: AppState, to: number): AppState {
  const count = s.hits.length;
  const cursor = clamp(finite(to), 0, count - 1);
  const listTop = keepInView(s.listTop, cursor, listRows(s), count);
  const selectedId = s.hits[cursor]?.id ?? null;
  if (selectedId === s.selectedId) return { ...s, cursor, listTop };
  return { ...s, cursor, listTop, selectedId, bodyScroll: 0, inspectorCursor: 0 };
}

/**
 * Where the cursor goes when the selected article is not in the new rows `next` (its file deleted,
 * with others around it): the row of its story when it stood for one that is still listed (named
 * by another of its articles now); else the row in `next` of the nearest article of the old rows
 * still listed, the rows after it first, then those before (as file managers and newsboat do), so
 * a batch of rows removed does not leave the cursor a batch further down; the old row number when
 * nothing around it is left or the selection was not on a row.
 */
export function nearestSurvivor(s: Pick<AppState, 'hits' | 'cursor' | 'selectedId' | 'rawHits' | 'stories' | 'rowInfo'>, next: Pick<AppState, 'hits' | 'stories' | 'rowInfo'>): number {
  const from = s.hits[s.cursor]?.id === s.selectedId ? s.cursor : s.hits.findIndex((h) => h.id === s.selectedId);
  if (from < 0 || next.hits.length === 0) return s.cursor;
  const rowOf = new Map<number, number>();
  next.hits.forEach((h, k) => rowOf.set(h.id, k));
  const story = storyRow(s, next, rowOf);
  if (story >= 0) return story;
  for (let k = from + 1; k < s.hits.length; k++) {
    const at = rowOf.get(s.hits[k].id);
    if (at !== undefined) return at;
  }
  for (let k = from - 1; k >= 0; k--) {
    const at = rowOf.get(s.hits[k].id);
    if (at !== undefined) return at;
  }
  return s.cursor;
}

/**
 * The row in `next` to select for the selected article, which `next` lists at row `at`: `at`, unless
 * the article stood for its story's row and is a row inside that story now (the story, open, named
 * by another of its articles since it was grouped again: its namer deleted, an earlier article
 * joined): the story's row, where the reader was, as when the story is folded (nearestSurvivor).
 */
export function keptRow(s: Pick<AppState, 'selectedId' | 'rowInfo'>, next: Pick<AppState, 'hits' | 'rowInfo'>, at: number): number {
  const was = s.selectedId === null ? undefined : s.rowInfo.get(s.selectedId);
  const now = next.rowInfo.get(next.hits[at]?.id ?? -1);
  if (!was || was.child || !now?.child) return at;
  // An open story's rows follow its own.
  for (let k = at - 1; k >= 0; k--) {
    const row = next.rowInfo.get(next.hits[k].id);
    if (row && !row.child && row.story === now.story) return k;
  }
  return at;
}

// The row in `next` of the story whose row was selected, or -1. A story's row is named by one of
// its articles (story-rows.ts: its earliest in the result): that one deleted, or an earlier one
// joining the story, names the row by another, and the story is still there for the reader to be
// on; the nearest survivor of the old rows would be the row after it. Its other articles are
// looked for in `next` in result order: the row of the story each belongs to now (regrouped: its
// story named anew), else its own (alone in a story now).
function storyRow(s: Pick<AppState, 'selectedId' | 'rawHits' | 'stories' | 'rowInfo'>, next: Pick<AppState, 'hits' | 'stories' | 'rowInfo'>, rowOf: ReadonlyMap<number, number>): number {
  const info = s.selectedId === null ? undefined : s.rowInfo.get(s.selectedId);
  if (!info || info.child || !s.stories) return -1;
  const storyRows = new Map<number, number>();
  next.hits.forEach((h, k) => {
    const row = next.rowInfo.get(h.id);
    if (row && !row.child) storyRows.set(row.story, k);
  });
  for (const h of s.rawHits) {
    if (h.id === s.selectedId || s.stories.story[h.id] !== info.story) continue;
    const at = (next.stories ? storyRows.get(next.stories.story[h.id]) : undefined) ?? rowOf.get(h.id);
    if (at !== undefined) return at;
  }
  return -1;
}

/**
 * Multi mode: marks or unmarks the selected article, then moves down. A folded story row stands
 * for every article of its story in the result (as for `m` and `*`): all are marked, or, when all
 * already are, all unmarked.
 */
export function mark(s: AppState): AppState {
  if (!s.multi) return { ...s, message: 'marking needs --multi' };
  if (s.selectedId === null) return { ...s, message: 'nothing to mark' };
  const id = s.selectedId;
  const info = s.rowInfo.get(id);
  const folded = info && !info.child && !info.open ? info : undefined;
  const ids = folded ? (foldedMembers(s.rawHits, s.stories, s.rowInfo).get(id) ?? [id]) : [id];
  const all = ids.every((m) => s.marked.includes(m));
  const marked = all ? s.marked.filter((m) => !ids.includes(m)) : [...s.marked, ...ids.filter((m) => !s.marked.includes(m))];
  // A folded story whose other articles lie past the rows loaded: said, not marked silently short.
  const missing = othersNotLoaded(s.rawHits, s.total, s.stories, folded);
  if (missing > 0) return { ...moveCursor({ ...s, marked }, s.cursor + 1), message: notLoaded(missing, s.rawHits.length) };
  // Marking moves down like fzf's Tab, so a run of rows can be marked quickly.
  return moveCursor({ ...s, marked }, s.cursor + 1);
}

/** Enter: ends with the marked articles, else the selected one, else with nothing (exit 1, as fzf). */
export function choose(s: AppState): AppState {
  if (s.multi && s.marked.length > 0) return { ...s, outcome: { kind: 'chosen', ids: [...s.marked] } };
  if (s.selectedId === null) return { ...s, outcome: { kind: 'chosen', ids: [] } };
  return { ...s, outcome: { kind: 'chosen', ids: [s.selectedId] } };
}

/** A left click: focuses the pane under it and, in the list, selects the row. */
export function click(s: AppState, x: number, y: number): AppState {
  // The saved-view tabs sit on the row under the search line.
  if (s.views.length > 0 && y === 1) {
    const view = tabAt(s.views, x, s.width, s.view);
    return view === null ? s : { ...s, view, message: null };
  }
  const layout = layoutOf(s);
  const pane = paneAt(layout, x, y);
  if (!pane) return s;
  // A click away from the focused pulse strip leaves it: the keys go to the pane clicked (found by
  // a tester: the body took the focus while the status line and the keys stayed the strip's).
  const focused: AppState = { ...s, focus: pane, message: null, mode: s.mode === 'pulse' ? 'browse' : s.mode };
  const rect = layout.list;
  const strip = pulseRows(s);
  const row = y - rect.y - 1 - strip;
  // A click on an entry of the pulse strip (a sentiment count on its summary line, a source, tag
  // or coin on its facets line) acts as Enter on it.
  if (pane === 'list' && row < 0 && row >= -strip) {
    const line = row === -strip ? 'summary' : 'facets';
    // A partial pulse's summary line starts with what it is of (PulseStrip draws it so).
    const mark = line === 'summary' ? markColumns(s.pulse, s.grouping, innerWidth(rect)) : 0;
    const index = entryAt(pulseParts(pulseEntries(s.pulse), innerWidth(rect) - mark, s.mode === 'pulse' ? s.pulseCursor : -1, line), x - rect.x - 1 - mark);
    return index === null ? focused : applyEntry(focused, index, false);
  }
  if (pane !== 'list' || row < 0 || row >= rect.height - 2 - strip) return focused;
  const index = s.listTop + row;
  return index < s.hits.length ? moveCursor(focused, index) : focused;
}

/** Adds pulse entry `index` (negated or not) to the query and goes back to the list; Esc then undoes it (pulseGoBack). */
export function applyEntry(s: AppState, index: number, negate: boolean): AppState {
  const entry = pulseEntries(s.pulse)[index];
  if (!entry) return s;
  const query = addTerm(s.query, entry, negate);
  return { ...s, mode: 'browse', focus: 'list', query, pulseBack: { before: s.query, after: query, cursor: index } };
}
