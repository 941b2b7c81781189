// A step of a search with free words, apart from the engine (search.ts): the tiers that order
// exact and fuzzy matches.
import { hayTitle, shortIncludes, squashSpaces, titleIncludes, type Hay } from './haystack.js';
import type { ParsedQuery } from './query.js';
import type { Ranked } from './scans.js';

/**
 * Ranks of the fuzzy matches (`scores`, fuse's) and the exact ones fuse did not score: tier 0
 * when the title equals the query, 1 when it contains it, 2 for fuse's that hold every word, 3 for
 * exact-only (rank 0 when every word is in the title, 1 in the short fields, 2 the body), 4 for
 * fuse's that miss a word (only the typo fallback's, when no article holds every word: fuse
 * matches a multi-word query as one string, so it would score `Bitcoin Flash Crash` for
 * `bitcoin etf`, and a near miss must never rank above an article that holds the words).
 */
export function rankTiers(scores: ReadonlyMap<number, number>, exact: readonly number[], q: ParsedQuery, hayOf: (id: number) => Hay): Ranked[] {
  const ranked: Ranked[] = [];
  const text = q.text;
  const holdsEvery = new Set(exact);
  for (const [id, score] of scores) {
    const title = squashSpaces(hayTitle(hayOf(id)));
    const tier = title === text ? 0 : title.includes(text) ? 1 : holdsEvery.has(id) || holdsEvery.size === 0 ? 2 : 4;
    ranked.push({ id, tier, rank: 0, score });
  }
  for (const id of exact) {
    if (scores.has(id)) continue;
    const hay = hayOf(id);
    const title = squashSpaces(hayTitle(hay));
    const tier = title === text ? 0 : title.includes(text) ? 1 : 3;
    const where = q.words.every((w) => titleIncludes(hay, w)) ? 0 : q.words.every((w) => shortIncludes(hay, w)) ? 1 : 2;
    ranked.push({ id, tier, rank: tier === 3 ? where : 0, score: 1 });
  }
  return ranked;
}
