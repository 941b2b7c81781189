// The bit masks behind one- and two-character queries must give exactly what reading every
// folded title and tag gives: the masks only skip articles that cannot match.
import { describe, expect, it } from 'vitest';
import { hayTitle, makeHay, type Hay } from '../../../src/core/search/haystack.js';
import { ShortIndex, slabBytesFor } from '../../../src/core/search/short-index.js';
import { SearchIndex } from '../../../src/core/search/search.js';
import { foldText } from '../../../src/core/text/fold.js';
import { makeCorpus } from '../../helpers/make-article.js';

const TITLES = [
  'Bitcoin Breaks Record', 'Ethereum — the Merge…', 'São Paulo Exchange Opens', 'Solana 2.0 Ships', 'ビットコイン急騰 🚀 BTC',
  'Łódź Miners Go Dark', 'AI Tokens Rally 40%', 'Ether/BTC at 0.05', 'Grüße aus Zürich', '👩‍🔬 Lab Notes', 'x', '', 'ZZ Top Buys In',
  'Crème brûlée DAO', 'Δελτίο Τύπου', 'Привет биткоин', '$SOL flips $ETH?', 'A  double  space', 'tab\there',
];
const TAGS = [['BTC'], ['ETH', 'Merge'], ['Brasil'], ['SOL'], ['日本'], ['mining'], ['AI', 'tokens'], [], ['Schweiz'], ['science'], ['x'], [], ['zz'], ['défi'], ['ελλάδα'], ['россия'], ['sol', 'eth'], ['a'], ['t']];
const corpus = makeCorpus(TITLES.map((title, i) => ({ title, tags: TAGS[i], publishedAt: Date.UTC(2025, 0, 1 + i) })));
const hays: Hay[] = corpus.map(makeHay);

// Every one- and two-unit string of every title and tag, plus a few found nowhere.
const queries = new Set<string>(['q', 'qz', '9', '€', '\ud83d', 'é']);
for (const text of [...TITLES, ...TAGS.flat()].map(foldText)) {
  for (let i = 0; i < text.length; i++) {
    queries.add(text[i]);
    if (i + 1 < text.length) queries.add(text.slice(i, i + 2));
  }
}

