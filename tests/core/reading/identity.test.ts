// Article identity from front matter to reading state: externalId travels loader -> record ->
// index -> warm start -> Reading, so a renamed (and re-URLed) file keeps its read and saved marks,
// and a second copy of a feed in another folder shares them. Real files, the real loader with
// its on-disk index, the real state database.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article.js';
import { indexFile } from '../../../src/core/index/location.js';
import { loadCorpus } from '../../../src/core/load/load.js';
import { Reading } from '../../../src/core/reading/reading.js';
import { tempDirs } from '../../helpers/temp-dirs.js';

const tmp = tempDirs('cnt-identity-');

const article = (title: string, extra: string): string => `---\ntitle: ${title}\ndate: 2025-11-04\n${extra}---\n\nBody of ${title}.\n`;

async function load(paths: string[], cacheDir: string): Promise<Record<string, Article>> {
  const { articles } = await loadCorpus(paths, { cacheDir, workers: 0 });
  return Object.fromEntries(articles.map((a) => [a.title, a]));
}

describe('article identity', () => {
  it('the record carries externalId from the front matter, cold and warm (from the index)', async () => {
    const news = tmp('news');
    const cache = tmp('cache');
    fs.writeFileSync(path.join(news, 'a.md'), article('Feed Item', "externalId: '54371037'\nurl: https://x.test/a\n"));
    fs.writeFileSync(path.join(news, 'b.md'), article('Plain Item', 'url: https://x.test/b\n'));
    const cold = await load([news], cache);
    expect(cold['Feed Item'].externalId).toBe('54371037');
    expect(cold['Plain Item'].externalId).toBeNull();
    // What the index stored: rewrite it, and the warm load must give the rewritten value back,
    // which proves the warm article came from the stored record, not from a new parse.
    const db = new Database(indexFile(cache, [news]));
    const stored = db.prepare("SELECT article FROM articles WHERE path LIKE '%/a.md'").pluck().get() as string;
    expect(JSON.parse(stored)).toContain('54371037');
    db.prepare("UPDATE articles SET article = json_set(article, '$[25]', 'from-the-index') WHERE path LIKE '%/a.md'").run();
    db.close();
    const warm = await load([news], cache);
    expect(warm['Feed Item'].externalId).toBe('from-the-index');
    expect(warm['Plain Item'].externalId).toBeNull();
  });

  it('a renamed file with a new URL keeps its read and saved marks; a copy of the feed in another folder shares them', async () => {
    const news = tmp('news');
    const mirror = tmp('mirror');
    const cache = tmp('cache');
    const state = tmp('state');
    fs.writeFileSync(path.join(news, 'etf.md'), article('ETF Inflows', "externalId: 'cp-1001'\nurl: https://x.test/etf\n"));
    fs.writeFileSync(path.join(news, 'other.md'), article('Other Story', "externalId: 'cp-1002'\n"));
    let r = Reading.open(state);
    const first = await load([news], cache);
    r.see(Object.values(first));
    r.toggleRead([first['ETF Inflows']]);
    r.toggleSaved([first['ETF Inflows']]);
    r.endSession();

    // Renamed, moved under a subfolder, and the feed changed its URL scheme.
    fs.mkdirSync(path.join(news, '2025'));
    fs.unlinkSync(path.join(news, 'etf.md'));
    fs.writeFileSync(path.join(news, '2025', 'etf-inflows-renamed.md'), article('ETF Inflows', "externalId: 'cp-1001'\nurl: https://x.test/amp/etf\n"));
    fs.writeFileSync(path.join(mirror, 'copy.md'), article('ETF Inflows (mirror)', "externalId: 'cp-1001'\nurl: https://mirror.test/etf\n"));
    for (const run of ['cold', 'warm']) {
      r = Reading.open(state);
      const after = await load([news, mirror], cache);
      r.see(Object.values(after));
      const renamed = after['ETF Inflows'];
      expect(renamed.path.endsWith('etf-inflows-renamed.md'), run).toBe(true);
      expect([r.isRead(renamed), r.isSaved(renamed)], run).toEqual([true, true]);
      expect([r.isRead(after['ETF Inflows (mirror)']), r.isSaved(after['ETF Inflows (mirror)'])], run).toEqual([true, true]);
      expect([r.isRead(after['Other Story']), r.isSaved(after['Other Story'])], run).toEqual([false, false]);
      // Marking the copy unread is marking the story unread, wherever it is.
      if (run === 'warm') {
        r.toggleRead([after['ETF Inflows (mirror)']]);
        expect(r.isRead(renamed)).toBe(false);
      }
      r.endSession();
    }
  });

  it('marks stored under the URL or the path before externalId was read are adopted by the article, once', async () => {
    const news = tmp('news');
    const state = tmp('state');
    fs.writeFileSync(path.join(news, 'a.md'), article('By URL', "externalId: 'e-1'\nurl: https://x.test/a\n"));
    fs.writeFileSync(path.join(news, 'b.md'), article('By Path', "externalId: 'e-2'\n"));
    const loaded = await load([news], tmp('cache'));
    // What an earlier build wrote: marks keyed by URL and by path.
    const old = Reading.open(state);
    old.store.setRead([`url:https://x.test/a`], true);
    old.store.setSaved([`path:${loaded['By Path'].path}`], true);
    old.close();
    const r = Reading.open(state);
    // Read before anything is written (what `--filter is:read` does): the earlier marks count.
    expect([r.isRead(loaded['By URL']), r.isSaved(loaded['By Path'])]).toEqual([true, true]);
    r.see(Object.values(loaded));
    expect([r.isRead(loaded['By URL']), r.isSaved(loaded['By URL'])]).toEqual([true, false]);
    expect([r.isRead(loaded['By Path']), r.isSaved(loaded['By Path'])]).toEqual([false, true]);
    // From now on the article's own key holds its marks.
    r.toggleSaved([loaded['By URL']]);
    r.close();
    const again = Reading.open(state);
    expect(again.store.get('id:e-1')).toMatchObject({ read: true, saved: true });
    again.close();
  });
});

