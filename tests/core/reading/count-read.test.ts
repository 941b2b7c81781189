import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../../src/core/article.js';
import { Reading } from '../../../src/core/reading/reading.js';
import { ReadingStore } from '../../../src/core/reading/store.js';
import { ReadProbe } from '../../../src/core/reading/read-probe.js';
import { makeArticle } from '../../helpers/make-article.js';
import { toRecord } from '../../../src/core/article-record.js';
import { ArticleTable } from '../../../src/core/load/article-table.js';
import { LazyArticle } from '../../../src/core/load/lazy-article.js';
import { hashText } from '../../../src/core/text/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function stateDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-count-read-'));
  dirs.push(dir);
  return dir;
}

// Articles keyed every way identity.ts keys them: by externalId (two of them copies of one feed
// item in two folders: one key), by URL only, by path only.
const articles: Article[] = [
  ...Array.from({ length: 4 }, (_, id) => makeArticle({ id, externalId: `feed-${id}`, url: `https://a.example/${id}` })),
  makeArticle({ id: 4, externalId: 'feed-1', url: 'https://b.example/1', path: '/other/article-1.md' }),
  ...Array.from({ length: 3 }, (_, k) => makeArticle({ id: 5 + k, url: `https://c.example/${k}` })),
  ...Array.from({ length: 3 }, (_, k) => makeArticle({ id: 8 + k })),
];
const article = (id: number): Article => articles[id];
const all = articles.map((a) => a.id);
const byLookup = (reading: Reading, ids: readonly number[]): number => ids.filter((id) => reading.isRead(articles[id])).length;

describe('Reading.countRead', () => {
  it('counts exactly what isRead says, through marks, copies of one item, unmarking and undo', () => {
    const reading = Reading.open(stateDir());
    reading.see(articles);
    expect(reading.countRead(all, article)).toBe(0);
    reading.toggleRead([articles[1], articles[5], articles[9]]);
    // The copy of feed-1 (id 4) is read with it: one key.
    expect(reading.countRead(all, article)).toBe(4);
    expect(reading.countRead(all, article)).toBe(byLookup(reading, all));
    reading.markAll([articles[0], articles[6], articles[8]]);
    expect(reading.countRead(all, article)).toBe(7);
    reading.toggleRead([articles[4]]); // feed-1 unread again, both copies
    expect(reading.countRead(all, article)).toBe(5);
    // `u` takes back the `m` (feed-1 read again), then the `M`.
    expect(reading.undo()?.count).toBe(1);
    expect(reading.countRead(all, article)).toBe(7);
    expect(reading.undo()?.count).toBe(3);
    expect(reading.countRead(all, article)).toBe(4);
    expect(reading.countRead(all, article)).toBe(byLookup(reading, all));
    // A slice of the ids.
    expect(reading.countRead(all, article, 5, 10)).toBe(byLookup(reading, all.slice(5, 10)));
    reading.close();
  });

  it('asks isRead only of articles one of whose keys is read, and of none when nothing is', () => {
    const reading = Reading.open(stateDir());
    reading.see(articles);
    const isRead = vi.spyOn(reading, 'isRead');
    expect(reading.countRead(all, article)).toBe(0);
    expect(isRead).not.toHaveBeenCalled();
    reading.toggleRead([articles[2], articles[10]]);
    isRead.mockClear();
    expect(reading.countRead(all, article)).toBe(2);
    expect(isRead.mock.calls.map(([a]) => (a as Article).id).sort((x, y) => x - y)).toEqual([2, 10]);
    isRead.mockRestore();
    reading.close();
  });

  it('finds marks stored under an earlier key (a URL before the feed’s id was read) and made by another dashboard before opening', () => {
    const dir = stateDir();
    const old = ReadingStore.open(dir);
    old.setRead(['url:https://a.example/3', 'path:/corpus/article-9.md'], true);
    old.close();
    const reading = Reading.open(dir);
    // Not seen yet: article 3 resolves to its URL key.
    expect(reading.countRead(all, article)).toBe(2);
    expect(reading.countRead(all, article)).toBe(byLookup(reading, all));
    // Seen: its own key takes the URL key's marks over.
    reading.see(articles);
    expect(reading.countRead(all, article)).toBe(2);
    reading.close();
  });

  it('counts an id the index no longer has as read (it is not shown)', () => {
    const reading = Reading.open(stateDir());
    reading.see(articles);
    reading.toggleRead([articles[0]]);
    const lost = (id: number): Article => {
      if (id >= 2) throw new RangeError(`no article with id ${id}`);
      return articles[id];
    };
    expect(reading.countRead([0, 1, 2, 3], lost)).toBe(3);
    reading.close();
  });
});

describe('ReadProbe', () => {
  it('lets through exactly the articles one of whose keys is read', () => {
    const probe = new ReadProbe(['id:feed-0', 'url:https://c.example/1', 'path:/corpus/article-10.md', 'odd-key']);
    expect(articles.filter((a) => probe.mayBeRead(a)).map((a) => a.id)).toEqual([0, 6, 10]);
    probe.set('id:feed-0', false);
    probe.set('id:feed-1', true);
    expect(articles.filter((a) => probe.mayBeRead(a)).map((a) => a.id)).toEqual([1, 4, 6, 10]);
    expect(probe.empty).toBe(false);
    expect(new ReadProbe([]).empty).toBe(true);
  });
});

