// The cache must never change what a load returns: edits, additions and deletions show up on
// the next run, and a damaged or foreign cache file is survived and rebuilt.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article.js';
import { cacheBase, cacheDirectory, cacheVersion, readCache } from '../../src/core/cache.js';
import { loadCorpus, type LoadOptions } from '../../src/core/load.js';
import { SearchIndex } from '../../src/core/search.js';

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

// Loads with the test's cache folder and waits for the background cache write, if any.
async function load(opts: LoadOptions = {}): Promise<{ articles: Article[]; warnings: { path: string; reason: string }[]; wrote: boolean }> {
  let resolveWrite!: (ok: boolean) => void;
  const written = new Promise<boolean>((resolve) => (resolveWrite = resolve));
  const result = await loadCorpus([corpus], { cacheDir, ...opts, onCacheWritten: resolveWrite });
  return { ...result, wrote: await written };
}

const titles = (articles: Article[]): string[] => articles.map((a) => a.title);
const base = (): string => cacheBase(cacheDir, [corpus]);

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-cache-'));
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

describe('loadCorpus with the cache', () => {
  it('writes the cache on the first run and serves the same articles from it on the second', async () => {
    const first = await load();
    expect(first.wrote).toBe(true);
    expect(fs.existsSync(`${base()}.json`)).toBe(true);
    const second = await load();
    expect(second.wrote).toBe(false); // nothing changed, nothing rewritten
    expect(titles(second.articles)).toEqual(titles(first.articles));
    // Every Article field, body and front matter included (LazyArticle's toJSON reads them back).
    const strip = (a: Article): unknown => JSON.parse(JSON.stringify(a));
    expect(second.articles.map(strip)).toEqual(first.articles.map(strip));
    expect(second.articles.map((a) => a.body)).toEqual(['Body of One.\n', 'Solana validators **vote** on fees.\n', 'Body three\n']);
    expect(second.articles[2].coverImage).toBe('https://example.com/c.jpg');
    expect(second.articles[0].frontMatter).toMatchObject({ title: 'One', tags: ['BTC', 'MINING'] });
  });

  it('round-trips non-ASCII text (stored as \\u escapes)', async () => {
    put('c/accents.md', post('Bitcoin — ÉTF “flows” … 比特币 🚀'));
    const first = await load();
    const second = await load();
    expect(second.wrote).toBe(false);
    expect(titles(second.articles)).toEqual(titles(first.articles));
    expect(titles(second.articles)).toContain('Bitcoin — ÉTF “flows” … 比特币 🚀');
  });

  it('trusts an entry while size and mtime are unchanged (proof that the cache is read)', async () => {
    const file = path.join(corpus, 'a/one.md');
    const stamp = new Date('2025-01-02T03:04:05Z'); // whole seconds survive utimes exactly
    fs.utimesSync(file, stamp, stamp);
    await load();
    fs.writeFileSync(file, post('Uno')); // same length as "One"
    fs.utimesSync(file, stamp, stamp);
    expect(titles((await load()).articles)).toContain('One');
    expect(titles((await load({ cache: false })).articles)).toContain('Uno');
  });

  it('validates a large warm run on the stat thread exactly as on this one', async () => {
    // 2,000+ files: the warm run stats them on a worker thread (load.ts MIN_FILES_FOR_STAT_WORKER).
    for (let i = 0; i < 2_050; i++) put(`many/p${String(i).padStart(4, '0')}.md`, post(`P${i}`));
    const stamp = new Date('2025-01-02T03:04:05Z');
    const kept = path.join(corpus, 'many/p0007.md');
    fs.utimesSync(kept, stamp, stamp);
    const first = await load();
    expect(first.articles).toHaveLength(2_053);
    fs.writeFileSync(kept, post('Q7')); // same size, mtime put back: the cache must still be trusted
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
  }, 30_000);

  it('shows an edited file on the next run', async () => {
    await load();
    const file = put('a/one.md', post('One, edited', 'A new body about Bitcoin.'));
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    const next = await load();
    expect(next.wrote).toBe(true);
    expect(titles(next.articles)).toEqual(['One, edited', 'Two', 'Three']);
    expect(next.articles[0].body).toBe('A new body about Bitcoin.\n');
    expect(titles((await load()).articles)).toEqual(['One, edited', 'Two', 'Three']);
  });

  it('shows an added file and drops a deleted one, with ids still 0..n-1', async () => {
    await load();
    put('a/zero.md', post('Zero'));
    fs.rmSync(path.join(corpus, 'b/three.md'));
    const next = await load();
    expect(titles(next.articles)).toEqual(['One', 'Two', 'Zero']);
    expect(next.articles.map((a) => a.id)).toEqual([0, 1, 2]);
    const again = await load();
    expect(again.wrote).toBe(false);
    expect(titles(again.articles)).toEqual(['One', 'Two', 'Zero']);
  });

  it('loads a hard-linked file once, whether its names come from the cache or a fresh parse', async () => {
    await load();
    // a/link.md sorts before a/one.md: the new name is parsed, the old one is served from the cache.
    fs.linkSync(path.join(corpus, 'a/one.md'), path.join(corpus, 'a/link.md'));
    const mixed = await load();
    expect(mixed.articles.map((a) => a.relPath)).toEqual(['a/link.md', 'a/two.md', 'b/three.md']);
    const cached = await load();
    expect(cached.articles.map((a) => a.relPath)).toEqual(['a/link.md', 'a/two.md', 'b/three.md']);
  });

  it('searches cached bodies, read from the bodies file only when searched', async () => {
    await load();
    const warm = await load();
    expect(warm.wrote).toBe(false);
    // The unread body is still only a place in the file; the search reads it.
    expect(warm.articles.every((a) => (a as unknown as { bytes: Buffer | null }).bytes === null)).toBe(true);
    const index = new SearchIndex(warm.articles);
    expect(index.search('validators').hits.map((h) => warm.articles[h.id].title)).toEqual(['Two']);
    expect(index.search('validators', { limit: 10 }).hits.map((h) => warm.articles[h.id].title)).toEqual(['Two']);
    // Searches without a limit mark bodies and short texts in one pass over the file and make
    // haystacks only for matches; they must find what a search over freshly parsed articles finds.
    const fresh = new SearchIndex((await load({ cache: false })).articles);
    // Words found only in short fields (source, tags, title) come from the cached short texts' marks.
    for (const q of ['validators', '"vote** on"', 'body -solana', 'of one', 'three -body', 'zzz', 'decrypt', 'btc mining', 'two', 'decrypt -two', 'is:draft one']) {
      expect(index.search(q).hits.map((h) => h.id), q).toEqual(fresh.search(q).hits.map((h) => h.id));
    }
    expect(index.search('body -solana').hits.map((h) => warm.articles[h.id].title).sort()).toEqual(['One', 'Three']);
  });

  it('answers a full scan of more than CAP cached articles from the marks as a fresh parse does', async () => {
    // Beyond CAP articles a search without a limit takes its matches from the cache's marks of
    // short texts and bodies and makes haystacks only for them; below it every haystack is used.
    const sources = ['Decrypt', 'The Block', 'CoinDesk'];
    for (let i = 0; i < 1_200; i++) {
      const body = i % 3 === 0 ? `Validators ${i} vote on fees.` : `Plain body ${i}.`;
      const extra = `source:\n  name: ${sources[i % 3]}\ntags: [${i % 4 === 0 ? 'Mining' : 'Markets'}]\n`;
      put(`bulk/b${String(i).padStart(4, '0')}.md`, `---\ntitle: Bulk ${i % 5 === 0 ? 'Solana' : 'Bitcoin'} ${i}\npublishedAt: '2025-11-14T02:13:55.000Z'\n${extra}---\n${body}\n`);
    }
    await load();
    const warm = await load();
    expect(warm.wrote).toBe(false);
    const cached = new SearchIndex(warm.articles);
    const fresh = new SearchIndex((await load({ cache: false })).articles);
    const ids = (index: SearchIndex, q: string): number[] => index.search(q).hits.map((h) => h.id);
    for (const q of ['solana', 'block', 'mining validators', 'validators -solana', '"vote on"', 'bitcoin fees', 'coindesk 12', 'zzz', 'tag:mining solana']) {
      expect(ids(cached, q), q).toEqual(ids(fresh, q));
    }
    expect(ids(cached, 'solana')).toHaveLength(241); // 240 titles, and the body of a/two.md
    expect(ids(cached, 'mining validators').length).toBeGreaterThan(0);
    // A limited search afterwards makes every haystack and finds the same.
    expect(cached.search('block', { limit: 2_000 }).hits.map((h) => h.id)).toEqual(ids(fresh, 'block'));
  }, 30_000);

  it('keeps per-file warnings on cached runs', async () => {
    put('big.md', post('Big', 'x'.repeat(5_000)));
    const first = await load({ maxFileSize: 1_000 });
    const second = await load({ maxFileSize: 1_000 });
    expect(first.warnings).toEqual([{ path: path.join(corpus, 'big.md'), reason: 'truncated to 1000 B' }]);
    expect(second.warnings).toEqual(first.warnings);
  });

  it('deletes the cache first with clearCache, then rebuilds it unless cache is false', async () => {
    await load();
    const cached = readCache(base(), cacheVersion(1024 * 1024));
    expect(cached?.size).toBe(3);
    fs.writeFileSync(`${base()}.json.keep`, '');
    const cleared = await load({ clearCache: true, cache: false });
    expect(cleared.wrote).toBe(false);
    expect(fs.readdirSync(cacheDir)).toEqual([`${path.basename(base())}.json.keep`]);
    expect(titles(cleared.articles)).toEqual(['One', 'Two', 'Three']);
    const rebuilt = await load({ clearCache: true });
    expect(rebuilt.wrote).toBe(true);
    expect(readCache(base(), cacheVersion(1024 * 1024))?.size).toBe(3);
  });

  it('neither reads nor writes the cache with cache: false', async () => {
    const r = await load({ cache: false });
    expect(r.wrote).toBe(false);
    expect(fs.existsSync(cacheDir)).toBe(false);
    expect(titles(r.articles)).toEqual(['One', 'Two', 'Three']);
  });

  const damage: Array<[string, () => void]> = [
    ['garbage metadata', () => fs.writeFileSync(`${base()}.json`, '\u0000\u00ff not json')],
    ['truncated metadata', () => fs.truncateSync(`${base()}.json`, 40)],
    ['truncated bodies', () => fs.truncateSync(`${base()}.bodies`, 20)],
    ['bodies from another write', () => fs.writeFileSync(`${base()}.bodies`, Buffer.alloc(fs.statSync(`${base()}.bodies`).size))],
    ['missing bodies', () => fs.rmSync(`${base()}.bodies`)],
    ['a title of the wrong type', () => editMeta((m) => { m.columns.title[0] = 42; })],
    ['a title with an escape sequence', () => editMeta((m) => { m.columns.title[0] = 'Evil \u001b]52;c;aGk=\u0007'; })],
    ['a string-table index out of range', () => editMeta((m) => { m.columns.source[0] = 9_999; })],
    ['a list-table index out of range', () => editMeta((m) => { m.columns.tags[0] = 9_999; })],
    ['a list naming a missing string', () => editMeta((m) => { m.columns.lists[0] = [9_999]; })],
    ['a column one short', () => editMeta((m) => { m.columns.mtimeMs.pop(); })],
    ['a null list out of range', () => editMeta((m) => { m.columns.scoreNull = [5]; })],
    ['a body length that disagrees with the bodies', () => editMeta((m) => { m.columns.bodyLength[0] += 1; })],
    ['a format that is not one', () => editMeta((m) => { m.columns.format[0] = m.columns.source[0]; })],
    ['another format version', () => editMeta((m) => { m.version = 'other'; })],
    ['a JSON array instead of an object', () => fs.writeFileSync(`${base()}.json`, '[1,2,3]')],
    // The reader skips the per-string check when the whole text has no escape that could make a
    // control character; each spelling of one below must still be caught.
    ['ESC as an upper-case \\u escape', () => editText((t) => t.replace('"One"', '"Evil \\u001B[2J"'))],
    ['a raw DEL byte', () => editText((t) => t.replace('"One"', '"Evil \x7f"'))],
    ['a C1 CSI as a \\u escape', () => editText((t) => t.replace('"One"', '"Evil \\u009b2J"'))],
    ['a bidi override as a \\u escape', () => editText((t) => t.replace('"One"', '"Evil \\u202E"'))],
    ['a newline escape in a shared string', () => editText((t) => t.replace('"Decrypt"', '"De\\ncrypt"'))],
  ];
  it.each(damage)('survives %s: same articles, cache rebuilt', async (_name, spoil) => {
    const first = await load();
    spoil();
    const next = await load();
    expect(next.wrote).toBe(true);
    expect(titles(next.articles)).toEqual(titles(first.articles));
    expect(next.articles.every((a) => !/[\u001b\u007f\u009b\u202e\n]/.test(a.title + a.source))).toBe(true);
    expect(readCache(base(), cacheVersion(1024 * 1024))?.size).toBe(3);
  });
});

