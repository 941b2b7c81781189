import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { groupStories, storiesOfLinks, storiesOfLinksInSteps, WINDOW_MS, type StoryDoc } from '../../../src/core/stories/group.js';
import { LinkStore } from '../../../src/core/stories/links/link-store.js';
import { storyTerms } from '../../../src/core/stories/similarity/terms.js';
import { docsOf, loadLabelled, pairwise } from './labelled-corpus.js';

// Another labelled corpus of the same shape can be tried with STORY_CORPUS=/path/to/file.json.
const file = process.env.STORY_CORPUS ?? fileURLToPath(new URL('../../fixtures/stories/labelled.json', import.meta.url));
const articles = loadLabelled(file);
// Same-template headlines about different firms and figures, and paraphrases of one event.
const templates = loadLabelled(fileURLToPath(new URL('../../fixtures/stories/templates.json', import.meta.url)));

describe('story grouping on the labelled corpus', () => {
  it('is big enough to mean something: >= 40 articles, >= 12 multi-outlet stories, look-alikes', () => {
    const sizes = new Map<string, number>();
    for (const a of articles) sizes.set(a.story, (sizes.get(a.story) ?? 0) + 1);
    expect(articles.length).toBeGreaterThanOrEqual(40);
    expect([...sizes.values()].filter((n) => n > 1).length).toBeGreaterThanOrEqual(12);
    expect([...sizes.values()].filter((n) => n === 1).length).toBeGreaterThanOrEqual(5);
  });
  it('reaches pairwise precision and recall of at least 0.9', () => {
    const { precision, recall } = pairwise(articles, groupStories(docsOf(articles)).story);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
  it('still groups well from title and description alone (articles whose body stays on disk)', () => {
    const { precision, recall } = pairwise(articles, groupStories(docsOf(articles, false)).story);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.85);
  });
  it('keeps same-template headlines apart and paraphrases together (templates.json), with and without leads', () => {
    for (const withLead of [true, false]) {
      const { precision, recall } = pairwise(templates, groupStories(docsOf(templates, withLead)).story);
      expect({ withLead, precision, recall }).toEqual({ withLead, precision: expect.toSatisfy((p: number) => p >= 0.9), recall: expect.toSatisfy((r: number) => r >= 0.9) });
    }
  });
});

const doc = (over: Partial<StoryDoc>): StoryDoc => ({ publishedAt: Date.UTC(2026, 0, 1), source: 'a', title: '', description: '', lead: '', ...over });

describe('groupStories rules', () => {
  const t = 'Quarry bridge exploited for $21M via forged withdrawal proofs';
  it('names a story by its earliest article and counts its size', () => {
    const s = groupStories([doc({ source: 'b', title: t, publishedAt: Date.UTC(2026, 0, 1, 5) }), doc({ source: 'a', title: t })]);
    expect([...s.story]).toEqual([1, 1]);
    expect([...s.size]).toEqual([2, 2]);
  });
  it('never links two articles more than 72 h apart, nor two from one outlet', () => {
    const far = groupStories([doc({ title: t }), doc({ source: 'b', title: t, publishedAt: Date.UTC(2026, 0, 1) + WINDOW_MS + 1 })]);
    expect([...far.size]).toEqual([1, 1]);
    const same = groupStories([doc({ title: t }), doc({ title: t, publishedAt: Date.UTC(2026, 0, 1, 2) })]);
    expect([...same.size]).toEqual([1, 1]);
  });
  it('leaves undated articles alone and copes with none at all', () => {
    expect([...groupStories([doc({ title: t, publishedAt: null }), doc({ source: 'b', title: t, publishedAt: null })]).size]).toEqual([1, 1]);
    expect(groupStories([]).story.length).toBe(0);
  });
});

describe('storyTerms', () => {
  it('writes amounts and coins one way and drops stop words', () => {
    expect(storyTerms('Hackers drain $63 million in Bitcoin')).toEqual(['hacker', 'drain', '63m', 'btc']);
    expect(storyTerms('the $63M BTC hack')).toEqual(['63m', 'btc', 'hack']);
    expect(storyTerms('One link')).toEqual(['one', 'link']);
  });
});

describe('applying the links in steps', () => {
  it('gives the stories storiesOfLinks gives, pausing between steps', async () => {
    // 300 articles over ten days from five outlets, 5,000 candidate links of random strength.
    let seed = 3;
    const r = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const n = 300;
    const time = Array.from({ length: n }, () => Math.floor(r() * 10 * 24) * 3_600_000);
    const source = Array.from({ length: n }, () => Math.floor(r() * 5));
    const stores = [new LinkStore(), new LinkStore()];
    for (let k = 0; k < 5_000; k++) {
      const a = Math.floor(r() * n);
      const b = Math.floor(r() * n);
      const s = r();
      if (a !== b) for (const store of stores) store.push(Math.min(a, b), Math.max(a, b), s);
    }
    const want = storiesOfLinks(n, (i) => time[i], (i) => source[i], stores[0].links());
    let pauses = 0;
    const got = await storiesOfLinksInSteps(n, (i) => time[i], (i) => source[i], stores[1].links(), async () => void pauses++, 100);
    expect(pauses).toBeGreaterThanOrEqual(40);
    // Some stories formed, so the comparison means something.
    expect(Math.max(...want.size)).toBeGreaterThan(1);
    expect([...got.story]).toEqual([...want.story]);
    expect([...got.size]).toEqual([...want.size]);
  });
});
