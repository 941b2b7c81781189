// A corpus's stories as the UI and `--print json` use them: each article's story and its size,
// and a story's members, earliest first.
import type { Article } from '../article.js';
import { groupStories, type Stories } from './group.js';
import { storyDoc } from './story-doc.js';

/** The stories of a corpus indexed by article id, with each story's members. */
export interface StoryMap extends Stories {
  /** Ids of the articles of the story `storyOf` names, earliest first. */
  members(story: number): readonly number[];
}

/**
 * A StoryMap over a grouping of articles 0..n-1. A story's members are found when asked (only the
 * body pane asks, for the article on screen) by walking a chain of the story's articles, made in
 * one pass on the first call: not a sorted list for every story of the corpus, which at a million
 * articles the render that first showed a story made (3.8 s of the UI thread on a loaded
 * machine, then their garbage). The chain is two Int32Arrays of the corpus's length.
 */
export function storyMapOf({ story, size }: Stories, article: (id: number) => Article): StoryMap {
  // first[s]: the lowest id of story s; next[i]: the next id of i's story (-1: none).
  let first: Int32Array | null = null;
  let next: Int32Array | null = null;
  const members = (s: number): number[] => {
    if (!first || !next) {
      first = new Int32Array(story.length).fill(-1);
      next = new Int32Array(story.length);
      for (let i = story.length - 1; i >= 0; i--) {
        const t = story[i];
        if (t < 0 || t >= story.length) continue;
        next[i] = first[t];
        first[t] = i;
      }
    }
    const list: number[] = [];
    for (let i = s >= 0 && s < first.length ? first[s] : -1; i >= 0; i = next[i]) if (size[i] >= 2) list.push(i);
    list.sort((x, y) => (article(x).publishedAt ?? 0) - (article(y).publishedAt ?? 0) || x - y);
    return list.length > 0 ? list : [s];
  };
  return { story, size, members: (s) => (size[s] > 1 ? members(s) : [s]) };
}

/** Groups a corpus whose ids are 0..n-1 (the loader's) into stories, on this thread. */
export function storyMap(articles: readonly Article[]): StoryMap {
  return storyMapOf(groupStories(articles.map(storyDoc)), (id) => articles[id]);
}
