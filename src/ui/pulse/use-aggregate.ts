// What the dashboard counts over every match of the query, not just the hits the list holds (the
// first 1,000 on a big folder): the pulse, and with `--sort hot` the hot order. It runs after the
// list's frame, once no key has arrived for AGGREGATE_IDLE_MS (keys typed in a burst never wait
// behind it): a search for the match ids without ranking here (none when the list's search named
// every match or its list holds them all), then the counting and the hot
// order on the facts worker (core/stories/facts-engine.ts), whose answer arrives later. An
// aggregate for an older search is cancelled before it starts, superseded on the worker by a
// newer one, or ignored when it arrives. Until the facts exist (they are computed on the worker
// after loading) the pulse counts the list's hits when those are every match.
import { useEffect, useRef, useState } from 'react';
import { pulseOf, type Pulse } from '../../core/pulse/index.js';
import { type Reading, searchWithReading } from '../../core/reading/index.js';
import type { Article } from '../../core/article.js';
import { EVERY_MATCH, type Hit, type SearchIndex, type SortKey } from '../../core/search/index.js';
import { countFacts, hotOrder, type Counted, type Facts, type FactsCounter, type FactsProgress } from '../../core/stories/index.js';
import { afterPendingInput } from '../input/after-input.js';
import type { SearchOutcome } from '../use-search.js';
import { everyMatchOf, type EveryMatch } from '../every-match.js';

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
  hot: Int32Array | null;
  /**
   * How many stories the matches belong to (Counted.stories): the rows of the whole list when
   * folded, for its title. Null when not counted over them all (the facts lack some, or are partial).
   */
  stories?: number | null;
  /**
   * Every match's id (no order), when counted over them all; null when the list's hits were all.
   * Not the array handed to the counter: that one may be transferred to its thread.
   */
  ids: ArrayLike<number> | null;
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
  /** Rows the list keeps whatever their marks (SearchRequest.held); absent: none. */
  held?: ReadonlySet<number> | null;
  facts: Facts | null;
  /** Where the counting runs (the facts worker); null: here, over `facts`. */
  counter: FactsCounter | null;
  /**
   * How far the facts' first computation got while `facts` is null (null when none is under
   * way): the counter then counts over the articles done, and the pulse says so (Pulse.partial).
   * Each new progress counts the result again; the answer of an older one is dropped.
   */
  progress?: FactsProgress | null;
  /**
   * True while `index` is not yet the folder: the warm start's first page of a bigger folder, or a
   * load that has found no article yet. Counts over it would be the page's (or zeros), drawn beside
   * the folder's total, so there is no aggregate until there is something to count.
   */
  partial?: boolean;
  /**
   * Called with each aggregate as it is taken in, in the same turn of the event loop: App puts
   * its counts in the reducer then, so that the aggregate costs one render, not two.
   */
  onCounted?: (aggregate: Aggregate) => void;
}

