// The stamps kept in one piece for the freshness check: read back exactly as the rows hold them,
// and never used once a row was written or removed since (the next run reads the rows instead).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openIndex } from '../../../src/core/index/database.js';
import { IndexReader } from '../../../src/core/index/reader.js';
import { readSnapshot, writeSnapshot } from '../../../src/core/index/stamp-snapshot.js';
import { ArticleStore, type IndexedArticle } from '../../../src/core/index/store.js';
import type { StampRow } from '../../../src/core/index/freshness.js';

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
  fields: { source: '', lang: '', sentiment: '' },
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
});
