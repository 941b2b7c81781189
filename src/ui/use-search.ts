// Runs the search for the current query. A keystroke that arrives with the screen up to date is
// answered in its own frame: query, results and cursor together. One that waited while the last
// frame was made may have others behind it: its frame echoes the query at once, the search runs
// once the keys already waiting have been read, and its result is applied only if no newer
// keystroke arrived while it ran. A result for a query that is already stale is dropped, never
// drawn; the list keeps the previous results until the current query's arrive (as fzf does).
import { useLayoutEffect, useReducer, useRef, useState } from 'react';
import { errorMessage } from '../core/error-message.js';
import { type Reading, searchWithReading } from '../core/reading/index.js';
import { sanitizeLine } from '../core/text/index.js';
import { listedMatches, typedQueryError, type SearchIndex, type SearchResult, type SortKey } from '../core/search/index.js';
import { afterPendingInput, inputIsBehind } from './input/after-input.js';

/** A search's result, or the message of a malformed query (the caller keeps the last good results). */
export type SearchOutcome = { ok: true; result: SearchResult } | { ok: false; error: string };

/**
 * An outcome and the query it answers (which lags the typed query while a search is pending), the
 * sort it was asked with (SearchRequest.sort: the engine may answer in another, SearchResult.sort;
 * absent when not known), and how many articles the index held when it was searched
 * (SearchIndex.size; the loader grows it between renders, so the size at any later moment may be
 * of articles this search never saw).
 */
export type AnsweredSearch = SearchOutcome & { query: string; sort?: SortKey | null; size?: number; limit?: number };

/** Hits asked for beyond the cursor's page; the list grows a page at a time as the cursor moves down. */
export const LIST_PAGE = 500;

/**
 * How many hits to ask for with the cursor `cursor` hits deep (selectors.ts hitDepth): always two pages ahead of it. A search
 * without a limit reads every body and ranks every match (right for `--filter`, ~10x slower per
 * keystroke at 100k); a limit lets the index stop once it has enough.
 */
export function listLimit(cursor: number): number {
  return (Math.floor(Math.max(0, cursor) / LIST_PAGE) + 2) * LIST_PAGE;
}

/** What one search of the list asks for: the query and everything its answer depends on. */
export interface SearchRequest {
  index: SearchIndex;
  version: number;
  query: string;
  sort: SortKey | null;
  includeDrafts: boolean;
  now: number;
  limit: number;
  reading: Reading | null;
  /** Counts changes to reading state; only queries with reading terms (`is:`) depend on it. */
  readingVersion: number;
  /** Articles whose files were removed or replaced while open (live updates); a new Set per change. */
  hidden: ReadonlySet<number> | null;
  /** Rows kept whatever their marks (AppState.held); only queries with reading terms read it (null otherwise). */
  held: ReadonlySet<number> | null;
}

/** A request for `query` with hits to `cursor` and beyond; `readingVersion` and `held` count only for `is:` queries. */
export function searchRequest(
  r: Omit<SearchRequest, 'limit' | 'reading' | 'readingVersion' | 'hidden' | 'held'> & { cursor?: number; reading?: Reading | null; readingVersion?: number; hidden?: ReadonlySet<number> | null; held?: ReadonlySet<number> | null },
): SearchRequest {
  const marks = /is:/i.test(r.query);
  return {
    index: r.index,
    version: r.version,
    query: r.query,
    sort: r.sort,
    includeDrafts: r.includeDrafts,
    now: r.now,
    limit: listLimit(r.cursor ?? 0),
    reading: r.reading ?? null,
    readingVersion: marks ? (r.readingVersion ?? 0) : 0,
    hidden: r.hidden ?? null,
    held: marks && r.held?.size ? r.held : null,
  };
}

