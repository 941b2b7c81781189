// The status line's unread count, exact: over every match of the query (every-match.ts), not the
// hits in hand, with no cap and no wait for the facts. It is made after the frame that shows the
// list, as the pulse is, and counted in slices of COUNT_SLICE ids, as many a turn of the event loop
// as fit in COUNT_TURN_MS, with the keys read between turns, so a keystroke's list never waits long
// for it, and an unmount (Ctrl-C, a choice) stops it before the next turn: nothing it holds (an
// immediate, a timer) outlives the component. Until the count for the current results is in, the
// last one stays on screen while the index is the same (a key typed over a query), but not one of
// no matches nor one made when the index held fewer articles (a cold load's earlier batch, a live
// update): that one counted part of what the list now shows; a count for results already replaced
// is dropped, never drawn. A change of marks counts the same matches again, without
// searching again: each article costs a probe of its own fields (Reading.countRead), ~1 us an
// index's article (at 100k: 60-220 ms CPU for 99k), walked in id order (every-match.ts idOrderSteps), as
// the articles lie in memory.
import { useLayoutEffect, useRef, useState } from 'react';
import type { Article } from '../core/article.js';
import type { Reading } from '../core/reading/index.js';
import type { SearchResult } from '../core/search/index.js';
import { afterPendingInput, afterQuiet } from './input/after-input.js';
import { everyMatchOf, idOrderSteps, knownMatches, type EveryMatch } from './every-match.js';
import type { AnsweredSearch, SearchOutcome } from './use-search.js';

/** Ids counted per call of countRead: ~1-8 ms quiet with marks to probe over an index's articles, nothing without. */
export const COUNT_SLICE = 8_192;
/**
 * Time a turn of the event loop counts for before the keys are read (ms): slices run on within it.
 * A turn per slice made a count wait behind whatever else runs a step per turn (after the ready
 * sign, at 100k, the search's warming and the first sight of every article, ~10 s at load ~24):
 * 13 slices at 100k, 121 at 1M, each behind another's step, even with nothing read to count.
 */
export const COUNT_TURN_MS = 8;
/**
 * Articles from which the count waits for every read key in the read probe (Reading.whenProbeReady)
 * rather than asking each article for its marks (~1-5 us each, a row looked up once): at a million
 * read keys the probe is ~5 s of CPU to fill, worth it only when every count walks many articles.
 */
export const PROBE_FILL_SIZE = 200_000;
/** Quiet time after the list's frame before the matches are searched again for the count (as the aggregate waits). */
export const COUNT_IDLE_MS = 40;

/** An unread count; `lowerBound` when the search could find only part of the matches (bodies past its depth unread): drawn as `N+`. */
export interface UnreadCount {
  n: number;
  lowerBound: boolean;
}

/** What the count is over: the list's search, and how to find every match of it. */
export interface UnreadSource {
  /** The list's search outcome (compared by identity: a newer one makes a count stale). */
  search: SearchOutcome;
  /** True while the index is not the folder yet (a warm start's first page): nothing is counted. */
  partial: boolean;
  /** The search run again for every match's ids (ids only); throws as the search does. */
  again: () => SearchResult;
  /** How many articles the index holds (SearchIndex.size): a count made at another size is not drawn for a newer search. */
  size?: number;
}

interface Counted extends UnreadCount {
  search: SearchOutcome;
  size: number | undefined;
  version: number;
  reading: Reading;
  matches: number;
}

/**
 * The unread count of every match of `source.search` (null without reading state, or before
 * anything was counted). `article` resolves ids (an id it throws for counts as read: not shown).
 */
export function useUnreadCount(reading: Reading | null, version: number, source: UnreadSource, article: (id: number) => Article): UnreadCount | null {
  const { search, partial } = source;
  // The size the search saw (the index grows between renders), else the one given.
  const size = (search as AnsweredSearch).size ?? source.size;
  // The first frame has its count at once when the hits in hand are every match and few (nothing was on screen to stand in for it).
  const [counted, setCounted] = useState<Counted | null>(() => firstCount(reading, version, source, article));
  const again = useRef(source.again);
  again.current = source.again;
  const current = counted !== null && counted.search === search && counted.version === version && counted.reading === reading;
  useLayoutEffect(() => {
    if (!reading || current || partial || !search.ok || search.result.counting) return undefined;
    let stopped = false;
    let cancel = (): void => {};
    const count = (all: EveryMatch): void => {
      // In id order (every-match.ts idOrderSteps): the articles and their kept hashes read as they
      // lie in memory. The order is made in steps too (20-90 ms at 1M in one piece).
      const order = idOrderSteps(all);
      let ids: Int32Array | null = null;
      let [at, read] = [0, 0];
      // Steps and slices until the turn's budget is spent, then the keys read: a count never waits a turn per slice.
      const slice = (): void => {
        if (stopped) return;
        const start = performance.now();
        while (ids === null) {
          const step = order.next();
          if (step.done) ids = step.value;
          else if (performance.now() - start >= COUNT_TURN_MS) {
            cancel = afterPendingInput(slice);
            return;
          }
        }
        do {
          const to = Math.min(ids.length, at + COUNT_SLICE);
          read += reading.countRead(ids, article, at, to);
          at = to;
        } while (at < ids.length && performance.now() - start < COUNT_TURN_MS);
        if (at < ids.length) cancel = afterPendingInput(slice);
        else setCounted({ search, size, version, reading, n: ids.length - read, lowerBound: all.approximate, matches: ids.length });
      };
      cancel = afterPendingInput(slice);
    };
    // Every match in hand (or searched for this outcome before) is counted after the pending keys; else searched for after a quiet moment.
    const first = (): void => {
      const known = knownMatches(search);
      if (known) return count(known);
      cancel = afterQuiet(COUNT_IDLE_MS, () => {
        if (stopped) return;
        let all: EveryMatch;
        try {
          all = everyMatchOf(search, again.current);
        } catch {
          return; // a malformed query has no list either; the last count stays
        }
        cancel = afterPendingInput(() => count(all));
      });
    };
    // A big folder's counts wait for the probe of a state with more read keys than a page (a
    // mark-all over a big archive), read between turns; a smaller one asks each article instead.
    if (reading.probeReady() || (size ?? 0) < PROBE_FILL_SIZE) cancel = afterPendingInput(first);
    else void reading.whenProbeReady().then(() => void (stopped || (cancel = afterPendingInput(first))));
    return () => {
      stopped = true;
      cancel();
    };
  }, [reading, version, search, article, partial, current, size]);
  if (!reading || !counted || counted.reading !== reading) return null;
  // The count of no matches (the first frame, before the folder has loaded) stands in for nothing:
  // `75/78 · 0 unread` beside a list of 75 unread rows was simply wrong until the count came.
  if (!current && counted.matches === 0 && search.ok && search.result.hits.length > 0) return null;
  // Nor one made over fewer articles (the cold load's first batches): `69/72 · 61 unread` read as exact.
  if (!current && counted.size !== size) return null;
  return { n: counted.n, lowerBound: counted.lowerBound };
}

function firstCount(reading: Reading | null, version: number, source: UnreadSource, article: (id: number) => Article): Counted | null {
  const { search } = source;
  if (!reading || source.partial || !search.ok) return null;
  const { hits, total, approximate } = search.result;
  if (approximate || hits.length < total || hits.length > COUNT_SLICE) return null;
  const ids = hits.map((h) => h.id);
  return { search, size: (search as AnsweredSearch).size ?? source.size, version, reading, n: ids.length - reading.countRead(ids, article), lowerBound: false, matches: ids.length };
}
