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
 * Compares `paths` (the walk's files) and their `stats` (`fields` numbers per path: size, mtime,
 * dev, ino; size -1 for a file that could not be stat-ed) with the index's stamp `rows`.
 * Cost: one string comparison per row when the rows follow the walk's order (a Map of the
 * walked paths otherwise).
 */
export function checkFreshness(paths: readonly string[], stats: Float64Array, fields: number, rows: Iterable<StampRow>): Freshness {
  // Rows written by one load follow its walk, so the next walked path is nearly always the row's
  // own: compared first, the Map of every path (and a hash per row) is made only on a miss.
  let position: Map<string, number> | null = null;
  let next = 0;
  const rowOf = new Int32Array(paths.length).fill(-1);
  const gone: string[] = [];
  for (const [id, p, size, mtime, dev, ino] of rows) {
    let i: number | undefined = next;
    if (paths[next] !== p) {
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
    const o = i * fields;
    if (stats[o] >= 0 && stats[o] === size && stats[o + 1] === mtime && stats[o + 2] === dev && stats[o + 3] === ino) rowOf[i] = id;
  }
  const stale: number[] = [];
  for (let i = 0; i < rowOf.length; i++) if (rowOf[i] < 0) stale.push(i);
  return { rowOf, stale, gone };
}
