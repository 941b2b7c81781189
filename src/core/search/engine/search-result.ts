// The last step of a search: what its path found (the ranked candidates, the count, every match's
// id when known) put in the list's order and made a SearchResult. Relevance ties newest first,
// other orders by the list orders' position tables; short queries and filter-only listings come
// built in their final order already.
import type { ParsedQuery, SortKey } from '../query.js';
import type { Hit, SearchResult } from '../search-settings.js';
import type { ListOrders } from '../order/list-orders.js';
import type { Ranked } from '../scans.js';
import { withEveryId } from '../index-terms.js';

const EMPTY: ReadonlyArray<readonly [number, number]> = Object.freeze([]);

/** What a search's path found, before its order and shape. */
export interface Found {
  ranked: Ranked[];
  /** The short path's list (shortRanks), in its final order already; else null. */
  shortRanked: Ranked[] | null;
  sort: SortKey;
  /** Matches counted in full while only the newest `cap` of them are ranked; null: the ranked ones. */
  counted: number | null;
  /** Every match's id, when the path knows them beyond the ones it ranks; else null. */
  allIds: readonly number[] | null;
  /** Makes every match's id when asked (FirstMatches.every); else null. */
  everyId: (() => readonly number[]) | null;
  approximate: boolean;
}

/** How the result is asked for: the query, the limit (null: every match) and its ids only or not. */
export interface ResultAsk {
  q: ParsedQuery;
  limit: number | null;
  idsOnly: boolean;
  /** The on-disk index is still reading a word of the query (SearchResult.counting). */
  counting: boolean;
  orders: ListOrders;
  /** The hits of ranked candidates, their title matches marked (title-highlights.ts). */
  toHits(ranked: readonly Ranked[]): Hit[];
}

/** The SearchResult of what a path `found` (whose `ranked` it sorts in place). */
export function searchResult(found: Found, ask: ResultAsk): SearchResult {
  const { ranked, sort, counted, allIds, everyId, approximate } = found;
  const counting = ask.counting ? { counting: true } : {};
  if (ask.idsOnly) {
    const ids = allIds ?? ranked.map((r) => r.id);
    return { hits: ids.map((id) => ({ id, score: 1, titleMatches: EMPTY })), total: counted ?? ids.length, sort, approximate, ...counting, matches: ids };
  }
  if (sort === 'relevance') {
    if (ranked !== found.shortRanked) {
      // Ties newest first (compareNewest).
      const newest = ask.orders.newestOf(ranked.length);
      ranked.sort((a, b) => a.tier - b.tier || a.rank - b.rank || a.score - b.score || newest(a.id, b.id));
    }
  } else if (sort !== 'date' || ask.q.text) {
    const pos = ask.orders.positions(sort);
    ranked.sort((a, b) => pos[a.id] - pos[b.id]);
  }
  const total = counted ?? ranked.length;
  // A search that stopped early (approximate) knows only what it ranked.
  const matches = everyId ? undefined : (allIds ?? (approximate ? undefined : ranked.map((r) => r.id)));
  const limited = ask.limit === null ? ranked : ranked.slice(0, ask.limit);
  const result: SearchResult = { hits: ask.toHits(limited), total, sort, approximate, ...counting, matches };
  return everyId ? withEveryId(result, everyId) : result;
}
