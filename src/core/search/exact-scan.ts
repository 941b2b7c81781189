// The exact-substring prefilter in front of fuse.js, remembered between keystrokes. Substring
// matches only shrink as a word grows ("bitc" -> "bitco"), so a query that extends the previous
// one rescans the previous survivors and resumes where the capped scan stopped, instead of
// reading every body again.
//
// `hasBody(id)` says whether an article's body is searched at all (see BODY_DEPTH in search.ts).

import { containsAll, type Hay } from './haystack.js';

interface LastScan {
  key: string;
  needles: readonly string[];
  /** Positions in `eligible` (not ids) of the survivors found, in order. */
  survivors: number[];
  /** Every position below this was examined. */
  scannedTo: number;
}

// Every old needle is inside some new needle, so whatever contains the new ones contains the old.
function narrows(prev: readonly string[], next: readonly string[]): boolean {
  return prev.every((p) => next.some((n) => n.includes(p)));
}

/** Finds, in order, up to `cap` eligible articles whose text contains every needle. */
export class ExactScanner {
  private last: LastScan | null = null;

  /**
   * `key` must change whenever `eligible` or the haystacks change; it guards the memory. `hayOf`
   * is asked only for the articles looked at (a capped scan stops early: at a million articles,
   * a key typed before every haystack was made made them all first, ~1.5 s).
   */
  scan(key: string, eligible: readonly number[], hayOf: (id: number) => Hay, words: readonly string[], cap: number, hasBody: (id: number) => boolean): number[] {
    // Longer words are rarer, so testing them first rejects most articles after one test.
    const needles = [...words].sort((a, b) => b.length - a.length);
    const found: number[] = [];
    let from = 0;
    const prev = this.last;
    if (prev && prev.key === key && narrows(prev.needles, needles)) {
      for (const pos of prev.survivors) {
        if (containsAll(hayOf(eligible[pos]), needles, hasBody(eligible[pos]))) {
          found.push(pos);
          if (found.length >= cap) return this.remember(key, needles, found, pos + 1, eligible);
        }
      }
      from = prev.scannedTo;
    }
    for (let pos = from; pos < eligible.length; pos++) {
      if (containsAll(hayOf(eligible[pos]), needles, hasBody(eligible[pos]))) {
        found.push(pos);
        if (found.length >= cap) return this.remember(key, needles, found, pos + 1, eligible);
      }
    }
    return this.remember(key, needles, found, eligible.length, eligible);
  }

  private remember(key: string, needles: readonly string[], survivors: number[], scannedTo: number, eligible: readonly number[]): number[] {
    this.last = { key, needles: [...needles], survivors, scannedTo };
    return survivors.map((pos) => eligible[pos]);
  }
}
