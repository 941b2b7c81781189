// The list's orders (search/list-orders.ts): the title order's positions are compareByTitle's,
// made with each article's title read once (a loaded article makes its title again on each read).
import { describe, expect, it, vi } from 'vitest';
import type { Article } from '../../../src/core/article.js';
import { ListOrders } from '../../../src/core/search/order/list-orders.js';
import { compareByTitle, sortByNewest } from '../../../src/core/search/order/sort.js';
import { makeCorpus } from '../../helpers/make-article.js';

const d = (day: number): number => Date.UTC(2025, 10, day);

describe('ListOrders title positions', () => {
  const docs = makeCorpus([
    { title: 'beta', publishedAt: d(10) },
    { title: 'Alpha', publishedAt: d(12) },
    { title: 'alpha', publishedAt: null },
    { title: 'Top 10 coins', publishedAt: d(11), stickyWeight: 2 },
    { title: 'Top 9 coins', publishedAt: d(12), stickyWeight: 1 },
    { title: 'Éclair', publishedAt: d(12) },
    { title: 'eclair', publishedAt: d(12) },
    { title: 'ALPHA', publishedAt: d(12) },
  ]);

  it('places every id where compareByTitle sorts it', () => {
    const pos = new ListOrders(docs).positions('title');
    const expected = [...docs].sort(compareByTitle).map((a) => a.id);
    const got = docs.map((a) => a.id).sort((x, y) => pos[x] - pos[y]);
    expect(got).toEqual(expected);
  });

  it('reads each title once, not two per comparison', () => {
    let reads = 0;
    const counted: Article[] = docs.map((a) => {
      const title = a.title;
      const copy = { ...a };
      Object.defineProperty(copy, 'title', { get: () => (reads++, title) });
      return copy;
    });
    new ListOrders(counted).positions('title');
    expect(reads).toBe(docs.length);
  });
});

describe('ListOrders newest positions', () => {
  // Sticky articles (positive and negative weights), undated ones and equal dates among them.
  const docs = makeCorpus(
    Array.from({ length: 400 }, (_, i) => ({
      title: `t${i}`,
      publishedAt: i % 17 === 0 ? null : d(1 + ((i * 7) % 23)),
      stickyWeight: i % 29 === 0 ? 2 : i % 31 === 0 ? -1 : i % 37 === 0 ? 1 : 0,
    })),
  );

  const order = (pos: Int32Array): number[] => docs.map((a) => a.id).sort((x, y) => pos[x] - pos[y]);

  it('places every id where compareNewest sorts it, made from the date order or without it', () => {
    const expected = sortByNewest(docs);
    const fromDate = new ListOrders(docs);
    fromDate.byDate();
    expect(order(fromDate.newest())).toEqual(expected);
    expect(order(new ListOrders(docs).newest())).toEqual(expected);
  });

  it('newestOf: the same order for a page of ids (the fields compared) as for most of the corpus (the table)', () => {
    const expected = sortByNewest(docs);
    const page = expected.filter((_, k) => k % 23 === 0).reverse();
    const orders = new ListOrders(docs);
    expect([...page].sort(orders.newestOf(page.length))).toEqual(expected.filter((_, k) => k % 23 === 0));
    // A page read no table: asked for most of the corpus, one is made, and used after for any size.
    const table = new ListOrders(docs);
    const spy = vi.spyOn(table, 'newest');
    [...page].sort(table.newestOf(page.length));
    expect(spy).not.toHaveBeenCalled();
    const all = docs.map((a) => a.id).sort(table.newestOf(docs.length));
    expect(all).toEqual(expected);
    expect(spy).toHaveBeenCalledTimes(1);
    expect([...page].sort(table.newestOf(2))).toEqual(expected.filter((_, k) => k % 23 === 0));
  });

  it('with no sticky article, is the date order itself', () => {
    const plain = makeCorpus(Array.from({ length: 50 }, (_, i) => ({ title: `p${i}`, publishedAt: i % 5 === 0 ? null : d(1 + (i % 9)) })));
    const orders = new ListOrders(plain);
    const byDate = [...orders.byDate()];
    const pos = orders.newest();
    expect(plain.map((a) => a.id).sort((x, y) => pos[x] - pos[y])).toEqual(byDate);
    expect(byDate).toEqual(sortByNewest(plain));
  });
});

describe('ListOrders amongNewest', () => {
  it('says of every id what the date positions say (position < depth), for any depth, and again once the corpus grows', () => {
    const docs = makeCorpus(Array.from({ length: 300 }, (_, i) => ({ title: `n${i}`, publishedAt: i % 13 === 0 ? null : d(1 + ((i * 11) % 27)), stickyWeight: i % 41 === 0 ? 1 : 0 })));
    const grown = docs.slice(0, 200);
    const orders = new ListOrders(grown);
    const check = (): void => {
      const pos = new ListOrders(grown).positions('date');
      for (const depth of [0, 1, 57, 199, 200, 10_000]) {
        const got = grown.map((a) => orders.amongNewest(a.id, depth));
        expect(got).toEqual(grown.map((a) => pos[a.id] < depth));
        expect(got.filter(Boolean)).toHaveLength(Math.min(depth, grown.length));
      }
      expect(orders.amongNewest(grown.length + 5, 10_000)).toBe(false);
    };
    check();
    grown.push(...docs.slice(200));
    orders.grown();
    check();
  });
});
