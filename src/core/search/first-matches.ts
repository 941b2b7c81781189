// A limited search's matches when the on-disk index marked them (index-terms.ts), apart from the
// engine (search.ts): the list needs only the first `cap` in list order and how many there are.
// Every match as one list in date order (a million ids in a million-article corpus for `reg`)
// was made on every keystroke and dropped at the next: at 1M, 300-900k ids pushed one by one,
// ~16 ms a key of CPU and most of its garbage. The full list is made only when asked for
// (SearchResult.matches: the dashboard's pulse, after the list is drawn).

import type { SearchResult } from './search-settings.js';

/** The first matches of a list, their count, and every one on demand. */
export interface FirstMatches {
  /** The first `cap` ids of `order` that pass, in its order. */
  first: number[];
  /** How many ids of `order` pass. */
  count: number;
  /** Every id of `order` that passes, in its order: made on the first call, the same array after. */
  every: () => number[];
}

/**
 * The ids of `order` that `test` keeps, the first `cap` of them listed and all of them counted,
 * in one pass that makes no list of the rest. `test` must be cheap and pure (a typed array read:
 * the index's marks); it is called once per id of `order` now, and again for each when `every()`
 * is first called.
 */
export function firstMatches(order: readonly number[], test: (id: number) => boolean, cap: number): FirstMatches {
  const first: number[] = [];
  let count = 0;
  for (let pos = 0; pos < order.length; pos++) {
    const id = order[pos];
    if (!test(id)) continue;
    if (count < cap) first.push(id);
    count += 1;
  }
  let all: number[] | null = count <= cap ? first : null;
  const every = (): number[] => {
    if (all !== null) return all;
    // Made at its final size (pushed one by one, 900k ids left ~7 MB of garbage).
    const out = new Array<number>(count);
    let k = 0;
    for (let pos = 0; pos < order.length && k < count; pos++) {
      const id = order[pos];
      if (test(id)) out[k++] = id;
    }
    return (all = out);
  };
  return { first, count, every };
}

/**
 * Tests of article text (a word left to memory, a negated word: a haystack read each) one
 * keystroke makes before it settles for the list's rows and a lower bound of the count. At
 * 0.5-1 us a test in list order, 10-20 ms; at 1M a two-letter last word (`regulator de`) was
 * tested on the 0.5 million articles the other words marked, 0.2 s a key.
 */
export const MOST_TESTS = 20_000;

/** firstTested's answer: every match (`complete`), or the first `cap` of more. */
export interface Tested {
  rows: number[];
  complete: boolean;
}

/**
 * The ids of `order` that pass `first` (cheap: a typed array read) and then `test` (reads text;
 * given the id's position in `order`), in `order`'s order, in one pass. When `most` or fewer pass
 * `first`, all of them (`complete`: testing each is cheap enough to count them exactly); when more
 * do, only the first `cap`, the rest untested (not complete: how many match is known only as at
 * least `cap`). Null when more than `most` pass `first` and fewer than `cap` of the first `most`
 * pass `test`: the caller then tests every one, in id order (filterInIdOrder).
 */
export function firstTested(order: readonly number[], first: (id: number) => boolean, test: (id: number, pos: number) => boolean, cap: number, most = MOST_TESTS): Tested | null {
  const rows: number[] = [];
  let candidates = 0;
  // Where testing stopped once `cap` were found (-1: still testing).
  let stoppedAt = -1;
  for (let pos = 0; pos < order.length; pos++) {
    const id = order[pos];
    if (!first(id)) continue;
    if (++candidates > most) return stoppedAt < 0 ? null : { rows, complete: false };
    if (stoppedAt < 0 && test(id, pos) && rows.push(id) >= cap) stoppedAt = pos + 1;
  }
  // Few candidates: the ones past the first `cap` matches tested too.
  for (let pos = Math.max(0, stoppedAt); stoppedAt >= 0 && pos < order.length; pos++) {
    const id = order[pos];
    if (first(id) && test(id, pos)) rows.push(id);
  }
  return { rows, complete: true };
}

/** `result` with its `matches` made by `every` when first read (FirstMatches.every): the list itself never needs them. */
export function withEveryId(result: SearchResult, every: () => readonly number[]): SearchResult {
  return Object.defineProperty(result, 'matches', { get: every, enumerable: true, configurable: true });
}
