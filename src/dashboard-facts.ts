// The dashboard's facts (core/stories/facts.ts: coins, stories, the pulse's codes), computed on a
// worker thread once the corpus is loaded (or read back from the index when no file changed), and again when live updates add articles: at most one
// computation runs at a time, and one more is queued while it runs. What the worker found is
// handed over in slices between keys (the coins of 100k articles, for `coin:` filters).
import type { Article } from './core/article.js';
import type { SearchIndex } from './core/search/index.js';
import type { Facts, StoryInfo, StoryMap } from './core/stories/index.js';

/** What one computation gives the dashboard: the facts, and the stories unless grouping is off. */
export interface ComputedFacts {
  facts: Facts;
  stories: StoryMap | null;
  storyOf: ((a: Article) => StoryInfo) | undefined;
}

/** Where the facts come from and go to. */
export interface FactsRunnerOptions {
  index: SearchIndex;
  /** Group stories (false: `--no-group`; the pulse still counts every match). */
  group: boolean;
  /** The on-disk index the facts are kept in between runs; null with `--no-cache`. */
  cacheFile: string | null;
  /** True once the dashboard closed: work stops and nothing more is handed over. */
  finished: () => boolean;
  onFacts: (computed: ComputedFacts) => void;
}

const SLICE = 10_000;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A function that (re)computes the facts of every article in the index now. Never throws. */
export function factsRunner(o: FactsRunnerOptions): () => void {
  let running = false;
  let again = false;
  const run = async (): Promise<void> => {
    const { factsInBackground, storyMapOf, storyInfoOf, coinMentionsOf } = await import('./core/stories/index.js');
    const { primeArticleCoins } = await import('./core/coins/index.js');
    const n = o.index.size;
    const article = (id: number): Article => o.index.article(id);
    const facts = await factsInBackground(article, n, { shouldStop: o.finished, group: o.group, cacheFile: o.cacheFile });
    if (!facts || o.finished()) return;
    for (let start = 0; start < n; start += SLICE) {
      for (let id = start; id < Math.min(n, start + SLICE); id++) primeArticleCoins(article(id), coinMentionsOf(facts, id));
      await nextTurn();
      if (o.finished()) return;
    }
    const stories = o.group ? storyMapOf(facts, article) : null;
    const storyOf = stories ? storyInfoOf(stories, Array.from({ length: n }, (_, id) => article(id))) : undefined;
    o.onFacts({ facts, stories, storyOf });
  };
  const start = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    run()
      .catch(() => {
        // Without facts the list stays flat and the pulse counts the list's own hits.
      })
      .finally(() => {
        running = false;
        if (again && !o.finished()) {
          again = false;
          start();
        }
      });
  };
  return start;
}
