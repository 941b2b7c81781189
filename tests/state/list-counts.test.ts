// The list's title counts the rows the reader moves through (state/list-counts.ts, ui/ArticleList.tsx
// listTitle): found by a tester, `Articles 12/75` on the 8th of 71 rows, `G` on `Articles 75/75`.
import { describe, expect, it } from 'vitest';
import type { Hit } from '../../src/core/search/index.js';
import { initialState, reducer, type AppState } from '../../src/state/reducer.js';
import { listCounts } from '../../src/state/list-counts.js';
import type { StoryView } from '../../src/state/story-rows.js';
import { listTitle } from '../../src/ui/ArticleList.js';

const hit = (id: number): Hit => ({ id, score: 0, titleMatches: [] });
// Articles 0..5: 1, 3 and 4 are one story (named by 3, its earliest); 2 and 5 another (named 5).
const stories: StoryView = { story: [0, 3, 5, 3, 3, 5], size: [1, 3, 2, 3, 3, 2] };
const title = (s: AppState) => listTitle(listCounts(s));
const command = (s: AppState, c: 'down' | 'bottom' | 'unfold') => reducer(s, { type: 'command', command: c });

function results(ids: number[], total: number, over: { stories?: StoryView | null; storyTotal?: number | null; approximate?: boolean; counting?: boolean } = {}, from?: AppState): AppState {
  const s = from ?? initialState({ width: 80, height: 24 });
  return reducer(s, { type: 'results', hits: ids.map(hit), total, sort: 'date', query: '', stories: stories, ...over });
}

describe('the list title', () => {
  it('counts rows where stories fold articles, with the articles beside them', () => {
    let s = results([0, 1, 2, 3, 4, 5], 6);
    expect(title(s)).toBe('Stories 1/3 · 6 articles');
    s = command(s, 'down');
    // The second row is a story of three: its place is the 2nd row, not the 2nd article.
    expect(title(s)).toBe('Stories 2/3 · 6 articles');
    expect(title(command(s, 'bottom'))).toBe('Stories 3/3 · 6 articles');
  });
  it('counts an open story’s articles as the rows they are', () => {
    let s = command(results([0, 1, 2, 3, 4, 5], 6), 'down');
    s = command(s, 'unfold');
    expect(title(command(s, 'bottom'))).toBe('Stories 5/5 · 6 articles');
  });
  it('reads Articles when every row is one article: before the stories are grouped, with --no-group, or a result of lone articles', () => {
    expect(title(command(results([0, 1, 2, 3, 4, 5], 6, { stories: null }), 'bottom'))).toBe('Articles 6/6');
    expect(title(results([0, 2], 2))).toBe('Articles 1/2');
    expect(title(results([0, 1, 2], 1000, { stories: null, approximate: true }))).toBe('Articles 1/1,000+');
    expect(title(results([0, 1, 2], 1000, { stories: null, counting: true }))).toBe('Articles 1/counting…');
  });
  it('with more matches than rows loaded, takes the rows from the stories counted over every match, and says counting… until then', () => {
    const s = results([0, 1, 2, 3, 4, 5], 9_889);
    expect(title(s)).toBe('Stories 1/counting… · 9,889 articles');
    expect(title(results([0, 1, 2, 3, 4, 5], 9_889, { storyTotal: 6_512 }))).toBe('Stories 1/6,512 · 9,889 articles');
    expect(title(results([0, 1, 2, 3, 4, 5], 1_000, { storyTotal: 640, approximate: true }))).toBe('Stories 1/640+ · 1,000+ articles');
  });
  it('adds an open story’s rows to the counted stories, as a lower bound when some of its articles are not loaded', () => {
    // Every article of story 3 is loaded: its two other rows are known.
    let s = command(command(results([0, 1, 2, 3, 4, 5], 9_889, { storyTotal: 6_512 }), 'down'), 'unfold');
    expect(title(s)).toBe('Stories 2/6,514 · 9,889 articles');
    // Only two of story 3's three articles are loaded: the third may match further down.
    s = command(command(results([0, 1, 3], 9_889, { storyTotal: 6_512 }), 'down'), 'unfold');
    expect(title(s)).toBe('Stories 2/6,513+ · 9,889 articles');
  });
});
