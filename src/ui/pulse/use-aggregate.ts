// What the dashboard counts over every match of the query, not just the hits the list holds (the
// first 1,000 on a big folder): the pulse, and with `--sort hot` the hot order. It runs after the
// list's frame, once no key has arrived for AGGREGATE_IDLE_MS (keys typed in a burst never wait
// behind it), over the corpus's precomputed facts (core/stories/facts.ts): a search for the match
// ids without ranking, then a loop over integer codes. An aggregate for an older search is
// cancelled before it starts or ignored when it arrives. Until the facts exist (they are computed
// on a worker after loading) the pulse counts the list's hits when those are every match. When
// the list's own search names every match (most searches: the index's answer, short queries, the
// empty query), the pulse is counted in the same render as the list instead (aggregateNow).
import { useEffect, useMemo, useState } from 'react';
import { pulseOf, pulseOfFacts, type Pulse } from '../../core/pulse/index.js';
import type { Reading } from '../../core/reading/reading.js';
import { searchWithReading } from '../../core/reading/reading-search.js';
import type { Article } from '../../core/article.js';
import { EVERY_MATCH, type Hit, type SearchIndex, type SortKey } from '../../core/search/search.js';
import { hotOrder, type Facts } from '../../core/stories/index.js';
import { afterPendingInput } from '../input/after-input.js';
import type { SearchOutcome } from '../use-search.js';

/** Quiet time after the list's frame before the aggregate runs (a typist's next key usually comes sooner). */
export const AGGREGATE_IDLE_MS = 40;

/** The counts for one search outcome. */
export interface Aggregate {
  /** The outcome counted (compared by identity: a newer search makes this one stale). */
  search: SearchOutcome;
  pulse: Pulse;
  /** How many articles match, and whether that is a lower bound (bodies past the search's depth unread). */
  total: number;
  approximate: boolean;
  /** Every match in hot order, when the list sorts by hot; null otherwise. */
  hot: number[] | null;
}

/** What the aggregate is of: the search the list shows, run again without a limit. */
export interface AggregateRequest {
  index: SearchIndex;
  search: SearchOutcome;
  query: string;
  sort: SortKey | null;
  hot: boolean;
  includeDrafts: boolean;
  now: number;
  reading: Reading | null;
  readingVersion: number;
  hidden: ReadonlySet<number> | null;
  facts: Facts | null;
}

/**
 * The aggregate of a search that names every match (SearchResult.matches), counted at once: a
 * loop over the facts' integer codes (a few ms at 100k matches), so the list, its count and the
 * pulse share one frame. Null when the search does not name them all, or the hot order is asked
 * for (it sorts every match), or the facts are not there yet.
 */
export function aggregateNow(search: SearchOutcome, facts: Facts | null, hot: boolean): Aggregate | null {
  if (!facts || hot || !search.ok || !search.result.matches) return null;
  const { matches, total, approximate } = search.result;
  const known = matches.filter((id) => id < facts.n);
  return { search, pulse: pulseOfFacts(known, facts), total, approximate: approximate ?? false, hot: null };
}

/** The aggregate of the current search once counted, else null (the previous one stays drawn meanwhile). */
export function useAggregate(r: AggregateRequest): Aggregate | null {
  const [aggregate, setAggregate] = useState<Aggregate | null>(null);
  const { index, search, query, sort, hot, includeDrafts, now, reading, readingVersion, hidden, facts } = r;
  const immediate = useMemo(() => aggregateNow(search, facts, hot), [search, facts, hot]);
  useEffect(() => {
    if (!search.ok || immediate) return undefined;
    const result = search.result;
    // Without facts: exact only when the list holds every match; otherwise wait for them.
    if (!facts) {
      if (result.approximate || result.hits.length < result.total) return undefined;
      const timer = setTimeout(() => setAggregate({ search, pulse: pulseOf(result.hits.map((h) => index.article(h.id))), total: result.total, approximate: false, hot: null }), 0);
      return () => clearTimeout(timer);
    }
    let timer: NodeJS.Timeout | undefined;
    const cancel = afterPendingInput(() => {
      timer = setTimeout(() => {
        let all;
        try {
          all = searchWithReading(index, query, { sort: sort ?? undefined, includeDrafts, now, limit: EVERY_MATCH, idsOnly: true }, reading, readingVersion, hidden);
        } catch {
          return;
        }
        const ids = all.hits.map((h) => h.id);
        // Articles that arrived after the facts were computed are counted once they are recomputed.
        const known = ids.filter((id) => id < facts.n);
        setAggregate({
          search,
          pulse: pulseOfFacts(known, facts),
          total: all.total,
          approximate: all.approximate ?? false,
          hot: hot ? hotOrder(ids, (id) => index.article(id), facts.size, now) : null,
        });
      }, AGGREGATE_IDLE_MS);
    });
    return () => {
      cancel();
      clearTimeout(timer);
    };
  }, [search, immediate, facts, hot, index, query, sort, includeDrafts, now, reading, readingVersion, hidden]);
  return immediate ?? (aggregate && aggregate.search === search ? aggregate : null);
}

/**
 * The hits the list shows: the search's own, or with `hot` every match in hot order once the
 * aggregate has it (the first `limit`), until then the search's hits in hot order. Hits the search
 * did not return (no highlights known) come without title highlights.
 */
export function listedHits(
  search: SearchOutcome,
  hot: boolean,
  aggregate: Aggregate | null,
  limit: number,
  article: (id: number) => Article,
  storySize: ArrayLike<number> | null,
  now: number,
): readonly Hit[] | null {
  if (!search.ok) return null;
  const hits = search.result.hits;
  if (!hot) return hits;
  const byId = new Map(hits.map((h) => [h.id, h]));
  const order = aggregate?.hot ? aggregate.hot.slice(0, limit) : hotOrder(hits.map((h) => h.id), article, storySize, now);
  return order.map((id) => byId.get(id) ?? { id, score: 1, titleMatches: [] });
}
