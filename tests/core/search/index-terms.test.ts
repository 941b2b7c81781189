// The index's answers inside the live search (index-terms.ts): a word the index leaves to memory is
// looked for among the articles it marked for the others, reading bodies only to BODY_DEPTH with a
// limit (older ones whose short fields lack it make the count a lower bound, labelled), every body
// without one; negated words and coins decided by its marks for every article.
import { describe, expect, it } from 'vitest';
import { newMarks, setMark, type WordSource } from '../../../src/core/index/index.js';
import { SearchIndex } from '../../../src/core/search/search.js';
import { BODY_DEPTH } from '../../../src/core/search/search-settings.js';
import { makeCorpus } from '../../helpers/make-article.js';

const N = BODY_DEPTH + 200;
const T0 = Date.UTC(2026, 0, 1);
// Every article holds "regulator" in its title; every tenth holds "zq" in its body only.
const articles = makeCorpus(Array.from({ length: N }, (_, i) => ({ title: `Regulator note ${i}`, body: i % 10 === 0 ? 'a zq b' : 'plain', publishedAt: T0 - i * 60_000, tags: i % 3 === 0 ? ['SOL'] : [] })));

// An index over all of them: "regulator" held by every article, other words left to memory; the
// negated word "plain" held by the articles whose body says so; the coin SOL by the tagged ones.
const source: WordSource = {
  covered: N,
  containing: (words) => (words.includes('regulator') ? { marks: newMarks(N, true), rest: words.filter((w) => w !== 'regulator') } : null),
  holding: (t) => {
    const marks = newMarks(N);
    articles.forEach((a, i) => {
      if (t.kind === 'word' && t.value === 'plain' && a.body === 'plain') setMark(marks, i);
      if (t.kind === 'coin' && t.value === 'SOL' && a.tags.includes('SOL')) setMark(marks, i);
    });
    return marks;
  },
};

// As the real index does: a negated word it cannot answer (too short) is left to memory.
const shortLeft: WordSource = { ...source, holding: (t) => (t.kind === 'word' && t.value !== 'plain' ? null : (source.holding?.(t) ?? null)) };

