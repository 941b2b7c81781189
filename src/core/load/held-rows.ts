// The files of a warm load whose rows the index still held (index/session.ts freshEach), by walk
// position, until the walk-order pass makes their articles (load.ts): the row of the load's table
// each became, its index row id, its identity (a file reached twice through links loads once) and
// its warnings. As columns: an object per file with its own empty warnings list held ~90 bytes a
// file at the peak of a warm load's memory (~90 MB at a million files).

const NONE: readonly string[] = Object.freeze([]);

/** Held rows by walk position; a position not held is a file to parse. */
export class HeldRows {
  private readonly rows: Int32Array;
  private readonly ids: Float64Array;
  private readonly inodes: Array<string | undefined>;
  private readonly warned = new Map<number, readonly string[]>();

  constructor(files: number) {
    this.rows = new Int32Array(files).fill(-1);
    this.ids = new Float64Array(files);
    this.inodes = new Array<string | undefined>(files);
  }

  /** Records walk position `i`'s file as the table's `row`, the index's row `id`. */
  hold(i: number, row: number, id: number, inode: string, warnings: readonly string[]): void {
    this.rows[i] = row;
    this.ids[i] = id;
    this.inodes[i] = inode;
    if (warnings.length > 0) this.warned.set(i, warnings);
  }

  /** Whether position `i`'s file is held. */
  has(i: number): boolean {
    return this.rows[i] >= 0;
  }

  /** Its row of the load's table. */
  row(i: number): number {
    return this.rows[i];
  }

  /** Its row id in the index. */
  id(i: number): number {
    return this.ids[i];
  }

  /** Its identity ("dev:ino", as records hold it), given once: the pass that asks drops it. */
  takeInode(i: number): string {
    const inode = this.inodes[i] ?? '';
    this.inodes[i] = undefined;
    return inode;
  }

  /** Its warnings (most files have none). */
  warnings(i: number): readonly string[] {
    return this.warned.get(i) ?? NONE;
  }
}
