// The warm start reads the list's first page and its count from the index before any file is
// walked: the default order (sticky first, then newest first), drafts left out unless
// asked for, and nothing from an index it cannot trust (none yet, another parser build, a foreign
// file, a tampered row).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexFile } from '../../../src/core/index/database.js';
import { loadCorpus, warmStart } from '../../../src/core/load/load.js';
import { SearchIndex } from '../../../src/core/search/search.js';

let root: string;
let corpus: string;
let cacheDir: string;

function put(rel: string, title: string, date: string | null, extra = ''): void {
  const file = path.join(corpus, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const published = date === null ? '' : `publishedAt: '${date}'\n`;
  fs.writeFileSync(file, `---\ntitle: ${title}\n${published}source: Decrypt\n${extra}---\nBody of ${title}.\n`);
}

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-warm-'));
  corpus = path.join(root, 'news');
  cacheDir = path.join(root, 'cache');
  put('a.md', 'Oldest', '2025-01-01T00:00:00Z');
  put('b.md', 'Newest', '2025-11-20T00:00:00Z');
  put('c.md', 'Middle', '2025-06-01T00:00:00Z');
  put('d.md', 'Pinned', '2024-01-01T00:00:00Z', 'stickyWeight: 5\n');
  // No date of its own: the file's time stands in for it (dateGuessed).
  put('e.md', 'Undated', null);
  fs.utimesSync(path.join(corpus, 'e.md'), new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
  put('f.md', 'Draft', '2025-12-01T00:00:00Z', 'draft: true\n');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('warmStart', () => {
  it('gives nothing before the first load has built the index', () => {
    expect(warmStart([corpus], 10, { cacheDir })).toBeNull();
  });

  it("gives the list's first page in the loaded list's own order, and the exact count", async () => {
    const { articles } = await loadCorpus([corpus], { cacheDir });
    const loaded = new SearchIndex(articles).search('', { limit: 100 }).hits.map((h) => articles[h.id].title);
    const warm = warmStart([corpus], 100, { cacheDir });
    expect(warm?.articles.map((a) => a.title)).toEqual(loaded);
    expect(warm?.articles.map((a) => a.title)).toEqual(['Pinned', 'Newest', 'Middle', 'Oldest', 'Undated']);
    expect(warm?.listed).toBe(5);
    expect(warm?.total).toBe(6);
    expect(warm?.articles.map((a) => a.id)).toEqual([0, 1, 2, 3, 4]);
  });

  it('cuts the page at the limit but counts everything; drafts only when asked for', async () => {
    await loadCorpus([corpus], { cacheDir });
    const two = warmStart([corpus], 2, { cacheDir });
    expect(two?.articles.map((a) => a.title)).toEqual(['Pinned', 'Newest']);
    expect(two?.listed).toBe(5);
    const drafts = warmStart([corpus], 2, { cacheDir, includeDrafts: true });
    expect(drafts?.articles.map((a) => a.title)).toEqual(['Pinned', 'Draft']);
    expect(drafts?.listed).toBe(6);
  });

  it('without counts gives the same rows and no count (the skeleton\'s first screen, drawn before the counts are read)', async () => {
    await loadCorpus([corpus], { cacheDir });
    const rows = warmStart([corpus], 3, { cacheDir, counts: false });
    expect(rows?.articles.map((a) => a.title)).toEqual(['Pinned', 'Newest', 'Middle']);
    expect(rows?.listed).toBeNaN();
    expect(rows?.total).toBeNaN();
    expect(warmStart([corpus], 3, { cacheDir })?.listed).toBe(5);
  });

  it('reads no index built by another read cap (parser stamp)', async () => {
    await loadCorpus([corpus], { cacheDir });
    expect(warmStart([corpus], 10, { cacheDir, maxFileSize: 4096 })).toBeNull();
  });

  it('reads no foreign file and leaves it untouched', () => {
    fs.mkdirSync(cacheDir, { recursive: true });
    const file = indexFile(cacheDir, [corpus]);
    const db = new Database(file);
    db.exec('CREATE TABLE articles (id INTEGER PRIMARY KEY, article TEXT)');
    db.close();
    const before = fs.readFileSync(file);
    expect(warmStart([corpus], 10, { cacheDir })).toBeNull();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('leaves out a row that is not a well-formed record (a control character in a title)', async () => {
    await loadCorpus([corpus], { cacheDir });
    const db = new Database(indexFile(cacheDir, [corpus]));
    const row = db.prepare("SELECT id, article FROM articles WHERE path LIKE '%b.md'").get() as { id: number; article: string };
    db.prepare('UPDATE articles SET article = ? WHERE id = ?').run(row.article.replace('"Newest"', '"New\\u001b[2Jest"'), row.id);
    db.close();
    const warm = warmStart([corpus], 10, { cacheDir });
    expect(warm?.articles.map((a) => a.title)).toEqual(['Pinned', 'Middle', 'Oldest', 'Undated']);
  });
});
