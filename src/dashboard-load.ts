// The dashboard's load of its folders, started as soon as the loader and the search engine are in,
// while React, ink, the UI's modules, the frame writer and the reading state load and the first
// frame is drawn. Started after all of them, a cold 10k start's parse thread began ~0.49 s after
// the process on a loaded machine (the bench's cold child, the loader alone: ~0.09 s); started
// here, ~0.18 s. Its articles, progress and outcome are kept here for the UI, which repaints from
// then on.
import type { LoadProgress } from './ui/StatusBar.js';
import { importLoader, type LoadResult } from './core/load/index.js';
import { importSearchEngine, type SearchIndex } from './core/search/index.js';
import { IdsByPath } from './ids-by-path.js';

const PROGRESS_INTERVAL_MS = 100; // progress repaints at most this often: one per file would cost more than loading

/** The dashboard's options its load takes (the CLI's Options, same names). */
export interface DashboardLoadOptions {
  maxFileSize?: number;
  cache: boolean;
  clearCache: boolean;
}

/** The load as the UI reads it: `version` counts the articles' changes, `loading` is the status line's progress (null when done). */
export interface DashboardLoad {
  readonly index: SearchIndex;
  readonly ids: IdsByPath;
  version: number;
  loading: LoadProgress | null;
  /** Settles as loadCorpus does; a rejection counts as handled until the UI takes it (`then`). */
  readonly loaded: Promise<LoadResult>;
  /** Called after the load changed what the UI shows; nothing until the UI sets it. */
  repaint: () => void;
  /**
   * Set by the UI once it has taken `loaded`'s outcome. Until then `loading` stays the list's
   * progress: a load done before the UI was up must not show a finished status line beside the
   * list the UI showed before it (the warm start's page).
   */
  taken: boolean;
}

/**
 * Starts loading `paths` (loadCorpus, with the dashboard's progress and articles) once the loader
 * and the search engine are loaded; resolves then, with the load under way. Rejects only when
 * those modules cannot be loaded.
 */
export async function startDashboardLoad(paths: string[], options: DashboardLoadOptions): Promise<DashboardLoad> {
  const [{ loadCorpus }, { SearchIndex }] = await Promise.all([importLoader(), importSearchEngine()]);
  const index = new SearchIndex();
  let nextPaint = 0;
  const load: Omit<DashboardLoad, 'loaded'> = { index, ids: new IdsByPath((id) => index.article(id).path), version: 0, loading: { done: 0, total: 0 }, repaint: () => {}, taken: false };
  const loaded = loadCorpus(paths, {
    maxFileSize: options.maxFileSize,
    cache: options.cache,
    clearCache: options.clearCache,
    // Articles appear in the list as they stream in; the index grows in place.
    onArticles: (batch) => {
      index.add(batch);
      for (const a of batch) load.ids.set(a.path, a.id);
      load.version += 1;
    },
    // The full text is indexed after the list, on its own thread; its progress takes the
    // status line's loading slot until it is done.
    onTextProgress: (done, total) => {
      if (!load.taken) return;
      load.loading = done < total ? { done, total, what: 'text' } : null;
      const now = performance.now();
      if (load.loading !== null && now < nextPaint) return;
      nextPaint = now + PROGRESS_INTERVAL_MS;
      load.repaint();
    },
    onWalk: (found) => void ((load.loading = { done: 0, total: 0, found }), load.repaint()), // walk's count
    onProgress: (done, total) => {
      load.loading = { done, total };
      const now = performance.now();
      if (now < nextPaint) return;
      load.repaint();
      // A repaint re-runs the live query over everything loaded so far; on a big corpus that
      // grows, so repaints are spaced to at most a quarter of the main thread's time and the
      // load itself keeps the rest.
      const cost = performance.now() - now;
      nextPaint = now + Math.max(PROGRESS_INTERVAL_MS, 3 * cost);
    },
  });
  // The UI takes the outcome once it is up (a path error then ends the session as it always did).
  loaded.catch(() => {});
  return Object.assign(load, { loaded });
}
