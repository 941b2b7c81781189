// The dashboard's whole UI state, every action that changes it, and the state it starts in. The
// reducer (reducer.ts) and its steps (transitions.ts, story-transitions.ts, daily-commands.ts,
// selectors.ts) all import these from here, so none of them imports another in a circle.
import type { Article } from '../core/article.js';
import type { InspectorRow } from '../core/render/index.js';
import type { Pulse } from '../core/pulse/index.js';
import type { Hit, SortKey } from '../core/search/index.js';
import type { View } from '../config/config.js';
import type { ArticleRef, Effect, Prompt } from './effects.js';
import type { Command, Mode, PaneId } from './keymap.js';
import { DEFAULT_PANES, type PaneChoice } from './layout.js';
import type { RowInfo, StoryView } from './story-rows.js';

/** Sort orders of the list: the search engine's plus `hot` (applied over its date order). */
export type ListSort = SortKey | 'hot';

/** How the session ends: the chosen article ids (in marking order) or a cancel. */
export type Outcome = { kind: 'chosen'; ids: number[] } | { kind: 'cancelled' };

/** Everything the dashboard shows that is not the corpus itself. */
export interface AppState {
  mode: Mode;
  focus: PaneId;
  /**
   * The pane that had the focus when a resize left no room for it (the list took the focus): the
   * next resize that shows it gives the focus back (panes.ts). Null when nothing is owed, and once
   * the user moves the focus themselves.
   */
  focusToRestore: PaneId | null;
  overlay: 'help' | 'warnings' | null;
  /** The page an overlay shows (help and warnings page when they do not fit); the overlay wraps it round. */
  overlayPage: number;
  query: string;
  /** Sort the user picked with `s`; null means the index's default for the query. */
  sort: ListSort | null;
  /** The sort the last search actually used (shown in the status bar). */
  usedSort: ListSort;
  /** The rows the list shows: the search's hits folded one row per story (story-rows.ts). */
  hits: readonly Hit[];
  /** The search's hits as they came, one per article. */
  rawHits: readonly Hit[];
  /** The corpus's stories, once grouped after loading; null before, or with --no-group. */
  stories: StoryView | null;
  /** What each row of a multi-article story is (its `+N`, open, a child row). */
  rowInfo: ReadonlyMap<number, RowInfo>;
  /** Per row, the place of its first article among the result's articles (story-rows.ts); null when rows are articles. */
  rowOrdinals: Int32Array | null;
  /** How many stories every match of the result belongs to (counted on the facts worker); null until counted. */
  storyTotal: number | null;
  /** Stories (by id) shown unfolded. */
  unfolded: ReadonlySet<number>;
  /** Counts over the current result, drawn in the pulse strip; null until counted. */
  pulse: Pulse | null;
  /**
   * How many articles the index held (SearchIndex.size) when the pulse was counted; null when not
   * known. A pulse is kept for new results only over an index of the same size (ui/list/list-results.ts).
   */
  pulseAt: number | null;
  /** Which result the pulse counts (a pulse for an older result is dropped). */
  resultsSeq: number;
  /** The pulse entry under the cursor while the strip is focused. */
  pulseCursor: number;
  /** While a big folder's stories are first grouped (after its facts): the percentage of articles compared, drawn in the strip (groupingPercent); else null. */
  grouping: number | null;
  /** Where Esc goes back to after a pulse entry was added: the query before it and the entry; null when there is nothing to go back to. */
  pulseBack: { before: string; after: string; cursor: number } | null;
  /** The query the current hits answer; a new query puts the cursor back on the best match. */
  resultsQuery: string;
  /**
   * The sort the current hits were asked with (`sort`, or the view's; null: the engine's default
   * for the query). Another sort in force (`s` pressed, its answer not in yet) makes them stale.
   */
  resultsSort: ListSort | null;
  /**
   * False while the hits stand in for an order still coming: the list's own hits put in hot order
   * before the aggregate's hot order over every match, with story sizes, is in, or one row per
   * article before the stories are grouped (ui/list/order-wait.ts).
   * Keys that act on the rows wait for it (selectors.ts resultsBehind).
   */
  resultsFinal: boolean;
  total: number;
  /** The search stopped early, so `total` is a lower bound. */
  totalApproximate: boolean;
  /** The exact count is coming (the index reads a word of the query off the key: SearchResult.counting): `total` is not shown. */
  totalCounting: boolean;
  cursor: number;
  /**
   * How many hits `G`/End waits for (0: none): pressed while the list holds only the result's first
   * rows (two pages past the cursor), the list asks for every match counted then (selectors.ts
   * hitDepth; not more as a load goes on counting, or a million-article load searched its whole
   * list again with each batch) and the cursor goes to the last row once they are in (the
   * `results` action's `bottom`). Keys that act on the rows wait for it (selectors.ts
   * resultsBehind). Found by a tester: `G` went ~1,000 rows further each time in a folder of
   * 5,000, and Enter after one `G` chose the 1,013th article.
   */
  bottomWanted: number;
  listTop: number;
  selectedId: number | null;
  bodyScroll: number;
  bodyLines: number;
  /** The inspector's rows, of `inspectorArticle` (the article the panes show) with `expanded`. */
  inspector: readonly InspectorRow[];
  /** The article the inspector's rows are of: a fold rebuilds them from it at once (inspector-fold.ts). */
  inspectorArticle: Article | null;
  /**
   * The id of the article the body and inspector show (null: none), whether or not it could be
   * read: behind `selectedId` for a moment after the selection moves (use-shown-article.ts).
   */
  shownId: number | null;
  inspectorCursor: number;
  expanded: ReadonlySet<string>;
  multi: boolean;
  /** Article ids marked in multi mode, in marking order. */
  marked: readonly number[];
  /** Which panes the user chose to show: the wide layout's inspector, the narrow layouts' second pane (layout.ts). */
  panes: PaneChoice;
  width: number;
  height: number;
  warningsCount: number;
  /** A one-off notice for the status bar ("nothing to choose"); cleared by the next command. */
  message: string | null;
  /** Why marks wait to be written (`marks not saved yet: state.db is locked by another program`); shown until they are written. */
  unsaved: string | null;
  outcome: Outcome | null;
  /** Saved views (config `[[views]]`); `view` is the active one, 1-based, 0 for "All". */
  views: readonly View[];
  view: number;
  /** The status line's question or link-number entry (modes confirm and link). */
  prompt: Prompt | null;
  /** Side effects asked for and not yet run (see effects.ts). */
  effects: readonly Effect[];
  /** Past queries, oldest first; `historyAt` is the one recalled into the search line. */
  history: readonly string[];
  historyAt: number | null;
  /**
   * The new files that arrived while the dashboard was open (AppProps.arrivals: each one's article
   * id, -1 once gone), and the places in it of those `r` has shown. The others are new once the
   * result lists them (freshArrivals): a draft, an article whose date is still to come, or one
   * the query leaves out waits, uncounted, until the list would show it.
   */
  arrivals: readonly number[];
  arrivalsShown: ReadonlySet<number>;
  /** The edits followed so far (AppProps.replaced): old id -> its file's next version's id. */
  replaced: ReadonlyMap<number, number>;
  /**
   * Article ids the list keeps whatever their read and saved marks, until the result is asked
   * again: rows whose marks changed under a query with reading terms (held-rows.ts).
   */
  held: ReadonlySet<number>;
  /** What opening and copying need of an article (App passes the index's lookup). */
  describe: (id: number) => ArticleRef;
}

