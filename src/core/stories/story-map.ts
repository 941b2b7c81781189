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
 * body pane asks, for the article on screen) by a search of the articles' story numbers: not a
 * sorted list for every story of the corpus, which at a million articles the render that first
 * showed a story made (3.8 s of the UI thread on a loaded machine, then their garbage), nor a chain
 * of each story's articles made on the first call (two Int32Arrays of the corpus's length, written
 * out of order: 40-100 ms of the UI thread in one piece at a million, on a key typed as the list
 * filled). The search is Int32Array#indexOf, V8's own loop over the array (~0.4-0.8 ms at a
 * million): a loop of ours ran in the interpreter when first called, 34-42 ms at a million on
 * the key typed as the list filled that the body's follow came before.
 */
export function storyMapOf({ story, size }: Stories, article: (id: number) => Article): StoryMap {
  const members = (s: number): number[] => {
    const list: number[] = [];
    for (let i = story.indexOf(s); i >= 0; i = story.indexOf(s, i + 1)) if (size[i] >= 2) list.push(i);
    list.sort((x, y) => (article(x).publishedAt ?? 0) - (article(y).publishedAt ?? 0) || x - y);
    return list.length > 0 ? list : [s];
  };
  return { story, size, members: (s) => (size[s] > 1 ? members(s) : [s]) };
}

/** Groups a corpus whose ids are 0..n-1 (the loader's) into stories, on this thread. */
export function storyMap(articles: readonly Article[]): StoryMap {
  return storyMapOf(groupStories(articles.map(storyDoc)), (id) => articles[id]);
}
