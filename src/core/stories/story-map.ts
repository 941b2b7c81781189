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
 * A StoryMap over a grouping of articles 0..n-1. The members lists are made on the first call to
 * `members` (only the body pane asks, for the article on screen), not with the grouping.
 */
export function storyMapOf({ story, size }: Stories, article: (id: number) => Article): StoryMap {
  let byStory: Map<number, number[]> | null = null;
  const lists = (): Map<number, number[]> => {
    if (byStory) return byStory;
    byStory = new Map();
    for (let i = 0; i < story.length; i++) {
      if (size[i] < 2) continue;
      const list = byStory.get(story[i]);
      if (list) list.push(i);
      else byStory.set(story[i], [i]);
    }
    for (const list of byStory.values()) list.sort((x, y) => (article(x).publishedAt ?? 0) - (article(y).publishedAt ?? 0) || x - y);
    return byStory;
  };
  return { story, size, members: (s) => (size[s] > 1 ? lists().get(s) ?? [s] : [s]) };
}

/** Groups a corpus whose ids are 0..n-1 (the loader's) into stories, on this thread. */
export function storyMap(articles: readonly Article[]): StoryMap {
  return storyMapOf(groupStories(articles.map(storyDoc)), (id) => articles[id]);
}