/** The aggregate of the current search once counted, else null (the previous one stays drawn meanwhile). */
export function useAggregate(r: AggregateRequest): Aggregate | null {
  const [aggregate, keep] = useState<Aggregate | null>(null);
  const { index, search, query, sort, hot, includeDrafts, now, reading, readingVersion, hidden, held = null, facts, counter, partial = false, progress = null } = r;
  const counted = useRef(r.onCounted);
  counted.current = r.onCounted;
  // A newer progress counts again only once the count asked at the last one has answered: under
  // load a count at 1M outlasts the worker's 2 s between progresses, and cancelling it for each
  // new one left the strip at its last partial pulse for good. Only one with more articles' facts
  // in counts again: while the stories are grouped (FactsProgress.stories) the counts stand.
  const waiting = useRef(false);
  const [counting, countAt] = useState(progress);
  if (progress !== counting && (!progress || !counting || progress.done !== counting.done) && !waiting.current) countAt(progress);
  const setAggregate = (a: Aggregate) => {
    keep(a);
    counted.current?.(a);
  };
  useEffect(() => {
    if (!search.ok || partial) return undefined;
    const result = search.result;
    // A count that is coming comes with the search run again (SearchResult.counting): counting now would count a lower bound.
    if (result.counting) return undefined;
    // Without facts (and none being computed): exact only when the list holds every match; otherwise wait for them.
    if (!facts && !(counting && counter)) {
      if (result.approximate || result.hits.length < result.total) return undefined;
      const timer = setTimeout(() => setAggregate({ search, pulse: pulseOf(result.hits.map((h) => index.article(h.id))), total: result.total, approximate: false, hot: null, ids: null }), 0);
      return () => clearTimeout(timer);
    }
    let timer: NodeJS.Timeout | undefined;
    let stale = false;
    const cancel = afterPendingInput(() => {
      timer = setTimeout(() => {
        let all: EveryMatch;
        // A search that names every match (SearchResult.matches: the index's answer, short
        // queries, the empty query), or a list that holds them all, needs no second search; nor
        // one the unread count has searched again already (every-match.ts).
        try {
          all = everyMatchOf(search, () => searchWithReading(index, query, { sort: sort ?? undefined, includeDrafts, now, limit: EVERY_MATCH, idsOnly: true }, reading, readingVersion, hidden, held));
        } catch {
          return;
        }
        const ids = Int32Array.from(all.ids);
        const { total, approximate } = all;
        // Articles that arrived after the facts were last updated (a cold load's later batches, a
        // live update) are counted once the worker has them; until then the pulse says it is partial.
        const answer = counter ? counter.count(ids, hot, now) : Promise.resolve(facts ? countFacts(facts, ids, hot, now) : null);
        waiting.current = !facts;
        void answer.then((c) => {
          if (!stale) waiting.current = false;
          // A hot order over only some articles' facts would put the rest last: the list keeps its own until all are in.
          if (!stale && c) setAggregate({ search, pulse: countedPulse(c, search, index), total, approximate, hot: isPartial(c) ? null : c.hot, ids: all.ids, stories: isPartial(c) ? null : (c.stories ?? null) });
        });
      }, AGGREGATE_IDLE_MS);
    });
    return () => {
      stale = true;
      waiting.current = false;
      cancel();
      clearTimeout(timer);
    };
  }, [search, facts, counter, hot, index, query, sort, includeDrafts, now, reading, readingVersion, hidden, held, partial, counting]);
  return aggregate && aggregate.search === search ? aggregate : null;
}

// The pulse to draw for a count. Made while the facts' first computation was under way: marked
// with how far it had got when only some articles' facts were in (once all are, the pulse is
// exact: only the stories, which it does not count, are still being grouped). Made over facts
// that lack some matches (newer than the facts: a cold load's later batches, a live update):
// counted from the list's hits when they are every match (exact), else marked with the share of
// the matches counted.
function countedPulse(c: Counted, search: SearchOutcome, index: SearchIndex): Pulse {
  if (c.progress && c.progress.done < c.progress.n) return { ...c.pulse, partial: { done: c.progress.done, n: c.progress.n } };
  if (c.missing) {
    const r = search.ok ? search.result : null;
    if (r && !r.approximate && r.hits.length >= r.total) return pulseOf(r.hits.map((h) => index.article(h.id)));
    const n = c.pulse.total + c.missing;
    return { ...c.pulse, partial: { done: c.pulse.total, n } };
  }
  return c.pulse;
}

const isPartial = (c: Counted): boolean => !!c.missing || (!!c.progress && c.progress.done < c.progress.n);

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
  const order = aggregate?.hot ? Array.from(aggregate.hot.subarray(0, limit)) : hotOrder(hits.map((h) => h.id), article, storySize, now);
  return order.map((id) => byId.get(id) ?? { id, score: 1, titleMatches: [] });
}

/** What hotOrderComing reads: the list's search and aggregate, and App's facts props. */
export interface HotOrderSource {
  hot: boolean;
  search: SearchOutcome;
  aggregate: Aggregate | null;
  facts: Facts | null;
  counter: FactsCounter | null;
  progress: FactsProgress | null;
}

/**
 * Whether the list shows its own hits in hot order (listedHits) while an aggregate's hot order
 * for the same search is still to come: it comes from the facts (here, or on the counter once they
 * are in), and replaces an order made without story sizes (before the stories are grouped) or
 * over the first hits only. Not while the facts' first computation over a big folder is under
 * way: counts over some articles bring no hot order, and the whole may take minutes.
 */
export function hotOrderComing(r: HotOrderSource): boolean {
  if (!r.hot || !r.search.ok || r.aggregate?.hot) return false;
  if (r.facts) return true;
  return r.counter !== null && !(r.progress && r.progress.done < r.progress.n);
}
