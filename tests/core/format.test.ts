import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article.js';
import { makeArticle } from '../helpers/make-article.js';
import { articleJson, displayPath, formatArticle, safeJson, type PrintContext } from '../../src/core/format.js';

const article: Article = makeArticle({
  path: '/home/u/news/a.md',
  relPath: 'a.md',
  title: 'Evil \x1b]0;pwned\x07title',
  description: 'd',
  publishedAt: Date.UTC(2025, 10, 14, 2, 13, 55),
  categories: ['BTC'],
  tags: ['BTC', 'MINING'],
  sentiment: 'NEGATIVE',
  score: 0,
  body: 'body \u202e text \x9b',
  size: 10,
});

const ctx = (over: Partial<PrintContext> = {}): PrintContext => ({
  cwd: '/home/u',
  stdoutIsTerminal: false,
  ...over,
});

describe('displayPath', () => {
  it.each([
    ['/home/u/news/a.md', '/home/u', 'news/a.md'],
    ['/opt/pkg/data/a.md', '/home/u', '/opt/pkg/data/a.md'],
    ['/home/u/a.md', '/home/u', 'a.md'],
    ['/home/u/a.md', '/home/u/', 'a.md'],
    ['/home/u/news/../a.md', '/home/u', 'a.md'],
    ['/home/u/./news//a.md', '/home/u', 'news/a.md'],
    ['/home/uu/a.md', '/home/u', '/home/uu/a.md'],
    ['/home/u/..a.md', '/home/u', '/home/u/..a.md'],
    ['/a.md', '/', 'a.md'],
  ])('%s from %s', (abs, cwd, expected) => {
    expect(displayPath(abs, cwd)).toBe(expected);
    // The quick tail must agree with path.relative's answer everywhere.
    const rel = path.relative(cwd, abs);
    expect(displayPath(abs, cwd)).toBe(rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs);
  });
});

describe('formatArticle', () => {
  it('path is relative to cwd, one line', () => {
    expect(formatArticle(article, 'path', ctx())).toBe('news/a.md\n');
  });
  it('path: piped, the real path byte for byte; on a terminal, every control character visible', () => {
    const odd = makeArticle({ ...article, path: '/home/u/news/esc\x1b[31mred\ttab\nline.md' });
    expect(formatArticle(odd, 'path', ctx())).toBe('news/esc\x1b[31mred\ttab\nline.md\n');
    expect(formatArticle(odd, 'path', ctx({ stdoutIsTerminal: true }))).toBe('news/esc\u241b[31mred\u2409tab\u240aline.md\n');
  });
  it('title is sanitised', () => {
    expect(formatArticle(article, 'title', ctx())).toBe('Evil title\n');
  });
  it('json is one line with ISO dates and escaped unsafe characters', () => {
    const line = formatArticle(article, 'json', ctx());
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trim().includes('\n')).toBe(false);
    expect(line.trimEnd()).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/u);
    const parsed = JSON.parse(line);
    expect(parsed).toMatchObject({
      path: 'news/a.md',
      publishedAt: '2025-11-14T02:13:55.000Z',
      dateGuessed: false,
      updatedAt: null,
      source: 'Decrypt',
      category: 'BTC',
      tags: ['BTC', 'MINING'],
      sentiment: 'negative',
      sentimentAsWritten: 'NEGATIVE',
      body: 'body \u202e text \x9b',
    });
  });
  it('articleJson has every documented field', () => {
    expect(Object.keys(articleJson(article, '/'))).toEqual(
      expect.arrayContaining(['path', 'title', 'description', 'publishedAt', 'dateGuessed', 'updatedAt', 'source', 'category', 'tags', 'sentiment', 'score', 'lang', 'url', 'coverImage', 'body']),
    );
  });
  it('safeJson escapes DEL, C1, bidi and line separators', () => {
    expect(safeJson('\x7f\x85\u2028\u202e')).toBe('"\\u007f\\u0085\\u2028\\u202e"');
  });
});
