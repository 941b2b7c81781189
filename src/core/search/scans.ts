// The one- and two-character listing's ranks (its matches come from short-index.ts) and the full
// scan of a search without a limit (`--filter`), which reads every article's haystack.
import type { Article, FoldedShortFields } from '../article.js';
import type { Predicate } from './filters.js';
import { OwnHay, type Hay } from './haystack.js';
import type { ShortIndex, ShortMatches } from './short-index.js';
import { CAP } from './search-settings.js';
import { sortByDate } from './order/sort.js';

/**
 * A match before ordering: tier 0 = title equals the query, 1 = title contains it as a phrase,
 * 2 = ranked by fuse and holding every word, 3 = exact substring only (rank = 0 title, 1 short
 * fields, 2 body), 4 = ranked by fuse but missing a word (tiers.ts).
 */
export interface Ranked { id: number; tier: number; rank: number; score: number }

/** Handed to filters that never read a haystack (filtersNeedHay), so none is made for them. */
export const NO_HAY: Hay = Object.freeze(
  new OwnHay('', 0, Buffer.alloc(0), { tags: [], categories: [], text: '' }, { sourceName: '', sourceKey: '', lang: '', sentiment: null, text: '' }),
);

/**
 * The ranks of a one- or two-character query's matches (short-index.ts), at most `n` of them:
 * title matches first (tier 0), then tag matches (tier 1), each in the order found. One or two
 * characters match nearly everything fuzzily and most bodies exactly, so they list only these.
 */
export function shortRanks(found: ShortMatches, n: number): Ranked[] {
  const out: Ranked[] = [];
  for (let i = 0; i < found.inTitle.length && out.length < n; i++) out.push({ id: found.inTitle[i], tier: 0, rank: 0, score: 0 });
  for (let i = 0; i < found.inTags.length && out.length < n; i++) out.push({ id: found.inTags[i], tier: 1, rank: 0, score: 0.5 });
  return out;
}

/** shortFind's answer: the matches listed (up to `most` each), how many there are, and all of them when asked. */
export interface ShortFound {
  listed: ShortMatches;
  count: number;
  /** Whether `listed` holds every match (never when `listed.whole` is false: `count` is then a lower bound). */
  complete: boolean;
  /** Every match, title matches then tag matches: made on the first call, the same array after. */
  every: () => number[];
}

/**
 * A one- or two-character query's matches among `eligible` (ShortIndex.find), listed up to `most`
 * each and counted (`early`: see ShortIndex.find; the count may then be a lower bound); every one
 * is listed only when `every` is called (the pulse after the list), by finding them again over the
 * same `eligible`.
 */
export function shortFind(shorts: ShortIndex, text: string, eligible: readonly number[], size: number, hayOf: (id: number) => Hay, most: number, early = false, shortOf: (id: number) => FoldedShortFields = hayOf): ShortFound {
  const listed = shorts.find(text, eligible, size, hayOf, most, early, shortOf);
  const count = listed.titles + listed.tags;
  const complete = listed.whole && listed.inTitle.length + listed.inTags.length === count;
  let all: number[] | null = null;
  const every = (): number[] => {
    if (all !== null) return all;
    const found = complete ? listed : shorts.find(text, eligible, size, hayOf);
    return (all = found.inTitle.concat(found.inTags));
  };
  return { listed, count, complete, every };
}

/**
 * Without a limit: the ids of `docs` passing `test` and holding every free word (`has`: the
 * index's answer, or the haystacks read), in date order,
 * when more than CAP articles pass (the search's large-corpus path; its eligible list is then
 * not made). Null when CAP or fewer pass: the search then checks them in one pass.
 * `corpusEligible`: how many pass in the whole corpus when `docs` is a part of it (SearchOptions).
 */
export function fullScan(docs: readonly Article[], test: Predicate, needHay: boolean, has: (id: number) => boolean, hayOf: (id: number) => Hay, corpusEligible = 0): number[] | null {
  let passed = 0;
  const found: Article[] = [];
  for (let id = 0; id < docs.length; id++) {
    const a = docs[id];
    if (!test(a, needHay ? hayOf(id) : NO_HAY, true)) continue;
    passed += 1;
    if (has(id)) found.push(a);
  }
  if (Math.max(passed, corpusEligible) <= CAP) return null;
  return found.length > 0 ? sortByDate(found) : [];
}
