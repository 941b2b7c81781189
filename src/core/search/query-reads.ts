// What a query asks of article bodies, decided before searching: whether it reads them at all,
// which words it tests them for, and whether the on-disk index's answer for free words covers
// everything it needs of them. The CLI and the body read-ahead ask these to read only what is needed.
import { INDEX_WORD } from '../index/index.js';
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
 * Whether the on-disk index's answer for free words (SearchIndex.useWords) is all a search for
 * `query` needs of bodies: it has words, and its only terms that read bodies are positive words
 * of ASCII letters and digits (index/word-index.ts). False for a malformed query.
 */
export function indexAnswers(query: string, now = Date.now()): boolean {
  try {
    const terms = parseQuery(query, now).terms;
    return terms.some((t) => t.kind === 'word') && terms.every((t) => (t.kind === 'word' ? !t.negate && INDEX_WORD.test(t.value) : t.kind !== 'phrase' && t.kind !== 'coin'));
  } catch {
    return false;
  }
}