describe('ShortIndex', () => {
  const shorts = new ShortIndex();
  const eligible = corpus.map((a) => a.id).reverse();
  it.each([...queries])('%j: the titles containing it, then the tags starting with it', (text) => {
    const inTitle = eligible.filter((id) => hayTitle(hays[id]).includes(text));
    const inTags = eligible.filter((id) => !hayTitle(hays[id]).includes(text) && hays[id].hayLists.tags.some((t) => t.startsWith(text)));
    expect(shorts.find(text, eligible, corpus.length, (id) => hays[id])).toEqual({ inTitle, inTags, titles: inTitle.length, tags: inTags.length, whole: true });
    // Listing at most one of each: the first of each list, both still counted in full.
    expect(shorts.find(text, eligible, corpus.length, (id) => hays[id], 1)).toEqual({ inTitle: inTitle.slice(0, 1), inTags: inTags.slice(0, 1), titles: inTitle.length, tags: inTags.length, whole: true });
  });

  it('covered in steps after reserve, holds each set at the corpus size, and gives the same matches', () => {
    // 200 articles (the titles again and again), covered 50 at a time as prepare's steps do.
    const size = 200;
    const hayOf = (id: number): Hay => hays[id % hays.length];
    const all = Array.from({ length: size }, (_, id) => size - 1 - id);
    const stepped = (reserve: boolean): ShortIndex => {
      const shorts = new ShortIndex();
      if (reserve) shorts.reserve(size);
      for (let end = 50; end <= size; end += 50) shorts.cover(end, hayOf);
      return shorts;
    };
    const whole = new ShortIndex();
    whole.cover(size, hayOf);
    const reserved = stepped(true);
    // Each set made is ceil(size / 32) words, as when covered at once.
    expect(reserved.bytes).toBe(whole.bytes);
    expect(reserved.bytes % (4 * Math.ceil(size / 32))).toBe(0);
    for (const text of ['b', 'br', 'e', 'so', 'x', 'q']) expect(reserved.find(text, all, size, hayOf)).toEqual(whole.find(text, all, size, hayOf));
    // Without reserve, each step past the first grew the sets by half again: room left over.
    expect(stepped(false).bytes).toBeGreaterThan(whole.bytes);
  });

  it('sized for a million articles, cuts its sets from slabs glibc maps on their own (32 MB and more), and gives the same matches', () => {
    // A set over a million ids is 125,000 bytes: its slab must be at least glibc's mmap threshold
    // ceiling (32 MB), so its pages stay the kernel's zero pages until marked; small sets share 1 MB slabs.
    expect(slabBytesFor(4 * Math.ceil(1_000_000 / 32))).toBeGreaterThanOrEqual(32 << 20);
    expect(slabBytesFor(4 * Math.ceil(10_000 / 32))).toBe(1 << 20);
    const size = 300;
    const hayOf = (id: number): Hay => hays[id % hays.length];
    const all = Array.from({ length: size }, (_, id) => size - 1 - id);
    const big = new ShortIndex();
    big.reserve(1_000_000);
    for (let end = 100; end <= size; end += 100) big.cover(end, hayOf);
    expect(big.bytes % (4 * Math.ceil(1_000_000 / 32))).toBe(0);
    for (const text of ['b', 'br', 'e', 'so', 'x', 'q', '9']) {
      const inTitle = all.filter((id) => hayTitle(hayOf(id)).includes(text));
      const inTags = all.filter((id) => !hayTitle(hayOf(id)).includes(text) && hayOf(id).hayLists.tags.some((t) => t.startsWith(text)));
      expect(big.find(text, all, size, hayOf), text).toEqual({ inTitle, inTags, titles: inTitle.length, tags: inTags.length, whole: true });
    }
  });

  it('found early (sets still being made): the same rows listed, the walk stopped at `most` title matches, nothing covered', () => {
    const size = 200;
    const hayOf = (id: number): Hay => hays[id % hays.length];
    const all = Array.from({ length: size }, (_, id) => size - 1 - id);
    const whole = new ShortIndex();
    whole.cover(size, hayOf);
    for (const covered of [0, 50, 199]) {
      for (const text of ['b', 'br', 'e', 'so', 'x', 'q', 'zz']) {
        for (const most of [1, 3, 40]) {
          const part = new ShortIndex();
          part.cover(covered, hayOf);
          const early = part.find(text, all, size, hayOf, most, true);
          const exact = whole.find(text, all, size, hayOf, most);
          expect(part.covered).toBe(covered);
          // The list shows title matches first: with `most` of them, they are the rows.
          expect(early.inTitle).toEqual(exact.inTitle);
          if (exact.titles <= most || early.whole) expect(early).toEqual(exact);
          else {
            expect(early.whole).toBe(false);
            expect(early.titles).toBe(most);
            expect(early.tags).toBeLessThanOrEqual(exact.tags);
          }
        }
      }
    }
    // `b` is in many of the 200 titles: found early for a row, most of them were never looked at.
    const part = new ShortIndex();
    const looked = new Set<number>();
    expect(part.find('b', all, size, (id) => (looked.add(id), hayOf(id)), 1, true).whole).toBe(false);
    expect(looked.size).toBeLessThan(20);
    // Title matches read on the articles' own folded fields (`shortOf`): no haystack is made for
    // an article not covered yet, for the rows the list shows.
    const fresh = new ShortIndex();
    fresh.cover(50, hayOf);
    const made = new Set<number>();
    for (const text of ['b', 'br', 'e']) {
      const r = fresh.find(text, all, size, (id) => (made.add(id), hayOf(id)), 3, true, hayOf);
      expect(r.inTitle).toEqual(whole.find(text, all, size, hayOf, 3).inTitle);
      expect(r.whole).toBe(false);
    }
    expect([...made].filter((id) => id >= 50)).toEqual([]);
    // Without a limit, or not early, it covers every article first.
    expect(part.find('b', all, size, hayOf, Infinity, true).whole).toBe(true);
    expect(part.covered).toBe(size);
  });

  it('covers articles added after its first use', () => {
    const grown = new ShortIndex();
    expect(grown.find('b', [0], 1, (id) => hays[id]).inTitle).toEqual([0]);
    expect(grown.find('b', eligible, corpus.length, (id) => hays[id]).inTitle).toEqual(eligible.filter((id) => hayTitle(hays[id]).includes('b')));
  });
});

