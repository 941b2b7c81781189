// A hash per row of an ArticleTable (load/article-table.ts), computed on first use and kept: the hashes
// of the articles' identity fields that ReadProbe (reading/read-probe.ts) looks up on every unread
// count. Computing one reads the row's bytes from wherever its chunk lies (at a million rows,
// ~0.5 us a row on a loaded machine: the memory, not the hash); a kept one is 4 bytes in row
// order, read in a sweep. 4 MB a million rows, for the fields some read key is of (nearly always one).

// A hash not computed yet: neither a hash (0 to 2^30 - 1) nor NO_HASH (-1).
const UNKNOWN = -2;
// Rows computed together when one of them is first asked for: a count asks in the list's order,
// which jumps about the table, and a block in row order reads the bytes in one sweep.
const BLOCK = 1024;

/** Hashes by row, made by `compute` on first use. */
export class RowHashes {
  private memo = new Int32Array(0);

  /** `compute(row)` for any row below `rows()` (the table's size). */
  constructor(
    private readonly compute: (row: number) => number,
    private readonly rows: () => number,
  ) {}

  /** The hash of `row` (below `rows()`): kept, else computed and kept with the rest of its block. */
  get(row: number): number {
    if (row >= this.memo.length) this.grow(row);
    const known = this.memo[row];
    if (known !== UNKNOWN) return known;
    const start = row - (row % BLOCK);
    for (let r = start; r < start + BLOCK && r < this.rows(); r++) if (this.memo[r] === UNKNOWN) this.memo[r] = this.compute(r);
    return this.memo[row];
  }

  // Rows are appended as a load goes on: room for twice as many as the row asked for.
  private grow(row: number): void {
    const memo = new Int32Array(Math.max(BLOCK, (row + 1) * 2)).fill(UNKNOWN);
    memo.set(this.memo);
    this.memo = memo;
  }
}
