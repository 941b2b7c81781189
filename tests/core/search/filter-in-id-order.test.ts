// A filter run in id order (filter-columns.ts filterInIdOrder) must keep exactly what a filter in the list's own
// order keeps, in that order, testing each kept id once, in increasing id order; its per-id
// scratch must be clean for the next call even when a test throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterInIdOrder, passing } from '../../../src/core/search/filter-columns.js';
import { makeCorpus } from '../../helpers/make-article.js';
import { makeHay } from '../../../src/core/search/haystack.js';

// A shuffled list of distinct ids below `size` (sizes on both sides of the plain pass's bound).
const list = fc.integer({ min: 0, max: 6000 }).chain((size) =>
  fc.tuple(fc.constant(size), fc.shuffledSubarray(Array.from({ length: size }, (_, i) => i)), fc.integer()),
);

describe('filterInIdOrder', () => {
  it('keeps what a filter in list order keeps, in list order, each id tested once and in id order', () => {
    fc.assert(
      fc.property(list, ([size, order, seed]) => {
        const first = (id: number): boolean => ((id * 7 + seed) & 3) !== 0;
        const keeps = (id: number, pos: number): boolean => ((id ^ seed) + pos) % 3 !== 0;
        const expected = order.filter((id, pos) => first(id) && keeps(id, pos));
        const tested: number[] = [];
        const got = filterInIdOrder(order, size, first, (id, pos) => {
          expect(order[pos]).toBe(id);
          tested.push(id);
          return keeps(id, pos);
        });
        expect(got).toEqual(expected);
        expect(new Set(tested).size).toBe(tested.length);
        expect(tested.length).toBe(order.filter(first).length);
        if (order.length >= 2048) expect(tested).toEqual([...tested].sort((a, b) => a - b));
      }),
      { numRuns: 60 },
    );
  });

  it('with inIdOrder false keeps the same ids in list order, testing them in list order in one pass', () => {
    fc.assert(
      fc.property(list, ([size, order, seed]) => {
        const keeps = (id: number): boolean => ((id ^ seed) & 3) !== 0;
        const tested: number[] = [];
        const got = filterInIdOrder(order, size, null, (id, pos) => {
          expect(order[pos]).toBe(id);
          tested.push(id);
          return keeps(id);
        }, false);
        expect(got).toEqual(order.filter(keeps));
        expect(tested).toEqual(order);
      }),
      { numRuns: 40 },
    );
  });

  it('leaves nothing behind when a test throws', () => {
    const order = Array.from({ length: 5000 }, (_, i) => 4999 - i);
    expect(() => filterInIdOrder(order, 5000, null, (id) => {
      if (id === 2500) throw new Error('boom');
      return true;
    })).toThrow('boom');
    // Only the even ids this time: an id marked by the failed call must not come back.
    const evens = order.filter((id) => id % 2 === 0);
    expect(filterInIdOrder(evens, 5000, null, () => true)).toEqual(evens);
    expect(filterInIdOrder(order, 5000, (id) => id % 2 === 1, () => true)).toEqual(order.filter((id) => id % 2 === 1));
  });
});

describe('passing without a limit', () => {
  it('reads the haystacks in id order and keeps the list order', () => {
    const docs = makeCorpus(Array.from({ length: 3000 }, (_, i) => ({ title: i % 3 === 0 ? `bitcoin ${i}` : `ether ${i}` })));
    const hays = docs.map((a) => makeHay(a));
    const order = docs.map((a) => a.id).reverse();
    const read: number[] = [];
    const kept = passing(order, () => true, (a, hay) => {
      read.push(a.id);
      return hay.foldedShort.includes('bitcoin');
    }, docs, (id) => hays[id], true, Infinity);
    expect(kept).toEqual(order.filter((id) => id % 3 === 0));
    expect(read).toEqual(docs.map((a) => a.id));
  });
});
