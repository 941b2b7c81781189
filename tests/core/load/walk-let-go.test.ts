// A warm load of many held files lets the walk's list go, and collects it, before it makes the
// articles (load.ts, `collectBeforeArticles`): the articles and warnings are the same as a load
// that keeps the list, a held file's warning naming its path (read from its row, not the walk).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/load/load.js';
import { indexFile } from '../../../src/core/index/location.js';

let root: string;
let cacheDir: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-walk-let-go-'));
  cacheDir = path.join(root, 'cache');
  const news = path.join(root, 'news');
  fs.mkdirSync(path.join(news, 'sub'), { recursive: true });
  for (const n of ['a', 'b', 'c']) fs.writeFileSync(path.join(news, `${n}.md`), `---\ntitle: Story ${n}\n---\nBody of ${n}.\n`);
  // Read truncated at the cap below: a warning the index keeps with the row.
  fs.writeFileSync(path.join(news, 'sub', 'long.md'), `---\ntitle: Long one\n---\n${'word '.repeat(400)}\n`);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('a warm load that collects the walk before the articles', () => {
  it('gives the same articles and warnings as one that keeps it, and as the cold load', async () => {
    const dir = path.join(root, 'news');
    const opts = { cacheDir, workers: 0, maxFileSize: 1024 };
    const shape = (r: Awaited<ReturnType<typeof loadCorpus>>): unknown => ({
      articles: r.articles.map((a) => [a.id, a.path, a.relPath, a.title]),
      warnings: r.warnings,
    });
    const cold = shape(await loadCorpus([dir], opts));
    const kept = shape(await loadCorpus([dir], { ...opts, collectBeforeArticles: Infinity }));
    const letGo = shape(await loadCorpus([dir], { ...opts, collectBeforeArticles: 0 }));
    expect(letGo).toEqual(kept);
    expect(letGo).toEqual(cold);
    expect((letGo as { warnings: unknown[] }).warnings).toEqual([{ path: path.join(dir, 'sub', 'long.md'), reason: 'truncated to 1 KiB' }]);
  });

  it('parses again, from its entry made again, a held file whose row does not read', async () => {
    const dir = path.join(root, 'news');
    const opts = { cacheDir, workers: 0, maxFileSize: 1024 };
    const shape = (r: Awaited<ReturnType<typeof loadCorpus>>): unknown => ({ articles: r.articles.map((a) => [a.id, a.path, a.relPath, a.title, a.source]), warnings: r.warnings });
    const cold = shape(await loadCorpus([dir], opts));
    const db = new Database(indexFile(cacheDir, [dir]));
    db.prepare("UPDATE articles SET article = '{not json' WHERE path = ?").run(path.join(dir, 'sub', 'long.md'));
    db.close();
    let wrote: boolean | null = null;
    const letGo = shape(await loadCorpus([dir], { ...opts, collectBeforeArticles: 0, onCacheWritten: (w) => (wrote = w) }));
    expect(letGo).toEqual(cold);
    expect(wrote).toBe(true);
    // Its row was written again: the next load holds every file.
    await loadCorpus([dir], { ...opts, collectBeforeArticles: 0, onCacheWritten: (w) => (wrote = w) });
    expect(wrote).toBe(false);
  });

  it('loads a held file reached again through a new link once, at its first place in the walk', async () => {
    const dir = path.join(root, 'news');
    const opts = { cacheDir, workers: 0, collectBeforeArticles: 0 };
    await loadCorpus([dir], opts);
    // Walked before the held b.md: the link loads, b.md is the repeat.
    fs.linkSync(path.join(dir, 'b.md'), path.join(dir, 'a-link.md'));
    fs.symlinkSync(path.join(dir, 'c.md'), path.join(dir, 'z-link.md'));
    const warm = await loadCorpus([dir], opts);
    expect(warm.articles.map((a) => a.relPath)).toEqual(['a-link.md', 'a.md', 'c.md', path.join('sub', 'long.md')]);
    const again = await loadCorpus([dir], opts);
    expect(again.articles.map((a) => a.relPath)).toEqual(['a-link.md', 'a.md', 'c.md', path.join('sub', 'long.md')]);
  });
});