describe('the index inside the live search', () => {
  it('reads no body past BODY_DEPTH for a word left to memory, and says the count is a lower bound', () => {
    const index = new SearchIndex(articles);
    index.useWords(source);
    const limited = index.search('regulator zq', { limit: 50 });
    expect(limited.approximate).toBe(true);
    expect(limited.total).toBe(BODY_DEPTH / 10);
    const every = index.search('regulator zq');
    expect(every.approximate).toBe(false);
    expect(every.total).toBe(N / 10);
  });

  it('is exact when no body past the depth was needed', () => {
    const index = new SearchIndex(articles);
    index.useWords(source);
    const r = index.search('regulator note', { limit: 50 });
    expect(r.approximate).toBe(false);
    expect(r.total).toBe(N);
  });

  it('decides negated words and coins from the index for every article, the oldest too', () => {
    const index = new SearchIndex(articles);
    index.useWords(source);
    expect(index.search('-plain', { limit: 50 }).total).toBe(N / 10);
    expect(index.search('coin:sol', { limit: 50 }).total).toBe(Math.ceil(N / 3));
    // Without the index, bodies past the depth are not read for the negation.
    const memory = new SearchIndex(articles);
    expect(memory.search('-plain', { limit: 50 }).total).toBeGreaterThan(N / 10);
  });

  it('gives the same matches for one-letter words and negated letters as reading every article does', () => {
    // Words of one letter are left to memory by the index; the short fields' masks answer most of
    // them, and negated ones are tested only on the articles the index marked. Unlimited, every body
    // is read, so the in-memory search without the index is the reference.
    const indexed = new SearchIndex(articles);
    indexed.useWords(shortLeft);
    const memory = new SearchIndex(articles);
    for (const q of ['regulator z', 'regulator -z', 'regulator -e', 'regulator e', 'regulator n -q', 'regulator zq -b', 'regulator -x', 'regulator x', 'regulator -zq', 'regulator -n']) {
      const a = indexed.search(q);
      const b = memory.search(q);
      expect(a.total, q).toBe(b.total);
      expect([...(a.matches ?? [])].sort((x, y) => x - y), q).toEqual([...(b.matches ?? [])].sort((x, y) => x - y));
      expect(a.hits.map((h) => h.id), q).toEqual(b.hits.map((h) => h.id));
    }
  });

  it('finds the same hits with a limit, and the typo fallback of a query no article passes, without the eligible list', () => {
    const indexed = new SearchIndex(articles);
    indexed.useWords(shortLeft);
    // Every title holds "e": nothing passes `-e` (the index holds "regulator": no typo fallback either).
    const none = indexed.search('regulator -e', { limit: 50 });
    expect(none.total).toBe(0);
    expect(none.hits).toEqual([]);
    const some = indexed.search('regulator -zq', { limit: 50 });
    const again = new SearchIndex(articles);
    again.useWords(shortLeft);
    // The eligible list made first (a query without the word, same filter) gives the same answer.
    again.search('-zq', { limit: 50 });
    const viaList = again.search('regulator -zq', { limit: 50 });
    expect(some.hits.map((h) => h.id)).toEqual(viaList.hits.map((h) => h.id));
    expect(some.total).toBe(viaList.total);
  });

  it('corrects no word some article holds when the filters leave all of those out, and reads a word none holds as its nearest', () => {
    const docs = makeCorpus([
      ...Array.from({ length: 5 }, (_, i) => ({ title: `Solana staking ${i}`, tags: ['ETF'], publishedAt: T0 - i * 60_000 })),
      ...Array.from({ length: 5 }, (_, i) => ({ title: `Solano report ${i}`, publishedAt: T0 - (10 + i) * 60_000 })),
    ]);
    // The index's answer: the articles whose title holds every word; its vocabulary, the titles' tokens.
    const titles: WordSource = {
      covered: docs.length,
      containing: (words) => {
        const marks = newMarks(docs.length);
        docs.forEach((a, id) => words.every((w) => a.title.toLowerCase().includes(w)) && setMark(marks, id));
        return { marks, rest: [] };
      },
      vocabulary: ['0', '1', '2', '3', '4', 'report', 'solana', 'solano', 'staking'].join('\n'),
    };
    const index = new SearchIndex(docs);
    index.useWords(titles);
    const memory = new SearchIndex(docs);
    for (const search of [index, memory]) {
      const titlesOf = (query: string): string[] => search.search(query, { limit: 50 }).hits.map((h) => docs[h.id].title);
      // Every Solana article is tagged ETF: the query lists nothing, not the near miss "Solano".
      expect(titlesOf('solana -tag:etf')).toEqual([]);
      expect(search.search('solana -tag:etf', { limit: 50 }).total).toBe(0);
      // A word no article holds is read as its nearest token (solana and solano tie: the first), filters and all.
      expect(titlesOf('solanq')).toEqual(titlesOf('solana'));
      expect(titlesOf('solanq -tag:etf')).toEqual([]);
      expect(titlesOf('solnao')).toEqual(titlesOf('solano'));
    }
  });
});

describe('the list of articles passing the filters, across the index being attached', () => {
  it('is made again for the terms the index holds (negated words, coins), and kept for the rest', () => {
    const index = new SearchIndex(articles);
    // Before the index: `-plain` reads bodies only to BODY_DEPTH, so the older ones pass.
    const before = index.search('-plain', { limit: 50 }).total;
    const tagged = index.search('tag:sol', { limit: 50 });
    // An index that says no article holds "plain": every one passes `-plain` now.
    index.useWords({ ...source, holding: (t) => (t.kind === 'word' ? newMarks(N) : (source.holding?.(t) ?? null)) });
    expect(before).toBeLessThan(N);
    expect(index.search('-plain', { limit: 50 }).total).toBe(N);
    // A filter the index does not hold lists the same articles, from the list made before.
    const again = index.search('tag:sol', { limit: 50 });
    expect(again.total).toBe(tagged.total);
    expect(again.hits.map((h) => h.id)).toEqual(tagged.hits.map((h) => h.id));
  });
});
