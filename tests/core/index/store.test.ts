// Rows and full text of the index: written in batches, replaced by path, removed with their text;
// free words found through FTS5 with accents folded, prefixes and typos.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openIndex } from '../../../src/core/index/database.js';
import { editDistance, matchExpression, matchingIds, nearWords } from '../../../src/core/index/fts.js';
import { ArticleStore, type IndexedArticle } from '../../../src/core/index/store.js';

let db: Database.Database;
let store: ArticleStore;
beforeEach(() => {
  db = openIndex(null).db;
  store = new ArticleStore(db);
});
afterEach(() => db.close());

const item = (p: string, title: string, body: string, extra: Partial<IndexedArticle> = {}): IndexedArticle => ({
  path: p, size: body.length, mtime: 1, dev: 1, ino: p.length, published: null,
  article: { title, dateGuessed: true, frontMatter: { nested: { ok: 1 } } },
  lead: '',
  fields: { source: 'decrypt\ndecrypt', lang: 'en', sentiment: '' },
  text: { title, description: '', tags: 'BTC ETF', source: 'Decrypt decrypt', category: 'MARKETS', body, coins: ['BTC'] },
  ...extra,
});

describe('ArticleStore', () => {
  it('stores the whole article as JSON, so fields added elsewhere come back', () => {
    const [id] = store.put([item('/a.md', 'A', 'x')]);
    expect(store.article(id)).toEqual({ title: 'A', dateGuessed: true, frontMatter: { nested: { ok: 1 } } });
    expect(store.article(id + 1)).toBeNull();
  });

  it('replaces the row of a path written again, text included', () => {
    const [first] = store.put([item('/a.md', 'Old', 'solana validators')]);
    const [second] = store.put([item('/a.md', 'New', 'bitcoin miners', { size: 99 })]);
    expect(second).not.toBe(first);
    expect([...store.rows()]).toEqual([{ id: second, path: '/a.md', size: 99, mtime: 1, dev: 1, ino: 5 }]);
    expect(matchingIds(db, ['solana'], false)).toEqual([]);
    expect(matchingIds(db, ['miners'], false)).toEqual([second]);
  });

  it('removes rows and their text', () => {
    const ids = store.put([item('/a.md', 'A', 'solana'), item('/b.md', 'B', 'solana'), item('/c.md', 'C', 'solana')]);
    store.remove([ids[1]]);
    expect(store.count()).toBe(2);
    expect(matchingIds(db, ['solana'], false)).toEqual([ids[0], ids[2]]);
  });
});

describe('free words through FTS5', () => {
  let ids: number[];
  beforeEach(() => {
    ids = store.put([
      item('/1.md', 'Bitcoin climbs', 'Spot funds took in record sums.'),
      item('/2.md', 'Café owners accept ether', 'A résumé of the Zürich pilot.'),
      item('/3.md', 'Miners sell', 'Hashprice falls; bitcoin miners sell reserves.'),
    ]);
  });

  it('finds articles holding every word, in any field, ignoring case', () => {
    expect(matchingIds(db, ['bitcoin'], false)).toEqual([ids[0], ids[2]]);
    expect(matchingIds(db, ['bitcoin', 'reserves'], false)).toEqual([ids[2]]);
    expect(matchingIds(db, ['MARKETS'], false)).toEqual(ids);
    expect(matchingIds(db, ['decrypt', 'etf'], false)).toEqual(ids);
  });

  it('folds accents both ways (remove_diacritics 2)', () => {
    expect(matchingIds(db, ['cafe'], false)).toEqual([ids[1]]);
    expect(matchingIds(db, ['resume', 'zurich'], false)).toEqual([ids[1]]);
    expect(matchingIds(db, ['café'], false)).toEqual([ids[1]]);
  });

  it('matches the last word as a prefix only when asked (the word being typed)', () => {
    expect(matchingIds(db, ['bitc'], false)).toEqual([]);
    expect(matchingIds(db, ['bitc'], true)).toEqual([ids[0], ids[2]]);
    expect(matchingIds(db, ['miners', 'hashp'], true)).toEqual([ids[2]]);
  });

  it.each(['"', 'a"b', 'bitcoin*', 'AND', 'title:bitcoin', 'NEAR(a b)', '(', '-x', '^a'])('treats %j as text, never as FTS5 syntax', (w) => {
    expect(() => matchingIds(db, [w], false)).not.toThrow();
    expect(() => matchingIds(db, [w], true)).not.toThrow();
  });

  it('quotes every token in the expression, a word of several tokens as each of them (no positions: detail = column)', () => {
    expect(matchExpression(['a"b', 'c'], true)).toBe('"a" AND "b" AND "c"*');
    expect(matchExpression(['"'], true)).toBe('');
    expect(matchingIds(db, ['"'], true)).toEqual([]);
  });

  it('suggests indexed words a typo away, most frequent first', () => {
    expect(nearWords(db, 'bitconi')).toEqual(['bitcoin']);
    expect(nearWords(db, 'minres')).toEqual(['miners']);
    expect(nearWords(db, 'zzqx')).toEqual([]);
    expect(nearWords(db, 'bit')).toEqual([]);
  });
});

describe('editDistance', () => {
  it.each([
    ['bitcoin', 'bitcoin', 0],
    ['bitconi', 'bitcoin', 1],
    ['bitcon', 'bitcoin', 1],
    ['btcoinx', 'bitcoin', 2],
    ['solana', 'bitcoin', 3],
  ])('%s -> %s is %d (capped at max + 1 = 3)', (a, b, d) => {
    expect(editDistance(a, b, 2)).toBe(Math.min(d, 3));
  });
});
