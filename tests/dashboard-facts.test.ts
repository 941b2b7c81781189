// sharedCoinLists (dashboard-facts.ts): each article's coins as the facts hold them, one shared
// frozen list per distinct list, found on first ask; and the load's facts handed over once.
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { loadCorpus } from '../src/core/load/load.js';
import { coinMentionsOf } from '../src/core/stories/facts.js';
import { computeFacts } from '../src/core/stories/facts-builder.js';
import { factsInput } from '../src/core/stories/story-doc.js';
import { hotOrder, storyMap } from '../src/core/stories/index.js';
import { SearchIndex } from '../src/core/search/search.js';
import { dashboardFacts, sharedCoinLists, storiesComing, type ComputedFacts } from '../src/dashboard-facts.js';

describe('storiesComing', () => {
  const base = { group: true, stories: null, listWhole: true, progress: null };
  it('is true while a whole list waits for its stories', () => {
    expect(storiesComing(base)).toBe(true);
  });
  it('is false with grouping off, the stories in, rows still streaming in, or a long first computation', () => {
    expect(storiesComing({ ...base, group: false })).toBe(false);
    expect(storiesComing({ ...base, stories: storyMap([]) })).toBe(false);
    expect(storiesComing({ ...base, listWhole: false })).toBe(false);
    expect(storiesComing({ ...base, progress: { done: 10, n: 1000, grouped: false } })).toBe(false);
  });
});

describe('sharedCoinLists', () => {
  it("gives each article's mentions, the same list object for the same coins", async () => {
    const { articles } = await loadCorpus([fileURLToPath(new URL('../data', import.meta.url))], { cache: false });
    const facts = computeFacts(articles.map(factsInput));
    let made = 0;
    const lists = sharedCoinLists(facts, (f, id) => (made++, coinMentionsOf(f, id)));
    const got = articles.map((a) => lists(a.id));
    got.forEach((list, id) => expect(list).toEqual(coinMentionsOf(facts, id)));
    const distinct = new Set(got);
    expect(distinct.size).toBe(new Set(got.map((l) => l.map((m) => `${m.symbol}/${m.where.join()}`).join(' '))).size);
    expect(distinct.size).toBeLessThan(articles.filter((a) => lists(a.id).length > 0).length);
    expect(got.every((l) => Object.isFrozen(l))).toBe(true);
    // Each distinct non-empty list made once; asked again, nothing is made.
    expect(made).toBe([...distinct].filter((l) => l.length > 0).length);
    articles.forEach((a) => lists(a.id));
    expect(made).toBe([...distinct].filter((l) => l.length > 0).length);
  });
});

describe('dashboardFacts load and handOverNow', () => {
  it('hands the facts over once: not before the list is made, then to onFacts (or to handOverNow), never twice', async () => {
    const { articles } = await loadCorpus([fileURLToPath(new URL('../data', import.meta.url))], { cache: false });
    const index = new SearchIndex(articles);
    const given: ComputedFacts[] = [];
    const factsOf = dashboardFacts({ index, group: true, cacheFile: null, finished: () => false, onFacts: (c) => void given.push(c) });
    let listedNow = (): void => {};
    const listed = new Promise<void>((resolve) => (listedNow = resolve));
    factsOf.load(null, listed);
    const turns = async (n: number): Promise<void> => {
      for (let k = 0; k < n; k++) await new Promise((resolve) => setImmediate(resolve));
    };
    await turns(20);
    // On this thread (no worker, no index) nothing is computed before every article is made.
    expect(factsOf.handOverNow()).toBeNull();
    expect(given).toEqual([]);
    listedNow();
    await vi.waitFor(() => expect(given).toHaveLength(1));
    expect(given[0].facts.n).toBe(articles.length);
    expect(given[0].stories).not.toBeNull();
    // Handed over already: not again.
    expect(factsOf.handOverNow()).toBeNull();
    await turns(20);
    expect(given).toHaveLength(1);
    factsOf.close();
  });
});

describe('dashboardFacts with --no-group', () => {
  it("folds nothing but keeps each article's story size, so the hot order is --filter's", async () => {
    const { articles } = await loadCorpus([fileURLToPath(new URL('../data/news', import.meta.url))], { cache: false });
    const index = new SearchIndex(articles);
    const given: ComputedFacts[] = [];
    const factsOf = dashboardFacts({ index, group: false, cacheFile: null, finished: () => false, onFacts: (c) => void given.push(c) });
    factsOf.load();
    await vi.waitFor(() => expect(given).toHaveLength(1));
    const { facts, stories } = given[0];
    expect(stories).toBeNull();
    const grouped = storyMap(articles);
    expect(Array.from(facts.size)).toEqual(Array.from(grouped.size));
    expect(Math.max(...facts.size)).toBeGreaterThan(1);
    // The aggregate's hot order (what the dashboard lists) is the one --filter -s hot prints.
    const ids = Int32Array.from(articles, (a) => a.id);
    const now = Date.parse('2026-11-21T00:00:00Z');
    const counted = await factsOf.counter.count(ids, true, now);
    expect(Array.from(counted!.hot!)).toEqual(hotOrder(ids, (id) => articles[id], grouped.size, now));
    factsOf.close();
  });
});
