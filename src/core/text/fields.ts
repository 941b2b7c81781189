// The loose comparisons of two field filters of the query language, kept at the bottom so that
// the in-memory search (search/filters.ts) and the on-disk index (index/store.ts, which stores
// each article's values in this form so SQL can answer the same filters) share one rule.
import { foldText } from './fold.js';

/** Folds (fold.ts) and drops everything but letters and digits, so source names compare loosely: "The Block" = "the-block". */
export function compactText(s: string): string {
  return foldText(s).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Canonical sentiment values; the data may write them in any case. */
export type Sentiment = 'positive' | 'negative' | 'neutral';

// Markets' own words (bullish, bearish) beside the seed's (POSITIVE, NEGATIVE, NEUTRAL).
const SENTIMENTS: Readonly<Record<string, Sentiment>> = {
  positive: 'positive', pos: 'positive', bullish: 'positive', bull: 'positive',
  negative: 'negative', neg: 'negative', bearish: 'negative', bear: 'negative',
  neutral: 'neutral', neu: 'neutral',
};

/**
 * Maps a sentiment as written in data or a query (`NEGATIVE`, `neg`, `Bullish`) to its canonical
 * value, else null: the one rule of the filter, the pulse, the list's glyph and the body's header,
 * so a value it does not know (`sentiment: bogus`) is no sentiment everywhere.
 */
export function canonicalSentiment(s: string | null): Sentiment | null {
  if (s === null) return null;
  return Object.hasOwn(SENTIMENTS, s.toLowerCase()) ? SENTIMENTS[s.toLowerCase()] : null;
}
