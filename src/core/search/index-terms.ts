// The on-disk index's answers inside the in-memory search (the dashboard's live search, once the
// index's words are attached: SearchIndex.useWords): filter terms that would read bodies (negated
// words, coins) decided for every article without reading one, and free words narrowed to the
// articles the index says hold the ones it answers for, before the rest are looked for in memory.
// Same meaning of a match as reading every body (what --filter does), so counts are exact.
import type { WordSource } from '../index/index.js';
import { containsAll, type Hay } from './haystack.js';
import { letterBits, type HayMasks } from './hay-masks.js';
import type { TermHolder } from './filters.js';
import type { ParsedQuery } from './query.js';

/**
 * The index's holder of negated words and coins (filters.ts TermHolder) over the ids it covers;
 * later ids (live updates) fall back to `inMemory`, the in-memory test of the same term. Null
 * without an index that answers terms.
 */
export function indexHolder(source: WordSource | null, inMemory: (t: Parameters<TermHolder>[0], id: number) => boolean): TermHolder | null {
  if (!source?.holding) return null;
  const holding = source.holding.bind(source);
  return (t) => {
    if (t.kind !== 'word' && t.kind !== 'coin') return null;
    const marks = holding({ kind: t.kind, value: t.value });
    if (!marks) return null;
    const covered = source.covered;
    return (id) => (id < covered ? marks[id] === 1 : inMemory(t, id));
  };
}

/**
 * indexTest's test of an article id; `readsText` is false when it reads only the index's marks
 * for the articles the index covers (no haystack), so a pass in any order costs the same.
 */
export type IndexTest = ((id: number) => boolean) & { readonly readsText: boolean };

/**
 * Which articles hold every free word of `q`: the index's marks for the words it answers for,
 * then, only on the articles it marked, the words it leaves to memory (too short, not ASCII, held
 * by too many tokens) looked for in their text. `hasBody` (a limited search's BODY_DEPTH, null:
 * every body) says whose bodies may be read for those: another article whose short fields lack
 * them counts as not holding them and `skips.n` grows (the result is then a lower bound), so a
 * keystroke never reads thousands of old bodies from their files. Null when the index answers for
 * none of the words, none is attached, or `q` has a phrase (looked for in bodies only as deep as
 * the in-memory search reads them). Ids past what the index covers (live updates) are tested on
 * their haystacks alone.
 */
export function indexTest(source: WordSource | null, q: ParsedQuery, hayOf: (id: number) => Hay, hasBody: ((id: number) => boolean) | null = null, skips = { n: 0 }, masks: HayMasks | null = null): IndexTest | null {
  if (!source || q.words.length === 0 || q.phrases.length > 0) return null;
  const answer = source.containing(q.words);
  if (!answer) return null;
  const { marks, rest } = answer;
  const covered = source.covered;
  if (rest.length === 0) return Object.assign((id: number) => (id < covered ? marks[id] === 1 : containsAll(hayOf(id), q.words)), { readsText: false });
  // One-letter words (`regulator d`) are answered by the short fields' masks for nearly every article.
  const letters = masks ? letterBits(rest) : 0;
  const restHeld = (id: number): boolean => {
    if (letters !== 0 && masks?.holdsAll(id, letters)) return true;
    if (!hasBody || hasBody(id)) return containsAll(hayOf(id), rest);
    if (containsAll(hayOf(id), rest, false)) return true;
    skips.n += 1;
    return false;
  };
  return Object.assign((id: number) => (id < covered ? marks[id] === 1 && restHeld(id) : containsAll(hayOf(id), q.words)), { readsText: true });
}

/**
 * The articles the index marked for `q`'s free words (ids it does not cover: all), a cheap test
 * to put in front of indexTest's and of filter terms that read text; null where indexTest is null.
 */
export function indexMarked(source: WordSource | null, q: ParsedQuery): ((id: number) => boolean) | null {
  if (!source || q.words.length === 0 || q.phrases.length > 0) return null;
  const answer = source.containing(q.words);
  if (!answer) return null;
  const { marks } = answer;
  const covered = source.covered;
  return (id) => id >= covered || marks[id] === 1;
}

/**
 * True when the index answers for every free word of `q` and some article it covers holds them
 * all: a query that then lists nothing was emptied by its filters (`solana -et`), not misspelt, so
 * the search runs no typo fallback for it. False without an index, or for words it leaves to memory.
 */
export function wordsHeld(source: WordSource | null, q: ParsedQuery): boolean {
  if (!source || q.words.length === 0 || q.phrases.length > 0) return false;
  const answer = source.containing(q.words);
  return answer !== null && answer.rest.length === 0 && answer.marks.indexOf(1) >= 0;
}
