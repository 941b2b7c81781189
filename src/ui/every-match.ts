// Every match of the list's search, for what counts over all of them (the unread count, the
// pulse): the search's own answer when it knows them all, else the search run again for ids only,
// once per search outcome whoever asks first (the unread count and the aggregate both ask).
import type { SearchResult } from '../core/search/index.js';
import type { SearchOutcome } from './use-search.js';

/** Every match's id (no order), and whether they are only those found (bodies past the search's depth unread). */
export interface EveryMatch {
  ids: ArrayLike<number>;
  total: number;
  approximate: boolean;
}

const found = new WeakMap<SearchOutcome, EveryMatch>();

/**
 * Every match of `result` when the search already named them (SearchResult.matches: the index's
 * answer, short queries, the empty query) or its hits are all of them, or when searched again
 * for this outcome before; null when only searching again can tell. Reading `matches` can list
 * them (a million ids at 1M), so this is for after the list's frame.
 */
export function knownMatches(search: SearchOutcome & { ok: true }): EveryMatch | null {
  const result = search.result;
  const known = found.get(search);
  if (known) return known;
  const ids = result.matches ?? (!result.approximate && result.hits.length >= result.total ? result.hits.map((h) => h.id) : null);
  if (!ids) return null;
  const all = { ids, total: result.total, approximate: false };
  found.set(search, all);
  return all;
}

/** Every match of the outcome: known, else `again()` (the search for ids only) run once for it. Throws as the search does. */
export function everyMatchOf(search: SearchOutcome & { ok: true }, again: () => SearchResult): EveryMatch {
  const known = knownMatches(search);
  if (known) return known;
  const every = again();
  const all = { ids: every.matches ?? every.hits.map((h) => h.id), total: every.total, approximate: every.approximate ?? false };
  found.set(search, all);
  return all;
}
