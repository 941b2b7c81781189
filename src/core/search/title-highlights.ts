// The title highlights of a result list: exact occurrences of the query's words and phrases in
// each title; for a title fuse.js matched fuzzily without one, what fuse's matcher marks (runs of
// 2+ characters, so stray letters stay plain). A limited search returns up to 1,000 hits while a
// list shows ~35 of them, so each hit's highlights are made when first read (the rows drawn),
// never for the rest. Fuse scores each title on its own (a string list's score and match indices
// depend only on that string and the pattern), so one title at a time marks exactly what one
// Fuse over all the fuzzy titles would (a test compares the two).
import Fuse from 'fuse.js';
import { foldOffsets } from '../text/index.js';
import { mergeRanges, occurrences } from './haystack.js';
import type { ParsedQuery } from './query.js';
import type { Hit } from './search-settings.js';

type Ranges = ReadonlyArray<readonly [number, number]>;
const EMPTY: Ranges = Object.freeze([]);

/** How fuse.js marks a fuzzily matched title (see the header). */
export const FUZZY_TITLE_OPTIONS = { threshold: 0.4, ignoreLocation: true, includeMatches: true, minMatchCharLength: 2 } as const;

/** A ranked match: `tier` 2 means fuse.js ranked it (see search.ts). */
export interface RankedMatch { id: number; tier: number; score: number }

/**
 * The highlights of `title` whose fold is `folded`: titleRanges found in the fold, drawn where
 * those characters stand in the title (a fold may drop or spell out characters and squash spaces:
 * text/fold.ts foldOffsets).
 */
export function titleRangesOf(title: string, folded: string, q: ParsedQuery, needles: readonly string[], fuseRanked: boolean): Ranges {
  const offsets = foldOffsets(title);
  if (offsets === null || offsets.from.length !== folded.length) return titleRanges(folded, title.length, q, needles, fuseRanked);
  const found = titleRanges(folded, folded.length, q, needles, fuseRanked);
  return found.length ? mergeRanges(found.map(([s, e]) => [offsets.from[s], offsets.to[e] - 1] as const)) : found;
}

/** The highlights of one title: exact occurrences, else (for a fuse-ranked title) fuse's marks. */
export function titleRanges(folded: string, titleLength: number, q: ParsedQuery, needles: readonly string[], fuseRanked: boolean): Ranges {
  const found = needles.length ? occurrences(folded, needles, titleLength) : [];
  if (found.length) return found;
  if (!fuseRanked || q.text.length <= 2) return EMPTY;
  const [m] = new Fuse([folded], FUZZY_TITLE_OPTIONS).search(q.text);
  const indices = m?.matches?.[0]?.indices ?? [];
  return indices.length ? indices.map(([s, e]) => [s, e] as const) : EMPTY;
}

/**
 * Hits for `ranked`, in its order; each hit's `titleMatches` is made on first read and kept.
 * `foldedTitle(id)` is the folded title, `title(id)` the title (titleRangesOf).
 */
export function titleHits(ranked: readonly RankedMatch[], q: ParsedQuery, foldedTitle: (id: number) => string, title: (id: number) => string): Hit[] {
  const titles: Titles = { q, needles: [...q.words, ...q.phrases], foldedTitle, title };
  const hits = new Array<Hit>(ranked.length);
  for (let i = 0; i < ranked.length; i++) {
    const { id, score, tier } = ranked[i];
    hits[i] = new LazyHit(id, score, tier === 2, titles);
  }
  return hits;
}

// What every hit of one search reads its highlights from.
interface Titles {
  q: ParsedQuery;
  needles: readonly string[];
  foldedTitle: (id: number) => string;
  title: (id: number) => string;
}

// A hit whose highlights are made when first read. Not an object literal with a getter: each
// literal made a getter, closure and context of its own, and a map with them (~1 ms and ~400
// bytes a hit for 1,000 hits a keystroke: ~50 MB of garbage over the bench's typed queries at
// 100k). Here every hit shares one getter; `titleMatches` is still an own enumerable property
// beside `id` and `score` (a copy or JSON carries it, as a plain Hit's), the rest private.
class LazyHit implements Hit {
  static readonly #matches: PropertyDescriptor = {
    get(this: LazyHit): Ranges {
      const t = this.#titles;
      return (this.#ranges ??= titleRangesOf(t.title(this.id), t.foldedTitle(this.id), t.q, t.needles, this.#fuseRanked));
    },
    enumerable: true,
    configurable: true,
  };

  declare readonly titleMatches: Ranges;
  #ranges: Ranges | null = null;
  readonly #fuseRanked: boolean;
  readonly #titles: Titles;

  constructor(
    readonly id: number,
    readonly score: number,
    fuseRanked: boolean,
    titles: Titles,
  ) {
    this.#fuseRanked = fuseRanked;
    this.#titles = titles;
    Object.defineProperty(this, 'titleMatches', LazyHit.#matches);
  }
}
