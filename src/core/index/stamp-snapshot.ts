// The freshness check's stamps (path, size, mtime, device, inode per row: freshness.ts) kept in
// one row of their own, so a warm `--filter` reads them as one string and one blob instead of a
// row at a time: better-sqlite3 hands out ~2-3 us per row, 0.25 s at 100k and seconds at 1M,
// against ~30 ms at 100k for the snapshot. The snapshot names the rows it was made from by the
// vocabulary's stamp (row count, highest row id, rows without text): ids are never reused and a
// changed file's row is written anew under a new id, so an equal stamp means the same rows with
// the same stamps. Any other stamp and it is not used (the rows are read as before) until the
// next run that finds nothing changed writes it again.
import Database from 'better-sqlite3';
import type { StampRow } from './freshness.js';
import { STAMP_SQL } from './vocabulary.js';

// Per row in the blob: id, size, mtime, dev, ino as float64.
const NUMBERS = 5;

/** The stamp rows of the snapshot in `db` when it was made from the rows there now, else null (none, stale, unreadable). */
export function readSnapshot(db: Database.Database): StampRow[] | null {
  let row: [string, string, Buffer] | undefined;
  try {
    row = db.prepare('SELECT s.stamp, s.paths, s.numbers FROM stamp_snapshot s WHERE s.stamp = (' + STAMP_SQL + ')').raw().get() as typeof row;
  } catch {
    return null;
  }
  if (!row || typeof row[1] !== 'string' || !Buffer.isBuffer(row[2])) return null;
  const [, joined, blob] = row;
  const paths = joined === '' ? [] : joined.split('\0');
  if (blob.byteLength !== paths.length * NUMBERS * 8) return null;
  // A copy: the blob's bytes need not be aligned for a Float64Array view.
  const n = new Float64Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
  return paths.map((p, k): StampRow => {
    const o = k * NUMBERS;
    return [n[o], p, n[o + 1], n[o + 2], n[o + 3], n[o + 4]];
  });
}

/**
 * Writes a snapshot of `rows` (every row of the index at `file`, as read now) when the index still
 * holds exactly them; waits at most `busyMs` for another writer, and gives up quietly on any error
 * (the snapshot only saves time).
 */
export function writeSnapshot(file: string, stamp: string, rows: readonly StampRow[], busyMs = 100): void {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true, timeout: busyMs });
    const n = new Float64Array(rows.length * NUMBERS);
    rows.forEach(([id, , size, mtime, dev, ino], k) => n.set([id, size, mtime, dev, ino], k * NUMBERS));
    const paths = rows.map((r) => r[1]).join('\0');
    const conn = db;
    conn.transaction(() => {
      if (conn.prepare(STAMP_SQL).pluck().get() !== stamp) return;
      conn.prepare('DELETE FROM stamp_snapshot').run();
      conn.prepare('INSERT INTO stamp_snapshot (stamp, paths, numbers) VALUES (?, ?, ?)').run(stamp, paths, Buffer.from(n.buffer));
    }).immediate();
  } catch {
    // busy, read-only, full: the next run reads the rows instead
  } finally {
    db?.close();
  }
}