function sameRequest(a: SearchRequest, b: SearchRequest): boolean {
  return (
    a.index === b.index &&
    a.version === b.version &&
    a.query === b.query &&
    a.sort === b.sort &&
    a.includeDrafts === b.includeDrafts &&
    a.now === b.now &&
    a.limit === b.limit &&
    a.reading === b.reading &&
    a.readingVersion === b.readingVersion &&
    a.hidden === b.hidden &&
    a.held === b.held
  );
}

/** Runs one search; never throws. */
export function runSearch(r: SearchRequest): AnsweredSearch {
  // `NOT bitcoin` would list the articles holding bitcoin: said as --filter says it, the list left as it was.
  const refused = typedQueryError(r.query);
  if (refused !== null) return { ok: false, error: refused, query: r.query, sort: r.sort };
  try {
    const result = searchWithReading(r.index, r.query, { sort: r.sort ?? undefined, includeDrafts: r.includeDrafts, now: r.now, limit: r.limit }, r.reading, r.readingVersion, r.hidden, r.held);
    return { ok: true, result, query: r.query, sort: r.sort, size: r.index.size, limit: r.limit };
  } catch (err) {
    // QueryError carries a message naming the bad term; anything else must not crash the UI either.
    return { ok: false, error: sanitizeLine(errorMessage(err)), query: r.query, sort: r.sort };
  }
}

/** Answers a list keeps besides the one on screen: the last few queries typed, for a backspace or a word typed again. */
export const RECENT_ANSWERS = 24;
/**
 * Bytes the recent answers may hold together (answerBytes), the newest (the one on screen)
 * counted with them but always kept, whatever its size: an
 * answer names every match (`matches`, and the counts' id order made from it, every-match.ts),
 * so a one-letter query's answer at 1M holds ~10 MB and 24 answers could hold ~100-250 MB
 * while typing. At 10k all 24 fit; at 100k the broadest (a letter or two: ~1 MB each) go first,
 * and at 1M they are not kept at all: a backspace to one is searched again.
 */
export const RECENT_BYTES = 8 * 1024 * 1024;
// A hit (id, score, its title's match ranges) and one match's id kept twice (the answer's
// number[], 8 bytes, and the counts' Int32Array, 4): estimates, not measures, of V8's sizes.
const HIT_BYTES = 100;
const MATCH_BYTES = 12;

/**
 * What an answer holds, estimated: its hits and every match's id (SearchResult.total of them, as
 * the counts name them; the length of `matches` when they are listed already). A `matches` still
 * to be listed (listedMatches) is not read: reading it lists every match, and this runs on the
 * key's path (at 1M, `bit` to `bitcoin` typed as the list filled: 85-190 ms a key in a CPU profile).
 */
export function answerBytes(outcome: AnsweredSearch): number {
  if (!outcome.ok) return 0;
  const { hits, total } = outcome.result;
  return hits.length * HIT_BYTES + Math.max(total, listedMatches(outcome.result)?.length ?? 0) * MATCH_BYTES;
}

/**
 * The searches answered for one list, shared by the key handler and the render: a key that
 * changes the query is searched where it is read (App's useKeys step), and the render that
 * follows finds the answer here instead of searching again or updating state to hold it, so one
 * keystroke's result costs one render of App. Besides the answer held (the one the list shows or
 * is about to), it keeps the last RECENT_ANSWERS answers over the same index and version, as fzf
 * keeps its matches per query: a backspace, or a query typed again, is answered without a search
 * (at 10k a search of a word takes 1.5-3 ms, the whole budget of a keystroke's frame), as long as
 * they fit in RECENT_BYTES. A new version (articles added, the index's words attached, bodies read
 * ahead) forgets them all.
 */
export class SearchCache {
  private request: SearchRequest | null = null;
  private outcome: AnsweredSearch | null = null;
  // Most recent last; every entry is over the held request's index and version.
  private recent: Array<{ request: SearchRequest; outcome: AnsweredSearch; bytes: number }> = [];

  /** The answer to `request` if it is the one held, else null. */
  held(request: SearchRequest): AnsweredSearch | null {
    return this.request && sameRequest(this.request, request) ? this.outcome : null;
  }

