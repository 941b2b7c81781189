// Candidate links between articles, found as the articles arrive in date order: the bucket scan
// group.ts's file comment describes, shared by groupStories (every vector in memory) and
// groupStream (vectors made again chunk by chunk), which differ only in how they read an
// article's outlet and its similarity to another. The rule's constants come in with the inputs
// (group.ts holds them and imports this file).

/** Candidate links, strongest first: pairs (a earlier, b later) in flat arrays, `order` their positions by score. */
export interface Links {
  a: Int32Array;
  b: Int32Array;
  order: Uint32Array;
}

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
  private a = new Int32Array(1024);
  private b = new Int32Array(1024);
  private score = new Float64Array(1024);
  private count = 0;

  constructor(private readonly inputs: LinkInputs) {}

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
        if (s >= linkCosine) this.push(i, j, s);
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

  /** The links found, strongest first (ties: by a, then b). */
  links(): Links {
    const { a, b, score, count } = this;
    const order = Uint32Array.from({ length: count }, (_, k) => k).sort((x, y) => score[y] - score[x] || a[x] - a[y] || b[x] - b[y]);
    return { a: a.subarray(0, count), b: b.subarray(0, count), order };
  }

  private push(i: number, j: number, s: number): void {
    if (this.count === this.a.length) {
      const grow = <T extends Int32Array | Float64Array>(x: T, y: T): T => (y.set(x), y);
      this.a = grow(this.a, new Int32Array(this.count * 2));
      this.b = grow(this.b, new Int32Array(this.count * 2));
      this.score = grow(this.score, new Float64Array(this.count * 2));
    }
    this.a[this.count] = i;
    this.b[this.count] = j;
    this.score[this.count] = s;
    this.count++;
  }
}
