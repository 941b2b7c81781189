// The props the entry (dashboard.tsx) and the tests give App: the index, the terminal size, the
// session's options and services, and the exit callback.
import type { Facts, FactsCounter, FactsProgress, StoryMap } from '../core/stories/index.js';
import type { Article, LoadWarning } from '../core/article.js';
import type { View } from '../config/config.js';
import type { Reading } from '../core/reading/index.js';
import type { SearchIndex } from '../core/search/index.js';
import type { SystemActions } from '../system/system-actions.js';
import type { Binding } from '../state/keymap.js';
import type { ListSort } from '../state/reducer.js';
import type { LoadProgress } from './StatusBar.js';
import type { SessionClock } from './use-session-clock.js';

/** Props of App (see dashboard.tsx): the index, terminal size, options, and the exit callback. */
export interface AppProps {
  index: SearchIndex;
  /**
   * Warm start: `index` holds only the first page the on-disk index gave before loading; these are
   * the counts the index gave (articles listed, all articles); null once the loaded index is passed.
   */
  warmTotal?: { listed: number; total: number } | null;
  version: number;
  initialQuery?: string;
  sort?: ListSort;
  /** The corpus's stories once grouped (after loading); null or absent: one row per article. */
  stories?: StoryMap | null;
  /** True while `stories` is null and the stories are being grouped (they come with the facts): keys that act on rows wait for them (list/order-wait.ts). */
  storiesComing?: boolean;
  /** The corpus's coins, stories and pulse codes (computed on a worker after loading); null until then. */
  facts?: Facts | null;
  /** Counts each result's pulse and hot order over those facts, off the UI thread (the facts worker); absent: counted here. */
  counter?: FactsCounter | null;
  /** How far the facts' first computation got while `facts` is null (a big folder's first start): the pulse counts the articles done meanwhile. */
  factsProgress?: FactsProgress | null;
  includeDrafts?: boolean;
  multi?: boolean;
  mouse?: boolean;
  warnings: LoadWarning[];
  loading: LoadProgress | null;
  width: number;
  height: number;
  /** The time dates are read by (epoch ms): held still unless `clock` is given too (use-session-clock.ts). */
  now?: number;
  /** The clock the session's time follows when an article's publish date comes or its expiry passes; absent: the real one, unless `now` is given. */
  clock?: SessionClock;
  /** Read/saved/new state, or null when the state folder could not be used. */
  reading?: Reading | null;
  /** Saved views (tabs) and the one to start on (1-based; 0 for All). */
  views?: readonly View[];
  initialView?: number;
  /** The keymap in force (the config's [keys] applied). */
  keymap?: readonly Binding[];
  /** Opening, copying, editing: the entry's real ones, or stubs in tests. */
  system?: SystemActions | null;
  /** Shown in the status line until the first key (`12 new since Nov 28 09:14`). */
  startMessage?: string | null;
  /** Live updates: one entry per new file that arrived since start, in arrival order: its article's id now (an edit gives a new one), -1 once the file is gone; a new array when it changes. The status line counts those the list shows and `r` has not shown yet; `r` selects the last. */
  arrivals?: readonly number[];
  /** Ids of articles whose files were removed or replaced since start; a new Set when it changes. */
  hidden?: ReadonlySet<number> | null;
  /** Live updates: every edited article's old id -> its file's next version's id; a new Map when it changes. The selection and the marks follow an edit (the body keeps its scroll, the inspector its cursor). */
  replaced?: ReadonlyMap<number, number> | null;
  /** Live updates: what the status line says while a folder given is gone (`/x/news is gone; waiting for it`), else null. */
  liveNotice?: string | null;
  onDone(result: { kind: 'chosen'; articles: Article[] } | { kind: 'cancelled' }): void;
}
