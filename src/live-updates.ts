// Merges what the folder watcher reports into the open dashboard's index: new and changed files
// are parsed off the main thread (the loader's parse pool) and appended with fresh ids; removed
// and replaced articles are hidden. Batches are merged one at a time, in order, so ids always
// continue the index. Nothing here moves the cursor: the UI keeps its selection (see App's
// `arrived` prop and the reducer's results rule). The on-disk index kept for the folders is
// updated too (rows and text of new and changed files written, rows of removed ones deleted), so
// the next run starts warm with what changed while this one ran.
import fs from 'node:fs';
import path from 'node:path';
import type { IdsByPath } from './ids-by-path.js';
import type { Article, LoadWarning } from './core/article.js';
import { errorMessage } from './core/error-message.js';
import { cacheDirectory, indexFile } from './core/index/index.js';
import { importLoader } from './core/load/index.js';
import type { SearchIndex } from './core/search/index.js';
import { watchFolders, type FolderWatch, type WatchBatch } from './core/watch/index.js';
import { latestVersion } from './state/index-swap.js';

export { prestartWatchProcess } from './core/watch/index.js';

/** What the dashboard hands the live updater. */
export interface LiveOptions {
  paths: readonly string[];
  index: SearchIndex;
  maxFileSize: number | undefined;
  /** Whether the on-disk index is kept (false: `--no-cache`); where it lives (default: the loader's). */
  cache?: boolean;
  cacheDir?: string;
  /** Article id by absolute path, for every article in the index (kept up to date here). */
  ids: IdsByPath;
  /** Ids no longer shown (removed or replaced files); grows here. */
  hidden: Set<number>;
  /**
   * After each merged batch: the articles added (new files and new versions of changed ones), those
   * of them whose file had no article listed (arrivals: a new file, or one that loads for the first
   * time, broken when it came or at start-up and fixed since), and the edited ones' old ids, each
   * with its new version's id.
   */
  onMerged(articles: readonly Article[], fresh: readonly Article[], replaced: ReadonlyMap<number, number>): void;
  /** Problems to report; `settled`: files read again or gone in this batch, whose earlier warnings (a file since fixed or deleted) no longer hold. */
  onWarnings(warnings: readonly LoadWarning[], settled?: ReadonlySet<string>): void;
  /** Absolute paths the load reported as broken or skipped: not new when the watch starts. */
  skipped: ReadonlySet<string>;
  /** A folder given (absolute) went away (`gone`), or a folder is back under its name (its articles follow in a batch). */
  onRoot?(root: string, gone: boolean): void;
}

/**
 * For the roots a batch renewed (WatchBatch.renewed: `listed` is all there is under them now): the
 * articles shown under them that are not listed (gone with the old folder), and, by path, the
 * last article under them of each path not shown after this batch (a file that left with the old
 * folder, now or before, and may be back). One pass over the index: a root is renewed seldom.
 */
export function underRenewed(o: Pick<LiveOptions, 'index' | 'hidden'>, roots: readonly string[], listed: ReadonlySet<string>): { gone: string[]; left: Map<string, number> } {
  const [gone, shown] = [[] as string[], [] as string[]];
  const left = new Map<string, number>();
  for (let id = 0; id < o.index.size; id++) {
    const file = o.index.article(id).path;
    if (!roots.some((root) => file.startsWith(root + path.sep))) continue;
    // Ids grow with each version: a path's last one is its latest.
    if (o.hidden.has(id) || !listed.has(file)) left.set(file, id);
    if (!o.hidden.has(id)) (listed.has(file) ? shown : gone).push(file);
  }
  for (const file of shown) left.delete(file);
  return { gone, left };
}

/**
 * The warnings to show after an onWarnings call: `shown` without those of the `settled` files
 * (read again or gone: fixed or deleted since), then `more`; `shown` itself when nothing changed
 * (every merged batch reports its settled files, most of them with nothing to drop or add).
 */
export function warningsAfter(shown: LoadWarning[], more: readonly LoadWarning[], settled?: ReadonlySet<string>): LoadWarning[] {
  const kept = settled ? shown.filter((w) => !settled.has(w.path)) : shown;
  return more.length === 0 && kept.length === shown.length ? shown : [...kept, ...more];
}

/**
 * What makes a removed file and an added one the same article (a rename): the feed's id, else its
 * URL (as reading marks follow a renamed file: reading/identity.ts), else, for a file with neither,
 * the same title, date and size (its content moved under another name).
 */
export function sameArticleKey(a: Pick<Article, 'externalId' | 'url' | 'title' | 'publishedAt' | 'size'>): string {
  if (a.externalId) return `id:${a.externalId}`;
  if (a.url) return `url:${a.url}`;
  return `same:${a.size}:${a.publishedAt ?? ''}:${a.title}`;
}

/** How long a removed article can still be paired with a file added later (a rename), in ms. */
export const RENAME_WINDOW_MS = 10_000;