/** Every change the UI can ask for. */
export type Action =
  | { type: 'command'; command: Command }
  | { type: 'insert'; text: string }
  /**
   * `pulse`: the pulse of these results when it is counted in the same step (else a `pulse` action follows), `pulseAt` its AppState.pulseAt.
   * `asked`: the sort they answer (AppState.resultsSort; absent: the one in force), `final` their AppState.resultsFinal (absent: true).
   */
  | { type: 'results'; hits: readonly Hit[]; total: number; sort: ListSort; query: string; asked?: ListSort | null; final?: boolean; approximate?: boolean; counting?: boolean; bottom?: boolean; stories?: StoryView | null; pulse?: Pulse | null; pulseAt?: number | null; storyTotal?: number | null }
  /** The index was replaced (the warm start's first page by the loaded one): `map` gives an old id's new id, or null. */
  | { type: 'reindex'; map: (id: number) => number | null }
  /** `at`: the pulse's AppState.pulseAt. */
  | { type: 'pulse'; pulse: Pulse | null; at?: number | null; seq: number }
  /** The shown article's measurements: its body's rows and its inspector rows (`article`'s). */
  | { type: 'measure'; bodyLines: number; inspector: readonly InspectorRow[]; article: Article | null; id: number | null }
  | { type: 'resize'; width: number; height: number }
  | { type: 'warnings'; count: number }
  | { type: 'grouping'; percent: number | null }
  | { type: 'click'; x: number; y: number }
  | { type: 'wheel'; x: number; y: number; delta: number }
  | { type: 'closeOverlay' }
  | { type: 'overlayPage'; delta: 1 | -1 }
  | { type: 'dismissPrompt' }
  | { type: 'effectsDone'; count: number }
  | { type: 'notice'; message: string }
  /** Marks wait to be written (the status line says `message` until they are: null). */
  | { type: 'unsaved'; message: string | null }
  | { type: 'askOpen'; id: number; url: string | null }
  | { type: 'arrived'; ids: readonly number[] }
  /** Marks are about to change on these articles (`M`, `u`): their rows stay listed (held-rows.ts). */
  | { type: 'hold'; ids: readonly number[] }
  /** Files read again while open (AppProps.replaced, all of them so far): the selection and the marks follow each to its new id. */
  | { type: 'replaced'; map: ReadonlyMap<number, number> };

