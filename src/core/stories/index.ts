// The stories subsystem's public face: grouping a loaded corpus (once, after loading), a story's
// stable id for `--print json`, its members, and the hot score that `--sort hot` orders by.
import { createHash } from 'node:crypto';
import type { Article } from '../article.js';
import { LazyArticle } from '../load/lazy-article.js';
import { leadParagraph } from '../text/lead.js';
import { groupStories, type Stories, type StoryDoc } from './group.js';

export { groupStories, LINK_COSINE, WINDOW_MS, type Stories, type StoryDoc } from './group.js';
import { hotScore } from './hot.js';
export { hotScore, HOT_GRAVITY } from './hot.js';

/** The stories of a corpus indexed by article id, with each story's members. */
export interface StoryMap extends Stories {
  /** Ids of the articles of the story `storyOf` names, earliest first. */
  members(story: number): readonly number[];
}

// The first paragraph of a body in memory; a body still on disk (a loaded article) is not read
// for this: grouping 100k articles must not mean 100k file reads.
function leadOf(a: Article): string {
  if (a instanceof LazyArticle) return '';
  return leadParagraph(a.body);
}

/** The grouping input for one article. */
export function storyDoc(a: Article): StoryDoc {
  return { publishedAt: a.publishedAt, source: a.sourceKey, title: a.title, description: a.description, lead: leadOf(a) };
}

/** Groups a corpus whose ids are 0..n-1 (the loader's) into stories. */
export function storyMap(articles: readonly Article[]): StoryMap {
  const { story, size } = groupStories(articles.map(storyDoc));
  const byStory = new Map<number, number[]>();
  for (let i = 0; i < story.length; i++) {
    if (size[i] < 2) continue;
    const list = byStory.get(story[i]);
    if (list) list.push(i);
    else byStory.set(story[i], [i]);
  }
  for (const list of byStory.values()) list.sort((x, y) => (articles[x].publishedAt ?? 0) - (articles[y].publishedAt ?? 0) || x - y);
  return { story, size, members: (s) => byStory.get(s) ?? [s] };
}

/** A story id that stays the same between runs: a hash of its earliest article's path (12 hex digits). */
export function storyKey(earliest: Article): string {
  return createHash('sha1').update(earliest.path).digest('hex').slice(0, 12);
}

/** What `--print json` says of an article's story: the story's stable id and its size. */
export interface StoryInfo {
  story: string;
  storySize: number;
}

/** A lookup from article to StoryInfo over `articles` (ids 0..n-1) grouped as `map`. */
export function storyInfoOf(map: StoryMap, articles: readonly Article[]): (a: Article) => StoryInfo {
  return (a) => ({ story: storyKey(articles[map.story[a.id]] ?? a), storySize: map.size[a.id] ?? 1 });
}

/** Ids ordered by hot score (ties: newest first, then id), each scored with its story's size. */
export function hotOrder(ids: readonly number[], article: (id: number) => Article, size: ArrayLike<number> | null, now: number): number[] {
  const score = new Map<number, number>();
  for (const id of ids) score.set(id, hotScore(article(id), size ? size[id] ?? 1 : 1, now));
  return [...ids].sort((x, y) => score.get(y)! - score.get(x)! || (article(y).publishedAt ?? 0) - (article(x).publishedAt ?? 0) || x - y);
}
