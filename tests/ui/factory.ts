// Local test factories for the dashboard tests: articles, hits, and a fake index with the
// SearchIndex surface App uses (article, size, search).
import type { Article } from '../../src/core/article.js';
import { makeArticle } from '../helpers/make-article.js';

/** An article with sensible defaults (an hour older per id); override any field. */
export function article(id: number, over: Partial<Article> = {}): Article {
  return makeArticle({
    id,
    path: `/tmp/a${id}.md`,
    relPath: `a${id}.md`,
    publishedAt: Date.UTC(2025, 10, 14) - id * 3_600_000,
    body: `Body of article ${id}.`,
    size: 100,
    mtimeMs: 0,
    ...over,
  });
}

/** A hit for id with optional title match ranges. */
export function hit(id: number, titleMatches: Array<[number, number]> = []) {
  return { id, score: 0, titleMatches };
}

/** n hits with ids 0..n-1. */
export function hits(n: number) {
  return Array.from({ length: n }, (_, i) => hit(i));
}
