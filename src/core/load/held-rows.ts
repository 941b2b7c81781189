const NONE: readonly string[] = Object.freeze([]);

/**
 * The files of a warm load whose rows the index still held (index/session/session.ts freshEach), by walk
 * position, until the walk-order pass makes their articles (load.ts): the row of the load's table
 * each became, its index row id, its warnings. As columns: a slot object per file with its own
 * empty warnings list held ~90 bytes a file at the peak of a warm load's memory (~90 MB at a
 * million files). Their identities (a file reached twice through links loads once) are the load's
 * FileIdentities (file-identities.ts), claimed from the stat that found the row fresh.
 */
export class HeldRows {
  private readonly rows: Int32Array;
  private readonly ids: Float64Array;
  private readonly warned = new Map<number, readonly string[]>();

  constructor(files: number) {
    this.rows = new Int32Array(files).fill(-1);
    this.ids = new Float64Array(files);
  }

  /** Records walk position `i`'s file as the table's `row`, the index's row `id`. */
  hold(i: number, row: number, id: number, warnings: readonly string[]): void {
    [this.rows[i], this.ids[i]] = [row, id];
    if (warnings.length > 0) this.warned.set(i, warnings);
  }

  /** Whether position `i`'s file is held; then its table row, index row id and warnings (most have none). */
  has = (i: number): boolean => this.rows[i] >= 0;
  row = (i: number): number => this.rows[i];
  id = (i: number): number => this.ids[i];
  warnings = (i: number): readonly string[] => this.warned.get(i) ?? NONE;
}
