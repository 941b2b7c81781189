// The dashboard's first frames: the skeleton at once, then, on a warm start, the same skeleton
// with the first page of the list the on-disk index held last time, before React and ink load
// (0.3-1 s). The dashboard lists those articles until the load, which checks every file, gives
// the real list (edited, added and deleted files show then).
import type { Options } from './args.js';
import type { SearchIndex } from './core/search/index.js';
import type { View } from './config/config.js';
import { skeletonBytes, type SkeletonHints } from './skeleton.js';
import { computeLayout, DEFAULT_PANES } from './state/layout.js';
import type { Terminal } from './terminal.js';

// Rows read from the index for the warm start: two pages of the list (use-search.ts's LIST_PAGE).
const WARM_ROWS = 1000;

/** What of the dashboard's setup decides the first screen: the saved views, the one to start on and the keys its hints name. */
export interface FirstView {
  view: number;
  config: { views: readonly View[] };
  /** The hints naming the keys in force (`[keys]` applied); without them the frame names none. */
  hints?: SkeletonHints;
}

/** What the warm start read: the first page as a search index (ids 0..n-1), each article's index row, and the index's counts (listed, all). */
export interface WarmStart {
  index: SearchIndex;
  rowIds: Int32Array;
  listed: number;
  total: number;
}

/**
 * Whether the first screen is the list's default order of everything (no query, no view query,
 * date order): the one the index's first page is, so the warm start can show it.
 */
export function warmQuery(options: Options, setup: FirstView): boolean {
  if (!options.cache || options.clearCache || (options.query ?? '').trim() !== '') return false;
  const view = setup.view > 0 ? setup.config.views[setup.view - 1] : undefined;
  if (view && view.query.trim() !== '') return false;
  const sort = options.sort ?? view?.sort;
  return sort === undefined || sort === 'date' || sort === 'relevance';
}

/**
 * Draws the skeleton, then its warm-start rows when the index has them; resolves with what it
 * read. `drawn`: the size the CLI's entry already drew the skeleton at (early-frame.ts), before
 * the config was read: drawn again at that size only to name the keys in force, which that one
 * could not know (a tester saw `press / to search` for a moment with `/` remapped).
 */
export async function drawSkeleton(term: Terminal, options: Options, setup: FirstView, paths: string[], drawn?: { columns: number; rows: number } | null): Promise<WarmStart | null> {
  const screen = { columns: term.output.columns || 80, rows: term.output.rows || 24 };
  const hints = setup.hints;
  if (drawn?.columns !== screen.columns || drawn.rows !== screen.rows || hints) term.output.write(skeletonBytes(screen.columns, screen.rows, undefined, false, hints));
  if (!warmQuery(options, setup)) return null;
  // The search engine (~0.13 MB of modules) is not needed for the screen's rows: it loads after them.
  const [{ warmStart }, { warmRows }] = await Promise.all([import('./core/load/index.js').then((face) => face.importLoader()), import('./warm-rows.js')]);
  const read = { maxFileSize: options.maxFileSize, includeDrafts: options.drafts };
  // The screen's rows first, drawn before anything else is read: the two pages the dashboard
  // lists and the counts (each a walk over an index of every row: seconds at a million articles
  // when its pages are not in memory) come after them.
  const page = warmStart(paths, screen.rows, { ...read, counts: false });
  if (!page) return null;
  // Not after a resize meanwhile: ink's first frame, at the new size, is near.
  const tabs = setup.config.views.length > 0;
  const listWidth = computeLayout(screen.columns, screen.rows, DEFAULT_PANES, tabs).list.width - 2;
  const rows = await warmRows(page.articles, listWidth, Date.now());
  if ((term.output.columns || 80) === screen.columns && (term.output.rows || 24) === screen.rows) term.output.write(skeletonBytes(screen.columns, screen.rows, { rows }, tabs, hints));
  // Its face too (the query language and the coins) is loaded here, not before the skeleton.
  const engine = import('./core/search/index.js').then((face) => face.importSearchEngine());
  const warm = warmStart(paths, WARM_ROWS, read);
  const { SearchIndex } = await engine;
  return warm ? { index: new SearchIndex(warm.articles), rowIds: warm.rowIds, listed: warm.listed, total: warm.total } : null;
}
