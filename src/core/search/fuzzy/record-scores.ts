// fuse.js's score of one article (Fuse#_searchObjectList and computeScoreSingle, fuse.js 7.5)
// over the fields its index records for the article, with the Bitap port (bitap.ts) in place of
// fuse's matcher: the same fields in the same order, the same weights and field norms, the same
// product, so the same number. The fields' texts are lower-cased once per article here, where
// fuse lower-cases every field on every search.
import type { BitapPattern } from './bitap.js';

/**
 * An article's searchable fields as fuse walks them: lower-cased text, its key's position, its
 * norm (fieldNorm; -1 until a search matches the field: most fields match no query, and counting
 * their words was a third of the records' making in a warm `--filter`).
 */
export interface RecordFields {
  lower: string[];
  key: number[];
  norm: number[];
}

// A word as fuse.js counts them for a field's norm: a run of characters other than its word
// separators (tab to carriage return, space, no-break space: fuse's isWordSeparator).
const WORD = /[^\t-\r \xa0]+/g;
// Norms by word count, as fuse's index caches them.
const NORMS: number[] = [];

/**
 * fuse.js's norm of a field's text (its index's `norm.get`, field-norm weight 1): 1 / sqrt(number
 * of words, at least 1), rounded to 3 decimals. The words are counted by a regular expression, a
 * step a word, where fuse steps a character at a time in JavaScript: in a short-lived process (a
 * warm `--filter`) that loop runs in V8's interpreter, ~10 ms for the 300 records it ranks at 10k files.
 */
export function fieldNorm(text: string): number {
  WORD.lastIndex = 0;
  let words = 0;
  while (WORD.test(text)) words++;
  if (words === 0) words = 1;
  return (NORMS[words] ??= Math.round(1000 / Math.pow(words, 0.5)) / 1000);
}

/** How a key reads its text from an article (search-settings.ts FUSE_KEYS' getFn). */
export type FieldGetter<T> = (doc: T) => string | readonly string[] | null | undefined;

/**
 * The fields of `doc` as fuse's index would record them under keys reading them with `getters`
 * (FuseIndex#_createObjectRecord, fuse.js 7.5: a key's string, or each string of its list, left
 * out when blank), read straight from the article: fuse's record objects are never made.
 */
export function articleFields<T>(doc: T, getters: ReadonlyArray<FieldGetter<T>>): RecordFields {
  const fields: RecordFields = { lower: [], key: [], norm: [] };
  const add = (text: unknown, k: number): void => {
    if (typeof text !== 'string' || text.trim().length === 0) return;
    fields.lower.push(text.toLowerCase());
    fields.key.push(k);
    // Made from the lower-cased text when first needed: lower-casing changes no word separator.
    fields.norm.push(-1);
  };
  for (let k = 0; k < getters.length; k++) {
    const value = getters[k](doc);
    if (Array.isArray(value)) for (const item of value) add(item, k);
    else add(value, k);
  }
  return fields;
}

/** A key as fuse.js takes it in its options. */
export interface WeightedKey {
  name: string;
  weight?: number;
}

/**
 * The weight fuse applies to each key of the index (`indexKeys`, in the index's order) under the
 * search's `optionKeys`: a key named in the options gets its weight over the options' total
 * (fuse's KeyStore); a key only the index has keeps the index's own weight, unscaled, as fuse's
 * `_normalizedKeys` falls back to it (so options that leave a key out, such as the description,
 * still score that field, with the index's weight).
 */
export function keyWeights(indexKeys: ReadonlyArray<{ id: string; weight: number }>, optionKeys: readonly WeightedKey[]): number[] {
  let total = 0;
  const weights = optionKeys.map((k) => k.weight ?? 1);
  for (const w of weights) total += w;
  const byName = new Map<string, number>();
  optionKeys.forEach((k, i) => byName.set(k.name, weights[i] / total));
  return indexKeys.map((k) => byName.get(k.id) ?? k.weight);
}

/** fuse.js's score of the article with these fields (0 = perfect), or -1 when no field matches. */
export function recordScore(fields: RecordFields, pattern: BitapPattern, weights: readonly number[]): number {
  let total = 1;
  let matched = false;
  const { lower, key, norm } = fields;
  for (let f = 0; f < lower.length; f++) {
    const score = pattern.score(lower[f]);
    if (score < 0) continue;
    matched = true;
    const weight = weights[key[f]];
    let n = norm[f];
    if (n < 0) n = norm[f] = fieldNorm(lower[f]);
    total *= Math.pow(score === 0 && weight ? Number.EPSILON : score, (weight || 1) * n);
  }
  return matched ? total : -1;
}
