// The stamps kept in one piece for the freshness check: read back exactly as the rows hold them,
// and never used once a row was written or removed since (the next run reads the rows instead).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openIndex } from '../../../src/core/index/database.js';
import { IndexReader } from '../../../src/core/index/reader.js';
import { matchSnapshot, readSnapshot, readSnapshotRaw, writeSnapshot } from '../../../src/core/index/stamp-snapshot.js';
import { ArticleStore, type IndexedArticle } from '../../../src/core/index/store.js';
import { compareStamps, matchedRows, matchStamps, type StampRow } from '../../../src/core/index/freshness.js';

let dir: string;
let file: string;
let db: Database.Database;
let store: ArticleStore;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-snapshot-'));
  file = path.join(dir, 'x.sqlite');
  db = openIndex(file).db;
  store = new ArticleStore(db);
  store.ensureStamp('parser');
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const item = (p: string, mtime: number): IndexedArticle => ({
  path: p, size: 10, mtime, dev: 7, ino: p.length, published: null, article: [], lead: '',
  fields: { source: '', lang: '', sentiment: '', draft: 0, sticky: 0, warned: 0, listedFrom: null, listedUntil: null },
  text: { title: p, description: '', tags: '', source: '', category: '', body: '', coins: [] },
});

const rowsNow = (): StampRow[] => [...store.rowTuples()].sort((a, b) => a[0] - b[0]);

describe('stamp snapshot', () => {
  it('gives back every row exactly (odd paths, fractional mtimes) while no row changed', () => {
    store.put([item('/n/a.md', 1764478623456.1234), item('/n/line\nbreak é.md', 2.5), item('/n/c.md', 0)]);
    const reader = IndexReader.open(file, 'parser')!;
    try {
      expect(reader.snapshot()).toBeNull();
      writeSnapshot(file, reader.rowsStamp(), rowsNow());
      expect(reader.snapshot()).toEqual(rowsNow());
      expect(readSnapshot(db)).toEqual(rowsNow());
      // A file written again (a new row id), or removed: the snapshot no longer describes the rows.
      store.put([item('/n/c.md', 5)]);
      expect(reader.snapshot()).toBeNull();
      writeSnapshot(file, reader.rowsStamp(), rowsNow());
      expect(reader.snapshot()).toEqual(rowsNow());
      store.removePath('/n/a.md');
      expect(reader.snapshot()).toBeNull();
    } finally {
      reader.close();
    }
  });

  it('is not written for rows that changed after they were read', () => {
    store.put([item('/n/a.md', 1)]);
    const reader = IndexReader.open(file, 'parser')!;
    try {
      const stamp = reader.rowsStamp();
      const read = rowsNow();
      store.put([item('/n/b.md', 1)]);
      writeSnapshot(file, stamp, read);
      expect(reader.snapshot()).toBeNull();
    } finally {
      reader.close();
    }
  });

  it('matched to the walk, gives what matching its rows one by one gives: in the walk’s order at once, otherwise row by row', () => {
    store.put([item('/n/b.md', 2), item('/n/a.md', 1), item('/n/c.md', 3)]);
    const walk = ['/n/a.md', '/n/b.md', '/n/c.md'];
    const reader = IndexReader.open(file, 'parser')!;
    try {
      const stamp = reader.rowsStamp();
      // Rows read by id come in the order written (b, a, c): not the walk's.
      const byRows = matchStamps(walk, rowsNow());
      expect(byRows.walkOrder).toBe(false);
      // Written in the walk's order, the snapshot's paths are the walk's joined: taken as they are.
      writeSnapshot(file, stamp, matchedRows(byRows, walk));
      expect(readSnapshotRaw(db)!.paths).toBe(walk.join('\0'));
      const fast = reader.snapshotMatched(walk, walk.join('\0'), stamp)!;
      expect(fast.walkOrder).toBe(true);
      const stats = Float64Array.from([10, 1, 7, 7, 10, 2, 7, 7, 10, 9, 7, 7]);
      expect(compareStamps(fast, stats, 4)).toEqual(compareStamps(byRows, stats, 4));
      // Another walk (a file added, one gone, another order): matched row by row, same answer as the rows give.
      const other = ['/n/0.md', '/n/c.md', '/n/a.md'];
      const slow = matchSnapshot(other, other.join('\0'), readSnapshotRaw(db)!)!;
      expect(slow.walkOrder).toBe(false);
      expect(slow.gone).toEqual(['/n/b.md']);
      const otherStats = Float64Array.from([1, 1, 7, 7, 10, 3, 7, 7, 10, 1, 7, 7]);
      expect(compareStamps(slow, otherStats, 4)).toEqual(compareStamps(matchStamps(other, rowsNow()), otherStats, 4));
      // A stale stamp: no snapshot.
      expect(reader.snapshotMatched(walk, walk.join('\0'), 'another stamp')).toBeNull();
    } finally {
      reader.close();
    }
  });
});
