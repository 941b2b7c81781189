// Which walked files the on-disk index still describes, decided from the stamp columns alone
// (path, size, mtime, device, inode), the way git decides from its index which files to look at:
// no article row is parsed, so a warm `--filter` pays one pass over five columns instead of
// reading and checking every article's JSON. A file is fresh when its row's stamp equals what
// stat() says now (statPaths' numbers); anything else is parsed again by the caller.

/** A stored row's stamp: [id, path, size, mtime, dev, ino], as ArticleStore.rowTuples and IndexReader.stamps give them. */
export type StampRow = [number, string, number, number, number, number];

/** The outcome of comparing the walked files with the index's stamps. */
export interface Freshness {
  /** Per walked path (same positions): the id of its fresh row, else -1 (changed, new, or not a regular file). */
  rowOf: Int32Array;
  /** Positions of the walked files that have no fresh row: to parse (again). */
  stale: number[];
  /** Paths of rows whose file was not walked (deleted, moved, or outside the folders now): to remove. */
  gone: string[];
}

/**
 * The stored rows matched to the walked paths, before any file is stat-ed: per row, the walk
 * position of its path and its stamp numbers (no string kept), and the paths of rows not walked.
 * Made while another thread stats the files (refresh.ts), then compared with compareStamps.
 */
export interface MatchedStamps {
  walked: number;
  count: number;
  /** Per matched row: its id, its walk position, and size, mtime, dev, ino at [4k .. 4k+3]. */
  ids: Int32Array;
  positions: Int32Array;
  numbers: Float64Array;
  gone: string[];
  /** Whether the rows came one per walked path, in the walk's order (a snapshot that needs no rewriting). */
  walkOrder: boolean;
}

/**
 * Matches the index's stamp `rows` to `paths` (the walk's files). Cost: one string comparison per
 * row when the rows follow the walk's order (a Map of the walked paths otherwise).
 */
export function matchStamps(paths: readonly string[], rows: Iterable<StampRow>): MatchedStamps {
  // Rows written by one load follow its walk, so the next walked path is nearly always the row's
  // own: compared first, the Map of every path (and a hash per row) is made only on a miss.
  let position: Map<string, number> | null = null;
  let next = 0;
  let ids = new Int32Array(Math.max(16, paths.length));
  let positions = new Int32Array(ids.length);
  let numbers = new Float64Array(ids.length * 4);
  let count = 0;
  let inOrder = true;
  const gone: string[] = [];
  for (const [id, p, size, mtime, dev, ino] of rows) {
    let i: number | undefined = next;
    if (paths[next] !== p) {
      inOrder = false;
      if (position === null) {
        position = new Map<string, number>();
        for (let k = 0; k < paths.length; k++) position.set(paths[k], k);
      }
      i = position.get(p);
    }
    if (i === undefined) {
      gone.push(p);
      continue;
    }
    next = i + 1;
    if (count === ids.length) {
      // More rows than walked files (a path stored twice cannot be, but stay safe): grow.
      ids = grow(ids, Int32Array) as Int32Array<ArrayBuffer>;
      positions = grow(positions, Int32Array) as Int32Array<ArrayBuffer>;
      numbers = grow(numbers, Float64Array) as Float64Array<ArrayBuffer>;
    }
    ids[count] = id;
    positions[count] = i;
    const n = count * 4;
    numbers[n] = size;
    numbers[n + 1] = mtime;
    numbers[n + 2] = dev;
    numbers[n + 3] = ino;
    count += 1;
  }
  return { walked: paths.length, count, ids, positions, numbers, gone, walkOrder: inOrder && count === paths.length };
}

function grow(a: Int32Array | Float64Array, Kind: Int32ArrayConstructor | Float64ArrayConstructor): Int32Array | Float64Array {
  const out = new Kind(a.length * 2);
  out.set(a);
  return out;
}

/**
 * Compares matched rows (matchStamps) with the walked files' `stats` (`fields` numbers per path:
 * size, mtime, dev, ino; size -1 for a file that could not be stat-ed).
 */
export function compareStamps(m: MatchedStamps, stats: Float64Array, fields: number): Freshness {
  const rowOf = new Int32Array(m.walked).fill(-1);
  for (let k = 0; k < m.count; k++) {
    const o = m.positions[k] * fields;
    const n = k * 4;
    if (stats[o] >= 0 && stats[o] === m.numbers[n] && stats[o + 1] === m.numbers[n + 1] && stats[o + 2] === m.numbers[n + 2] && stats[o + 3] === m.numbers[n + 3]) rowOf[m.positions[k]] = m.ids[k];
  }
  const stale: number[] = [];
  for (let i = 0; i < rowOf.length; i++) if (rowOf[i] < 0) stale.push(i);
  return { rowOf, stale, gone: m.gone };
}

/**
 * What compareStamps gives when every matched row's stamp is what stat() says now, without the
 * stats: the rows' positions, and their stored stamps standing in for the stats (`fields` numbers
 * per walked path; -1 where no row matched). A caller answers from it while the real stats are
 * taken, then keeps the answer only if compareStamps finds nothing stale or gone.
 */
