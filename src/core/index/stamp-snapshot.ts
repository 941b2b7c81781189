// The freshness check's stamps (path, size, mtime, device, inode per row: freshness.ts) kept in
// one row of their own, so a warm `--filter` reads them as one string and one blob instead of a
// row at a time: better-sqlite3 hands out ~2-3 us per row, 0.25 s at 100k and seconds at 1M,
// against ~30 ms at 100k for the snapshot. The snapshot names the rows it was made from by the
// vocabulary's stamp (row count, highest row id, rows without text): ids are never reused and a
// changed file's row is written anew under a new id, so an equal stamp means the same rows with
// the same stamps. Any other stamp and it is not used (the rows are read as before) until the
// next run that finds nothing changed writes it again.
import type Database from 'better-sqlite3';
import { openDatabase } from '../sqlite.js';
import { matchStamps, type MatchedStamps, type StampRow } from './freshness.js';
import { STAMP_SQL } from './vocabulary.js';

// Per row in the blob: id, size, mtime, dev, ino as float64.
const NUMBERS = 5;

/** A snapshot as stored: every row's path joined by NUL, and NUMBERS float64s per row (id, size, mtime, dev, ino). */
export interface Snapshot {
  paths: string;
  numbers: Float64Array;
}

/**
 * The snapshot in `db` when it was made from the rows there now, as stored (not split), else null
 * (none, stale, unreadable). `stamp`: the rows' stamp (STAMP_SQL) when the caller has just read it.
 */
export function readSnapshotRaw(db: Database.Database, stamp?: string): Snapshot | null {
  let row: [string, string, Buffer] | undefined;
  try {
    const sql = 'SELECT s.stamp, s.paths, s.numbers FROM stamp_snapshot s WHERE s.stamp = ';
    row = (stamp === undefined ? db.prepare(`${sql}(${STAMP_SQL})`).raw().get() : db.prepare(`${sql}?`).raw().get(stamp)) as typeof row;
  } catch {
    return null;
  }
  if (!row || typeof row[1] !== 'string' || !Buffer.isBuffer(row[2])) return null;
  const [, paths, blob] = row;
  if (blob.byteLength % (NUMBERS * 8) !== 0) return null;
  // A view when the blob's bytes are aligned for one (a large blob has a buffer of its own), else
  // a copy: at 1M rows the copy was 40 MB more at the warm run's peak.
  const count = blob.byteLength / 8;
  return { paths, numbers: blob.byteOffset % 8 === 0 ? new Float64Array(blob.buffer, blob.byteOffset, count) : new Float64Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength)) };
}

/** The stamp rows of a snapshot, or null when its paths and numbers do not agree (a damaged row). */
export function snapshotRows(s: Snapshot): StampRow[] | null {
  const paths = s.paths === '' ? [] : s.paths.split('\0');
  const n = s.numbers;
  if (n.length !== paths.length * NUMBERS) return null;
  return paths.map((p, k): StampRow => {
    const o = k * NUMBERS;
    return [n[o], p, n[o + 1], n[o + 2], n[o + 3], n[o + 4]];
  });
}

/** The stamp rows of the snapshot in `db` when it was made from the rows there now, else null (none, stale, unreadable). */
export function readSnapshot(db: Database.Database): StampRow[] | null {
  const s = readSnapshotRaw(db);
  return s && snapshotRows(s);
}

/**
 * The snapshot matched to the walked `paths` (matchStamps' result), `joined` being those paths
 * joined by NUL. A snapshot is written in the walk's order after a run that found every row
 * fresh, so on the next unchanged run its paths are the walk's, byte for byte: one string
 * comparison then stands for 100k path comparisons, and the numbers are taken as they are (at
 * 100k, splitting the paths into strings and matching them cost 0.3-0.8 s, most of it garbage
 * collection). Otherwise the rows are split and matched one by one. Null for a damaged snapshot.
 */
export function matchSnapshot(paths: readonly string[], joined: string, s: Snapshot): MatchedStamps | null {
  const count = s.numbers.length / NUMBERS;
  if (s.paths !== joined || count !== paths.length) {
    const rows = snapshotRows(s);
    return rows && matchStamps(paths, rows);
  }
  const ids = new Int32Array(count);
  const positions = new Int32Array(count);
  const numbers = new Float64Array(count * 4);
  const n = s.numbers;
  for (let k = 0; k < count; k++) {
    const o = k * NUMBERS;
    ids[k] = n[o];
    positions[k] = k;
    numbers[k * 4] = n[o + 1];
    numbers[k * 4 + 1] = n[o + 2];
    numbers[k * 4 + 2] = n[o + 3];
    numbers[k * 4 + 3] = n[o + 4];
  }
  return { walked: paths.length, count, ids, positions, numbers, gone: [], walkOrder: true };
}

/**
 * Writes a snapshot of `rows` (every row of the index at `file`, as read now, in the walk's order
 * so that the next run's paths compare as one string: matchSnapshot) when the index still holds
 * exactly them; waits at most `busyMs` for another writer, and gives up quietly on any error
 * (the snapshot only saves time).
 */
export function writeSnapshot(file: string, stamp: string, rows: readonly StampRow[], busyMs = 100): void {
  let db: Database.Database | null = null;
  try {
    db = openDatabase(file, { fileMustExist: true, timeout: busyMs });
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
