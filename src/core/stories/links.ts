// Candidate links between articles, found as the articles arrive in date order: the bucket scan
// group.ts's file comment describes, shared by groupStories (every vector in memory) and
// groupStream (vectors made again chunk by chunk), which differ only in how they read an
// article's outlet and its similarity to another. The rule's constants come in with the inputs
// (group.ts holds them and imports this file). At a million articles the links are the second
// pass's biggest structure (tens of millions): they are held in fixed blocks (growing never copies
// them) and put in order by a native sort of numeric keys, not by a comparator over an index.

/** Candidate links, strongest first (ties: by a, then b): link k joins a[k] (earlier) and b[k] (later). */
export interface Links {
  a: Int32Array;
  b: Int32Array;
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

// Links per block (2^16: 1 MiB of the three arrays a block): small against millions of links, so
// the last block's unused room is nothing, and no allocation is large.
const SHIFT = 16;
const BLOCK = 1 << SHIFT;
const MASK = BLOCK - 1;

/**
 * Links (a, b, score) appended into fixed blocks: 16 bytes a link, never copied while they grow
 * (flat arrays grown by doubling held up to 48 bytes a link as they grew, and their sort by a
 * comparator copied the order into two arrays of 8 bytes a link).
 */
export class LinkStore {
  private readonly as: Int32Array[] = [];
  private readonly bs: Int32Array[] = [];
  private scores: Float64Array[] = [];
  /** Links held. */
  count = 0;

  /** Appends the link (i, j) of cosine `s` (a number from 0 to about 1). */
  push(i: number, j: number, s: number): void {
    const at = this.count & MASK;
    if (at === 0) {
      this.as.push(new Int32Array(BLOCK));
      this.bs.push(new Int32Array(BLOCK));
      this.scores.push(new Float64Array(BLOCK));
    }
    const block = this.count >>> SHIFT;
    this.as[block][at] = i;
    this.bs[block][at] = j;
    this.scores[block][at] = s;
    this.count++;
  }

  /**
   * The links strongest first (ties: by a, then b), in two flat arrays; the store is emptied.
   * Each link's key is its score rounded down to as many bits as the link's index leaves in a
   * double's 53 (monotonic: a stronger link never gets a smaller one), inverted, then its index:
   * a native sort of those keys orders by rounded score, and only runs of equal rounded scores
   * are put in exact order by a comparator (scores read exactly). Peak: 24 bytes a link.
   */
  drain(): Links {
    const n = this.count;
    const indexBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
    const span = 2 ** indexBits;
    // Rounded scores from 0 to top - 1: a score of 1 (or a hair above) scaled to half of top.
    const top = 2 ** (52 - indexBits);
    const scale = top / 2;
    const keys = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const q = Math.min(top - 1, Math.max(0, Math.floor(this.score(k) * scale)));
      keys[k] = (top - 1 - q) * span + k;
    }
    keys.sort();
    const exact = (x: number, y: number): number => this.score(y) - this.score(x) || this.a(x) - this.a(y) || this.b(x) - this.b(y);
    // Read left to right and written in place: order[k] (4 bytes) lies in keys[k / 2], read already.
    const order = new Uint32Array(keys.buffer, 0, n);
    const indexOf = (key: number): number => key - Math.floor(key / span) * span;
    for (let k = 0; k < n; ) {
      const high = Math.floor(keys[k] / span);
      let end = k + 1;
      while (end < n && Math.floor(keys[end] / span) === high) end++;
      if (end - k === 1) order[k] = indexOf(keys[k]);
      else {
        const run: number[] = [];
        for (let m = k; m < end; m++) run.push(indexOf(keys[m]));
        run.sort(exact);
        for (let m = 0; m < run.length; m++) order[k + m] = run[m];
      }
      k = end;
    }
    this.scores = [];
    const a = new Int32Array(n);
    const b = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      a[k] = this.a(order[k]);
      b[k] = this.b(order[k]);
    }
    this.as.length = 0;
    this.bs.length = 0;
    this.count = 0;
    return { a, b };
  }

  private a(k: number): number {
    return this.as[k >>> SHIFT][k & MASK];
  }

  private b(k: number): number {
    return this.bs[k >>> SHIFT][k & MASK];
  }

  private score(k: number): number {
    return this.scores[k >>> SHIFT][k & MASK];
  }
}

/** Collects candidate links; articles must arrive in date order (ties: by index). */
export class LinkFinder {
  private readonly buckets = new Map<number, number[]>();
  private readonly store = new LinkStore();

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

  /** The links found, strongest first (ties: by a, then b); the finder holds none afterwards. */
  links(): Links {
    return this.store.drain();
  }
}
