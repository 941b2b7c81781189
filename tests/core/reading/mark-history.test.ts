// `u` takes back the last mark changes (`m`, `*`, `M`), newest first, each article's mark as it
// was before; written through the store, so another dashboard (and a restart) sees the undo.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article.js';
import { Reading, UNDO_DEPTH } from '../../../src/core/reading/reading.js';
import { searchWithReading } from '../../../src/core/reading/reading-search.js';
import { SearchIndex } from '../../../src/core/search/search.js';
import { makeArticle } from '../../helpers/make-article.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function stateDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-undo-'));
  dirs.push(dir);
  return dir;
}

const articles: Article[] = Array.from({ length: 5 }, (_, id) => makeArticle({ id, title: `Bitcoin story ${id}`, url: `https://u.example/${id}` }));
const read = (r: Reading) => articles.filter((a) => r.isRead(a)).map((a) => a.id);

describe('Reading.undo', () => {
  it('takes back m, * and M newest first, and says which', () => {
    const r = Reading.open(stateDir());
    expect(r.undo()).toBeNull();
    r.toggleRead([articles[0]], [0]);
    r.toggleSaved([articles[1]], [1]);
    r.markAll(articles, [0, 1, 2, 3, 4]);
    expect(read(r)).toEqual([0, 1, 2, 3, 4]);
    const v = r.version;
    // The M read four (0 was read already): those four become unread, 0 stays read.
    expect(r.undo()).toEqual({ mark: 'read', to: true, all: true, count: 4, ids: [0, 1, 2, 3, 4] });
    expect(r.version).toBeGreaterThan(v);
    expect(read(r)).toEqual([0]);
    expect(r.undo()).toEqual({ mark: 'saved', to: true, all: false, count: 1, ids: [1] });
    expect(r.isSaved(articles[1])).toBe(false);
    expect(r.undo()).toEqual({ mark: 'read', to: true, all: false, count: 1, ids: [0] });
    expect(read(r)).toEqual([]);
    expect(r.undo()).toBeNull();
    r.close();
  });

  it('restores each article of a mixed toggle to its own mark (a story row read where one was read already)', () => {
    const r = Reading.open(stateDir());
    r.toggleRead([articles[2]]);
    r.toggleRead([articles[1], articles[2], articles[3]]);
    expect(read(r)).toEqual([1, 2, 3]);
    expect(r.undo()?.count).toBe(3);
    expect(read(r)).toEqual([2]);
    // m twice is two changes: the first undo takes back the second m only.
    r.toggleRead([articles[4]]);
    r.toggleRead([articles[4]]);
    expect(r.undo()).toMatchObject({ to: false });
    expect(read(r)).toEqual([2, 4]);
    r.close();
  });

  it(`remembers the last ${UNDO_DEPTH} changes`, () => {
    const r = Reading.open(stateDir());
    for (let i = 0; i < UNDO_DEPTH + 3; i++) r.toggleRead([articles[0]]);
    let n = 0;
    while (r.undo()) n += 1;
    expect(n).toBe(UNDO_DEPTH);
    r.close();
  });

  it('writes the undo to the state file: a second dashboard on it sees it', () => {
    const dir = stateDir();
    const r = Reading.open(dir);
    r.toggleRead([articles[3]]);
    r.undo();
    r.close();
    const again = Reading.open(dir);
    expect(again.isRead(articles[3])).toBe(false);
    again.close();
  });
});

describe('searchWithReading with held rows', () => {
  it('keeps held ids past the reading terms, never past the rest of the query', () => {
    const r = Reading.open(stateDir());
    const index = new SearchIndex([...articles, makeArticle({ id: 5, title: 'Ether story', url: 'https://u.example/5' })]);
    r.toggleRead([articles[0], index.article(5)]);
    const ids = (q: string, held: ReadonlySet<number> | null) => searchWithReading(index, q, {}, r, r.version, null, held).hits.map((h) => h.id).sort();
    expect(ids('is:unread', null)).toEqual([1, 2, 3, 4]);
    expect(ids('is:unread', new Set([0, 5]))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ids('is:unread bitcoin', new Set([0, 5]))).toEqual([0, 1, 2, 3, 4]);
    // The same version with another set held is another answer (keepKey names the set).
    expect(ids('is:unread', new Set([5]))).toEqual([1, 2, 3, 4, 5]);
    r.close();
  });
});
