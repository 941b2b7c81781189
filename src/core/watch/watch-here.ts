// The folder watch itself (chokidar), on whichever thread runs it: the dashboard runs it on a
// worker (watcher.ts), since chokidar stats and watches every file it finds, at 100k files tens
// of seconds of work that would otherwise share the thread reading keys. What changed arrives
// in batches. A file still being written is reported once its size has stopped changing
// (awaitWriteFinish); events are gathered until the folder has been quiet for BATCH_QUIET_MS (or
// BATCH_MAX_MS has passed), so a burst of thousands of files is one batch, not thousands of reloads.
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isMarkdownName, walkPaths } from '../load/walk.js';

/** One batch of changes, as absolute paths; a path is in at most one list. */
export interface WatchBatch {
  added: string[];
  changed: string[];
  removed: string[];
}

/** Quiet time that ends a batch, in ms. */
export const BATCH_QUIET_MS = 250;
/** Longest a batch is held while events keep coming, in ms. */
export const BATCH_MAX_MS = 1000;
/** How long a file's size must stay the same before it counts as written, in ms. */
export const SETTLE_MS = 300;

// Hidden folders and node_modules are skipped, as the walk skips them.
function ignored(file: string, roots: readonly string[]): boolean {
  for (const root of roots) {
    const rel = path.relative(root, file);
    if (rel === '' || rel.startsWith('..')) continue;
    return rel.split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules');
  }
  return false;
}

/** A running watch; close() stops it and drops any batch not yet delivered. */
export interface FolderWatch {
  close(): Promise<void>;
}

/**
 * Watches `paths` (folders or files) and calls `onBatch` with what changed since the watch began.
 * `reconcile` closes the gap between the caller's own walk and the watch being in place:
 * chokidar reads each folder before it starts watching it, so a file that lands in between is
 * never reported. Once the watch is ready, the folders are walked once more and every Markdown
 * file not already reported goes to `reconcile`, which answers with those the caller did not
 * know (reported as added).
 */
export function watchHere(
  paths: readonly string[],
  onBatch: (batch: WatchBatch) => void,
  onError: (error: Error) => void = () => {},
  reconcile?: (files: string[]) => Promise<string[]>,
): FolderWatch {
  const roots = paths.map((p) => path.resolve(p));
  const reported = new Set<string>();
  const watcher: FSWatcher = watch(roots, {
    ignoreInitial: true,
    ignored: (file: string) => ignored(file, roots),
    awaitWriteFinish: { stabilityThreshold: SETTLE_MS, pollInterval: 50 },
    followSymlinks: true,
  });
  let closed = false;
  const pending = new Map<string, 'added' | 'changed' | 'removed'>();
  let quiet: NodeJS.Timeout | null = null;
  let first = 0;
  const flush = () => {
    quiet = null;
    if (pending.size === 0) return;
    const batch: WatchBatch = { added: [], changed: [], removed: [] };
    for (const [file, kind] of pending) batch[kind].push(file);
    pending.clear();
    onBatch(batch);
  };
  const note = (kind: 'added' | 'changed' | 'removed') => (file: string) => {
    if (!isMarkdownName(path.basename(file))) return;
    const abs = path.resolve(file);
    if (kind === 'added') reported.add(abs);
    const before = pending.get(abs);
    // Added then changed is still new; added then removed is nothing; removed then added is a change.
    if (before === 'added' && kind === 'changed') return;
    if (before === 'added' && kind === 'removed') pending.delete(abs);
    else pending.set(abs, before === 'removed' && kind === 'added' ? 'changed' : kind);
    const now = Date.now();
    if (quiet === null) first = now;
    else clearTimeout(quiet);
    quiet = setTimeout(flush, now - first >= BATCH_MAX_MS ? 0 : BATCH_QUIET_MS);
  };
  watcher.on('add', note('added')).on('change', note('changed')).on('unlink', note('removed'));
  watcher.on('ready', () => {
    if (!reconcile) return;
    walkPaths(roots)
      .then(({ files }) => (closed ? [] : reconcile(files.map((f) => f.path).filter((file) => !reported.has(file)))))
      .then(
        (missed) => {
          if (closed || missed.length === 0) return;
          // chokidar never saw these: it must track them, or their later changes and removal go unheard.
          watcher.add(missed);
          for (const file of missed) note('added')(file);
        },
        // A root removed meanwhile: the watch reports what it can; nothing to reconcile.
        () => {},
      );
  });
  watcher.on('error', (error) => onError(error instanceof Error ? error : new Error(String(error))));
  return {
    close: async () => {
      closed = true;
      if (quiet) clearTimeout(quiet);
      pending.clear();
      await watcher.close();
    },
  };
}
