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
const ascending = new WeakMap<EveryMatch, Int32Array>();

/** Ids one step of idOrderSteps walks at most: ~1-3 ms at a million (the first pass's, JIT-cold, more). */
export const ORDER_SLICE = 65_536;

/**
 * The matches' ids in increasing order (made once per EveryMatch, kept): what counts over every
 * match walks them so. The list's order jumps about the index (at 1M, 990k ids in date order); a
 * walk in id order reads the article objects, the table's rows and their kept hashes in the order
 * they lie in memory (at 1M, 5% read, process CPU at load 20-27: the first count 1.25-1.54 s ->
 * 0.58-0.69 s, a count after a mark 0.51-0.74 s -> 0.12-0.19 s). Ordered through a bitmap of the
 * ids, O(n + the largest id): 24-52 ms at 1M, made in steps of at most `slice` ids' work each
 * (yielding between them) for a caller that reads the keys between steps: made in one piece, the
 * order of a big list's first count (at 1M, right as the list fills and the first keys are typed)
 * held a key 50-145 ms. Returns the order.
 */
export function* idOrderSteps(all: EveryMatch, slice = ORDER_SLICE): Generator<void, Int32Array, void> {
  const kept = ascending.get(all);
  if (kept) return kept;
  const { ids } = all;
  let max = -1;
  for (let from = 0; from < ids.length; from += slice) {
    for (let i = from, to = Math.min(ids.length, from + slice); i < to; i++) if (ids[i] > max) max = ids[i];
    yield;
  }
  const seen = new Uint8Array(max + 1);
  for (let from = 0; from < ids.length; from += slice) {
    for (let i = from, to = Math.min(ids.length, from + slice); i < to; i++) seen[ids[i]] = 1;
    yield;
  }
  // An id listed twice is counted once: a count is over distinct articles.
  let n = 0;
  for (let from = 0; from <= max; from += slice) {
    for (let id = from, to = Math.min(max + 1, from + slice); id < to; id++) n += seen[id];
    yield;
  }
  const order = new Int32Array(n);
  for (let from = 0, k = 0; from <= max; from += slice) {
    for (let id = from, to = Math.min(max + 1, from + slice); id < to; id++) if (seen[id]) order[k++] = id;
    yield;
  }
  ascending.set(all, order);
  return order;
}

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
