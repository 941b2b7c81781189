// The index must never change what a load returns: edits, additions and deletions show up on
// the next run, a damaged, foreign or future-version index file is set aside and rebuilt, a row
// that does not read back well is parsed again, and a hostile folder loads the same with and
// without the index.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article.js';
import { APPLICATION_ID, INDEX_FORMAT, indexFile } from '../../../src/core/index/database.js';
import { cacheDirectory } from '../../../src/core/index/location.js';
import { loadCorpus, type LoadOptions } from '../../../src/core/load/load.js';
import { SearchIndex } from '../../../src/core/search/search.js';
import { writeHostileCorpus } from '../../helpers/hostile-corpus.js';

let root: string;
let corpus: string;
let cacheDir: string;

function post(title: string, body = `Body of ${title}.`, extra = ''): string {
  return `---\ntitle: ${title}\npublishedAt: '2025-11-14T02:13:55.000Z'\nsource:\n  name: Decrypt\n  key: decrypt\ntags: [BTC, MINING]\n${extra}---\n${body}\n`;
}

function put(rel: string, text: string): string {
  const file = path.join(corpus, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

// Loads with the test's cache folder; `wrote` says whether the index changed.
async function load(opts: LoadOptions = {}, roots = [corpus]): Promise<{ articles: Article[]; warnings: { path: string; reason: string }[]; wrote: boolean }> {
  let wrote = false;
  const result = await loadCorpus(roots, { cacheDir, ...opts, onCacheWritten: (ok) => (wrote = ok) });
  return { ...result, wrote };
}

const titles = (articles: Article[]): string[] => articles.map((a) => a.title);
const file = (): string => indexFile(cacheDir, [corpus]);

// Reads (or edits) the index file directly, as another program could.
function withDb<T>(use: (db: Database.Database) => T): T {
  const db = new Database(file());
  try {
    return use(db);
  } finally {
    db.close();
  }
}
const rowCount = (): number => withDb((db) => db.prepare('SELECT count(*) FROM articles').pluck().get() as number);
const indexedPaths = (): string[] => withDb((db) => db.prepare('SELECT path FROM articles ORDER BY path').pluck().all() as string[]);

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-index-load-'));
  corpus = path.join(root, 'news');
  cacheDir = path.join(root, 'cache');
  put('a/one.md', post('One'));
  put('a/two.md', post('Two', 'Solana validators **vote** on fees.'));
  put('b/three.md', post('Three', 'Body three', 'coverImage:\n  full: https://example.com/c.jpg\n'));
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('cacheDirectory', () => {
  it.each([
    [{ XDG_CACHE_HOME: '/x/cache' }, '/x/cache/crypto-news-tui'],
    [{ XDG_CACHE_HOME: 'relative/cache' }, '/home/u/.cache/crypto-news-tui'],
    [{ XDG_CACHE_HOME: '' }, '/home/u/.cache/crypto-news-tui'],
    [{}, '/home/u/.cache/crypto-news-tui'],
  ])('%j -> %s', (env, expected) => {
    expect(cacheDirectory(env, '/home/u')).toBe(expected);
  });
});

describe('loadCorpus with the index', () => {
  it('writes the index on the first run and serves the same articles from it on the second', async () => {
    const first = await load();
    expect(first.wrote).toBe(true);
    expect(rowCount()).toBe(3);
    const second = await load();
    expect(second.wrote).toBe(false); // nothing changed, nothing written
    expect(titles(second.articles)).toEqual(titles(first.articles));
    // Every Article field, body and front matter included (LazyArticle's toJSON reads them back).
    const strip = (a: Article): unknown => JSON.parse(JSON.stringify(a));
    expect(second.articles.map(strip)).toEqual(first.articles.map(strip));
    expect(second.articles.map((a) => a.body)).toEqual(['Body of One.\n', 'Solana validators **vote** on fees.\n', 'Body three\n']);
    expect(second.articles[2].coverImage).toBe('https://example.com/c.jpg');
    expect(second.articles[0].frontMatter).toMatchObject({ title: 'One', tags: ['BTC', 'MINING'] });
  });

  it('round-trips non-ASCII text', async () => {
    put('c/accents.md', post('Bitcoin — ÉTF “flows” … 比特币 🚀'));
    const first = await load();
    const second = await load();
    expect(second.wrote).toBe(false);
    expect(titles(second.articles)).toEqual(titles(first.articles));
    expect(titles(second.articles)).toContain('Bitcoin — ÉTF “flows” … 比特币 🚀');
  });

  it('trusts a row while size and mtime are unchanged (proof that the index is read)', async () => {
    const f = path.join(corpus, 'a/one.md');
    const stamp = new Date('2025-01-02T03:04:05Z'); // whole seconds survive utimes exactly
    fs.utimesSync(f, stamp, stamp);
    await load();
    fs.writeFileSync(f, post('Uno')); // same length as "One"
    fs.utimesSync(f, stamp, stamp);
    expect(titles((await load()).articles)).toContain('One');
    expect(titles((await load({ cache: false })).articles)).toContain('Uno');
  });

  it('checks a large warm run on the stat thread exactly as on this one', async () => {
    // 2,000+ files: the warm run stats them on a worker thread (load.ts MIN_FILES_FOR_STAT_WORKER).
    for (let i = 0; i < 2_050; i++) put(`many/p${String(i).padStart(4, '0')}.md`, post(`P${i}`));
    const stamp = new Date('2025-01-02T03:04:05Z');
    const kept = path.join(corpus, 'many/p0007.md');
    fs.utimesSync(kept, stamp, stamp);
    const first = await load();
    expect(first.articles).toHaveLength(2_053);
    fs.writeFileSync(kept, post('Q7')); // same size, mtime put back: the row must still be trusted
    fs.utimesSync(kept, stamp, stamp);
    const edited = put('many/p0009.md', post('P9, edited'));
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(edited, later, later);
    const second = await load();
    expect(second.wrote).toBe(true);
    const byPath = new Map(second.articles.map((a) => [a.relPath, a.title]));
    expect(byPath.get(path.join('many', 'p0007.md'))).toBe('P7');
    expect(byPath.get(path.join('many', 'p0009.md'))).toBe('P9, edited');
    expect(second.articles.map((a) => a.id)).toEqual(first.articles.map((a) => a.id));
    expect(rowCount()).toBe(2_053);
  }, 180_000);

  it('shows an edited file on the next run, and finds its new words', async () => {
    await load();
    const f = put('a/one.md', post('One, edited', 'A new body about Bitcoin.'));
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(f, later, later);
    const next = await load();
    expect(next.wrote).toBe(true);
    expect(titles(next.articles)).toEqual(['One, edited', 'Two', 'Three']);
    expect(next.articles[0].body).toBe('A new body about Bitcoin.\n');
    const warm = await load();
    expect(warm.wrote).toBe(false);
    expect(titles(warm.articles)).toEqual(['One, edited', 'Two', 'Three']);
    expect(new SearchIndex(warm.articles).search('bitcoin').hits.map((h) => h.id)).toEqual([0]);
    expect(rowCount()).toBe(3);
  });

  it('shows an added file and drops a deleted one, from the list and from the index', async () => {
    await load();
    put('a/zero.md', post('Zero'));
    fs.rmSync(path.join(corpus, 'b/three.md'));
    const next = await load();
    expect(next.wrote).toBe(true);
    expect(titles(next.articles)).toEqual(['One', 'Two', 'Zero']);
    expect(next.articles.map((a) => a.id)).toEqual([0, 1, 2]);
    expect(indexedPaths()).toEqual(['a/one.md', 'a/two.md', 'a/zero.md'].map((p) => path.join(corpus, p)));
    const again = await load();
    expect(again.wrote).toBe(false);
    expect(titles(again.articles)).toEqual(['One', 'Two', 'Zero']);
  });

  it('drops the row of a file that no longer parses', async () => {
    await load();
    const f = put('a/one.md', Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x00, 0x00]).toString('latin1'));
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(f, later, later);
    const next = await load();
    expect(next.warnings.map((w) => w.path)).toEqual([f]);
    expect(titles(next.articles)).toEqual(['Two', 'Three']);
    expect(indexedPaths()).not.toContain(f);
  });

  it('loads a hard-linked file once, whether its names come from the index or a fresh parse', async () => {
    await load();
    // a/link.md sorts before a/one.md: the new name is parsed, the old one comes from the index.
    fs.linkSync(path.join(corpus, 'a/one.md'), path.join(corpus, 'a/link.md'));
    const mixed = await load();
    expect(mixed.articles.map((a) => a.relPath)).toEqual(['a/link.md', 'a/two.md', 'b/three.md']);
    const indexed = await load();
    expect(indexed.articles.map((a) => a.relPath)).toEqual(['a/link.md', 'a/two.md', 'b/three.md']);
  });

  it('searches indexed articles as freshly parsed ones, bodies read from the files only when searched', async () => {
    await load();
    const warm = await load();
    expect(warm.wrote).toBe(false);
    // No body is in memory until a search asks for it.
    expect(warm.articles.every((a) => (a as unknown as { bytes: Buffer | null }).bytes === null)).toBe(true);
    const index = new SearchIndex(warm.articles);
    expect(index.search('validators').hits.map((h) => warm.articles[h.id].title)).toEqual(['Two']);
    expect(index.search('validators', { limit: 10 }).hits.map((h) => warm.articles[h.id].title)).toEqual(['Two']);
    const fresh = new SearchIndex((await load({ cache: false })).articles);
    for (const q of ['validators', '"vote** on"', 'body -solana', 'of one', 'three -body', 'zzz', 'decrypt', 'btc mining', 'two', 'decrypt -two', 'is:draft one']) {
      expect(index.search(q).hits.map((h) => h.id), q).toEqual(fresh.search(q).hits.map((h) => h.id));
    }
    expect(index.search('body -solana').hits.map((h) => warm.articles[h.id].title).sort()).toEqual(['One', 'Three']);
  });

  it('keeps per-file warnings on indexed runs', async () => {
    put('big.md', post('Big', 'x'.repeat(5_000)));
    const first = await load({ maxFileSize: 1_000 });
    const second = await load({ maxFileSize: 1_000 });
    expect(first.warnings).toEqual([{ path: path.join(corpus, 'big.md'), reason: 'truncated to 1000 B' }]);
    expect(second.warnings).toEqual(first.warnings);
  });

  it('parses everything again under another read cap (rows name what built them)', async () => {
    put('big.md', post('Big', 'x'.repeat(5_000)));
    await load();
    const capped = await load({ maxFileSize: 1_000 });
    expect(capped.wrote).toBe(true);
    expect(capped.warnings).toEqual([{ path: path.join(corpus, 'big.md'), reason: 'truncated to 1000 B' }]);
    expect((await load()).warnings).toEqual([]);
  });

  it('deletes the index first with clearCache, then rebuilds it unless cache is false', async () => {
    await load();
    expect(rowCount()).toBe(3);
    fs.writeFileSync(`${file()}.keep`, '');
    const cleared = await load({ clearCache: true, cache: false });
    expect(cleared.wrote).toBe(false);
    expect(fs.readdirSync(cacheDir)).toEqual([`${path.basename(file())}.keep`]);
    expect(titles(cleared.articles)).toEqual(['One', 'Two', 'Three']);
    const rebuilt = await load({ clearCache: true });
    expect(rebuilt.wrote).toBe(true);
    expect(rowCount()).toBe(3);
  });

  it('writes a cold load without the secondary indexes and builds them again: with the text, or when a writer next opens the file', async () => {
    for (let i = 0; i < 5; i++) put(`bulk-${i}.md`, post(`Bulk ${i}`));
    const names = (): string[] => {
      const db = new Database(file(), { readonly: true });
      try {
        return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'articles_%' ORDER BY name").pluck().all() as string[];
      } finally {
        db.close();
      }
    };
    const all = ['articles_list', 'articles_listed_from', 'articles_listed_until', 'articles_published', 'articles_warned'];
    // The text build stopped before it began (a load that ended at once): the rows are there, the indexes not yet.
    const cold = await loadCorpus([corpus], { cacheDir });
    cold.stopText();
    expect(await cold.fullText).toBe(false);
    expect(names()).toEqual([]);
    // The next load (a writer) builds them first, and its text build leaves them in place.
    const warm = await loadCorpus([corpus], { cacheDir });
    expect(names()).toEqual(all);
    expect(await warm.fullText).toBe(true);
    expect(titles(warm.articles)).toEqual(titles(cold.articles));
    // A cold load whose text is built: the build makes them before the text.
    fs.rmSync(cacheDir, { recursive: true, force: true });
    expect(await (await loadCorpus([corpus], { cacheDir })).fullText).toBe(true);
    expect(names()).toEqual(all);
  });

  it('neither reads nor writes an index file with cache: false', async () => {
    const r = await load({ cache: false });
    expect(r.wrote).toBe(false);
    expect(fs.existsSync(cacheDir)).toBe(false);
    expect(titles(r.articles)).toEqual(['One', 'Two', 'Three']);
  });

  const damage: Array<[string, () => void]> = [
    ['a file that is not a database', () => fs.writeFileSync(file(), 'garbage '.repeat(1_000))],
    ['a truncated database', () => fs.truncateSync(file(), 100)],
    ['another program\'s database', () => {
      fs.rmSync(file());
      const db = new Database(file());
      db.exec('CREATE TABLE articles (path TEXT)');
      db.close();
    }],
    ['a database from a newer version', () => withDb((db) => db.pragma(`user_version = ${INDEX_FORMAT + 1}`))],
    ['a foreign application id', () => withDb((db) => db.pragma(`application_id = ${APPLICATION_ID + 1}`))],
  ];
  it.each(damage)('sets aside %s and rebuilds: same articles', async (_name, spoil) => {
    const first = await load();
    spoil();
    const next = await load();
    expect(next.wrote).toBe(true);
    expect(titles(next.articles)).toEqual(titles(first.articles));
    expect(fs.existsSync(`${file()}.broken`)).toBe(true);
    expect(rowCount()).toBe(3);
    const warm = await load();
    expect(warm.wrote).toBe(false);
    expect(titles(warm.articles)).toEqual(titles(first.articles));
  });

  const badRows: Array<[string, (record: unknown[]) => unknown]> = [
    ['a title with an escape sequence', (r) => ((r[2] = 'Evil \u001b]52;c;aGk=\u0007'), r)],
    ['a title of the wrong type', (r) => ((r[2] = 42), r)],
    ['a C1 control in the source', (r) => ((r[7] = 'De\u009bcrypt'), r)],
    ['a record of the wrong length', (r) => r.slice(0, 5)],
    ['a record naming another file', (r) => ((r[0] = '/etc/passwd'), r)],
    ['not JSON at all', () => undefined],
  ];
  it.each(badRows)('parses the file again for a row with %s', async (_name, spoil) => {
    const first = await load();
    const target = path.join(corpus, 'a/one.md');
    withDb((db) => {
      const json = db.prepare('SELECT article FROM articles WHERE path = ?').pluck().get(target) as string;
      const spoiled = spoil(JSON.parse(json) as unknown[]);
      db.prepare('UPDATE articles SET article = ? WHERE path = ?').run(spoiled === undefined ? '{not json' : JSON.stringify(spoiled), target);
    });
    const next = await load();
    expect(next.wrote).toBe(true);
    expect(titles(next.articles)).toEqual(titles(first.articles));
    expect(next.articles.every((a) => !/[\u001b\u007f\u009b\u202e\n]/.test(a.title + a.source))).toBe(true);
    expect((await load()).wrote).toBe(false);
  });
});

describe('a hostile folder', () => {
  it('loads the same with the index (cold and warm) as without it', async () => {
    const hostile = writeHostileCorpus();
    try {
      const strip = (r: { articles: Article[]; warnings: unknown[] }): unknown => ({ articles: r.articles.map((a) => JSON.parse(JSON.stringify(a)) as unknown), warnings: r.warnings });
      const without = await load({ cache: false }, [hostile.dir]);
      const cold = await load({}, [hostile.dir]);
      const warm = await load({}, [hostile.dir]);
      expect(cold.wrote).toBe(true);
      expect(strip(cold)).toEqual(strip(without));
      expect(strip(warm)).toEqual(strip(without));
      const q = ['bitcoin', 'evil', 'body', '-body', 'tag:btc', 'source:decrypt body'];
      const ids = (r: { articles: Article[] }, query: string): number[] => new SearchIndex(r.articles).search(query).hits.map((h) => h.id);
      for (const query of q) expect(ids(warm, query), query).toEqual(ids(without, query));
    } finally {
      hostile.cleanup();
    }
  }, 180_000);
});