/** Options the initial state is built from (App props). */
export interface InitOptions {
  width: number;
  height: number;
  query?: string;
  sort?: ListSort;
  multi?: boolean;
  warningsCount?: number;
  views?: readonly View[];
  view?: number;
  history?: readonly string[];
  describe?: (id: number) => ArticleRef;
  /** A notice to start with (`12 new since Nov 28 09:14`). */
  message?: string | null;
}

const NO_REF = (): ArticleRef => ({ url: null, title: '', path: '' });
const NONE_SHOWN: ReadonlySet<number> = new Set();
const NO_EDITS: ReadonlyMap<number, number> = new Map();
/** No rows held (AppState.held). */
export const NONE_HELD: ReadonlySet<number> = new Set();

/** The state before the first search result arrives. */
export function initialState(o: InitOptions): AppState {
  return {
    mode: 'browse',
    focus: 'list',
    focusToRestore: null,
    overlay: null,
    overlayPage: 0,
    query: o.query ?? '',
    sort: o.sort ?? null,
    usedSort: o.sort ?? 'date',
    hits: [],
    rawHits: [],
    stories: null,
    rowInfo: new Map(),
    rowOrdinals: null,
    storyTotal: null,
    unfolded: new Set<number>(),
    pulse: null,
    pulseAt: null,
    resultsSeq: 0,
    pulseCursor: 0,
    pulseBack: null,
    grouping: null,
    resultsQuery: '',
    resultsSort: o.sort ?? null,
    resultsFinal: true,
    totalApproximate: false,
    totalCounting: false,
    total: 0,
    cursor: 0,
    bottomWanted: 0,
    listTop: 0,
    selectedId: null,
    bodyScroll: 0,
    bodyLines: 0,
    inspector: [],
    inspectorArticle: null,
    shownId: null,
    inspectorCursor: 0,
    expanded: new Set<string>(),
    multi: o.multi ?? false,
    marked: [],
    panes: DEFAULT_PANES,
    width: o.width,
    height: o.height,
    warningsCount: o.warningsCount ?? 0,
    message: o.message ?? null,
    unsaved: null,
    outcome: null,
    views: o.views ?? [],
    view: o.view ?? 0,
    prompt: null,
    effects: [],
    history: o.history ?? [],
    historyAt: null,
    arrivals: [],
    arrivalsShown: NONE_SHOWN,
    replaced: NO_EDITS,
    held: NONE_HELD,
    describe: o.describe ?? NO_REF,
  };
}

