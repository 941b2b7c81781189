// The list asks the search for two pages of hits beyond the cursor (use-search.ts listLimit). With
// stories grouped a row stands for several hits, so the depth is counted in hits, not rows (state/
// selectors.ts hitDepth). Found by a tester: in a folder of 5,000 with stories grouped, `G` and `j`
// stopped at the 2,000th article, as 2,000 hits folded into fewer rows than the limit asked for.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchIndex } from '../../src/core/search/search.js';
import { storyMapOf } from '../../src/core/stories/index.js';
import { App } from '../../src/ui/App.js';
import { hitDepth } from '../../src/state/selectors.js';
import { makeCorpus } from '../helpers/make-article.js';
import { eventually, tick } from './frame.js';

const NOW = Date.UTC(2025, 10, 14, 12);
const N = 3000;
// Newest first; articles 2k and 2k + 1 tell one story (named by its earliest article, 2k + 1).
const corpus = makeCorpus(Array.from({ length: N }, (_, i) => ({ title: `Story ${i} report`, publishedAt: NOW - (i + 1) * 60_000 })));
const story = Int32Array.from({ length: N }, (_, i) => i | 1);
const size = new Int32Array(N).fill(2);
const stories = storyMapOf({ story, size }, (id) => corpus[id]);

let unmount: (() => void) | null = null;
afterEach(() => unmount?.());

describe('the list with stories folded', () => {
  it('hitDepth counts the hits before the cursor row, not the rows', () => {
    expect(hitDepth({ hits: [{ id: 0, score: 1, titleMatches: [] }, { id: 2, score: 1, titleMatches: [] }], cursor: 1, rowOrdinals: Int32Array.of(1, 3), bottomWanted: 0 })).toBe(2);
    expect(hitDepth({ hits: [], cursor: 0, rowOrdinals: null, bottomWanted: 0 })).toBe(0);
    // `G` with more matches than loaded: every match is asked for.
    expect(hitDepth({ hits: [{ id: 0, score: 1, titleMatches: [] }], cursor: 0, rowOrdinals: null, bottomWanted: 5000 })).toBe(4999);
  });

  // Found by a tester: each `G` went ~1,000 rows further (the list's two pages past the cursor),
  // and Enter after one `G` chose the 1,013th article of 4,943.
  it('one G reaches the last story of 3,000 articles folded two by two', async () => {
    const r = render(<App index={new SearchIndex(corpus)} version={1} warnings={[]} loading={null} width={100} height={24} now={NOW} stories={stories} onDone={vi.fn()} />);
    unmount = r.unmount;
    await eventually(() => expect(r.lastFrame()).toMatch(/Stories 1\/counting… · 3,000 articles/));
    r.stdin.write('G');
    // The last row: the story of articles 2998 and 2999, the 1,500th row (every match loaded: the rows are counted).
    await eventually(() => expect(r.lastFrame()).toMatch(/Stories 1,500\/1,500 · 3,000 articles/));
    expect(r.lastFrame()).toMatch(/Story 299[89] report/);
  }, 30_000);

  it('G then Enter in one burst chooses the last article, not the last one loaded', async () => {
    const onDone = vi.fn();
    const flat = makeCorpus(Array.from({ length: N }, (_, i) => ({ title: `Flat ${i} report`, publishedAt: NOW - (i + 1) * 60_000 })));
    const r = render(<App index={new SearchIndex(flat)} version={1} warnings={[]} loading={null} width={100} height={24} now={NOW} onDone={onDone} />);
    unmount = r.unmount;
    await eventually(() => expect(r.lastFrame()).toMatch(/Articles 1\/3,000/));
    r.stdin.write('G\r');
    await eventually(() => expect(onDone).toHaveBeenCalled());
    // The oldest of the date order: article 2999.
    expect(JSON.stringify(onDone.mock.calls[0])).toContain(flat[N - 1].path);
  }, 30_000);

  it('k after G, before every match is in, stays a move from the row shown', async () => {
    const r = render(<App index={new SearchIndex(corpus)} version={1} warnings={[]} loading={null} width={100} height={24} now={NOW} stories={stories} onDone={vi.fn()} />);
    unmount = r.unmount;
    await eventually(() => expect(r.lastFrame()).toMatch(/Stories 1\/counting… · 3,000 articles/));
    r.stdin.write('G');
    await eventually(() => expect(r.lastFrame()).toMatch(/Stories 1,500\/1,500 · 3,000 articles/));
    r.stdin.write('k');
    await eventually(() => expect(r.lastFrame()).toMatch(/Stories 1,499\/1,500 · 3,000 articles/));
  }, 30_000);
});
