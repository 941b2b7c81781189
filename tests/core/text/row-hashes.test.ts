// The identity fields' hashes an ArticleTable keeps by row (text/row-hashes.ts): computed once per
// row, whatever the order rows are asked in, and the same as hashing the field's string.
import { describe, expect, it, vi } from 'vitest';
import { toRecord } from '../../../src/core/article-record.js';
import { ArticleTable } from '../../../src/core/load/article-table.js';
import { LazyArticle } from '../../../src/core/load/lazy-article.js';
import { RowHashes } from '../../../src/core/text/row-hashes.js';
import { hashText, NO_HASH } from '../../../src/core/text/index.js';
import { makeArticle } from '../../helpers/make-article.js';

const CAP = 1024 * 1024;

describe('RowHashes', () => {
  it('computes each row’s hash once, with the rest of its block in row order, past its first room and out of order', () => {
    let rows = 5_000;
    const compute = vi.fn((row: number) => (row % 3 === 0 ? NO_HASH : row * 7));
    const hashes = new RowHashes(compute, () => rows);
    for (const row of [5, 0, 3_000, 5, 1, 3_000, 0, 4_999]) expect(hashes.get(row)).toBe(row % 3 === 0 ? NO_HASH : row * 7);
    const asked = compute.mock.calls.map(([row]) => row);
    // Blocks 0-1023, 2048-3071 and 4096-4999 (the last rows there are), each row once, in order.
    const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k);
    expect(asked).toEqual([...range(0, 1024), ...range(2048, 3072), ...range(4096, 5000)]);
    // Rows appended later are computed when asked for.
    rows = 5_100;
    expect(hashes.get(5_050)).toBe(5_050 * 7);
    expect(compute.mock.calls.slice(asked.length).map(([row]) => row)).toEqual(range(5_000, 5_100));
  });
});

describe('ArticleTable.identityHash', () => {
  it('is hashText of the externalId, URL and path as LazyArticle reads them, NO_HASH for a null one', () => {
    const table = new ArticleTable(CAP, 1);
    const partials = [
      { externalId: 'feed-1', url: 'https://a.example/1', path: '/news/a/1.md' },
      { externalId: null, url: null, path: '/news/a/2.md' },
      { externalId: 'ünï-3', url: 'https://b.example/ü', path: '/news/b/ü 3.md' },
      { externalId: 'x', url: 'https://c.example/', path: 'top.md' },
    ];
    const articles = partials.map((p, id) => LazyArticle.fromRecord(toRecord(makeArticle({ id, ...p }), '', 0, []), id, null, CAP, table));
    for (const a of [...articles, ...articles]) {
      expect(a.identityHash('externalId')).toBe(a.externalId === null ? NO_HASH : hashText(a.externalId));
      expect(a.identityHash('url')).toBe(a.url === null ? NO_HASH : hashText(a.url));
      expect(a.identityHash('path')).toBe(hashText(a.path));
    }
    expect(articles.map((a) => a.path)).toEqual(partials.map((p) => p.path));
  });
});
