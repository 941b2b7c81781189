// Runs the search for the current query. The query is deferred so the search line echoes a
// keystroke before the (heavier) search runs; results are memoised on everything they depend on.
import { useDeferredValue, useMemo } from 'react';
import { sanitizeLine } from '../core/sanitize.js';
import type { Reading } from '../core/reading/reading.js';
import { searchWithReading } from '../core/reading/reading-search.js';
import type { SearchIndex, SearchResult, SortKey } from '../core/search.js';

/** A search's result, or the message of a malformed query (the caller keeps the last good results). */
export type SearchOutcome = { ok: true; result: SearchResult } | { ok: false; error: string };

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

/** The search outcome for (query, sort, drafts) over the index at `version`, with hits to `cursor` and beyond. Never throws. */
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
): SearchOutcome {
  const deferred = useDeferredValue(query);
  const limit = listLimit(cursor);
  return useMemo(() => {
    try {
      return { ok: true, result: searchWithReading(index, deferred, { sort: sort ?? undefined, includeDrafts, now, limit }, reading, readingVersion, hidden) };
    } catch (err) {
      // QueryError carries a message naming the bad term; anything else must not crash the UI either.
      return { ok: false, error: sanitizeLine(err instanceof Error ? err.message : String(err)) };
    }
    // version is a dependency on purpose: the index is mutated in place when articles stream in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    // readingVersion matters only to queries with reading terms; others keep their memo.
  }, [index, version, deferred, sort, includeDrafts, now, limit, reading, /is:/i.test(deferred) ? readingVersion : 0, hidden]);
}
