// SearchIndex.prepare ends with one full garbage collection from COLLECT_PREPARED articles on
// (what making a million haystacks left is collected before a key, not on one), and never below.
import { describe, expect, it, vi } from 'vitest';

const collected = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../../src/core/collect-garbage.js', async (original) => ({
  ...(await original<typeof import('../../../src/core/collect-garbage.js')>()),
  collectGarbageNow: () => ((collected.n += 1), true),
}));

const { SearchIndex } = await import('../../../src/core/search/search.js');
const { COLLECT_PREPARED } = await import('../../../src/core/search/search-settings.js');
const { makeCorpus } = await import('../../helpers/make-article.js');

describe('SearchIndex.prepare and the garbage it leaves', () => {
  const corpus = makeCorpus(Array.from({ length: 40 }, (_, i) => ({ title: `Bitcoin miners ${i}`, publishedAt: Date.UTC(2026, 0, 1 + i) })));

  it('collects once, as its last step, from `collectFrom` articles', () => {
    const index = new SearchIndex(corpus);
    const steps = index.prepareSteps(40);
    steps.slice(0, -1).forEach((step) => step());
    expect(collected.n).toBe(0);
    steps.at(-1)!();
    expect(collected.n).toBe(1);
    index.prepare(41);
    expect(collected.n).toBe(1);
  });

  it('does not collect below COLLECT_PREPARED articles by default', () => {
    collected.n = 0;
    expect(COLLECT_PREPARED).toBeGreaterThan(corpus.length);
    new SearchIndex(corpus).prepare();
    expect(collected.n).toBe(0);
    expect(new SearchIndex(corpus).search('bitcoin', { limit: 5 }).total).toBe(40);
  });
});