/**
 * Removed articles an added file may be the same article as (sameArticleKey), by key, each kept
 * RENAME_WINDOW_MS. A rename's removal and creation usually share a batch (batches.ts), but a
 * watch process starved on a loaded machine can hand them over in two (seen in CI), and a file
 * deleted and written back (a `git stash` and its pop) is the same article too.
 */
export class RecentRemovals {
  private readonly byKey = new Map<string, { id: number; at: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  get size(): number {
    return this.byKey.size;
  }

  /** Notes article `id` (key `key`) removed now. */
  add(key: string, id: number): void {
    this.byKey.delete(key);
    this.byKey.set(key, { id, at: this.now() });
  }

  /** The id of the article removed under `key` within the window, taken (each pairs once), or undefined. */
  take(key: string): number | undefined {
    const cutoff = this.now() - RENAME_WINDOW_MS;
    // Kept in the order noted: the oldest go first.
    for (const [k, { at }] of this.byKey) {
      if (at >= cutoff) break;
      this.byKey.delete(k);
    }
    const found = this.byKey.get(key);
    this.byKey.delete(key);
    return found?.id;
  }
}

/** Starts watching; the returned watch's close() stops it. */
export function startLiveUpdates(o: LiveOptions): FolderWatch {
  let queue = Promise.resolve();
  // The index's trouble is told once per reason (`w`), not at every batch: the articles are shown all the same.
  const told = new Set<string>();
  const indexTrouble = (file: string, reason: string): void => {
    if (told.has(reason)) return;
    told.add(reason);
    o.onWarnings([{ path: file, reason: `live changes not kept in the index (${reason}): shown now, read again next run` }]);
  };
  // The batch's files, loaded into the on-disk index; without it when that fails (told once); null
  // when even that fails (each file told: its old row stays shown).
  const load = async (files: string[], gone: string[]): Promise<{ articles: Article[]; warnings: LoadWarning[] } | null> => {
    const { loadCorpus, PathError } = await importLoader();
    const opts = { maxFileSize: o.maxFileSize, cacheDir: o.cacheDir, indexFor: o.paths };
    if (o.cache !== false) {
      try {
        return await loadCorpus(files, { ...opts, removed: gone, onIndexError: indexTrouble });
      } catch (error) {
        // A file gone or unreadable since the event (PathError) is no fault of the index.
        if (!(error instanceof PathError)) indexTrouble(indexFile(o.cacheDir ?? cacheDirectory(), o.paths), errorMessage(error));
      }
    }
    const now = files.filter((f) => fs.existsSync(f));
    try {
      return await loadCorpus(now, { ...opts, cache: false });
    } catch (error) {
      o.onWarnings(files.map((path) => ({ path, reason: `not read again (${errorMessage(error)})${o.ids.has(path) ? ': its earlier version is shown' : ''}` })));
      return null;
    }
  };
  // The last article hidden at each path under a renewed root, until a file there is read again.
  const leftWithRoot = new Map<string, number>();
  const removals = new RecentRemovals();
  const merge = async (given: WatchBatch) => {
    // A root renewed (another folder under its name): what it listed is all there is; the rest shown under it is gone.
    const renewed = given.renewed ? underRenewed(o, given.renewed, new Set(given.added)) : null;
    const batch = renewed ? { ...given, removed: [...given.removed, ...renewed.gone] } : given;
    if (renewed) for (const [file, id] of renewed.left) leftWithRoot.set(file, id);
    const files = [...batch.added, ...batch.changed].filter((f) => fs.existsSync(f));
    const present = new Set(files);
    const gone = [...batch.removed, ...batch.added, ...batch.changed].filter((f) => !present.has(f));
    // A file can vanish between the event and the read: the loader reports it as a warning.
    const result = files.length > 0 || (gone.length > 0 && o.cache !== false) ? await load(files, gone) : { articles: [], warnings: [] };
    // An old row is hidden once what replaces it is in: the file is gone, or the load read it again
    // (its article, or its warning as a fresh run would give). "Added" may name a file already
    // shown: an editor's save by rename reports a new file.
    const shown = new Map<string, number>();
    for (const file of result ? [...batch.removed, ...batch.changed, ...batch.added] : gone) {
      const id = o.ids.get(file);
      if (id === undefined) continue;
      shown.set(file, id);
      o.hidden.add(id);
      o.ids.delete(file);
    }
    const start = o.index.size;
    const articles = (result?.articles ?? []).map((a, k) => Object.assign(a, { id: start + k }));
    o.index.add(articles);
    for (const a of articles) o.ids.setArticle(a);
    if (result) o.onWarnings(result.warnings, new Set([...batch.added, ...batch.changed, ...batch.removed]));
    // A file read again is the same article to the reader: the UI keeps it selected, scrolled as it was, by this.
    const replaced = new Map<number, number>();
    for (const a of articles) {
      const old = shown.get(a.path);
      if (old !== undefined) replaced.set(old, a.id);
    }
    // A file renamed (`mv a.md b.md`: a.md removed, b.md added, in this batch or an earlier one) is
    // the same article under another name: no arrival, followed like an edit.
    for (const file of batch.removed) {
      const old = shown.get(file);
      if (old !== undefined) removals.add(sameArticleKey(o.index.article(old)), old);
    }
    const fresh = articles.filter((a) => {
      if (shown.has(a.path)) return false;
      // Back with its root's new folder (moved away and back, cloned again: in this batch or a
      // later one, the clone still writing): the same file as before, as an edit is (a path shown
      // when the root was swapped whole is one: `shown`), no arrival.
      const back = leftWithRoot.get(a.path);
      if (back !== undefined) {
        leftWithRoot.delete(a.path);
        replaced.set(back, a.id);
        return false;
      }
      const old = removals.size > 0 ? removals.take(sameArticleKey(a)) : undefined;
      if (old === undefined) return true;
      replaced.set(old, a.id);
      return false;
    });
    o.onMerged(articles, fresh, replaced);
  };
  // A file that lands between the load's walk and the watch being in place is still news: the
  // watch reports every file found then that the load neither loaded nor skipped.
  const known = (file: string) => o.ids.has(file) || o.skipped.has(file);
  return watchFolders(
    o.paths,
    (batch) => {
      // Nothing is dropped unsaid: an error past the load names the batch's files.
      queue = queue.then(() => merge(batch)).catch((error: unknown) => o.onWarnings([...batch.added, ...batch.changed, ...batch.removed].map((path) => ({ path, reason: `live update failed (${errorMessage(error)})` }))));
    },
    // The native watch ended under its subscriptions (a failed poll or read of inotify): live updates
    // stop, said once under the first folder rather than not at all.
    (error) => {
      const reason = `live updates stopped (${errorMessage(error)})`;
      if (!told.has(reason)) o.onWarnings([{ path: o.paths[0] ?? '.', reason }]);
      told.add(reason);
    },
    known,
    // A link made into a loop while the dashboard runs is reported as the load reports one at
    // start-up (`w`), not followed; one the load already reported is not reported twice. Once the
    // link is removed its warning goes (reason null), the load's own included.
    ({ path, reason }) => {
      if (reason === null) o.onWarnings([], new Set([path]));
      else if (!o.skipped.has(path)) o.onWarnings([{ path, reason }]);
    },
    // The load walked after this process started: a file the watch's walk finds in a folder
    // unchanged since then was there for the load to see.
    performance.timeOrigin,
    // Told in turn with the batches: a root's articles are merged before its notice goes.
    (root, gone) => void (queue = queue.then(() => o.onRoot?.(root, gone)).catch(() => {})),
  );
}

/**
 * What the UI is given of the live updates (AppProps' `hidden`, `arrivals` and `replaced`), kept
 * up to date batch by batch; each a new object when it changes: the UI memoises on them.
 */
export class LiveView {
  hidden: ReadonlySet<number> = new Set();
  /** Per new file, in arrival order: its article's id now (an edit or a rename gives a new one), -1 once it is gone. */
  arrivals: readonly number[] = [];
  /** Every edited or renamed article's old id -> its file's next version's id (AppProps.replaced). */
  replaced: ReadonlyMap<number, number> = new Map();
  /** What the status line says while folders given are gone (AppProps.liveNotice), else null. */
  notice: string | null = null;
  private gone: string[] = [];

