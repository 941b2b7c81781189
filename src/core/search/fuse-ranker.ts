// fuse.js scores over a chosen subset of the articles. Records (each article's fields tokenised
// for fuse) are made on first use: a keystroke only ever hands fuse the few thousand survivors or
// newest articles, so building all 100k up front cost ~0.3 s at load and ~70 MB that most sessions
// never touch; `--filter` builds only its matches'. A dashboard warms the newest up with
// SearchIndex.prepare() once the list is on screen.
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import type { Article } from '../article.js';
import { FUSE_KEYS } from './search-settings.js';

type IndexRecord = FuseIndex<Article>['records'][number];

/** Fuse scores for subsets of `docs` (article id = position), records kept between searches. */
export class FuseRanker {
  private readonly index: FuseIndex<Article> = Fuse.createIndex<Article>(FUSE_KEYS, []);
  private readonly records: Array<IndexRecord | undefined> = [];

  /** `docs` is read, never copied: articles added to it later are ranked too. */
  constructor(private readonly docs: readonly Article[]) {}

  /**
   * Fuse scores (0 = perfect) of the articles `ids` that match `text`, by id. Fuse scores each
   * document on its own, so a subset ranks exactly as it would in the whole corpus; the subset's
   * index is made of prebuilt records, so nothing is tokenised twice.
   */
  scores(ids: readonly number[], text: string, options: IFuseOptions<Article>): Map<number, number> {
    const scores = new Map<number, number>();
    if (ids.length === 0) return scores;
    const index = Fuse.parseIndex<Article>({ keys: this.index.keys, records: ids.map((id) => this.record(id)) });
    const fuse = new Fuse(this.docs, { ...options, shouldSort: false }, index);
    for (const r of fuse.search(text)) scores.set(r.refIndex, r.score ?? 1);
    return scores;
  }

  /** The fuse record of article `id`, made now if it was not yet. */
  record(id: number): IndexRecord {
    let record = this.records[id];
    if (!record) {
      this.index.add(this.docs[id], id);
      record = this.index.records.pop() as IndexRecord;
      this.records[id] = record;
    }
    return record;
  }
}
