// What the search asks of an index for free words (search/index-terms.ts), and what it answers:
// the shapes WordIndex (word-index.ts) implements, apart so a search's own stand-ins
// (search/index-filter.ts) and tests can make them too.

import type { Marks } from '../fts.js';

/** The index's answer for free words: the articles holding those it answers for, and the rest. */
export interface WordAnswer {
  /** Never modified once made (a token's kept bitmap may be the answer itself). */
  marks: Marks;
  rest: string[];
}

/** What the search asks of an index for free words; `covered` ids (0..covered-1) are answered for. */
export interface WordSource {
  /** Articles ids 0..covered-1 are the ones the index answers for; later ones (live updates) are not. */
  readonly covered: number;
  /**
   * Marks (1) the ids below `covered` of the articles whose text contains every word the index
   * answers for, and names the `rest` it leaves to the caller (a word with accents or punctuation,
   * or one so short that hundreds of tokens hold it); null when it answers for none of them.
   * `interim` (a limited search, the dashboard's list): says of a word whose tokens are still to
   * be read whether the caller can answer it meanwhile (Interim); such a word is read on a thread
   * and left to the caller until it is in (`coming`, `later`).
   */
  containing(words: readonly string[], interim?: Interim | null): WordAnswer | null;
  /**
   * containing(words, interim), then whether some word of them is still being read on a thread
   * (left to the caller meanwhile): the caller should then read no body from its file for them.
   */
  later?(words: readonly string[], interim: Interim): boolean;
  /**
   * The index's vocabulary (vocabulary.ts: its tokens sorted, joined by newlines), for the typo
   * rule (search/typos/typo-rule.ts); absent for a source that answers without one.
   */
  readonly vocabulary?: string;
  /**
   * For a filter term that would read bodies in memory: marks (1) the ids below `covered` of the
   * articles holding it (a free word, or a coin by its metadata or a cashtag in its body:
   * index/columns.ts), so the filter decides every article without a body read; null when the
   * index cannot say (a word it leaves to memory).
   */
  holding?(term: { kind: 'word' | 'coin'; value: string }): Marks | null;
  /**
   * Waits (on this thread, for a few seconds at most) until the words left to the caller by an
   * interim ask are read, then answers for them: for a key whose answer meanwhile would not be
   * the exact one (search.ts).
   */
  finishLater?(): void;
  /** True while the source reads `word` to answer for it later (WordIndex.answerLater). */
  coming?(word: string): boolean;
  /** Grows when the source answers for words it left to the caller before (WordIndex.answerLater): earlier answers are stale. */
  readonly version?: number;
}

/**
 * A limited search's test of a word (ASCII, three letters or more): true when it can answer the
 * word itself as the index would, for the rows it lists, while the index reads it (search.ts: a
 * word so common among the newest articles that their bodies in memory hold the list's rows).
 */
export type Interim = (word: string) => boolean;
