// When the drafts rule next lists or drops an article (FilterColumns.nextListedChange): what the
// search's remembered lists are keyed by and what a running dashboard waits for. It must equal
// the soonest publication-window change of any article (publication-window.ts), whatever times it
// is asked at and however the corpus grew in between.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article.js';
import { nextWindowChange } from '../../../src/core/publication-window.js';
import { FilterColumns } from '../../../src/core/search/filter-columns.js';
import { makeHay } from '../../../src/core/search/haystack.js';
import { SearchIndex } from '../../../src/core/search/search.js';
import { makeArticle } from '../../helpers/make-article.js';

const T = Date.UTC(2026, 0, 1);
const at = fc.integer({ min: -5, max: 5 }).map((k) => T + k * 1000);

const article = fc.record({
  publishedAt: fc.option(at, { nil: null }),
  dateGuessed: fc.boolean(),
  draft: fc.boolean(),
  scheduledAt: fc.option(at, { nil: null }),
  expiresAt: fc.option(at, { nil: null }),
});

// Every article's own next change, the soonest of them.
const bruteForce = (docs: readonly Article[], now: number): number =>
  Math.min(Infinity, ...docs.filter((a) => !a.draft).map((a) => nextWindowChange(a, now) ?? Infinity));

describe('FilterColumns.nextListedChange', () => {
  it('is the soonest window change of any article, asked at any times while the corpus grows', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(article, { maxLength: 6 }), fc.array(at, { maxLength: 4 })), { minLength: 1, maxLength: 5 }), (steps) => {
        const docs: Article[] = [];
        const columns = new FilterColumns(docs, (id) => makeHay(docs[id]));
        for (const [batch, times] of steps) {
          for (const a of batch) docs.push(makeArticle({ ...a, id: docs.length }));
          for (const now of times) expect(columns.nextListedChange(now)).toBe(bruteForce(docs, now));
        }
      }),
    );
  });

  it('counts an expiry even where the date was guessed, and never a draft or a guessed date', () => {
    const docs = [
      makeArticle({ id: 0, publishedAt: T + 50, dateGuessed: true }),
      makeArticle({ id: 1, publishedAt: T + 10, draft: true }),
      makeArticle({ id: 2, publishedAt: T + 70, dateGuessed: true, expiresAt: T + 60 }),
    ];
    const columns = new FilterColumns(docs, (id) => makeHay(docs[id]));
    expect(columns.nextListedChange(T)).toBe(T + 60);
    expect(columns.nextListedChange(T + 60)).toBe(Infinity);
  });
});

describe('SearchIndex at a clock that moves', () => {
  it('lists an article once its date comes and drops one once it expires, within the same minute', () => {
    const minute = Date.UTC(2026, 0, 1, 12, 0);
    const index = new SearchIndex([
      makeArticle({ id: 0, title: 'Listed all along', publishedAt: minute - 60_000 }),
      makeArticle({ id: 1, title: 'Embargoed until 12:00:20', publishedAt: minute + 20_000 }),
      makeArticle({ id: 2, title: 'Expires at 12:00:40', publishedAt: minute - 60_000, expiresAt: minute + 40_000 }),
    ]);
    const titles = (now: number) => index.search('', { now, limit: 10 }).hits.map((h) => index.article(h.id).title).sort();
    expect(index.nextListedChange(minute + 1000)).toBe(minute + 20_000);
    expect(titles(minute + 1000)).toEqual(['Expires at 12:00:40', 'Listed all along']);
    expect(titles(minute + 20_000)).toEqual(['Embargoed until 12:00:20', 'Expires at 12:00:40', 'Listed all along']);
    expect(index.nextListedChange(minute + 20_000)).toBe(minute + 40_000);
    expect(titles(minute + 40_000)).toEqual(['Embargoed until 12:00:20', 'Listed all along']);
    expect(index.nextListedChange(minute + 40_000)).toBe(Infinity);
    // Back in time (a test's clock), the same rule.
    expect(titles(minute + 1000)).toEqual(['Expires at 12:00:40', 'Listed all along']);
  });
});