describe('the key an article is looked up by', () => {
  it('follows the marks from an earlier key to the article’s own, and keeps it once it has a row', () => {
    const state = tmp('state');
    const a = { externalId: 'cp-7', url: 'https://x.test/7', path: '/n/7.md' };
    const r = Reading.open(state);
    // An earlier build keyed the marks by URL: read through it, asked many times.
    r.store.setRead(['url:https://x.test/7'], true);
    for (let i = 0; i < 3; i++) expect(r.isRead(a)).toBe(true);
    // The article gets its own row (its marks carried over), then changes through it.
    r.see([a]);
    expect(r.store.get('id:cp-7')?.read).toBe(true);
    r.toggleRead([a]);
    expect(r.isRead(a)).toBe(false);
    expect(r.store.isRead('url:https://x.test/7')).toBe(true);
    r.toggleRead([a]);
    expect(r.isRead(a)).toBe(true);
    r.close();
  });
});

describe('marks carried to a renamed file’s new key (Reading.carry)', () => {
  it('a file keyed by its path keeps its marks under its new path, after a restart, and two dashboards carrying it lose nothing', () => {
    const state = tmp('state');
    const before = { externalId: null, url: null, path: '/n/draft.md' };
    const after = { externalId: null, url: null, path: '/n/final.md' };
    const r = Reading.open(state);
    const other = Reading.open(state);
    r.see([before]);
    r.toggleSaved([before]);
    r.toggleRead([before]);
    // The second dashboard saw the new file first (its row made, no marks), then carries the rename.
    other.see([after]);
    other.carry([[before, after]]);
    const v = r.version;
    r.carry([[before, after]]);
    expect(r.version).toBeGreaterThan(v);
    expect([r.isRead(after), r.isSaved(after)]).toEqual([true, true]);
    expect([other.isRead(after), other.isSaved(after)]).toEqual([true, true]);
    r.close();
    other.close();
    const again = Reading.open(state);
    expect(again.store.get('path:/n/final.md')).toMatchObject({ read: true, saved: true });
    again.close();
  });

  it('an article whose key does not change (an externalId) or that has no marks is left as it is', () => {
    const state = tmp('state');
    const r = Reading.open(state);
    const a = { externalId: 'e-9', url: null, path: '/n/a.md' };
    r.see([a]);
    r.toggleRead([a]);
    const v = r.version;
    r.carry([[a, { ...a, path: '/n/b.md' }]]);
    r.carry([[{ externalId: null, url: null, path: '/n/never.md' }, { externalId: null, url: null, path: '/n/c.md' }]]);
    expect(r.version).toBe(v);
    expect(r.store.has('path:/n/c.md')).toBe(false);
    r.close();
  });

  it('a folder renamed at once: every file carries its own marks, in one call', () => {
    const state = tmp('state');
    const r = Reading.open(state);
    const at = (dir: string, k: number) => ({ externalId: null, url: null, path: `/${dir}/a${k}.md` });
    const old = Array.from({ length: 50 }, (_, k) => at('old', k));
    r.see(old);
    r.toggleRead(old.filter((_, k) => k % 2 === 0));
    r.toggleSaved(old.filter((_, k) => k % 5 === 0));
    r.carry(old.map((a, k) => [a, at('new', k)] as const));
    for (let k = 0; k < 50; k++) expect([k, r.isRead(at('new', k)), r.isSaved(at('new', k))]).toEqual([k, k % 2 === 0, k % 5 === 0]);
    r.close();
  });
});
