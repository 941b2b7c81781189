// Candidate links between articles, found as the articles arrive in date order: the bucket scan
// group.ts's file comment describes, shared by groupStories (every vector in memory) and
// groupStream (vectors made again chunk by chunk), which differ only in how they read an
// article's outlet and its similarity to another. The rule's constants come in with the inputs
// (group.ts holds them and imports this file). At a million articles the links are the second
// pass's biggest structure (tens of millions): they are held in fixed blocks (growing never copies
// them), each block put in order by a native sort of numeric keys, and the blocks merged as the
// links are visited: no copy of them, no order array.

/** Candidate links, strongest first (ties: by a, then b): each(visit) calls visit(a, b) for each, a earlier, b later. */
export interface Links {
  /** Links held. */
  count: number;
  /** Visits every link once, strongest first; the links are let go as they are visited (call once). */
  each(visit: (a: number, b: number) => void): void;
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
  private readonly scores: Float64Array[] = [];
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
   * The links, strongest first (ties: by a, then b), visited from the blocks as they stand: each
   * block is put in order (sortBlock), then the blocks are merged by a heap of their next links;
   * a block is let go once visited. Peak: the blocks' 16 bytes a link and one block's scratch
   * (a flat copy ordered by a comparator took 36 bytes a link, an ordered copy 24).
   */
  links(): Links {
    return { count: this.count, each: (visit) => this.drain(visit) };
  }

  private drain(visit: (a: number, b: number) => void): void {
    const n = this.count;
    const blocks = Math.ceil(n / BLOCK);
    const length = Int32Array.from({ length: blocks }, (_, t) => Math.min(BLOCK, n - t * BLOCK));
    const scratch = { keys: new Float64Array(BLOCK), a: new Int32Array(BLOCK), b: new Int32Array(BLOCK), score: new Float64Array(BLOCK) };
    for (let t = 0; t < blocks; t++) this.sortBlock(t, length[t], scratch);
    const { as, bs, scores } = this;
    const at = new Int32Array(blocks);
    // Whether block x's next link comes before block y's.
    const before = (x: number, y: number): boolean => {
      const sx = scores[x][at[x]];
      const sy = scores[y][at[y]];
      if (sx !== sy) return sx > sy;
      const ax = as[x][at[x]];
      const ay = as[y][at[y]];
      return ax !== ay ? ax < ay : bs[x][at[x]] < bs[y][at[y]];
    };
    const heap = Int32Array.from({ length: blocks }, (_, t) => t);
    let size = blocks;
    const down = (from: number): void => {
      let k = from;
      for (;;) {
        const l = 2 * k + 1;
        if (l >= size) return;
        const c = l + 1 < size && before(heap[l + 1], heap[l]) ? l + 1 : l;
        if (!before(heap[c], heap[k])) return;
        [heap[c], heap[k]] = [heap[k], heap[c]];
        k = c;
      }
    };
    for (let k = (size >> 1) - 1; k >= 0; k--) down(k);
    while (size > 0) {
      const t = heap[0];
      visit(as[t][at[t]], bs[t][at[t]]);
      if (++at[t] === length[t]) {
        // Visited: the block is let go.
        as[t] = bs[t] = new Int32Array(0);
        scores[t] = new Float64Array(0);
        heap[0] = heap[--size];
      }
      down(0);
    }
    this.as.length = this.bs.length = this.scores.length = 0;
    this.count = 0;
  }

  /**
   * Puts block t's first m links in order (score descending, then a, then b). Each link's key is
   * its score rounded down (monotonic: a stronger link never gets a smaller one) to the bits its
   * position in the block leaves in a double, inverted, then the position: a native sort of the
   * keys orders by rounded score, and only runs of equal rounded scores go through the comparator.
   */
  private sortBlock(t: number, m: number, scratch: { keys: Float64Array; a: Int32Array; b: Int32Array; score: Float64Array }): void {
    const a = this.as[t];
    const b = this.bs[t];
    const score = this.scores[t];
    const span = BLOCK;
    const top = 2 ** (52 - SHIFT);
    const scale = top / 2;
    const keys = scratch.keys.subarray(0, m);
    for (let k = 0; k < m; k++) keys[k] = (top - 1 - Math.min(top - 1, Math.max(0, Math.floor(score[k] * scale)))) * span + k;
    keys.sort();
    const exact = (x: number, y: number): number => score[y] - score[x] || a[x] - a[y] || b[x] - b[y];
    // The positions in order, into the keys (read left to right; position k's key is read before it is written).
    for (let k = 0; k < m; ) {
      const high = Math.floor(keys[k] / span);
      let end = k + 1;
      while (end < m && Math.floor(keys[end] / span) === high) end++;
      if (end - k === 1) keys[k] -= high * span;
      else {
        const run: number[] = [];
        for (let q = k; q < end; q++) run.push(keys[q] - high * span);
        run.sort(exact);
        for (let q = 0; q < run.length; q++) keys[k + q] = run[q];
      }
      k = end;
    }
    for (let k = 0; k < m; k++) {
      scratch.a[k] = a[keys[k]];
      scratch.b[k] = b[keys[k]];
      scratch.score[k] = score[keys[k]];
    }
    a.set(scratch.a.subarray(0, m));
    b.set(scratch.b.subarray(0, m));
    score.set(scratch.score.subarray(0, m));
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

  /** The links found, strongest first (ties: by a, then b); the finder holds none once they are visited. */
  links(): Links {
    return this.store.links();
  }
}