// The index's articles (LazyArticle over an ArticleTable) are probed by the hashes of their fields'
// bytes, not their strings: the count must still be exactly isRead's, by id, URL and path.
describe('Reading.countRead over an index’s articles (probed by hash)', () => {
  const CAP = 1024 * 1024;
  // Two externalIds whose hashes are equal (found by search): a read one lets the other through, and isRead says no.
  const [twinA, twinB] = ['feed-79099', 'feed-105002'];
  const table = new ArticleTable(CAP, 4);
  const partials = [
    ...Array.from({ length: 6 }, (_, k) => ({ externalId: `feed-${k}`, url: `https://a.example/${k}`, path: `/corpus/a/${k}.md` })),
    { externalId: 'feed-1', url: 'https://b.example/1', path: '/corpus/b/1.md' }, // a copy of feed-1 in another folder
    ...Array.from({ length: 4 }, (_, k) => ({ externalId: null, url: `https://c.example/${k}`, path: `/corpus/c/${k}.md` })),
    ...Array.from({ length: 4 }, (_, k) => ({ externalId: null, url: null, path: `/corpus/d/ü ${k}.md` })),
    { externalId: twinA, url: null, path: '/corpus/e/a.md' },
    { externalId: twinB, url: null, path: '/corpus/e/b.md' },
  ];
  const lazy = partials.map((p, id) => LazyArticle.fromRecord(toRecord(makeArticle({ id, ...p }), '', 0, []), id, null, CAP, table));
  const ids = lazy.map((a) => a.id);
  const lazyArticle = (id: number): Article => lazy[id];
  const lookups = (reading: Reading): number => lazy.filter((a) => reading.isRead(a)).length;

  it('counts what isRead says with marks by id, URL and path, through copies, unmarking and undo', () => {
    expect(hashText(twinA)).toBe(hashText(twinB));
    const reading = Reading.open(stateDir());
    reading.see(lazy);
    expect(reading.countRead(ids, lazyArticle)).toBe(0);
    reading.toggleRead([lazy[1], lazy[8], lazy[12], lazy[15]]);
    // feed-1's copy (6) is read with it; twinB (16) is not, though its hash is twinA's.
    expect(reading.countRead(ids, lazyArticle)).toBe(5);
    expect(reading.countRead(ids, lazyArticle)).toBe(lookups(reading));
    reading.markAll([lazy[0], lazy[7], lazy[13]]);
    expect(reading.countRead(ids, lazyArticle)).toBe(8);
    reading.toggleRead([lazy[6]]); // feed-1 unread again, both copies
    expect(reading.countRead(ids, lazyArticle)).toBe(6);
    expect(reading.undo()?.count).toBe(1);
    expect(reading.countRead(ids, lazyArticle)).toBe(8);
    expect(reading.undo()?.count).toBe(3);
    expect(reading.countRead(ids, lazyArticle)).toBe(5);
    expect(reading.countRead(ids, lazyArticle)).toBe(lookups(reading));
    expect(reading.countRead(ids, lazyArticle, 10, 17)).toBe(lazy.slice(10, 17).filter((a) => reading.isRead(a)).length);
    reading.close();
  });

  it('finds marks under a URL or path key the articles’ own keys have not taken over yet', () => {
    const dir = stateDir();
    const old = ReadingStore.open(dir);
    old.setRead(['url:https://a.example/3', 'path:/corpus/a/4.md', 'url:https://c.example/2', 'path:/corpus/d/ü 1.md'], true);
    old.close();
    const reading = Reading.open(dir);
    // Not seen: 3 and 4 resolve to their earlier keys (URL, path), 9 and 12 have those as their own.
    expect(reading.countRead(ids, lazyArticle)).toBe(4);
    expect(reading.countRead(ids, lazyArticle)).toBe(lookups(reading));
    reading.see(lazy);
    expect(reading.countRead(ids, lazyArticle)).toBe(4);
    reading.close();
  });

  it('asks isRead only of the articles whose hashes match a read key, and never reads the others’ strings', () => {
    const reading = Reading.open(stateDir());
    reading.see(lazy);
    reading.toggleRead([lazy[15]]);
    const isRead = vi.spyOn(reading, 'isRead');
    const externalId = vi.spyOn(LazyArticle.prototype, 'externalId', 'get');
    for (let round = 0; round < 2; round++) {
      expect(reading.countRead(ids, lazyArticle)).toBe(1);
      expect(isRead.mock.calls.map(([a]) => (a as Article).id)).toEqual([15, 16]);
      expect((externalId.mock.contexts as Article[]).filter((a) => a.id !== 15 && a.id !== 16)).toEqual([]);
      isRead.mockClear();
      externalId.mockClear();
    }
    externalId.mockRestore();
    isRead.mockRestore();
    reading.close();
  });
});

