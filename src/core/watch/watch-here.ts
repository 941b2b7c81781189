// The folder watch itself (chokidar), on whichever thread runs it: the dashboard runs it on a
// worker (watcher.ts), since chokidar stats and watches every file it finds, at 100k files tens
// of seconds of work that would otherwise share the thread reading keys. What changed arrives
// in batches. A file still being written is reported once its size has stopped changing
// (awaitWriteFinish); events are gathered until the folder has been quiet for BATCH_QUIET_MS (or
// BATCH_MAX_MS has passed), so a burst of thousands of files is one batch, not thousands of reloads.
import fs, { type Stats } from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { describeFsError, isMarkdownName, isSectionPage, keepsSiteEntry, siteKindOfFolder, walkPaths, type SiteKind } from '../files/index.js';

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

// What the walk skips, the watch skips: hidden folders, node_modules, a static site's machinery
// (files/site-layout.ts) and section pages. `siteKinds` remembers each folder's kind, so a burst of
// events under one folder costs its few stat calls once.
function ignored(file: string, roots: readonly string[], siteKinds: Map<string, SiteKind>, lastIsFolder: boolean): boolean {
  for (const root of roots) {
    const rel = path.relative(root, file);
    if (rel === '' || rel.startsWith('..')) continue;
    const parts = rel.split(path.sep);
    let dir = root;
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i];
      if (name.startsWith('.') || name === 'node_modules') return true;
      let kind = siteKinds.get(dir);
      if (kind === undefined) siteKinds.set(dir, (kind = siteKindOfFolder(dir)));
      const folder = i < parts.length - 1 || lastIsFolder;
      if (kind !== null && !keepsSiteEntry(kind, { name, isDirectory: () => folder, isSymbolicLink: () => false })) return true;
      dir = path.join(dir, name);
    }
    return false;
  }
  return false;
}

/** A file or folder the watch will not follow, reported as the start-up walk reports it: `path: reason`. */
export interface WatchWarning {
  path: string;
  reason: string;
}

// The real path of `p`, or the error that stopped it (ELOOP for a link that leads to itself).
function realOrError(p: string): string | NodeJS.ErrnoException {
  try {
    return fs.realpathSync(p);
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}

/**
 * Whether the folder (or link to one) at `file` leads back to itself or to one of its own
 * folders: a symbolic link created under a watched folder while the watch runs (`ln -s .. loop`).
 * chokidar follows links and has no loop test of its own: it walked `loop/sub/loop/...` forty
 * levels deep, reporting every file again at each level, until the kernel's ELOOP stopped it.
 * The walk at start-up refuses the same links (files/walk.ts: a link to an ancestor's inode).
 * Only folders are checked (`stats` tells), so a watch of 100k files resolves a few hundred paths.
 */
export function leadsIntoItself(file: string, stats: Stats | undefined): NodeJS.ErrnoException | 'ancestor' | null {
  if (!stats || !(stats.isDirectory() || stats.isSymbolicLink())) return null;
  const target = realOrError(file);
  if (typeof target !== 'string') return target.code === 'ELOOP' ? target : null;
  const parent = realOrError(path.dirname(file));
  if (typeof parent !== 'string') return null;
  return parent === target || parent.startsWith(target.endsWith(path.sep) ? target : target + path.sep) ? 'ancestor' : null;
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
 * know (reported as added). A link that would make the watch go round in a loop is not followed
 * and goes to `onWarning` once (`symlink loop`), as do the paths chokidar cannot read.
 */
export function watchHere(
  paths: readonly string[],
  onBatch: (batch: WatchBatch) => void,
  onError: (error: Error) => void = () => {},
  reconcile?: (files: string[]) => Promise<string[]>,
  onWarning: (warning: WatchWarning) => void = () => {},
): FolderWatch {
  const roots = paths.map((p) => path.resolve(p));
  const reported = new Set<string>();
  const warned = new Set<string>();
  const warn = (file: string, reason: string): void => {
    if (warned.has(file)) return;
    warned.add(file);
    onWarning({ path: file, reason });
  };
  const loops = (file: string, stats: Stats | undefined): boolean => {
    const loop = leadsIntoItself(file, stats);
    if (loop) warn(file, loop === 'ancestor' ? 'symlink loop' : describeFsError(loop));
    return loop !== null;
  };
  const siteKinds = new Map<string, SiteKind>();
  const watcher: FSWatcher = watch(roots, {
    ignoreInitial: true,
    // Without stats chokidar may be asking about a folder, so the last part is taken as one; file
    // events are checked again as files in note().
    ignored: (file: string, stats?: Stats) => ignored(path.resolve(file), roots, siteKinds, stats === undefined || stats.isDirectory()) || loops(path.resolve(file), stats),
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
    const name = path.basename(file);
    const abs = path.resolve(file);
    if (!isMarkdownName(name) || isSectionPage(name) || ignored(abs, roots, siteKinds, false)) return;
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
  watcher.on('error', (error) => {
    // A path that cannot be read (a link to itself, a folder made unreadable) is that path's
    // warning, as at start-up; anything else is the watch's own error.
    const failed = error as NodeJS.ErrnoException;
    if (failed && typeof failed.path === 'string' && failed.code) warn(path.resolve(failed.path), describeFsError(failed));
    else onError(error instanceof Error ? error : new Error(String(error)));
  });
  return {
    close: async () => {
      closed = true;
      if (quiet) clearTimeout(quiet);
      pending.clear();
      await watcher.close();
    },
  };
}
