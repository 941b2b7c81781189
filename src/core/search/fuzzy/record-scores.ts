// fuse.js's score of one article (Fuse#_searchObjectList and computeScoreSingle, fuse.js 7.5)
// over the article's fuse record, with the Bitap port (bitap.ts) in place of fuse's matcher: the
// same fields in the same order, the same weights and field norms, the same product, so the same
// number. The record's texts are lower-cased once per article here, where fuse lower-cases every
// field on every search.
import type { FuseIndex } from 'fuse.js';
import type { BitapPattern } from './bitap.js';

type IndexRecord = FuseIndex<unknown>['records'][number];
type SubRecord = { v: string; n: number };

/** An article's searchable fields as fuse walks them: lower-cased text, its key's position, its norm. */
export interface RecordFields {
  lower: string[];
  key: number[];
  norm: number[];
}

/** The fields of a fuse object record (`$`: key position -> {v, n} or a list of them), in fuse's order. */
export function recordFields(record: IndexRecord, keyCount: number): RecordFields {
  const fields: RecordFields = { lower: [], key: [], norm: [] };
  const item = (record as { $?: Record<number, SubRecord | SubRecord[] | undefined> }).$ ?? {};
  for (let k = 0; k < keyCount; k++) {
    const value = item[k];
    if (value === undefined || value === null) continue;
    for (const sub of Array.isArray(value) ? value : [value]) {
      if (sub.v === undefined || sub.v === null) continue;
      fields.lower.push(sub.v.toLowerCase());
      fields.key.push(k);
      fields.norm.push(sub.n);
    }
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
 * `_normalizedKeys` falls back to it (so the typo fallback, whose options leave the description
 * out, still scores the description, with weight 1).
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
    total *= Math.pow(score === 0 && weight ? Number.EPSILON : score, (weight || 1) * norm[f]);
  }
  return matched ? total : -1;
}
