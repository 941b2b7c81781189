// The radix order of dates (src/core/search/date-radix.ts) must be the comparison sort's: newest
// first, undated last, equal dates in position order, over spans that need every digit pass.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newestFirst } from '../../../src/core/search/order/date-radix.js';
import { compareByDate, sortByDate, sortByNewest, compareNewest } from '../../../src/core/search/order/sort.js';
import { makeCorpus } from '../../helpers/make-article.js';

const byComparison = (date: number[]): number[] =>
  date.map((_, k) => k).sort((x, y) => (date[y] === date[x] ? 0 : date[y] - date[x]) || x - y);

// Dates from a few ms apart to centuries apart (so both words of the key and every digit vary), repeated, or undated.
const dateOf = fc.oneof(
  fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_050 }),
  fc.integer({ min: -(2 ** 40), max: 2 ** 42 }),
  fc.constant(1_760_000_000_000),
  fc.constant(-Infinity),
);

describe('newestFirst', () => {
  it('orders any dates as a stable comparison sort does (newest first, undated last)', () => {
    fc.assert(
      fc.property(fc.array(dateOf, { maxLength: 300 }), (dates) => {
        expect(Array.from(newestFirst(Float64Array.from(dates))!)).toEqual(byComparison(dates));
      }),
    );
  });

  it('a span that needs the high word: every pass runs and the order holds', () => {
    const dates = [0, 2 ** 33 + 5, 2 ** 33, 1, 2 ** 52, -Infinity, 2 ** 52, 7];
    expect(Array.from(newestFirst(Float64Array.from(dates))!)).toEqual([4, 6, 1, 2, 7, 3, 0, 5]);
  });

  it('gives up (null) on a date that is not a whole ms, or a span past 2^53', () => {
    expect(newestFirst(Float64Array.from([1, 2.5]))).toBeNull();
    expect(newestFirst(Float64Array.from([1, NaN]))).toBeNull();
    expect(newestFirst(Float64Array.from([-(2 ** 52), 2 ** 52]))).toBeNull();
    expect(Array.from(newestFirst(new Float64Array(0))!)).toEqual([]);
    expect(Array.from(newestFirst(Float64Array.from([-Infinity, -Infinity]))!)).toEqual([0, 1]);
  });
});

describe('sortByDate and sortByNewest over the radix order', () => {
  const partial = fc.record({
    publishedAt: fc.option(fc.oneof(fc.integer({ min: 0, max: 2 ** 45 }), fc.constant(1_760_000_000_000)), { nil: null }),
    stickyWeight: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: -2, max: 3 })),
  });
  it('match the comparators over wide dates and mixed sticky weights', () => {
    fc.assert(
      fc.property(fc.array(partial, { maxLength: 80 }), (partials) => {
        const corpus = makeCorpus(partials);
        expect(sortByDate(corpus)).toEqual([...corpus].sort(compareByDate).map((a) => a.id));
        expect(sortByNewest(corpus)).toEqual([...corpus].sort(compareNewest).map((a) => a.id));
      }),
    );
  });

  it('articles not in id order, or a fractional date: sorted by comparison, the same order', () => {
    const corpus = makeCorpus([{ publishedAt: 5 }, { publishedAt: 5 }, { publishedAt: 9, stickyWeight: 1 }, { publishedAt: 2.5 }, { publishedAt: null }]);
    const expected = [...corpus].sort(compareByDate).map((a) => a.id);
    expect(sortByDate(corpus)).toEqual(expected);
    expect(sortByDate([...corpus].reverse())).toEqual(expected);
  });
});
