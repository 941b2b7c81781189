// A step of a search with free words, apart from the engine (search.ts): the tiers that order
// exact and fuzzy matches.
import { shortIncludes, squashSpaces, titleIncludes, type Hay } from './haystack.js';
import type { ParsedQuery } from './query.js';
import type { Ranked } from './scans.js';
import { FUSE_OPTIONS, FUSE_RANK } from './search-settings.js';
import type { FuseRanker } from './fuzzy/fuse-ranker.js';

/**
 * fuse's scores of the newest FUSE_RANK exact matches (`exact`). A typo is no longer forgiven
 * here: the query comes corrected (typos/typo-rule.ts), and a query nothing matches lists nothing.
 */
export function fuseScores(ranker: FuseRanker, q: ParsedQuery, exact: readonly number[]): Map<number, number> {
  // Fuse ranks the newest FUSE_RANK survivors, older ones rank as exact matches: at any corpus
  // size (fuse over a small one's every article put `Bitcoin Flash Crash` under `bitcoin etf`).
  return exact.length ? ranker.scores(exact.slice(0, FUSE_RANK), q.text, FUSE_OPTIONS) : new Map<number, number>();
}

/**
 * An article's folded title for its tier: its haystack when made, else the folded title alone
 * (foldText of the title, what the haystack's title is: folding maps character by character).
 */
export type TitleOf = (id: number) => Hay | string;

/**
 * Ranks of the fuzzy matches (`scores`, fuse's) and the exact ones fuse did not score: tier 0
 * when the title equals the query, 1 when it contains it, 2 for fuse's that hold every word, 3 for
 * exact-only (rank 0 when every word is in the title, 1 in the short fields, 2 the body), 4 for
 * fuse's that miss a word (none from the search, whose fuse scores only exact matches
 * (fuseScores); a score for an id outside `exact` lands there: fuse matches a multi-word query as
 * one string, so it would score `Bitcoin Flash Crash` for `bitcoin etf`, and a near miss must
 * never rank above an article that holds the words).
 * `titleOf` gives what the title's tier is read from; `hayOf` the haystack, asked only for an
 * exact match whose title holds neither the query nor every word (a `--filter` without a limit
 * makes no haystack for the rest: at 100k, ~8k of them for one word, ~0.1 s).
 */
export function rankTiers(scores: ReadonlyMap<number, number>, exact: readonly number[], q: ParsedQuery, hayOf: (id: number) => Hay, titleOf: TitleOf = hayOf): Ranked[] {
  const ranked: Ranked[] = [];
  const text = q.text;
  // Looked up only for a fuse match whose title does not settle its tier, and made then.
  let holdsEvery: Set<number> | null = null;
  for (const [id, score] of scores) {
    const title = tierOf(titleOf(id), text);
    const tier = title < 2 ? title : exact.length === 0 || (holdsEvery ??= new Set(exact)).has(id) ? 2 : 4;
    ranked.push({ id, tier, rank: 0, score });
  }
  for (const id of exact) {
    if (scores.has(id)) continue;
    const folded = titleOf(id);
    const title = tierOf(folded, text);
    if (title < 2) {
      ranked.push({ id, tier: title, rank: 0, score: 1 });
      continue;
    }
    const inTitle = typeof folded === 'string' ? (w: string) => folded.includes(w) : (w: string) => titleIncludes(folded, w);
    const where = q.words.every(inTitle) ? 0 : q.words.every((w) => shortIncludes(hayOf(id), w)) ? 1 : 2;
    ranked.push({ id, tier: 3, rank: where, score: 1 });
  }
  return ranked;
}

// titleTier of a haystack, or of a folded title alone.
function tierOf(folded: Hay | string, text: string): number {
  if (typeof folded !== 'string') return titleTier(folded, text);
  const title = plainSpaces(folded, folded.length) ? folded : squashSpaces(folded);
  return title === text ? 0 : title.includes(text) ? 1 : 2;
}

/**
 * 0 when the title, its whitespace squashed, equals `text` (a squashed query), 1 when it contains
 * it, else 2. A title with nothing to squash (nearly all) is read where it lies in the haystack,
 * with no string made for it: ~1,000 titles a keystroke.
 */
export function titleTier(hay: Hay, text: string): number {
  const n = hay.foldedTitleLength;
  const short = hay.foldedShort;
  if (!plainSpaces(short, n)) {
    const title = squashSpaces(short.slice(0, n));
    return title === text ? 0 : title.includes(text) ? 1 : 2;
  }
  if (n === text.length && short.startsWith(text)) return 0;
  return titleIncludes(hay, text) ? 1 : 2;
}

// Whether s[0, n) has no whitespace but single plain spaces between other characters (what
// squashSpaces leaves as it is), checked in place.
function plainSpaces(s: string, n: number): boolean {
  let prevSpace = true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c < 0x85) {
      prevSpace = false;
      continue;
    }
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
      continue;
    }
    if (isSpace(c)) return false;
    prevSpace = false;
  }
  return !prevSpace || n === 0;
}

// The characters JavaScript's \s matches (ECMAScript WhiteSpace and LineTerminator).
function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
