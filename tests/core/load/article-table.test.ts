// The loaded corpus's metadata lives in columns (load/article-table.ts) that LazyArticle reads
// through getters: every field reads back as the record gave it, nulls included, and what many
// articles repeat is held once.
import { describe, expect, it } from 'vitest';
import { toRecord, type ArticleRecord } from '../../../src/core/article-record.js';
import { ArticleTable } from '../../../src/core/load/article-table.js';
import { LazyArticle } from '../../../src/core/load/lazy-article.js';
import { makeArticle } from '../../helpers/make-article.js';
import { foldJoined, foldText } from '../../../src/core/text/index.js';
import { hayTitle, makeHay } from '../../../src/core/search/haystack.js';

const CAP = 1024 * 1024;
const recordOf = (partial: Parameters<typeof makeArticle>[0]): ArticleRecord => toRecord(makeArticle(partial), '1:2', 10, []);

describe('ArticleTable behind LazyArticle', () => {
  it('reads every metadata field back as the record holds it', () => {
    const full = {
      id: 0, path: '/news/feed/2026/a.md', relPath: 'feed/2026/a.md', title: 'Ether — up 5%', description: 'Café ünïcode',
      publishedAt: 1_762_000_000_123, dateGuessed: true, updatedAt: 1_762_000_100_000, calendarDates: 10, source: 'The Block', sourceKey: 'theblock',
      categories: ['MARKETS'], tags: ['ETH', 'defi'], coinFields: ['ETH'], sentiment: 'NEGATIVE', score: -0.25, lang: 'en-GB',
      draft: true, scheduledAt: 1_762_500_000_000, expiresAt: null, stickyWeight: 2.5, url: 'https://example.com/a', externalId: 'feed-1', format: 'toml' as const,
      size: 4096, mtimeMs: 1_762_000_200_000.5, notes: ['date guessed from file time'],
    };
    const a = LazyArticle.fromRecord(recordOf(full), 7, null, CAP, new ArticleTable(CAP));
    expect(a.meta()).toEqual({ ...full, id: 7 });
    expect(a.maxFileSize).toBe(CAP);
  });

  it('reads back sticky weights (most 0, kept apart) and file sizes of every magnitude (a 32-bit column, larger ones apart)', () => {
    const table = new ArticleTable(CAP, 2);
    const cases = [
      { stickyWeight: 0, size: 0 },
      { stickyWeight: -1.5, size: 4_294_967_294 },
      { stickyWeight: 3, size: 4_294_967_295 },
      { stickyWeight: 0, size: 6_000_000_000 },
      { stickyWeight: 1e-9, size: 123.5 },
      { stickyWeight: 0, size: 512 },
    ];
    const articles = cases.map((c, i) => LazyArticle.fromRecord(recordOf(c), i, null, CAP, table));
    expect(articles.map((a) => [a.stickyWeight, a.size])).toEqual(cases.map((c) => [c.stickyWeight, c.size]));
  });

  it('is its own haystack: the slots the search fills hold what a haystack beside it would', () => {
    const fields = { title: 'Bitcoin ETF Delayed', description: 'The SEC said so', tags: ['BTC', 'Regulation'], categories: ['Markets'], source: 'The Block', sourceKey: 'the-block', lang: 'EN', sentiment: 'Negative' };
    const a = LazyArticle.fromRecord(recordOf(fields), 3, null, CAP, new ArticleTable(CAP));
    expect(a.hayLists).toBeNull();
    const hay = makeHay(a);
    // No object beside it: the article, its slots now filled, and the same one on a second ask.
    expect(hay).toBe(a);
    expect(makeHay(a)).toBe(a);
    expect(hay.foldedBody).toBe(a);
    const own = makeHay(makeArticle(fields));
    expect(own).not.toBe(a);
    for (const key of ['foldedShort', 'foldedTitleLength', 'hayLists', 'hayMeta', 'hayMask'] as const) expect(hay[key]).toEqual(own[key]);
    expect(hay.hayMask).not.toBe(0);
  });

  it('gives the search its title and description folded, the same string its haystack would make', () => {
    const table = new ArticleTable(CAP);
    const pairs = [['Bitcoin ETF Delayed By SEC', 'The U.S. Regulator said so.'], ['Café Société', 'ÉTÉ à São Paulo'], ['', '']];
    const articles = pairs.map(([title, description], i) => LazyArticle.fromRecord(recordOf({ title, description }), i, null, CAP, table));
    articles.forEach((a, i) => {
      expect([a.title, a.description]).toEqual(pairs[i]);
      expect(a.foldedShort).toBe(foldJoined(pairs[i]));
      expect(a.foldedTitleLength).toBe(foldText(pairs[i][0]).length);
      expect(makeHay(a)).toBe(a);
      expect(hayTitle(makeHay(a))).toBe(foldText(pairs[i][0]));
    });
  });

  it('keeps nulls and false apart from zeros, and a relPath that is not the path\'s tail', () => {
    const a = LazyArticle.fromRecord(
      recordOf({ publishedAt: null, updatedAt: null, score: null, sentiment: null, lang: null, url: null, externalId: null, stickyWeight: 0, path: '/x/one.md', relPath: 'other.md', format: 'none' }),
      0, null, CAP,
    );
    expect([a.publishedAt, a.updatedAt, a.score, a.sentiment, a.lang, a.url, a.externalId]).toEqual([null, null, null, null, null, null, null]);
    expect([a.stickyWeight, a.dateGuessed, a.draft, a.format]).toEqual([0, false, false, 'none']);
    expect(a.relPath).toBe('other.md');
    expect(a.path).toBe('/x/one.md');
  });

  it('holds a repeated value or list once, shared and frozen, and grows past its first capacity', () => {
    const table = new ArticleTable(CAP, 2);
    const articles = Array.from({ length: 100 }, (_, i) =>
      LazyArticle.fromRecord(recordOf({ id: i, path: `/n/${i}.md`, relPath: `${i}.md`, tags: i % 2 ? ['BTC', 'ETF'] : ['SOL'], source: 'Decrypt', publishedAt: i * 1000 }), i, null, CAP, table),
    );
    expect(table.size).toBe(100);
    expect(articles[1].tags).toBe(articles[99].tags);
    expect(articles[1].tags).toEqual(['BTC', 'ETF']);
    expect(articles[0].tags).not.toBe(articles[1].tags);
    expect(Object.isFrozen(articles[3].tags)).toBe(true);
    expect(articles.map((a) => a.publishedAt)).toEqual(articles.map((_, i) => i * 1000));
    expect(articles.map((a) => a.relPath)).toEqual(articles.map((_, i) => `${i}.md`));
    expect(new Set(articles.map((a) => a.source))).toEqual(new Set(['Decrypt']));
  });

  it('reads back paths in many folders and one with no folder, each folder held once', () => {
    const table = new ArticleTable(CAP, 4);
    const paths = [...Array.from({ length: 50 }, (_, i) => `/corpus/${i % 5}/é-${i}.md`), 'loose.md', '/top.md'];
    const articles = paths.map((p, i) => LazyArticle.fromRecord(recordOf({ id: i, path: p, relPath: p.split('/').pop() ?? p }), i, null, CAP, table));
    expect(articles.map((a) => a.path)).toEqual(paths);
    expect(articles.map((a) => a.relPath)).toEqual(paths.map((p) => p.split('/').pop()));
    // Seven folders ('' and '/' among them) beside the source's and the other shared values: not one per article.
    expect((table as unknown as { values: unknown[] }).values.length).toBeLessThan(15);
  });

  it('serialises every field (JSON, print json) though they are getters', () => {
    const a = LazyArticle.fromRecord(recordOf({ title: 'T', tags: ['x'] }), 3, null, CAP);
    a.body = 'the body';
    a.frontMatter = { title: 'T' };
    a.coverImage = null;
    const json = JSON.parse(JSON.stringify(a)) as Record<string, unknown>;
    expect(json).toMatchObject({ id: 3, title: 'T', tags: ['x'], body: 'the body', frontMatter: { title: 'T' }, coverImage: null, format: 'yaml' });
    expect(Object.keys(json)).toHaveLength(30);
  });

  it('keeps a body folded on first use in a buffer of its own (not pinning a pooled slab)', () => {
    const a = LazyArticle.fromRecord(recordOf({ title: 'T' }), 0, null, CAP);
    a.body = 'Le Bitcoin à Zürich';
    expect(a.hasLowerBody).toBe(false);
    const bytes = a.lowerBody;
    expect(bytes.toString('utf8')).toBe('le bitcoin a zurich');
    expect(bytes.buffer.byteLength).toBe(bytes.length);
    expect(a.lowerBody).toBe(bytes);
  });
});