  /** The answer to `request` if it is held or one of the recent ones (then held from now on), else null. */
  recall(request: SearchRequest): AnsweredSearch | null {
    const held = this.held(request);
    if (held) return held;
    for (let i = this.recent.length - 1; i >= 0; i--) {
      const r = this.recent[i];
      if (sameRequest(r.request, request)) return this.hold(r.request, r.outcome);
    }
    return null;
  }

  /** The answer to `request`: the one held or a recent one, or searched now and held. */
  answer(request: SearchRequest): AnsweredSearch {
    return this.recall(request) ?? this.hold(request, runSearch(request));
  }

  /** Holds `outcome` as the answer to `request`; returns it. */
  hold(request: SearchRequest, outcome: AnsweredSearch): AnsweredSearch {
    this.request = request;
    this.outcome = outcome;
    const kept = this.recent.filter((r) => r.request.index === request.index && r.request.version === request.version && !sameRequest(r.request, request));
    kept.push({ request, outcome, bytes: answerBytes(outcome) });
    // The oldest go first, past RECENT_ANSWERS or RECENT_BYTES; the newest (the one held) always stays.
    let from = Math.max(0, kept.length - RECENT_ANSWERS);
    let bytes = 0;
    for (let i = from; i < kept.length; i++) bytes += kept[i].bytes;
    while (bytes > RECENT_BYTES && from < kept.length - 1) bytes -= kept[from++].bytes;
    this.recent = from > 0 ? kept.slice(from) : kept;
    return outcome;
  }

  /** The last answer held, whatever it was for (null before the first). */
  last(): AnsweredSearch | null {
    return this.outcome;
  }

  /** The index the last answer held was searched over (null before the first). */
  lastIndex(): SearchIndex | null {
    return this.request?.index ?? null;
  }
}

/**
 * The latest search outcome for `request`. The first render searches at once (the first frame
 * has results); a request already answered in `cache` (by the key handler) is used as it is; a
 * new one is searched during the render when the screen is up to date, else after the frame that
 * shows the query (see the top of this file). A deferred answer is handed to `onAnswer`, which
 * makes the render that shows it (App: one reducer step with the results); without one, this
 * hook's own state does.
 */
export function useSearch(request: SearchRequest, cache?: SearchCache, onAnswer?: (answer: AnsweredSearch) => void): AnsweredSearch {
  const [own] = useState(() => new SearchCache());
  const answers = cache ?? own;
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  // A recent answer costs nothing: used at once, even with keys waiting.
  let answer = answers.recall(request);
  const last = answers.last();
  // The last answer stands in while keys wait, but never one over another index (the warm
  // start's page replaced by the loaded index): its ids name other articles there, and the list
  // would draw, and the selection follow, the wrong ones.
  if (!answer && (last === null || !inputIsBehind() || answers.lastIndex() !== request.index)) answer = answers.hold(request, runSearch(request));
  const current = answer !== null;
  const apply = useRef(onAnswer);
  apply.current = onAnswer;
  // A layout effect runs as the commit ends, after the frame is written; a passive effect could
  // wait for the next commit.
  useLayoutEffect(() => {
    if (current) return;
    let cancelApply = () => {};
    const cancelSearch = afterPendingInput(() => {
      const outcome = runSearch(request);
      // Keys typed while the search ran are read before the result is applied; if they change
      // the request, this effect's cleanup runs and the result is dropped.
      cancelApply = afterPendingInput(() => {
        answers.hold(request, outcome);
        if (apply.current) apply.current(outcome);
        else redraw();
      });
    });
    return () => {
      cancelSearch();
      cancelApply();
    };
    // The request's fields are the dependencies; `request` itself is a new object every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current, request.index, request.version, request.query, request.sort, request.includeDrafts, request.now, request.limit, request.reading, request.readingVersion, request.hidden, request.held]);
  return answer ?? last!;
}
