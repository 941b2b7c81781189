// Runs the search for the current query. A keystroke that arrives with the screen up to date is
// answered in its own frame: query, results and cursor together. One that waited while the last
// frame was made may have others behind it: its frame echoes the query at once, the search runs
// once the keys already waiting have been read, and its result is applied only if no newer
// keystroke arrived while it ran. A result for a query that is already stale is dropped, never
// drawn; the list keeps the previous results until the current query's arrive (as fzf does).
import { useLayoutEffect, useState } from 'react';
import { type Reading, searchWithReading } from '../core/reading/index.js';
import { sanitizeLine } from '../core/text/index.js';
import type { SearchIndex, SearchResult, SortKey } from '../core/search/index.js';
import { afterPendingInput, inputIsBehind } from './input/after-input.js';

/** A search's result, or the message of a malformed query (the caller keeps the last good results). */
export type SearchOutcome = { ok: true; result: SearchResult } | { ok: false; error: string };

/** An outcome and the query it answers (which lags the typed query while a search is pending). */
export type AnsweredSearch = SearchOutcome & { query: string };

/** Hits asked for beyond the cursor's page; the list grows a page at a time as the cursor moves down. */
export const LIST_PAGE = 500;

/**
 * How many hits to ask for with the cursor at `cursor`: always two pages ahead of it. A search
 * without a limit reads every body and ranks every match (right for `--filter`, ~10x slower per
 * keystroke at 100k); a limit lets the index stop once it has enough.
 */
export function listLimit(cursor: number): number {
  return (Math.floor(Math.max(0, cursor) / LIST_PAGE) + 2) * LIST_PAGE;
}

interface Request {
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
}

function sameRequest(a: Request, b: Request): boolean {
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
    a.hidden === b.hidden
  );
}

/** Runs one search; never throws. */
export function runSearch(r: Request): AnsweredSearch {
  try {
    const result = searchWithReading(r.index, r.query, { sort: r.sort ?? undefined, includeDrafts: r.includeDrafts, now: r.now, limit: r.limit }, r.reading, r.readingVersion, r.hidden);
    return { ok: true, result, query: r.query };
  } catch (err) {
    // QueryError carries a message naming the bad term; anything else must not crash the UI either.
    return { ok: false, error: sanitizeLine(err instanceof Error ? err.message : String(err)), query: r.query };
  }
}

/**
 * The latest search outcome for (query, sort, drafts) over the index at `version`, with hits to
 * `cursor` and beyond. The first render searches at once (the first frame has results); later
 * changes search after the frame that shows them. `version` counts in-place growth of the index.
 */
export function useSearch(
  index: SearchIndex,
  version: number,
  query: string,
  sort: SortKey | null,
  includeDrafts: boolean,
  now: number,
  cursor = 0,
  reading: Reading | null = null,
  readingVersion = 0,
  hidden: ReadonlySet<number> | null = null,
): AnsweredSearch {
  const request: Request = {
    index,
    version,
    query,
    sort,
    includeDrafts,
    now,
    limit: listLimit(cursor),
    reading,
    readingVersion: /is:/i.test(query) ? readingVersion : 0,
    hidden,
  };
  const [answer, setAnswer] = useState(() => ({ request, outcome: runSearch(request) }));
  let current = sameRequest(answer.request, request);
  if (!current && !inputIsBehind()) {
    // Updating this component's own state while rendering: React renders it again at once.
    setAnswer({ request, outcome: runSearch(request) });
    current = true;
  }
  // A layout effect runs as the commit ends, after the frame is written; a passive effect could
  // wait for the next commit.
  useLayoutEffect(() => {
    if (current) return;
    let cancelApply = () => {};
    const cancelSearch = afterPendingInput(() => {
      const outcome = runSearch(request);
      // Keys typed while the search ran are read before the result is applied; if they change
      // the request, this effect's cleanup runs and the result is dropped.
      cancelApply = afterPendingInput(() => setAnswer({ request, outcome }));
    });
    return () => {
      cancelSearch();
      cancelApply();
    };
    // The request's fields are the dependencies; `request` itself is a new object every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current, index, version, query, sort, includeDrafts, now, request.limit, reading, request.readingVersion, hidden]);
  return answer.outcome;
}
