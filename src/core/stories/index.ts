// The stories subsystem's public face: grouping a loaded corpus (once, after loading), a story's
// stable id for `--print json`, its members, and the hot score that `--sort hot` orders by.
import { createHash } from 'node:crypto';
import type { Article } from '../article.js';
import type { StoryMap } from './story-map.js';

export { groupStories, LINK_COSINE, WINDOW_MS, type Stories, type StoryDoc } from './group.js';
export { factsInput, storyDoc } from './story-doc.js';
export { storyMap, storyMapOf, type StoryMap } from './story-map.js';
export { factsInBackground, FactsService } from './facts-background.js';
export { coinMentionsOf, type Facts, type FactsInput } from './facts.js';
export { countFacts, type Counted, type FactsChange, type FactsCounter, type FactsProgress } from './facts-engine.js';
export { nearAny } from './regroup.js';
export { pulseOfFacts } from './facts-count.js';
import { hotScore } from './hot.js';
export { hotOrderOfFacts, hotScore, HOT_GRAVITY } from './hot.js';

/** A story id that stays the same between runs: a hash of its earliest article's path (12 hex digits). */
export function storyKey(earliest: Article): string {
  return createHash('sha1').update(earliest.path).digest('hex').slice(0, 12);
}

/** What `--print json` says of an article's story: the story's stable id and its size. */
export interface StoryInfo {
  story: string;
  storySize: number;
}

/**
 * A lookup from article to StoryInfo over the articles grouped as `map` (ids 0..n-1): `articles`,
 * or `article(id)` (no array of a million slots made for it; ids past the map are their own story).
 */
export function storyInfoOf(map: StoryMap, articles: readonly Article[] | ((id: number) => Article)): (a: Article) => StoryInfo {
  const at = typeof articles === 'function' ? articles : (id: number) => articles[id];
  return (a) => {
    const lead = map.story[a.id];
    return { story: storyKey(lead === undefined ? a : (at(lead) ?? a)), storySize: map.size[a.id] ?? 1 };
  };
}

/** Ids ordered by hot score (ties: newest first, undated and guessed dates last, then id), each scored with its story's size. */
export function hotOrder(ids: ArrayLike<number>, article: (id: number) => Article, size: ArrayLike<number> | null, now: number): number[] {
  // Scores and dates in flat arrays, sorted as positions: at 100k ids a Map-keyed sort cost ~0.3 s.
  const n = ids.length;
  const score = new Float64Array(n);
  const date = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const a = article(ids[k]);
    score[k] = hotScore(a, size ? size[ids[k]] ?? 1 : 1, now);
    date[k] = a.dateGuessed ? 0 : a.publishedAt ?? 0;
  }
  const order = Array.from({ length: n }, (_, k) => k);
  order.sort((x, y) => score[y] - score[x] || date[y] - date[x] || ids[x] - ids[y]);
  return order.map((k) => ids[k]);
}
