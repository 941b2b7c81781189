// IndexSession.freshEach: each file whose row still describes it is given with its record and its
// row id (the caller keeps the id: rowIds() names only the rows the session wrote), whether the
// row ids are dense (looked up in a typed array) or sparse (a Map); and a load's indexIds, whose rows
// the session wrote, found by each article's turn in IndexSession.add (writtenIds).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/load/load.js';
import { IndexSession } from '../../../src/core/index/session/session.js';
import { indexFile } from '../../../src/core/index/location.js';
import { effectiveCap, parserStamp } from '../../../src/core/load/limits.js';
import { STAT_FIELDS, statPaths } from '../../../src/core/files/index.js';
import { R } from '../../../src/core/article-record.js';

let root: string;
let cacheDir: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-fresh-each-'));
  cacheDir = path.join(root, 'cache');
  fs.mkdirSync(path.join(root, 'news'));
  for (const n of ['a', 'b', 'c', 'd']) fs.writeFileSync(path.join(root, 'news', `${n}.md`), `---\ntitle: Story ${n}\n---\nBody of ${n}.\n`);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

// Every file's stored row id, read from the index itself.
function storedIds(file: string): Map<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    return new Map((db.prepare('SELECT path, id FROM articles').raw().all() as Array<[string, number]>).map(([p, id]) => [p, id]));
  } finally {
    db.close();
  }
}

async function freshOf(file: string, paths: string[]): Promise<Map<string, [number, string]>> {
  const session = await IndexSession.open(file, parserStamp(effectiveCap(undefined)));
  const got = new Map<string, [number, string]>();
  await session.freshEach(paths, statPaths(paths), STAT_FIELDS, (i, record, id) => got.set(paths[i], [id, record[R.path] as string]));
  session.finish(true);
  return got;
}

describe('IndexSession.freshEach', () => {
  it("gives each unchanged file's record with its row id, not a changed one's", async () => {
    const dir = path.join(root, 'news');
    await loadCorpus([dir], { cacheDir, workers: 0 });
    const file = indexFile(cacheDir, [dir]);
    const paths = ['a', 'b', 'c', 'd'].map((n) => path.join(dir, `${n}.md`));
    fs.appendFileSync(paths[1], 'More.\n');
    const ids = storedIds(file);
    const got = await freshOf(file, paths);
    expect([...got.keys()].sort()).toEqual([paths[0], paths[2], paths[3]]);
    for (const [p, [id, recordPath]] of got) expect([id, recordPath]).toEqual([ids.get(p), p]);
  });

  it('gives the same with row ids far apart (sparse)', async () => {
    const dir = path.join(root, 'news');
    await loadCorpus([dir], { cacheDir, workers: 0 });
    const file = indexFile(cacheDir, [dir]);
    const db = new Database(file);
    db.prepare('UPDATE articles SET id = id * 1000000007').run();
    db.close();
    const paths = ['a', 'b', 'c', 'd'].map((n) => path.join(dir, `${n}.md`));
    const ids = storedIds(file);
    expect(Math.max(...ids.values())).toBeGreaterThan(1e9);
    const got = await freshOf(file, paths);
    expect([...got.keys()].sort()).toEqual(paths);
    for (const [p, [id]] of got) expect(id).toBe(ids.get(p));
  });

  it("a warm load's indexIds name each article's row: held rows and rows it wrote again alike", async () => {
    const dir = path.join(root, 'news');
    await loadCorpus([dir], { cacheDir, workers: 0 });
    fs.appendFileSync(path.join(dir, 'c.md'), 'Edited.\n');
    fs.writeFileSync(path.join(dir, 'e.md'), '---\ntitle: Story e\n---\nNew.\n');
    const warm = await loadCorpus([dir], { cacheDir, workers: 0 });
    const ids = storedIds(indexFile(cacheDir, [dir]));
    expect(warm.articles).toHaveLength(5);
    expect(Array.from(warm.indexIds ?? [])).toEqual(warm.articles.map((a) => ids.get(a.path)));
  });

  it('says which positions are fresh before it reads the first record', async () => {
    const dir = path.join(root, 'news');
    await loadCorpus([dir], { cacheDir, workers: 0 });
    const paths = ['a', 'b', 'c', 'd'].map((n) => path.join(dir, `${n}.md`));
    fs.appendFileSync(paths[2], 'More.\n');
    const session = await IndexSession.open(indexFile(cacheDir, [dir]), parserStamp(effectiveCap(undefined)));
    const events: string[] = [];
    await session.freshEach(paths, statPaths(paths), STAT_FIELDS, (i) => events.push(`row ${i}`), undefined, (fresh) => events.push(`fresh ${Array.from(fresh).join('')}`));
    session.finish(true);
    expect(events[0]).toBe('fresh 1101');
    expect(events.slice(1).sort()).toEqual(['row 0', 'row 1', 'row 3']);
  });
});

describe('IndexSession.writtenIds', () => {
  it("a cold load's indexIds name each article's row past a write batch, a file loaded twice through a link and a file that fails", async () => {
    const dir = path.join(root, 'many');
    fs.mkdirSync(dir);
    // More than one write transaction's rows (session.ts WRITE_BATCH, 2,000): ids from more than one put().
    for (let n = 0; n < 2_100; n++) fs.writeFileSync(path.join(dir, `a-${String(n).padStart(5, '0')}.md`), `---\ntitle: Story ${n}\n---\nBody ${n}.\n`);
    // A second name of the same file (parsed and written twice, loaded once) and a binary file (no row), early in the walk's order.
    fs.linkSync(path.join(dir, 'a-00003.md'), path.join(dir, 'a-00003b.md'));
    fs.writeFileSync(path.join(dir, 'a-00005b.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0, 1, 2]));
    const cold = await loadCorpus([dir], { cacheDir, workers: 0 });
    const ids = storedIds(indexFile(cacheDir, [dir]));
    expect(cold.articles).toHaveLength(2_100);
    expect(cold.warnings.map((w) => path.basename(w.path))).toEqual(['a-00005b.md']);
    expect(Array.from(cold.indexIds ?? [])).toEqual(cold.articles.map((a) => ids.get(a.path)));
    expect(new Set(cold.indexIds).size).toBe(2_100);
  });
});
