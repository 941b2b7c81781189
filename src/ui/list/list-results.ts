// The reducer step that puts a search's answer in the list: the same step whether the key handler
// searched as it read the key (one render of App per keystroke) or the render found an answer the
// state does not hold yet (the index grew, a deferred search came back).
import type { Hit, SortKey } from '../../core/search/index.js';
import { pulseOf } from '../../core/pulse/index.js';
import type { Action, AppState, ListSort } from '../../state/reducer.js';
import { effectiveQuery, effectiveSort, hitDepth, panesBehind, resultsBehind } from '../../state/selectors.js';
import type { StoryView } from '../../state/story-rows.js';
import type { AppProps } from '../app-props.js';
import type { Aggregate } from '../pulse/use-aggregate.js';
import { searchRequest, type AnsweredSearch, type SearchOutcome, type SearchRequest } from '../use-search.js';

/** What the list searches for in `state`: the request, and whether the list is in hot order. */
export interface ListSearch {
  request: SearchRequest;
  /** The query with the active view's (what the search line and the aggregate use). */
  query: string;
  /** `hot` orders the engine's date order by hot score (core/stories/hot.ts). */
  hot: boolean;
  engineSort: SortKey | null;
}

/** The list's search in `state` with App's props `p`; `now` is the clock the session reads dates by. */
export function listSearch(p: AppProps, state: AppState, now: number): ListSearch {
  const query = effectiveQuery(state);
  const sort = effectiveSort(state);
  const hot = sort === 'hot';
  const engineSort = sort === 'hot' ? 'date' : sort;
  const request = searchRequest({
    index: p.index,
    version: p.version,
    query,
    sort: engineSort,
    includeDrafts: p.includeDrafts ?? false,
    now,
    cursor: hitDepth(state),
    reading: p.reading ?? null,
    readingVersion: p.reading?.version ?? 0,
    hidden: p.hidden ?? null,
    held: state.held,
  });
  return { request, query, hot, engineSort };
}

/** What the list shows for one search answer. */
export interface ListedAnswer {
  search: AnsweredSearch;
  /** The rows' hits in list order (listedHits); null when there are none to show (a failed search). */
  listed: readonly Hit[] | null;
  /** False while `listed` stands in for an order that is coming: the aggregate's hot order, or the stories' rows (order-wait.ts); absent: true. */
  final?: boolean;
  /** The counts over every match for this answer, once in; null before. */
  aggregate: Aggregate | null;
  hot: boolean;
  stories: StoryView | null;
  /** Whether the corpus's facts are in (without them a result bigger than its hits cannot be counted). */
  facts: boolean;
  /** Warm start: the articles the on-disk index listed, which stands for the total until loaded. */
  warmListed: number | null;
  /** How many articles the index holds (SearchIndex.size), for a search that does not say (AnsweredSearch.size): a pulse counted at another size is not kept for new results. */
  size?: number;
}

/** What the list shows for `search` with App's props `p` (no hot order: that is listedHits' business). */
export function listedAnswer(p: AppProps, search: AnsweredSearch, aggregate: Aggregate | null, hot: boolean): ListedAnswer {
  return { search, listed: search.ok ? search.result.hits : null, aggregate, hot, stories: p.stories ?? null, facts: !!p.facts, warmListed: p.warmTotal?.listed ?? null, size: p.index.size };
}

const NO_HITS: readonly Hit[] = [];
// The pulse of no matches: a query that does not parse has nothing to count (not `counting…`).
const NO_MATCHES = pulseOf([]);

/** Whether `search` is the answer to `query` and says it does not parse (nothing more will come for it). */
export function failedAnswer(search: AnsweredSearch | null | undefined, query: string): boolean {
  return !!search && !search.ok && search.query === query;
}

/**
 * Whether keys read now must wait for an answer before they act (use-keys.ts notYet): before the
 * first answer (keys typed ahead of the start-up), while loading and no answer has rows yet (a
 * start-up answer can come before the first articles), and outside the search line while the list
 * is not the answer to what is in force (selectors.ts resultsBehind): a view switched to or a sort
 * asked for earlier in the same burst of keys, whose answer may come only later, or rows standing
 * in for an order still coming: the aggregate's hot order, the stories' (order-wait.ts); and while
 * the focused body or inspector still shows the article selected before (selectors.ts panesBehind).
 * `2 j j m` then marks the third row of view 2, not the third row of the list before it; `s s s
 * Enter` chooses the first row of the hot order; `j Tab Tab l` unfolds a row of the article `j`
 * moved to. Never
 * for a query that does not parse, whose answer is final (`last`: the latest answer, AnswerCache.last).
 */