interface Meta { version: string; columns: Record<string, unknown[]> & { lists: unknown[][]; bodyLength: number[] } }
function editMeta(edit: (m: Meta) => void): void {
  const file = `${base()}.json`;
  const meta = JSON.parse(fs.readFileSync(file, 'utf8')) as Meta;
  edit(meta);
  fs.writeFileSync(file, JSON.stringify(meta));
}

// Edits the metadata file as text, for escapes JSON.stringify would never write.
function editText(edit: (text: string) => string): void {
  const file = `${base()}.json`;
  const text = fs.readFileSync(file, 'latin1');
  const edited = edit(text);
  if (edited === text) throw new Error('the edit changed nothing');
  fs.writeFileSync(file, edited, 'latin1');
}

describe('readCache', () => {
  it('returns null when there is no cache', () => {
    expect(readCache(path.join(root, 'nothing-here'), cacheVersion(1))).toBeNull();
  });

  it('returns entries keyed by path with their lower-cased bodies', async () => {
    await load();
    const entries = readCache(base(), cacheVersion(1024 * 1024));
    expect(entries?.get(path.join(corpus, 'a/two.md'))?.lowerBody.toString('utf8')).toBe('solana validators **vote** on fees.\n');
  });

  it('refuses a cache made with another read cap', async () => {
    await load();
    expect(readCache(base(), cacheVersion(1000))).toBeNull();
  });
});
