// The candidate links of a corpus, held until they are applied strongest first. At a million
// articles they are the grouping's biggest structure (tens of millions): they are held in fixed
// blocks (growing never copies them), each block put in order by a native sort of numeric keys,
// and the blocks merged as the links are visited: no copy of them, no order array. Past its first
// blocks the store writes each full block, in order, to a temporary file (link-runs.ts) and
// merges from there a window at a time.
import { LinkRuns, WINDOW, type RunWindow } from './link-runs.js';

/** Candidate links, strongest first (ties: by a, then b): each(visit) calls visit(a, b) for each, a earlier, b later. */
export interface Links {
  /** Links held. */
  count: number;
  /** Visits every link once, strongest first; the links are let go as they are visited (call once). */
  each(visit: (a: number, b: number) => void): void;
  /**
   * each() in steps, so a thread can answer between them: each call of the function returned
   * visits up to `most` more links and says whether any are left (call this or each, once).
   */
  inSteps(visit: (a: number, b: number) => void): (most: number) => boolean;
}

// Links per block (2^16: 1 MiB of the three arrays a block): small against millions of links, so
// the last block's unused room is nothing, and no allocation is large.
const SHIFT = 16;
const BLOCK = 1 << SHIFT;
const MASK = BLOCK - 1;

/** Full blocks kept in memory before the next go to a temporary file: 16 MiB, a million links. */
export const MEMORY_BLOCKS = 16;

// sortBlock's working arrays (1.5 MiB), made once per store.
interface Scratch {
  keys: Float64Array;
  a: Int32Array;
  b: Int32Array;
  score: Float64Array;
}
const scratchOf = (): Scratch => ({ keys: new Float64Array(BLOCK), a: new Int32Array(BLOCK), b: new Int32Array(BLOCK), score: new Float64Array(BLOCK) });

/**
 * Links (a, b, score) appended into fixed blocks: 16 bytes a link, never copied while they grow
 * (flat arrays grown by doubling held up to 48 bytes a link as they grew, and their sort by a
 * comparator copied the order into two arrays of 8 bytes a link). The first `memoryBlocks` full
 * blocks stay in memory; each later one is put in order and written to a temporary file, or kept
 * in memory when the file cannot be made or written (a full disk, no temporary folder).
 */
export class LinkStore {
  private readonly as: Int32Array[] = [];
  private readonly bs: Int32Array[] = [];
  private readonly scores: Float64Array[] = [];
  // Block t's number in the file, or -1 while in memory; whether a block in memory is in order already.
  private readonly run: number[] = [];
  private readonly sorted: boolean[] = [];
  private runs: LinkRuns | null = null;
  // False once the file could not be made or written: the blocks after stay in memory.
  private spilling = true;
  private scratch: Scratch | null = null;
  /** Links held. */
  count = 0;

  /** `folder`: where the temporary file goes (LinkRuns; the system's temporary folder when absent). */
  constructor(private readonly memoryBlocks = MEMORY_BLOCKS, private readonly folder?: string) {}

  /** Full blocks written to the temporary file so far. */
  get blocksInFile(): number {
    return this.runs?.count ?? 0;
  }

  /** Appends the link (i, j) of cosine `s` (a number from 0 to about 1). */
  push(i: number, j: number, s: number): void {
    const at = this.count & MASK;
    if (at === 0) {
      if (this.count > 0) this.spill((this.count >>> SHIFT) - 1);
      this.as.push(new Int32Array(BLOCK));
      this.bs.push(new Int32Array(BLOCK));
      this.scores.push(new Float64Array(BLOCK));
      this.run.push(-1);
      this.sorted.push(false);
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
   * a block is let go once visited. Peak: the blocks in memory, a window of each block in the
   * file, and one block's scratch (a flat copy ordered by a comparator took 36 bytes a link).
   */
  links(): Links {
    return {
      count: this.count,
      each: (visit) => {
        const step = this.drain(visit);
        while (step(Infinity));
      },
      inSteps: (visit) => this.drain(visit),
    };
  }

  // Block t (full) to the file, in order, once the store holds its share in memory.
  private spill(t: number): void {
    if (t < this.memoryBlocks || !this.spilling) return;
    const scratch = (this.scratch ??= scratchOf());
    this.sortBlock(t, BLOCK, scratch);
    this.sorted[t] = true;
    try {
      this.runs ??= new LinkRuns(BLOCK, this.folder);
      this.run[t] = this.runs.write(this.as[t], this.bs[t], this.scores[t]);
    } catch {
      // No file (or no room left in it): this block and the rest stay in memory; those written stay in the file.
      this.spilling = false;
      return;
    }
    this.as[t] = this.bs[t] = new Int32Array(0);
    this.scores[t] = new Float64Array(0);
  }

  // The merge, set up: each call of the function returned visits up to `most` links (Links.inSteps).
  private drain(visit: (a: number, b: number) => void): (most: number) => boolean {
    const n = this.count;
    const blocks = Math.ceil(n / BLOCK);
    const length = Int32Array.from({ length: blocks }, (_, t) => Math.min(BLOCK, n - t * BLOCK));
    const scratch = (this.scratch ??= scratchOf());
    const runs = this.runs;
    // The store is emptied and its file closed once every link is visited, or when a step fails.
    const finish = (): void => {
      runs?.close();
      this.runs = null;
      this.as.length = this.bs.length = this.scores.length = this.run.length = this.sorted.length = 0;
      this.count = 0;
    };
    for (let t = 0; t < blocks; t++) if (this.run[t] < 0 && !this.sorted[t]) this.sortBlock(t, length[t], scratch);
    this.scratch = null;
    // Each block's current window (a block in memory: the whole block) and where in it; `base`:
    // the window's first link in its block.
    const { as, bs, scores } = this;
    const windows: Array<RunWindow | null> = [];
    const size = new Int32Array(blocks);
    const base = new Int32Array(blocks);
    for (let t = 0; t < blocks; t++) {
      if (this.run[t] < 0) {
        windows.push(null);
        size[t] = length[t];
        continue;
      }
      const w: RunWindow = { a: new Int32Array(WINDOW), b: new Int32Array(WINDOW), score: new Float64Array(WINDOW) };
      try {
        size[t] = runs!.read(this.run[t], 0, w);
      } catch (error) {
        finish();
        throw error;
      }
      [as[t], bs[t], scores[t]] = [w.a, w.b, w.score];
      windows.push(w);
    }
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
    let live = blocks;
    const down = (from: number): void => {
      let k = from;
      for (;;) {
        const l = 2 * k + 1;
        if (l >= live) return;
        const c = l + 1 < live && before(heap[l + 1], heap[l]) ? l + 1 : l;
        if (!before(heap[c], heap[k])) return;
        [heap[c], heap[k]] = [heap[k], heap[c]];
        k = c;
      }
    };
    for (let k = (live >> 1) - 1; k >= 0; k--) down(k);
    return (most) => {
      try {
        for (let m = 0; m < most && live > 0; m++) {
          const t = heap[0];
          visit(as[t][at[t]], bs[t][at[t]]);
          if (++at[t] === size[t]) {
            const w = windows[t];
            base[t] += size[t];
            if (w && base[t] < length[t]) {
              // The block's next window from the file.
              size[t] = runs!.read(this.run[t], base[t], w);
              at[t] = 0;
            } else {
              // Visited: the block is let go.
              as[t] = bs[t] = new Int32Array(0);
              scores[t] = new Float64Array(0);
              heap[0] = heap[--live];
            }
          }
          down(0);
        }
      } catch (error) {
        finish();
        throw error;
      }
      if (live > 0) return true;
      finish();
      return false;
    };
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
