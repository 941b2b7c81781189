// What a query asks of article bodies, decided before searching: whether it reads them at all,
// which words it tests them for, and whether the on-disk index's answer for free words covers
// everything it needs of them. The CLI and the body read-ahead ask these to read only what is needed.
import { INDEX_WORD, MIN_WORD } from '../index/index.js';
import { parseQuery } from './query.js';

/** Whether a search for `query` may read article bodies (words, phrases or coins, negated or not); false for a malformed one. */
export function readsBodies(query: string, now = Date.now()): boolean {
  try {
    return parseQuery(query, now).terms.some((t) => t.kind === 'word' || t.kind === 'phrase' || t.kind === 'coin');
  } catch {
    return false;
  }
}

/**
 * The folded words a search for `query` tests bodies for, when words are all it tests them for;
 * null when a phrase or a coin term also reads bodies, or the query is malformed.
 */
export function bodyWords(query: string, now = Date.now()): string[] | null {
  try {
    const terms = parseQuery(query, now).terms;
    if (terms.some((t) => t.kind === 'phrase' || t.kind === 'coin')) return null;
    return terms.flatMap((t) => (t.kind === 'word' ? [t.value] : []));
  } catch {
    return null;
  }
}

/**
 * Whether the on-disk index's answers (SearchIndex.useWords) are all a search for `query` needs
 * of bodies: it has words or coins, and its only terms that read bodies are words of ASCII
 * letters and digits (negated ones at least MIN_WORD long: index/query-plan.ts) and coins
 * (search/index-terms.ts). False for a malformed query.
 */
export function indexAnswers(query: string, now = Date.now()): boolean {
  try {
    const terms = parseQuery(query, now).terms;
    const answered = (t: (typeof terms)[number]): boolean =>
      t.kind === 'word' ? INDEX_WORD.test(t.value) && (!t.negate || t.value.length >= MIN_WORD) : t.kind !== 'phrase';
    return terms.some((t) => t.kind === 'word' || t.kind === 'coin') && terms.every(answered);
  } catch {
    return false;
  }
}
