// Candidate links between articles, found as the articles arrive in date order: the bucket scan
// group.ts's file comment describes, shared by groupStories (every vector in memory) and
// groupStream (vectors made again chunk by chunk), which differ only in how they read an
// article's outlet and its similarity to another. The rule's constants come in with the inputs
// (group.ts holds them and imports this file). The links are held by link-store.ts.
import { LinkStore, type Links } from './link-store.js';

export type { Links } from './link-store.js';

/** What the finder reads of the articles, by index. */
export interface LinkInputs {
  /** Article i's date (epoch ms). */
  time: (i: number) => number;
  /** Article i's outlet: equal values, one outlet (never linked directly). */
  source: (i: number) => string | number;
  /** Cosine similarity from which a pair is a candidate. */
  linkCosine: number;
  /** Most time between two linked articles (ms). */
  windowMs: number;
  /** Articles before this one in a bucket that it is compared with. */
  bucketWindow: number;
}

/** Collects candidate links; articles must arrive in date order (ties: by index). */
export class LinkFinder {
  private readonly buckets = new Map<number, number[]>();
  private readonly store: LinkStore;

  /** `folder`: where the links past the store's first blocks wait (LinkStore). */
  constructor(private readonly inputs: LinkInputs, folder?: string) {
    this.store = new LinkStore(undefined, folder);
  }

  /**
   * Compares article `j` with the last bucketWindow articles within windowMs in each of its
   * buckets (`tops`: its bucket keys, the heaviest terms), once per pair, other outlets only;
   * `similarity(i)` is its cosine with article i. Then files `j` in those buckets.
   */
  arrive(j: number, tops: readonly number[], similarity: (i: number) => number): void {
    const { time, source, linkCosine, windowMs, bucketWindow } = this.inputs;
    const seen = new Set<number>();
    for (const t of tops) {
      const bucket = this.buckets.get(t);
      if (!bucket) continue;
      for (let m = bucket.length - 1; m >= 0 && m >= bucket.length - bucketWindow; m--) {
        const i = bucket[m];
        if (time(j) - time(i) > windowMs) break;
        if (source(i) === source(j) || seen.has(i)) continue;
        seen.add(i);
        const s = similarity(i);
        if (s >= linkCosine) this.store.push(i, j, s);
      }
    }
    for (const t of tops) {
      const bucket = this.buckets.get(t);
      if (!bucket) this.buckets.set(t, [j]);
      else {
        bucket.push(j);
        // Only the last bucketWindow entries are ever compared with.
        if (bucket.length > 2 * bucketWindow) bucket.splice(0, bucket.length - bucketWindow);
      }
    }
  }

  /** Forgets buckets whose newest article is more than windowMs before `now`: they answer nothing any more. */
  dropStale(now: number): void {
    const { time, windowMs } = this.inputs;
    for (const [t, bucket] of this.buckets) if (now - time(bucket[bucket.length - 1]) > windowMs) this.buckets.delete(t);
  }

  /** Links found so far. */
  get count(): number {
    return this.store.count;
  }

  /** The links found, strongest first (ties: by a, then b); the finder holds none once they are visited. */
  links(): Links {
    return this.store.links();
  }
}
