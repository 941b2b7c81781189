// fuse.js scores over a chosen subset of the articles. Records (each article's fields tokenised
// for fuse) are made on first use: a keystroke only ever hands fuse the few thousand survivors or
// newest articles, so building all 100k up front cost ~0.3 s at load and ~70 MB that most sessions
// never touch; `--filter` builds only its matches'. A dashboard warms the newest up with
// SearchIndex.prepare() once the list is on screen. The scores are fuse's own numbers, computed by
// a port of its matcher (bitap.ts, record-scores.ts) that does not lower-case every field and
// allocate per field on every keystroke: 3-5x less time for the same scores.
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import type { Article } from '../../article.js';
import { FUSE_KEYS } from '../search-settings.js';
import { BitapPattern, warmBitap } from './bitap.js';
import { articleFields, keyWeights, recordScore, type FieldGetter, type RecordFields, type WeightedKey } from './record-scores.js';

type IndexRecord = FuseIndex<Article>['records'][number];
// What each of fuse's keys reads from an article, in the index's key order (FUSE_KEYS').
const GETTERS: ReadonlyArray<FieldGetter<Article>> = FUSE_KEYS.map((k) => k.getFn);

// Options under which fuse's score is what the port computes: a plain Bitap search by location
// (not `ignoreLocation`), no match indices, case and diacritics as fuse's defaults, field norms on.
function ported(o: IFuseOptions<Article>): boolean {
  return !(o.ignoreLocation ?? Fuse.config.ignoreLocation) && !o.useExtendedSearch && !o.useTokenSearch && !o.isCaseSensitive && !o.ignoreDiacritics && !o.includeMatches && !o.findAllMatches && !o.ignoreFieldNorm && (o.minMatchCharLength ?? 1) <= 1 && (o.fieldNormWeight ?? 1) === 1 && !o.getFn;
}

/** Fuse scores for subsets of `docs` (article id = position), records kept between searches. */
export class FuseRanker {
  private readonly index: FuseIndex<Article> = Fuse.createIndex<Article>(FUSE_KEYS, []);
  private readonly records: Array<IndexRecord | undefined> = [];
  private readonly fields: Array<RecordFields | undefined> = [];
  private readonly weights = new Map<IFuseOptions<Article>, number[]>();

  /** `docs` is read, never copied: articles added to it later are ranked too. */
  constructor(private readonly docs: readonly Article[]) {}

  /**
   * Fuse scores (0 = perfect) of the articles `ids` that match `text`, by id, in the order of
   * `ids`: what `new Fuse(docs, { ...options, shouldSort: false }, index of ids).search(text)`
   * gives. Fuse scores each document on its own, so a subset ranks exactly as it would in the
   * whole corpus. `options` must be one of search-settings.ts's (string pattern, no extended or
   * token search, no match indices): the port covers those.
   */
  scores(ids: readonly number[], text: string, options: IFuseOptions<Article>): Map<number, number> {
    const scores = new Map<number, number>();
    if (ids.length === 0) return scores;
    // fuse answers a blank query with every document of the collection, unscored; options the
    // port does not cover go to fuse itself.
    if (!text.trim() || !ported(options)) return this.fuseScores(ids, text, options);
    const pattern = new BitapPattern(text, {
      location: options.location ?? Fuse.config.location,
      distance: options.distance ?? Fuse.config.distance,
      threshold: options.threshold ?? Fuse.config.threshold,
    });
    const weights = this.weightsFor(options);
    for (const id of ids) {
      const score = recordScore(this.fieldsOf(id), pattern, weights);
      if (score >= 0) scores.set(id, score);
    }
    return scores;
  }

  /** The same scores from fuse.js itself (the reference the port is tested against). */
  fuseScores(ids: readonly number[], text: string, options: IFuseOptions<Article>): Map<number, number> {
    const scores = new Map<number, number>();
    if (ids.length === 0) return scores;
    const index = Fuse.parseIndex<Article>({ keys: this.index.keys, records: ids.map((id) => this.record(id)) });
    const fuse = new Fuse(this.docs, { ...options, shouldSort: false }, index);
    for (const r of fuse.search(text)) scores.set(r.refIndex, r.score ?? 1);
    return scores;
  }

  /**
   * Compiles the scorer ahead of the first keystrokes (warmBitap), then scores the articles `ids`
   * (a few of the newest) under each of `options` with queries of every length a word takes:
   * no score is kept.
   */
  warm(ids: readonly number[], options: ReadonlyArray<IFuseOptions<Article>>): void {
    warmBitap();
    for (const o of options) for (const q of ['b', 'bit', 'bitcoin', 'bitconi', 'zzqx', 'the sec delays', 'a'.repeat(40)]) this.scores(ids, q, o);
  }

  /** Makes article `id`'s fields ready for scoring (a UI does it ahead of the keystrokes that would). */
  prepare(id: number): void {
    this.fieldsOf(id);
  }

  // The fuse record of article `id` (what fuse.js itself scores: fuseScores), made now if it was not yet.
  private record(id: number): IndexRecord {
    let record = this.records[id];
    if (!record) {
      this.index.add(this.docs[id], id);
      record = this.index.records.pop() as IndexRecord;
      this.records[id] = record;
    }
    return record;
  }

  private fieldsOf(id: number): RecordFields {
    let fields = this.fields[id];
    if (!fields) {
      // Read from the article as fuse's record would hold them (articleFields), not through one.
      fields = articleFields(this.docs[id], GETTERS);
      this.fields[id] = fields;
    }
    return fields;
  }

  private weightsFor(options: IFuseOptions<Article>): number[] {
    let weights = this.weights.get(options);
    if (!weights) {
      const indexKeys = (this.index.keys as unknown as Array<{ id: string; weight: number }>);
      weights = keyWeights(indexKeys, (options.keys ?? []) as WeightedKey[]);
      this.weights.set(options, weights);
    }
    return weights;
  }
}