  /** Takes in LiveOptions.onRoot: `root` gone, or back. */
  root(root: string, gone: boolean): void {
    this.gone = [...this.gone.filter((r) => r !== root), ...(gone ? [root] : [])];
    const [first, ...more] = this.gone;
    this.notice = first === undefined ? null : more.length === 0 ? `${first} is gone; waiting for it` : `${first} and ${more.length} more are gone; waiting for them`;
  }

  /** Takes in a merged batch (LiveOptions.onMerged's `fresh` and `replaced`, and the updater's `hidden` now); returns the ids it hid. */
  merged(hiddenNow: ReadonlySet<number>, fresh: readonly Article[], replaced: ReadonlyMap<number, number>): number[] {
    const gone = [...hiddenNow].filter((id) => !this.hidden.has(id));
    this.hidden = new Set(hiddenNow);
    if (replaced.size > 0) this.replaced = new Map([...this.replaced, ...replaced]);
    // An arrival is followed by id, not by path: a rename (`mv new.md b.md` before `r`) gives it
    // another path but is the same arrival, still new (tests/live-updates.test.ts LiveView); one edited is
    // its new version; one whose file is gone (hidden, nothing in its place) is no longer news.
    const now = this.arrivals.map((id) => (id < 0 ? id : latestVersion(this.replaced, id)));
    this.arrivals = [...now.map((id) => (id >= 0 && this.hidden.has(id) ? -1 : id)), ...fresh.map((a) => a.id)];
    return gone;
  }
}
