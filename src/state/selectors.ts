// Values derived from AppState: the layout, page sizes, the selected hit, the visible window of
// list rows. Pure, shared by the reducer (bounds) and the views (what to draw).
import type { Hit } from '../core/search/index.js';
import type { PaneId } from './keymap.js';
import { computeLayout, innerHeight, type Layout, type PaneChoice } from './layout.js';
import { viewQuery } from '../config/config.js';
import type { AppState, ListSort } from './app-state.js';

// The last layout made: a keystroke asks for it a dozen times (paging, the list's rows, every
// pane's size) and the terminal's size rarely changes.
let lastLayout: { width: number; height: number; panes: PaneChoice; tabs: boolean; layout: Layout } | null = null;

/** The pane layout for the state's terminal size and pane choice (the same object while they stay the same: never modify it). */
export function layoutOf(s: Pick<AppState, 'width' | 'height' | 'panes'> & { views?: AppState['views'] }): Layout {
  const tabs = (s.views?.length ?? 0) > 0;
  const l = lastLayout;
  if (l && l.width === s.width && l.height === s.height && samePanes(l.panes, s.panes) && l.tabs === tabs) return l.layout;
  const layout = computeLayout(s.width, s.height, s.panes, tabs);
  lastLayout = { width: s.width, height: s.height, panes: s.panes, tabs, layout };
  return layout;
}

// A choice made again with the same values (`i` pressed twice) lays the panes out the same.
function samePanes(a: PaneChoice, b: PaneChoice): boolean {
  return a === b || (a.inspectorHidden === b.inspectorHidden && a.slot === b.slot && (a.listAlone ?? false) === (b.listAlone ?? false));
}

/** The query the search runs: the active view's query AND the typed one. */
export function effectiveQuery(s: Pick<AppState, 'views' | 'view' | 'query'>): string {
  return viewQuery(s.view > 0 ? s.views[s.view - 1] : undefined, s.query);
}

/**
 * Whether `query` holds free text (a word or phrase not negated, not a `field:value` term): the
 * engine ranks by relevance only then, and lists by date otherwise (core/search/search.ts). The
 * tokens as parseQuery (core/search/query.ts) splits them, without its checks: a query it refuses
 * has no answer to sort.
 */
