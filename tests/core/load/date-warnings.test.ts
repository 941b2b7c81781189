// Dates written but not read: the publication date falls back (file name, file time) with one
// warning naming its key; an updated, publish or expiry date is not applied, with a note for the
// inspector and a warning naming the key and the value (a tester saw them dropped without a word).
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article.js';
import { normaliseArticle, type FileInfo } from '../../../src/core/load/normalise.js';

const MTIME = Date.parse('2026-02-01T12:00:00Z');

function norm(data: Record<string, unknown>, info: Partial<FileInfo> = {}): { article: Article; warnings: string[] } {
  const file: FileInfo = { path: '/news/feed/post.md', relPath: 'feed/post.md', size: 10, mtimeMs: MTIME, folderName: 'feed', ...info };
  const warnings: string[] = [];
  const article = normaliseArticle({ data, format: 'yaml', body: '', info: file, id: 0, notes: [], warnings });
  return { article, warnings };
}

describe('warnings for dates that do not read', () => {
  const cases: Array<[string, Record<string, unknown>, string[], string[]]> = [
    ['an ambiguous expiryDate', { date: '2026-01-05', expiryDate: '12/08/2026' },
      ['expiryDate "12/08/2026" could be 12 August 2026 or 8 December 2026; not applied'],
      ['expiryDate: "12/08/2026" could be 12 August 2026 or 8 December 2026, not applied']],
    ['an ambiguous publishDate after a readable date', { date: '2026-01-05', publishDate: '12/08/2026' },
      ['publishDate "12/08/2026" could be 12 August 2026 or 8 December 2026; not applied'],
      ['publishDate: "12/08/2026" could be 12 August 2026 or 8 December 2026, not applied']],
    ['an ambiguous lastmod', { date: '2026-01-05', lastmod: '03/04/2026' },
      ['lastmod "03/04/2026" could be 3 April 2026 or 4 March 2026; not applied'],
      ['lastmod: "03/04/2026" could be 3 April 2026 or 4 March 2026, not applied']],
    ['an unreadable lastmod', { date: '2026-01-05', lastmod: 'yesterday' },
      ['lastmod "yesterday" not understood; not applied'], ['lastmod: "yesterday" not understood, not applied']],
    ['updated, modified, last_modified_at too', { date: '2026-01-05', last_modified_at: 'soon' },
      ['last_modified_at "soon" not understood; not applied'], ['last_modified_at: "soon" not understood, not applied']],
    ['unpublishDate (an expiry key)', { date: '2026-01-05', unpublishDate: 'after the merge' },
      ['unpublishDate "after the merge" not understood; not applied'], ['unpublishDate: "after the merge" not understood, not applied']],
    ['one warning per kind: a later readable key is applied, both unreadable ones noted', { date: '2026-01-05', updated: 'soon', lastmod: '2026-01-07' },
      ['updated "soon" not understood; not applied'], ['updated: "soon" not understood, not applied']],
    ['the date warning names its key when it is not `date`', { pubDate: 'someday' },
      ['pubDate "someday" not understood; using the file\'s time'],
      ['date guessed from file time: "someday" not understood', 'pubDate: "someday" not understood, not applied']],
    ['an unreadable date before a readable one warns, naming the one used', { date: 'soon', pubDate: 'Tue, 04 Nov 2025 10:30:00 GMT' },
      ['date "soon" not understood; using pubDate'], ['date from pubDate: "soon" not understood']],
    ['`date` keeps its warning', { date: 'next tuesday' },
      ['date "next tuesday" not understood; using the file\'s time'], ['date guessed from file time: "next tuesday" not understood']],
    ['readable dates warn about nothing', { date: '2026-01-05', lastmod: '2026/03/04', publishDate: 'March 1, 2027', expiryDate: '4 Nov 2026' }, [], []],
    ['flags and empty values are no dates written', { date: '2026-01-05', lastmod: '', expiryDate: false, updated: null }, [], []],
  ];

  it.each(cases)('%s', (_name, data, warnings, notes) => {
    const got = norm(data);
    expect(got.warnings).toEqual(warnings);
    expect(got.article.notes).toEqual(notes);
  });

  it('a date that does not read is not applied', () => {
    const { article } = norm({ date: '2026-01-05', lastmod: 'yesterday', publishDate: '12/08/2026', expiryDate: '12/08/2026' });
    expect(article).toMatchObject({ updatedAt: null, scheduledAt: null, expiresAt: null, publishedAt: Date.parse('2026-01-05') });
  });

  it('a publishDate that is also the only date warns once, as the date', () => {
    const { article, warnings } = norm({ publishDate: '12/08/2026' });
    expect(warnings).toEqual(['publishDate "12/08/2026" not understood; using the file\'s time']);
    expect(article).toMatchObject({ publishedAt: MTIME, dateGuessed: true, scheduledAt: null });
    expect(article.notes).toContain('publishDate: "12/08/2026" could be 12 August 2026 or 8 December 2026, not applied');
  });

  it('each kind warns on its own', () => {
    const { warnings } = norm({ date: 'soon', lastmod: 'later', expiryDate: 'never' }, { path: '/site/_posts/2026-01-05-post.md', folderName: '_posts' });
    expect(warnings).toEqual([
      'date "soon" not understood; using the date in the file name',
      'expiryDate "never" not understood; not applied',
      'lastmod "later" not understood; not applied',
    ]);
  });

  it('a value is quoted cut and free of control characters', () => {
    const { warnings } = norm({ date: '2026-01-05', lastmod: `\u001b[31m${'x'.repeat(80)}` });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).not.toMatch(/\u001b/);
    expect(warnings[0]).toMatch(/^lastmod ".{59}…" not understood; not applied$/u);
  });
});