export function assumeUnchanged(m: MatchedStamps, fields: number): { rowOf: Int32Array; stats: Float64Array } {
  // Rows one per walked path in its order (a current snapshot's), four numbers each as the stats
  // are: the arrays as they are, copied natively (a 10k-long loop in code run once cost ~2 ms).
  if (m.walkOrder && fields === 4) return { rowOf: m.ids.slice(0, m.count), stats: m.numbers.slice(0, m.count * 4) };
  const rowOf = new Int32Array(m.walked).fill(-1);
  const stats = new Float64Array(m.walked * fields).fill(-1);
  // Copied number by number: a subarray per row (to set() from) cost ~15 ms at 100k rows, this ~1 ms.
  for (let k = 0; k < m.count; k++) {
    const at = m.positions[k];
    rowOf[at] = m.ids[k];
    const o = at * fields;
    const n = k * 4;
    stats[o] = m.numbers[n];
    stats[o + 1] = m.numbers[n + 1];
    stats[o + 2] = m.numbers[n + 2];
    stats[o + 3] = m.numbers[n + 3];
  }
  return { rowOf, stats };
}

/**
 * Whether compareStamps would find every matched row fresh, answered without it when the rows
 * come one per walked path in its order and `stats` (`fields` numbers a path) holds, byte for byte,
 * the rows' stamps (a file that could not be stat-ed has size -1, which no stamp has): one native
 * comparison instead of a 10k-long loop and its arrays. False means "not known": compare as before.
 */
export function sameAsStamps(m: MatchedStamps, stats: Float64Array, fields: number): boolean {
  if (!m.walkOrder || fields !== 4 || m.gone.length > 0 || stats.length !== m.count * 4) return false;
  const bytes = m.count * 4 * Float64Array.BYTES_PER_ELEMENT;
  return Buffer.compare(Buffer.from(stats.buffer, stats.byteOffset, bytes), Buffer.from(m.numbers.buffer, m.numbers.byteOffset, bytes)) === 0;
}

/** matchStamps then compareStamps: the walked files against the index's stamp rows in one call. */
export function checkFreshness(paths: readonly string[], stats: Float64Array, fields: number, rows: Iterable<StampRow>): Freshness {
  return compareStamps(matchStamps(paths, rows), stats, fields);
}

/**
 * The matched rows as stamp rows again, in the walk's order (for a snapshot: stamp-snapshot.ts,
 * whose next run then finds the walk's paths in it as one string).
 */
export function matchedRows(m: MatchedStamps, paths: readonly string[]): StampRow[] {
  const byPosition = new Int32Array(m.walked).fill(-1);
  for (let k = 0; k < m.count; k++) byPosition[m.positions[k]] = k;
  const out: StampRow[] = [];
  for (let i = 0; i < m.walked; i++) {
    const k = byPosition[i];
    if (k < 0) continue;
    const n = k * 4;
    out.push([m.ids[k], paths[i], m.numbers[n], m.numbers[n + 1], m.numbers[n + 2], m.numbers[n + 3]]);
  }
  return out;
}

/**
 * Positions of the loaded files (rowOf >= 0) whose device and inode (`stats`: `fields` numbers a
 * file, size, mtime, dev, ino) an earlier loaded file has: the same file reached through a link,
 * which a full load keeps once (at its first position).
 * Inodes are sorted as numbers to find the few repeated ones (a Set of 100k inode keys costs
 * several times more); only those are then compared with their devices.
 */
export function duplicatePositions(stats: Float64Array, rowOf: Int32Array, fields: number): Set<number> {
  const out = new Set<number>();
  const inodes = new Float64Array(rowOf.length);
  let n = 0;
  for (let i = 0; i < rowOf.length; i++) if (rowOf[i] >= 0) inodes[n++] = stats[i * fields + 3];
  const sorted = inodes.subarray(0, n).sort();
  const repeated = new Set<number>();
  for (let k = 1; k < n; k++) if (sorted[k] === sorted[k - 1]) repeated.add(sorted[k]);
  if (repeated.size === 0) return out;
  const seen = new Set<string>();
  for (let i = 0; i < rowOf.length; i++) {
    const o = i * fields;
    if (rowOf[i] < 0 || !repeated.has(stats[o + 3])) continue;
    const key = `${stats[o + 2]}:${stats[o + 3]}`;
    if (seen.has(key)) out.add(i);
    else seen.add(key);
  }
  return out;
}

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

  /** The smallest and largest ids held ([0, -1] when none). */
  idRange(): [min: number, max: number] {
    let [min, max] = [Infinity, -1];
    for (const k of this.at.values()) {
      const id = this.cols[k * FIELDS + ID];
      [min, max] = [Math.min(min, id), Math.max(max, id)];
    }
    return max < 0 ? [0, -1] : [min, max];
  }

  /** Forgets every row. */
  clear(): void {
    this.at.clear();
    this.cols = new Float64Array(FIELDS);
    this.used = 0;
  }
}
