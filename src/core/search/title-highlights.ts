// The title highlights of a result list: exact occurrences of the query's words and phrases in
// each title; for a title fuse.js matched fuzzily without one, what fuse's matcher marks (runs of
// 2+ characters, so stray letters stay plain), from one small Fuse over just those titles.
import Fuse from 'fuse.js';
import { occurrences } from './haystack.js';
import type { ParsedQuery } from './query.js';
import type { Hit } from './search-settings.js';

const EMPTY: ReadonlyArray<readonly [number, number]> = Object.freeze([]);

/** A ranked match: `tier` 2 means fuse.js ranked it (see search.ts). */
export interface RankedMatch { id: number; tier: number; score: number }

/**
 * Hits for `ranked`, in its order, with title highlights; `foldedTitle(id)` is the folded title
 * (the same length as the title, so positions carry over), `titleLength(id)` the title's length.
 */
export function titleHits(ranked: readonly RankedMatch[], q: ParsedQuery, foldedTitle: (id: number) => string, titleLength: (id: number) => number): Hit[] {
  const needles = [...q.words, ...q.phrases];
  const hits: Hit[] = ranked.map((r) => {
    const found = needles.length ? occurrences(foldedTitle(r.id), needles, titleLength(r.id)) : [];
    return { id: r.id, score: r.score, titleMatches: found.length ? found : EMPTY };
  });
  const fuzzy = hits.filter((h, i) => h.titleMatches.length === 0 && ranked[i].tier === 2);
  if (fuzzy.length && q.text.length > 2) {
    const titles = fuzzy.map((h) => foldedTitle(h.id));
    const fuse = new Fuse(titles, { threshold: 0.4, ignoreLocation: true, includeMatches: true, minMatchCharLength: 2 });
    for (const m of fuse.search(q.text)) {
      const indices = m.matches?.[0]?.indices ?? [];
      if (indices.length) fuzzy[m.refIndex].titleMatches = indices.map(([s, e]) => [s, e] as const);
    }
  }
  return hits;
}
