// Builds a complete Article for tests from the few fields a test cares about; the defaults
// describe a plain, dated, non-draft article so each test states only what it varies.

import type { Article } from '../../src/core/article.js';

/** A full Article with sensible defaults, overridden by `partial`. */
export function makeArticle(partial: Partial<Article> = {}): Article {
  const id = partial.id ?? 0;
  return {
    id,
    path: `/corpus/article-${id}.md`,
    relPath: `article-${id}.md`,
    title: `Article ${id}`,
    description: '',
    publishedAt: Date.UTC(2025, 10, 1),
    dateGuessed: false,
    updatedAt: null,
    calendarDates: 0,
    source: 'Decrypt',
    sourceKey: 'decrypt',
    categories: [],
    tags: [],
    coinFields: [],
    sentiment: null,
    score: null,
    lang: 'en',
    draft: false,
    scheduledAt: null,
    expiresAt: null,
    stickyWeight: 0,
    url: null,
    externalId: null,
    coverImage: null,
    frontMatter: {},
    format: 'yaml',
    body: '',
    size: 0,
    mtimeMs: Date.UTC(2025, 10, 1),
    notes: [],
    ...partial,
  };
}

/** Articles with ids 0..n-1 in the given order, for building an index. */
export function makeCorpus(partials: readonly Partial<Article>[]): Article[] {
  return partials.map((p, id) => makeArticle({ ...p, id }));
}
