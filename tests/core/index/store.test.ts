// Rows and full text of the index: written in batches, replaced by path, removed with their text;
// free words found through FTS5 with accents folded, prefixes and typos.
import { beforeEach, describe, expect, it } from 'vitest';
import { editDistance, matchExpression, matchingIds, nearWords } from '../../../src/core/index/fts.js';
import type { IndexedArticle } from '../../../src/core/index/store.js';
import { memoryIndex } from '../../helpers/memory-index.js';

const mem = memoryIndex();

const item = (p: string, title: string, body: string, extra: Partial<IndexedArticle> = {}): IndexedArticle => ({
  path: p, size: body.length, mtime: 1, dev: 1, ino: p.length, published: null,
  article: { title, dateGuessed: true, frontMatter: { nested: { ok: 1 } } },
  lead: '',
  fields: { source: 'decrypt\ndecrypt', lang: 'en', sentiment: '', draft: 0, sticky: 0, warned: 0, listedFrom: null, listedUntil: null },
  text: { title, description: '', tags: 'BTC ETF', source: 'Decrypt decrypt', category: 'MARKETS', body, coins: ['BTC'] },
  ...extra,
});

describe('ArticleStore', () => {
  it('stores the whole article as JSON, so fields added elsewhere come back', () => {
    const [id] = mem.store.put([item('/a.md', 'A', 'x')]);
    expect(mem.store.article(id)).toEqual({ title: 'A', dateGuessed: true, frontMatter: { nested: { ok: 1 } } });
    expect(mem.store.article(id + 1)).toBeNull();
  });

  it('replaces the row of a path written again, text included', () => {
    const [first] = mem.store.put([item('/a.md', 'Old', 'solana validators')]);
    const [second] = mem.store.put([item('/a.md', 'New', 'bitcoin miners', { size: 99 })]);
    expect(second).not.toBe(first);
    expect([...mem.store.rows()]).toEqual([{ id: second, path: '/a.md', size: 99, mtime: 1, dev: 1, ino: 5 }]);
    expect(matchingIds(mem.db, ['solana'], false)).toEqual([]);
    expect(matchingIds(mem.db, ['miners'], false)).toEqual([second]);
  });

  it('removes rows and their text', () => {
    const ids = mem.store.put([item('/a.md', 'A', 'solana'), item('/b.md', 'B', 'solana'), item('/c.md', 'C', 'solana')]);
    mem.store.remove([ids[1]]);
    expect(mem.store.count()).toBe(2);
    expect(matchingIds(mem.db, ['solana'], false)).toEqual([ids[0], ids[2]]);
  });
});

describe('free words through FTS5', () => {
  let ids: number[];
  beforeEach(() => {
    ids = mem.store.put([
      item('/1.md', 'Bitcoin climbs', 'Spot funds took in record sums.'),
      item('/2.md', 'Café owners accept ether', 'A résumé of the Zürich pilot.'),
      item('/3.md', 'Miners sell', 'Hashprice falls; bitcoin miners sell reserves.'),
    ]);
  });

  it('finds articles holding every word, in any field, ignoring case', () => {
    expect(matchingIds(mem.db, ['bitcoin'], false)).toEqual([ids[0], ids[2]]);
    expect(matchingIds(mem.db, ['bitcoin', 'reserves'], false)).toEqual([ids[2]]);
    expect(matchingIds(mem.db, ['MARKETS'], false)).toEqual(ids);
    expect(matchingIds(mem.db, ['decrypt', 'etf'], false)).toEqual(ids);
  });

  it('folds accents both ways (remove_diacritics 2)', () => {
    expect(matchingIds(mem.db, ['cafe'], false)).toEqual([ids[1]]);
    expect(matchingIds(mem.db, ['resume', 'zurich'], false)).toEqual([ids[1]]);
    expect(matchingIds(mem.db, ['café'], false)).toEqual([ids[1]]);
  });

  it('matches the last word as a prefix only when asked (the word being typed)', () => {
    expect(matchingIds(mem.db, ['bitc'], false)).toEqual([]);
    expect(matchingIds(mem.db, ['bitc'], true)).toEqual([ids[0], ids[2]]);
    expect(matchingIds(mem.db, ['miners', 'hashp'], true)).toEqual([ids[2]]);
  });

  it.each(['"', 'a"b', 'bitcoin*', 'AND', 'title:bitcoin', 'NEAR(a b)', '(', '-x', '^a'])('treats %j as text, never as FTS5 syntax', (w) => {
    expect(() => matchingIds(mem.db, [w], false)).not.toThrow();
    expect(() => matchingIds(mem.db, [w], true)).not.toThrow();
  });

  it('quotes every token in the expression, a word of several tokens as each of them (no positions: detail = column)', () => {
    expect(matchExpression(['a"b', 'c'], true)).toBe('"a" AND "b" AND "c"*');
    expect(matchExpression(['"'], true)).toBe('');
    expect(matchingIds(mem.db, ['"'], true)).toEqual([]);
  });

  it('suggests indexed words a typo away, most frequent first', () => {
    expect(nearWords(mem.db, 'bitconi')).toEqual(['bitcoin']);
    expect(nearWords(mem.db, 'minres')).toEqual(['miners']);
    expect(nearWords(mem.db, 'zzqx')).toEqual([]);
    expect(nearWords(mem.db, 'bit')).toEqual([]);
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
