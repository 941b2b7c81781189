import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article.js';
import { compareByDate, compareByScore, compareByTitle, compareNewest, comparatorFor, mergeSorted, sortByDate, sortByNewest, type Compare } from '../../../src/core/search/order/sort.js';
import { makeCorpus } from '../../helpers/make-article.js';

const d = (day: number): number => Date.UTC(2025, 10, day);
const docs = makeCorpus([
  /* 0 */ { title: 'beta', publishedAt: d(10), score: 5 },
  /* 1 */ { title: 'Alpha', publishedAt: d(12), score: null },
  /* 2 */ { title: 'alpha', publishedAt: null, score: 5 },
  /* 3 */ { title: 'Top 10 coins', publishedAt: d(11), stickyWeight: 2, score: 9 },
  /* 4 */ { title: 'Top 9 coins', publishedAt: d(12), stickyWeight: 1, score: -1 },
  /* 5 */ { title: 'Éclair', publishedAt: d(12), score: null },
]);
const order = (cmp: Compare): number[] => [...docs].sort(cmp).map((a: Article) => a.id);

describe('comparators', () => {
  const cases: Array<[string, Compare, number[]]> = [
    ['date: sticky desc, newest, undated last, id', compareByDate, [3, 4, 1, 5, 0, 2]],
    ['newest: ignores sticky', compareNewest, [1, 4, 5, 3, 0, 2]],
    ['title: case- and accent-insensitive, numeric, ties by date', compareByTitle, [1, 2, 0, 5, 4, 3]],
    ['score: high first, null last, ties by date', compareByScore, [3, 0, 2, 4, 1, 5]],
    ['comparatorFor(date)', comparatorFor('date'), [3, 4, 1, 5, 0, 2]],
    ['comparatorFor(title)', comparatorFor('title'), [1, 2, 0, 5, 4, 3]],
    ['comparatorFor(score)', comparatorFor('score'), [3, 0, 2, 4, 1, 5]],
  ];
  it.each(cases)('%s', (_name, cmp, expected) => {
    expect(order(cmp)).toEqual(expected);
  });
});

describe('mergeSorted', () => {
  const num = (a: number, b: number): number => a - b;
  const cases: Array<[number[], number[], number[]]> = [
    [[], [], []],
    [[1, 3, 5], [], [1, 3, 5]],
    [[], [2, 4], [2, 4]],
    [[1, 3, 5], [2, 4, 6], [1, 2, 3, 4, 5, 6]],
    [[1, 2], [2, 3], [1, 2, 2, 3]],
    [[7, 8], [1], [1, 7, 8]],
  ];
  it.each(cases)('%j + %j', (a, b, expected) => {
    expect(mergeSorted(a, b, num)).toEqual(expected);
  });
});

/** Articles with equal, missing and sticky dates: the cases where the two orders differ. */
const partial = fc.record({
  publishedAt: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
  stickyWeight: fc.integer({ min: -1, max: 2 }),
});

describe('sortByDate', () => {
  it('orders the sample like compareByDate', () => {
    expect(sortByDate(docs)).toEqual(order(compareByDate));
  });
  it('orders any corpus like compareByDate (sticky ties, equal and missing dates)', () => {
    fc.assert(
      fc.property(fc.array(partial, { maxLength: 40 }), (partials) => {
        const corpus = makeCorpus(partials);
        expect(sortByDate(corpus)).toEqual([...corpus].sort(compareByDate).map((a) => a.id));
      }),
    );
  });
});

describe('sortByNewest', () => {
  it('orders any corpus like compareNewest (sticky ignored, equal and missing dates)', () => {
    expect(sortByNewest(docs)).toEqual(order(compareNewest));
    fc.assert(
      fc.property(fc.array(partial, { maxLength: 40 }), (partials) => {
        const corpus = makeCorpus(partials);
        expect(sortByNewest(corpus)).toEqual([...corpus].sort(compareNewest).map((a) => a.id));
      }),
    );
  });
});