describe('a short query typed while prepare() is under way (deferShortCounts)', () => {
  // Many articles, so one row of `b` is found long before the last one is looked at.
  const many = makeCorpus(Array.from({ length: 300 }, (_, i) => ({ title: TITLES[i % TITLES.length], tags: TAGS[i % TAGS.length], publishedAt: Date.UTC(2025, 0, 1, i) })));
  it('lists the exact rows at once, its count coming; searched again once every article is covered, then counted', () => {
    const exact = new SearchIndex(many).search('b', { limit: 5 });
    const index = new SearchIndex(many);
    let again = 0;
    index.deferShortCounts(() => (again += 1));
    const steps = index.prepareSteps(Infinity);
    const early = index.search('b', { limit: 5 });
    expect(early.hits.map((h) => h.id)).toEqual(exact.hits.map((h) => h.id));
    expect(early.counting).toBe(true);
    // Its matches are not named (naming them would cover the rest on the key).
    expect(early.matches).toBeUndefined();
    expect(exact.counting).toBeUndefined();
    // A two-letter query no title holds lists nothing early either: every article looked at, counted.
    expect(index.search('qz', { limit: 5 })).toMatchObject({ total: 0, hits: [] });
    expect(index.search('qz', { limit: 5 }).counting).toBeUndefined();
    // Without a limit (`--filter`) it is never early.
    expect(index.search('b').counting).toBeUndefined();
    for (const step of steps) step();
    expect(again).toBe(1);
    const after = index.search('b', { limit: 5 });
    expect(after.counting).toBeUndefined();
    expect(after.total).toBe(exact.total);
    expect(after.hits.map((h) => h.id)).toEqual(exact.hits.map((h) => h.id));
    // The setting ends with the steps: later short searches are answered whole.
    const added = new SearchIndex(many);
    expect(added.search('b', { limit: 5 }).counting).toBeUndefined();
  });

  it('calls nothing back when no answer left its count coming', () => {
    const index = new SearchIndex(many);
    let again = 0;
    index.deferShortCounts(() => (again += 1));
    const steps = index.prepareSteps(Infinity);
    index.search('bitcoin', { limit: 5 });
    for (const step of steps) step();
    expect(again).toBe(0);
  });
});

describe('one- and two-character queries through the engine', () => {
  const index = new SearchIndex(corpus);
  it('lists title matches newest first, then tag matches, and counts them all', () => {
    // `br`: "Crème brûlée DAO" (13) and "Bitcoin Breaks Record" (0) by title, "São Paulo" (2) by its tag Brasil.
    expect(index.search('br').hits.map((h) => h.id)).toEqual([13, 0, 2]);
    const r = index.search('br', { limit: 2 });
    expect(r.hits.map((h) => h.id)).toEqual([13, 0]);
    expect(r.total).toBe(3);
    expect(index.search('br', { idsOnly: true, limit: 0x7fffffff }).hits.map((h) => h.id).sort((a, b) => a - b)).toEqual([0, 2, 13]);
  });

  it('names every match of a limited search (title matches, then tag matches), though it lists only the rows shown', () => {
    for (const text of ['b', 'br', 't', 'e', 'so']) {
      const all = index.search(text);
      const limited = index.search(text, { limit: 1 });
      expect(all.total).toBeGreaterThan(1);
      expect(limited.hits.map((h) => h.id)).toEqual(all.hits.slice(0, 1).map((h) => h.id));
      expect(limited.total).toBe(all.total);
      expect(limited.matches).toEqual(all.hits.map((h) => h.id));
      expect(limited.matches).toBe(limited.matches);
    }
  });
});
