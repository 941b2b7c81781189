// The bit masks behind one- and two-character queries must give exactly what reading every
// folded title and tag gives: the masks only skip articles that cannot match.
import { describe, expect, it } from 'vitest';
import { hayTitle, makeHay, type Hay } from '../../../src/core/search/haystack.js';
import { ShortIndex } from '../../../src/core/search/short-index.js';
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
    const inTags = eligible.filter((id) => !hayTitle(hays[id]).includes(text) && hays[id].tags.some((t) => t.startsWith(text)));
    expect(shorts.find(text, eligible, corpus.length, (id) => hays[id])).toEqual({ inTitle, inTags, titles: inTitle.length, tags: inTags.length });
    // Listing at most one of each: the first of each list, both still counted in full.
    expect(shorts.find(text, eligible, corpus.length, (id) => hays[id], 1)).toEqual({ inTitle: inTitle.slice(0, 1), inTags: inTags.slice(0, 1), titles: inTitle.length, tags: inTags.length });
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

  it('covers articles added after its first use', () => {
    const grown = new ShortIndex();
    expect(grown.find('b', [0], 1, (id) => hays[id]).inTitle).toEqual([0]);
    expect(grown.find('b', eligible, corpus.length, (id) => hays[id]).inTitle).toEqual(eligible.filter((id) => hayTitle(hays[id]).includes('b')));
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
