// The search engine's public result types and its tuning: how much work one keystroke may do
// and how fuse.js is configured. Kept apart from the engine (search.ts) so the numbers that set
// the speed/recall trade-off read in one place, next to why they are what they are.
import type { IFuseOptions } from 'fuse.js';
import type { Article } from '../article.js';
import type { SortKey } from './query.js';
import { foldText } from '../text/index.js';

/** Options for one search. */
export interface SearchOptions {
  sort?: SortKey;
  includeDrafts?: boolean;
  limit?: number;
  now?: number;
  /**
   * A predicate over article ids applied to every candidate with the exact filters: the reading
   * terms (`is:unread`, reading/terms.ts) arrive this way. `keepKey` names it for memoisation:
   * two searches with the same keepKey must keep the same ids.
   */
  keep?: ((id: number) => boolean) | null;
  keepKey?: string;
  /**
   * Every match's id and nothing more: hits in no particular order, without highlights, for
   * counting (the dashboard's pulse and hot order over all matches). With a finite limit above the
   * corpus size (EVERY_MATCH) it finds what a list scrolled to its end would hold, reading bodies
   * to the same depth; `limit: Infinity` would read every body, as `--filter` does.
   */
  idsOnly?: boolean;
  /**
   * For an index holding only part of a corpus (the on-disk index's candidates for this query,
   * search/index-filter.ts): how many articles of the whole corpus pass the query's filters (any
   * number above CAP when more than CAP do: only that is compared), so the search takes the path it
   * takes over the whole corpus (one pass over every eligible article when CAP or fewer pass; the
   * result is the same either way).
   */
  corpusEligible?: number;
  /**
   * For an index holding only an on-disk index's candidates: per term of the query, whether every
   * one of them passes it (Candidates.decided); those filter terms are not checked again.
   */
  decided?: readonly boolean[];
  /** The query's typos are corrected already (typos/typo-rule.ts, by the caller's vocabulary: index-filter.ts): not looked for again. */
  typosCorrected?: boolean;
}
/** One result; score is fuse-style (0 = perfect, 1 = matched exactly but not fuzzily ranked). */
export interface Hit { id: number; score: number; titleMatches: ReadonlyArray<readonly [number, number]> }
/**
 * Results: total = matches before limit; sort = the sort actually used; approximate = the search
 * stopped early (a limit was given and the scan hit its cap or left old bodies unread), so
 * `total` is a lower bound ("1,000+").
 */
export interface SearchResult {
  hits: Hit[];
  total: number;
  sort: SortKey;
  approximate?: boolean;
  /**
   * The count is not final yet: the on-disk index reads a word of the query it answers off the
   * key (WordSource.coming); searched again once it is in (the caller is told), it is exact.
   */
  counting?: boolean;
  /**
   * Every match's id, in no particular order, when the search found them all (never when
   * `approximate`): what the dashboard's pulse counts without searching again. Shared with the
   * engine: never modify it. May be a getter that lists them when first read (index-terms.ts
   * withEveryId: at 1M, a walk over every article): read it after the list's frame, or ask
   * listedMatches first.
   */
  matches?: readonly number[];
}

/** `result.matches` when they are listed already; undefined when there are none or reading them would list them (a getter). */
export function listedMatches(result: SearchResult): readonly number[] | undefined {
  const own = Object.getOwnPropertyDescriptor(result, 'matches');
  return own && 'value' in own ? (own.value as readonly number[] | undefined) : undefined;
}

/** A limit no corpus reaches: every match, bodies searched only to BODY_DEPTH (see idsOnly). */
export const EVERY_MATCH = 0x7fffffff;

/** Most exact survivors found per keystroke; up to this many eligible articles are checked for the words in one pass. */
export const CAP = 1000;
/**
 * How many of the newest exact survivors fuse scores. Fuse costs
 * ~50 us per article, so all 1,000 cost a three-letter query ~60 ms at 10k; the others still
 * rank by where the words are (title before short fields before body), titles containing the
 * query first.
 */
export const FUSE_RANK = 300;
/**
 * Bodies are searched for the newest BODY_DEPTH articles only. V8 scans text at about 1 GB/s, so
 * a word found nowhere would cost ~300 ms per keystroke across 100k bodies; older articles still
 * match on title, description, tags, source and category.
 */
export const BODY_DEPTH = 10_000;
/**
 * How many of the newest articles get their fuse records made ahead of the first keystrokes
 * (SearchIndex.prepare, engine/prepare-steps.ts): a word's answer ranks the newest articles that
 * hold it (FUSE_RANK of them), so these are the records the first queries score.
 */
export const PREPARED_NEWEST = 2000;
/**
 * From this many articles, SearchIndex.prepare ends with one full garbage collection: making a
 * million haystacks leaves a heap near V8's next limit, and in every 1M run measured the first
 * second of typing then paid for a full collection of the ~450 MB heap (0.4-0.8 s on one key).
 */
export const COLLECT_PREPARED = 300_000;

/**
 * The fuzzy keys: body stays out (fuse only looks ~30 chars into a field); it is matched exactly.
 * Fuse reads each field folded (text/fold.ts) like the query, so `sao paulo` ranks "São Paulo"
 * as an exact match; records are built once per article, so each field is folded once.
 */
export const FUSE_KEYS = [
  { name: 'title', weight: 3, getFn: (a: Article): string => foldText(a.title) },
  { name: 'description', weight: 1, getFn: (a: Article): string => foldText(a.description) },
  { name: 'tags', weight: 1, getFn: (a: Article): string[] => a.tags.map(foldText) },
  { name: 'source', weight: 0.5, getFn: (a: Article): string => foldText(a.source) },
  { name: 'categories', weight: 0.5, getFn: (a: Article): string[] => a.categories.map(foldText) },
];
/** Options of the main fuzzy ranking; a plain `new Fuse(articles, FUSE_OPTIONS)` is the quality baseline. */
export const FUSE_OPTIONS: IFuseOptions<Article> = { keys: FUSE_KEYS, threshold: 0.3, includeScore: true };