export function keysWait(s: AppState, last: AnsweredSearch | null | undefined, loading: AppProps['loading'], size?: number): boolean {
  if (!answerComing(s, last)) return false;
  if (s.resultsSeq === 0 || (s.hits.length === 0 && ((loading !== null && loading.what !== 'text') || answerOfFewer(last, size)))) return true;
  return s.mode === 'browse' && (resultsBehind(s) || panesBehind(s));
}

// Whether the latest answer searched fewer articles than the index holds now (`size`): the load
// ended (its progress gone from the props) before the list's answer over its articles was made,
// which comes in a render or a deferred search later. An empty list then is not the answer yet:
// Enter typed ahead at a start with `--sort title` chose nothing and exited 1.
function answerOfFewer(last: AnsweredSearch | null | undefined, size: number | undefined): boolean {
  return size !== undefined && last?.size !== undefined && last.size < size;
}

/** Whether an answer to the query in force is still to come: not when the latest answer (`last`) says it does not parse. */
export function answerComing(s: AppState, last: AnsweredSearch | null | undefined): boolean {
  return !failedAnswer(last, effectiveQuery(s));
}

/**
 * The action that brings `state` up to date with `a`, or null when it already is: `results` for
 * new hits, stories or total (with the pulse when it is counted with them), else `pulse` for a
 * pulse counted since. A pulse for an older result never reaches the reducer.
 */
export function resultsStep(state: AppState, a: ListedAnswer): Action | null {
  const { search, listed, aggregate } = a;
  const total = a.warmListed ?? (aggregate ? aggregate.total : search.ok ? search.result.total : 0);
  const approximate = aggregate ? aggregate.approximate : search.ok && (search.result.approximate ?? false);
  const counting = !aggregate && search.ok && (search.result.counting ?? false);
  // Until the facts exist a result bigger than the list's hits cannot be counted: the strip says so.
  const uncountable = !a.facts && search.ok && (search.result.approximate || search.result.hits.length < search.result.total);
  // The size the search saw, not the index's now: an aggregate of the last batch's search is often taken in after the next batch is in.
  const sizeOf = (s: SearchOutcome): number | undefined => (s as AnsweredSearch).size ?? a.size;
  // A pulse kept for new results while theirs is counted must be of an index of the same size (the
  // state's pulseAt): one of a cold load's earlier batch (61 of 69 articles) beside the grown list
  // read as exact.
  const size = sizeOf(search);
  const stale = state.pulseAt !== null && size !== undefined && state.pulseAt !== size;
  const pulse = aggregate ? aggregate.pulse : uncountable || stale ? null : state.pulse;
  const pulseAt = aggregate ? (sizeOf(aggregate.search) ?? null) : pulse ? state.pulseAt : null;
  // The sort the answer stands for: the search's date order put in hot order is the `hot` one. A
  // sort asked for anew is answered even when its rows are the same (one article, `s` cycled back
  // to the sort shown): keys read after `s` wait for that answer (selectors.ts resultsBehind).
  const asked: ListSort | null = a.hot ? 'hot' : (search.sort ?? null);
  const final = a.final ?? true;
  // A query that does not parse keeps the list of the query before (typing `"` opens a phrase: the
  // list does not blink empty). With no list before (a dashboard started on it: `-q`, or typed
  // ahead), its answer is an empty one: without it no answer ever came, and keys typed ahead
  // waited for ever for a first one (App's notYet).
  if (!search.ok) {
    if (state.resultsSeq > 0) return null;
    return { type: 'results', hits: NO_HITS, total: 0, approximate: false, counting: false, sort: state.usedSort, query: search.query, asked, stories: a.stories, pulse: NO_MATCHES, pulseAt: null };
  }
  // The stories every match belongs to (the list's row total when it does not hold them all), once counted.
  const storyTotal = aggregate?.stories ?? null;
  const changed = listed !== state.rawHits || a.stories !== state.stories || total !== state.total || counting !== state.totalCounting || storyTotal !== state.storyTotal;
  // The rows `G` waits for (AppState.bottomWanted) are in: as many, or every match (fewer hits than the search asked for).
  const bottom = state.bottomWanted > 0 && !!listed && (listed.length >= state.bottomWanted || (search.limit !== undefined && search.result.hits.length < search.limit));
  if (listed && (changed || asked !== state.resultsSort || final !== state.resultsFinal || bottom)) {
    return { type: 'results', hits: listed, total, approximate, counting, bottom, sort: a.hot ? 'hot' : search.result.sort, query: search.query, asked, final, stories: a.stories, pulse, pulseAt, storyTotal };
  }
  if (pulse !== state.pulse) return { type: 'pulse', pulse, at: pulseAt, seq: state.resultsSeq };
  return null;
}
