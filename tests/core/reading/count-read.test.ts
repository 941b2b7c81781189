import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../../src/core/article.js';
import { Reading } from '../../../src/core/reading/reading.js';
import { ReadingStore } from '../../../src/core/reading/store.js';
import { ReadProbe } from '../../../src/core/reading/read-probe.js';
import { makeArticle } from '../../helpers/make-article.js';

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
    expect(reading.undoMarkAll()).toBe(3);
    expect(reading.countRead(all, article)).toBe(2);
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
