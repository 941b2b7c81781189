// The typo rule, one for every path (the on-disk index's --filter, a full load's, --no-cache, the
// dashboard's keys): a positive free word that no article holds (no token of the corpus's
// vocabulary contains it) is read as its nearest token, so `bitconi` is the query `bitcoin`: the
// same matches (body included) and the same order. A word some article holds (whole, as a prefix
// or a part: `bit`, `coin`) is never corrected, so a query whose terms rule everything out
// (`bitcoin -bitcoin`) stays empty: as fzf and Algolia, typos are forgiven only where nothing
// matches as typed.

import { INDEX_WORD, nearestTokens, type WordSource } from '../../index/index.js';
import { correctQuery, QueryError } from '../query.js';
import { MemoryVocabulary } from './memory-vocabulary.js';

export { MemoryVocabulary };

/** Shortest word the typo pass corrects (nearestTokens: three letters with a typo match noise). */
export const TYPO_FROM = 4;

/** What the rule asks of a corpus's vocabulary. */
export interface TypoVocabulary {
  /** Whether some token contains `word` (a plain ASCII word: some article's text holds it). */
  holds(word: string): boolean;
  /** The tokens nearest to `word` (index/vocabulary.ts nearestTokens), sorted by code unit. */
  nearest(word: string): string[];
}

/** The on-disk index's vocabulary (sorted tokens joined by newlines) as a TypoVocabulary; `alsoHeld`: articles it does not cover. */
export function indexVocabulary(text: string, alsoHeld: (word: string) => boolean = () => false): TypoVocabulary {
  return { holds: (word) => text.includes(word) || alsoHeld(word), nearest: (word) => nearestTokens(text, word) };
}

/** The articles' own vocabulary (memory-vocabulary.ts) as a TypoVocabulary. */
export function memoryVocabulary(memory: MemoryVocabulary): TypoVocabulary {
  return { holds: (word) => memory.holds(word), nearest: (word) => nearestTokens(memory.stretch(word[0]), word) };
}

/**
 * The correction of `word` (folded), or null when it stays as typed: shorter than TYPO_FROM, not
 * plain ASCII letters and digits (the words the index answers), held by some article, or with no
 * token near enough (index/vocabulary.ts nearestTokens: Damerau-Levenshtein 1 below seven letters,
 * 2 from seven, first letter kept). Of the nearest tokens one holding another is dropped, as the
 * other's matches hold its own (`bitcoins` beside `bitcoin`); of those left, the first by code unit
 * (two corpus words equally near a typo and neither inside the other: rare).
 */
export function correctionOf(word: string, vocabulary: TypoVocabulary): string | null {
  if (word.length < TYPO_FROM || !INDEX_WORD.test(word) || vocabulary.holds(word)) return null;
  const near = vocabulary.nearest(word).filter((t) => INDEX_WORD.test(t));
  const kept = near.filter((t) => !near.some((other) => other !== t && t.includes(other)));
  return kept[0] ?? null;
}

/**
 * `query` with its typos corrected (query.ts correctQuery with correctionOf) by `vocabulary`; a
 * malformed query is handed back as it is (its search throws).
 */
export function correctWith(query: string, vocabulary: TypoVocabulary, now?: number): string {
  try {
    return correctQuery(query, (word) => correctionOf(word, vocabulary) ?? word, now);
  } catch (error) {
    if (error instanceof QueryError) return query;
    throw error;
  }
}

/**
 * correctWith for an in-memory search: by the attached index's vocabulary (`words`, covering ids
 * below its `covered`; a later article, a live update, holding a word keeps it as typed), else by
 * the articles' own (`memory`).
 */
export function correctTypos(query: string, now: number | undefined, words: WordSource | null, memory: MemoryVocabulary): string {
  const indexed = words?.vocabulary;
  const vocabulary = indexed !== undefined ? indexVocabulary(indexed, (word) => memory.holds(word, words!.covered)) : memoryVocabulary(memory);
  return correctWith(query, vocabulary, now);
}