export function hasFreeText(query: string): boolean {
  for (const token of query.match(/-?(?:[A-Za-z]+:)?"[^"]*"?|[^\s"]+/g) ?? []) {
    if (token.startsWith('-')) continue;
    if (token.startsWith('"')) {
      if (token.replace(/"/g, '').trim() !== '') return true;
      continue;
    }
    const colon = token.indexOf(':');
    if (!(colon > 0 && /^[a-z]+$/i.test(token.slice(0, colon)) && token[colon + 1] !== '/')) return true;
  }
  return false;
}

/** The sort the list asks for: the one picked with `s`, else the active view's; null: the engine's default for the query. */
export function effectiveSort(s: Pick<AppState, 'views' | 'view' | 'sort'>): ListSort | null {
  return s.sort ?? (s.view > 0 ? s.views[s.view - 1]?.sort : undefined) ?? null;
}

/**
 * Whether the list's hits are not yet the answer to what is in force: they answer another query
 * (typed, or a view switched to: the results' query is the effective one, view's query included),
 * another sort (`s` pressed, or a view with its own), or stand in for a hot order still coming
 * (resultsFinal). A key that acts on the results (a move, a mark, Enter) must first get the new
 * ones, or it acts on rows the user is not about to see.
 */
export function resultsBehind(s: Pick<AppState, 'views' | 'view' | 'query' | 'sort' | 'resultsQuery' | 'resultsSort' | 'resultsFinal' | 'bottomWanted'>): boolean {
  return s.resultsQuery !== effectiveQuery(s) || s.resultsSort !== effectiveSort(s) || !s.resultsFinal || s.bottomWanted > 0;
}

/**
 * Whether a key would act on a pane that still shows the article selected before: the body or
 * inspector has the focus while it follows the selection (BODY_FOLLOW_MS after the list's frame,
 * use-shown-article.ts). `j Tab Tab l` in one burst then folds the rows of the article `j` moved
 * to, as the same keys typed a moment apart do, not the previous article's.
 */
export function panesBehind(s: Pick<AppState, 'focus' | 'overlay' | 'selectedId' | 'shownId'>): boolean {
  return s.focus !== 'list' && s.overlay === null && s.selectedId !== null && s.shownId !== s.selectedId;
}

// The article ids of a result, made once per result: the status line asks at every frame.
const resultIds = new WeakMap<readonly Hit[], ReadonlySet<number>>();
const NONE: readonly number[] = Object.freeze([]);

/**
 * The new files' articles `r` shows, in arrival order: those of AppState.arrivals whose files are
 * still there, that `r` has not shown yet, and that the result lists (the list's rows' articles).
 * What the list would not show (a draft, an article published later than now, one the query or
 * the view leaves out) is not new to show: it waits, uncounted, until a result lists it.
 */
export function freshArrivals(s: Pick<AppState, 'arrivals' | 'arrivalsShown' | 'rawHits'>): readonly number[] {
  if (s.arrivals.length === 0) return NONE;
  let listed = resultIds.get(s.rawHits);
  if (!listed) resultIds.set(s.rawHits, (listed = new Set(s.rawHits.map((h) => h.id))));
  return s.arrivals.filter((id, k) => id >= 0 && !s.arrivalsShown.has(k) && listed.has(id));
}

/** How many of `fresh` (freshArrivals) joined a story whose row is folded: they have no row of their own until `r` unfolds it. */
export function foldedArrivals(s: Pick<AppState, 'stories' | 'rowInfo'>, fresh: readonly number[]): number {
  const size = s.stories?.size;
  return size ? fresh.filter((id) => (size[id] ?? 1) > 1 && !s.rowInfo.has(id)).length : 0;
}

/** Panes currently on screen, in focus-cycle order. */
export function visiblePanes(layout: Layout): PaneId[] {
  return (['list', 'body', 'inspector'] as const).filter((p) => layout[p] !== null);
}

/** Terminal width from which the pulse strip shows its facets line without being focused. */
export const PULSE_FACETS_MIN = 140;

/**
 * Rows the pulse strip takes at the top of the list pane: one (sentiment bar and sparkline), two
 * with the facets line (when focused or from PULSE_FACETS_MIN columns), none in a pane too short.
 */
export function pulseRows(s: Pick<AppState, 'width' | 'height' | 'panes' | 'mode'> & { views?: AppState['views'] }): number {
  const inner = innerHeight(layoutOf(s).list);
  if (inner < 4) return 0;
  return s.mode === 'pulse' || s.width >= PULSE_FACETS_MIN ? 2 : 1;
}

/** Rows of list entries visible at once (at least 1, so paging always moves). */
export function listRows(s: AppState): number {
  return Math.max(1, innerHeight(layoutOf(s).list) - pulseRows(s));
}

/** Rows of body text visible at once. */
export function bodyRows(s: AppState): number {
  return Math.max(1, innerHeight(layoutOf(s).body));
}

/** Rows of the inspector visible at once. */
export function inspectorRowsVisible(s: AppState): number {
  return Math.max(1, innerHeight(layoutOf(s).inspector));
}

/** The hit under the cursor, or null when there are no results. */
export function selectedHit(s: AppState): Hit | null {
  return s.hits[s.cursor] ?? null;
}

/** The slice of hits the list pane draws: never more than its visible rows. */
export function visibleHits(s: AppState): readonly Hit[] {
  return s.hits.slice(s.listTop, s.listTop + listRows(s));
}

/** Largest useful body scroll offset. */
export function maxBodyScroll(s: AppState): number {
  return Math.max(0, s.bodyLines - bodyRows(s));
}

/**
 * How far the body pane has been read, as less and glow show it: the share of the article's rows
 * (header included) down to the pane's last visible row, in whole percent, 100 only once the last
 * row is on screen (so a reader, or a test paging through, can tell the end), null when nothing is
 * measured (no article shown).
 */
export function bodyPercent(s: AppState): number | null {
  if (s.bodyLines <= 0) return null;
  const bottom = Math.min(s.bodyLines, clamp(s.bodyScroll, 0, maxBodyScroll(s)) + bodyRows(s));
  return bottom >= s.bodyLines ? 100 : Math.min(99, Math.floor((bottom / s.bodyLines) * 100));
}

/**
 * The cursor's place counted in articles, for how deep the list asks (hitDepth; the title counts
 * rows: list-counts.ts): the place of the selected row's first article, so with a folded story of
 * three on top the second row is the 4th article; 0 with no rows.
 */
export function listPosition(s: Pick<AppState, 'hits' | 'cursor' | 'rowOrdinals'>): number {
  if (s.hits.length === 0) return 0;
  return s.rowOrdinals ? s.rowOrdinals[s.cursor] ?? s.cursor + 1 : s.cursor + 1;
}

/**
 * How deep into the result the cursor is, in hits (0-based; ui/use-search.ts listLimit asks for
 * two pages beyond it): a folded story's row stands for several hits, so the row index is not.
 * Found by a tester: with stories grouped, 2,000 hits folded into ~1,400 rows, and the list asked
 * by row never asked past 2,000: `G` and `j` stopped there in a folder of 5,000.
 */
export function hitDepth(s: Pick<AppState, 'hits' | 'cursor' | 'rowOrdinals' | 'bottomWanted'>): number {
  // `G` with more matches than rows loaded: every match counted then (AppState.bottomWanted).
  return Math.max(0, listPosition(s) - 1, s.bottomWanted - 1);
}

/** Clamps n into [lo, hi] (lo when the range is empty). */
export function clamp(n: number, lo: number, hi: number): number {
  return hi < lo ? lo : Math.min(hi, Math.max(lo, n));
}

/** A window top that keeps `cursor` inside a window of `rows` over `count` items. */
export function keepInView(top: number, cursor: number, rows: number, count: number): number {
  let t = top;
  if (cursor < t) t = cursor;
  if (cursor >= t + rows) t = cursor - rows + 1;
  return Math.max(0, Math.min(t, count - rows));
}

// The folded rows marked in part (`◐`), beside the other selectors the list's props come from.
export { partlyMarked } from './story-rows.js';
