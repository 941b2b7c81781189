// The stored rows' stamps one load compares its walked files with (session.ts): each row's id,
// size, mtime, device and inode by path, as columns. At a million rows an object per row (five
// fields, the mtime and most inodes boxed as heap numbers) held ~100 bytes of heap a row for the
// whole of a warm load's freshness check, the peak of its memory (BENCHMARKS.md, the 1M memory
// section of the fourteenth round); here a row is its path's Map entry and 40 bytes of columns.

const ID = 0;
const SIZE = 1;
const MTIME = 2;
const DEV = 3;
const INO = 4;
const FIELDS = 5;

/** Rows by path: `set` adds or replaces one, `take` removes one and gives its id. */
export class RowStamps {
  private readonly at = new Map<string, number>();
  private cols: Float64Array;
  private used = 0;

  constructor(capacity = 1024) {
    this.cols = new Float64Array(Math.max(1, capacity) * FIELDS);
  }

  /** Rows held. */
  get size(): number {
    return this.at.size;
  }

  /** Records the stamp of `path`'s row `id`. */
  set(path: string, id: number, size: number, mtime: number, dev: number, ino: number): void {
    let k = this.at.get(path);
    if (k === undefined) {
      if ((this.used + 1) * FIELDS > this.cols.length) {
        const grown = new Float64Array(this.cols.length * 2);
        grown.set(this.cols);
        this.cols = grown;
      }
      k = this.used++;
      this.at.set(path, k);
    }
    const o = k * FIELDS;
    this.cols[o + ID] = id;
    this.cols[o + SIZE] = size;
    this.cols[o + MTIME] = mtime;
    this.cols[o + DEV] = dev;
    this.cols[o + INO] = ino;
  }

  /**
   * The id of `path`'s row when its stamp is `stats[o..o+3]` (size, mtime, device, inode, as
   * statPaths gives them), else -1 (no row, or the file changed).
   */
  fresh(path: string, stats: Float64Array, o: number): number {
    const k = this.at.get(path);
    if (k === undefined) return -1;
    const c = this.cols;
    const r = k * FIELDS;
    return c[r + SIZE] === stats[o] && c[r + MTIME] === stats[o + 1] && c[r + DEV] === stats[o + 2] && c[r + INO] === stats[o + 3] ? c[r + ID] : -1;
  }

  /** Removes `path`'s row (a file taken or rewritten by this load). */
  delete(path: string): void {
    this.at.delete(path);
  }

  /** The ids of the rows held. */
  ids(): number[] {
    const out: number[] = [];
    for (const k of this.at.values()) out.push(this.cols[k * FIELDS + ID]);
    return out;
  }

  /** The largest id held, or -1. */
  maxId(): number {
    let max = -1;
    for (const k of this.at.values()) max = Math.max(max, this.cols[k * FIELDS + ID]);
    return max;
  }

  /** Forgets every row. */
  clear(): void {
    this.at.clear();
    this.cols = new Float64Array(FIELDS);
    this.used = 0;
  }
}
