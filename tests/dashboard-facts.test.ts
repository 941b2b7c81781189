// sharedCoinLists (dashboard-facts.ts): each article's coins as the facts hold them, one shared
// frozen list per distinct list, found on first ask.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/core/load/load.js';
import { coinMentionsOf } from '../src/core/stories/facts.js';
import { computeFacts } from '../src/core/stories/facts-builder.js';
import { factsInput } from '../src/core/stories/story-doc.js';
import { sharedCoinLists } from '../src/dashboard-facts.js';

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
