// Live updates over a folder already loaded, started as the dashboard starts them: the search
// index and the ids of the first load's articles, and everything the updater reports back.
import type { Article, LoadWarning } from '../../src/core/article.js';
import { SearchIndex } from '../../src/core/search/search.js';
import type { FolderWatch } from '../../src/core/watch/watcher.js';
import { IdsByPath } from '../../src/ids-by-path.js';
import { startLiveUpdates } from '../../src/live-updates.js';

/** A running live updater and what it reported so far (arrays and counts grow as batches merge). */
export interface LiveWatch {
  live: FolderWatch;
  index: SearchIndex;
  ids: IdsByPath;
  /** Ids no longer shown (removed or replaced files). */
  hidden: Set<number>;
  /** Articles added by each merged batch, in order. */
  merged: Article[];
  warned: LoadWarning[];
  /** How many merged files were new (not changes of listed ones). */
  newFiles: number;
  /** Every edited article's old id -> its new version's id, as the batches reported them. */
  replaced: Map<number, number>;
  /** The roots told gone (true) or back (false), in order. */
  roots: Array<[string, boolean]>;
}

/** Watches `corpus` (loaded as `articles`, its index under `cacheDir`) with live updates. */
export function watchLoaded(articles: readonly Article[], corpus: string, cacheDir: string): LiveWatch {
  const index = new SearchIndex(articles);
  const ids = new IdsByPath((id) => index.article(id).path);
  for (const a of articles) ids.set(a.path, a.id);
  const watch: Omit<LiveWatch, 'live'> = { index, ids, hidden: new Set(), merged: [], warned: [], newFiles: 0, replaced: new Map(), roots: [] };
  const live = startLiveUpdates({
    paths: [corpus],
    index,
    maxFileSize: undefined,
    cacheDir,
    ids,
    hidden: watch.hidden,
    skipped: new Set(),
    onMerged: (added, fresh, replaced) => {
      watch.merged.push(...added);
      watch.newFiles += fresh.length;
      for (const [old, now] of replaced) watch.replaced.set(old, now);
    },
    onWarnings: (more) => void watch.warned.push(...more),
    onRoot: (root, gone) => void watch.roots.push([root, gone]),
  });
  return Object.assign(watch, { live });
}
