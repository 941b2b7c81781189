// The folder watch itself, through @parcel/watcher: one inotify watch per folder (FSEvents,
// ReadDirectoryChangesW elsewhere), where chokidar kept a watch and a stat per file (768 MB and 17 s
// for 100k files, and past Linux's default 192k inotify watches it could not watch 1M at all).
// Its subscriptions are made by a Subscriber (subscriber.ts): in the built program a process of
// their own, which the program kills on its way out instead of waiting for a crawl; never a worker
// thread, since a native addon torn down with one can take the process with it
// (parcel-bundler/watcher#264). What they report is sorted here, on the calling thread, and
// arrives in settled batches (batches.ts). A root replaced under its name (root-identity.ts) is
// watched again: the old folder's subscriptions end, the new one is subscribed and walked, and
// its files are one batch that says the root was renewed.
import fs, { type Stats } from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../error-message.js';
import { describeFsError, isArticleName, type SiteKind } from '../files/index.js';
import { batcher, type WatchBatch } from './batches.js';
import { pollRoots, type Identity } from './root-identity.js';
import { subscribeHere, WatchProcessEnded, type Subscriber, type Unsubscribe } from './subscriber.js';
import { WatchUnavailable } from './watch-limits.js';
import { IGNORED_FOLDERS, ignoredPath, leadsIntoItself } from './watch-filter.js';
import type { WatchEvent } from './watch-messages.js';

export { BATCH_MAX_MS, BATCH_QUIET_MS, SETTLE_MS, type WatchBatch } from './batches.js';

/**
 * A file or folder the watch will not follow, reported as the start-up walk reports it: `path:
 * reason`; `reason` null once that path is removed (a loop's link deleted): its warning no longer holds.
 */
export interface WatchWarning {
  path: string;
  reason: string | null;
}

/** A running watch; close() stops it and drops any batch not yet delivered. */
export interface FolderWatch {
  /**
   * Settles once every folder is under watch and the walk that follows has been reconciled: a
   * file written after it is reported (one written before it only through `reconcile`). Never
   * rejects; a folder that could not be watched is a warning.
   */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Lists `roots`: their Markdown files (iterated once: a walk on a thread hands them as one string,
 * watch-worker.ts), the folder links followed, the links that lead into themselves (`loops`).
 * `gap`: the walk once the watch is in place, whose files go to `reconcile`; it may leave out
 * files its caller's own walk saw (watcher.ts: those of folders unchanged since, changed-folders.ts).
 */
export type Walk = (roots: readonly string[], gap?: boolean) => Promise<{ files: Iterable<string>; links: string[]; loops: string[] }>;

function* unreported(files: Iterable<string>, reported: ReadonlySet<string>): Generator<string> {
  for (const file of files) if (!reported.has(file)) yield file;
}

const lstatOrNull = (file: string): Stats | null => {
  try {
    return fs.lstatSync(file);
  } catch {
    return null;
  }
};

const statOrNull = (file: string): Stats | null => {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
};

/**
 * Watches `paths` (folders or files) and calls `onBatch` with what changed since the watch began.
 * Once the watch is in place, `walk` lists the folders again: every Markdown file not already
 * reported goes to `reconcile` (the gap between the caller's own walk and the watch), which
 * answers with those the caller did not know (reported as added), and each folder link it
 * followed is watched through the link. A link made while the watch runs is followed the same
 * way unless it leads back into its own folder (`symlink loop`, reported once to `onWarning`, as
 * are the paths that cannot be watched). `subscriber` makes the subscriptions (default: in this
 * process); close() closes it. A folder root found gone or replaced (root-identity.ts) is told to
 * `onRoot` (`gone` true while nothing is there) and reported as a `renewed` batch.
 */
export function watchHere(
  paths: readonly string[],
  onBatch: (batch: WatchBatch) => void,
  onError: (error: Error) => void,
  walk: Walk,
  reconcile?: (files: Iterable<string>) => Promise<string[]>,
  onWarning: (warning: WatchWarning) => void = () => {},
  subscriber: Subscriber = subscribeHere(),
  onRoot: (root: string, gone: boolean) => void = () => {},
): FolderWatch {
  const roots = paths.map((p) => path.resolve(p));
  const siteKinds = new Map<string, SiteKind>();
  const reported = new Set<string>();
  const warned = new Set<string>();
  const warn = (file: string, reason: string): void => {
    if (warned.has(file)) return;
    warned.add(file);
    onWarning({ path: file, reason });
  };
  let closed = false;
  // Folders watched through a link: the link's path, so events come back under the path shown.
  const throughLinks = new Set<string>();

  const batches = batcher(onBatch);
  const note = (kind: 'added' | 'changed' | 'removed', abs: string, quietAgain = true): void => {
    if (closed) return;
    if (kind === 'added') reported.add(abs);
    batches.note(kind, abs, quietAgain);
  };

  // Files found by a walk of a folder that appeared (made, moved in, or reached through a new
  // link): its files may have landed before its own watch was in place.
  const walkNew = (dir: string): void => {
    walk([dir]).then(
      ({ files, links, loops }) => {
        if (closed) return;
        for (const loop of loops) warn(loop, 'symlink loop');
        for (const file of files) if (!ignoredPath(file, roots, siteKinds, false)) note('added', file, false);
        for (const link of links) void watchThrough(link);
      },
      () => {},
    );
  };

  const onEvent = (file: string, type: WatchEvent['type']): void => {
    const name = path.basename(file);
    if (type === 'delete') {
      // A root's own folder deleted or moved away: what comes under its name next is another folder.
      if (roots.includes(file)) poll.lost(file);
      // A path warned of (a loop's link, one that leads nowhere) removed: its warning goes, and it is
      // told again if made again. A root's warning stays (live updates off for all is said under it).
      if (warned.has(file) && !roots.includes(file)) {
        warned.delete(file);
        onWarning({ path: file, reason: null });
      }
      if (isArticleName(name) && !ignoredPath(file, roots, siteKinds, false)) note('removed', file);
      return;
    }
    const st = lstatOrNull(file);
    if (!st) return; // gone again; its delete event follows
    if (st.isSymbolicLink()) {
      const loop = leadsIntoItself(file, st);
      if (loop) return warn(file, loop === 'ancestor' ? 'symlink loop' : describeFsError(loop));
      let target: Stats;
      try {
        target = fs.statSync(file);
      } catch (error) {
        if (isArticleName(name)) warn(file, describeFsError(error, true));
        return;
      }
      if (target.isDirectory()) {
        if (!ignoredPath(file, roots, siteKinds, true) && !throughLinks.has(file)) {
          void watchThrough(file);
          walkNew(file);
        }
        return;
      }
      if (!target.isFile()) return;
    } else if (st.isDirectory()) {
      if (type === 'create' && !ignoredPath(file, roots, siteKinds, true)) walkNew(file);
      return;
    }
    if (!isArticleName(name) || ignoredPath(file, roots, siteKinds, false)) return;
    note(type === 'create' ? 'added' : 'changed', file);
  };

  // Every subscription made or being made, by the path its events are shown under; `ended` once
  // its folder was replaced (a late event of it tells of the old folder under the root's paths);
  // `made` settles once it is in place, or ended when `ended` came first.
  const subs = new Set<{ shownAs: string; ended: boolean; end: Unsubscribe | null; made: Promise<void> }>();
  const subscribe = (dir: string, shownAs: string, only: ReadonlySet<string> | null): Promise<void> => {
    const sub = { shownAs, ended: false, end: null as Unsubscribe | null, made: Promise.resolve() };
    subs.add(sub);
    return (sub.made = subscribeOne(dir, shownAs, only, sub));
  };
  const subscribeOne = async (dir: string, shownAs: string, only: ReadonlySet<string> | null, sub: { ended: boolean; end: Unsubscribe | null }): Promise<void> => {
    const translate = dir === shownAs ? (p: string) => p : (p: string) => shownAs + p.slice(dir.length);
    try {
      sub.end = await subscriber.subscribe(dir, IGNORED_FOLDERS, (error, events) => {
        if (closed || sub.ended) return;
        // The watch's process killed or crashed: the folder is no longer watched, and says so.
        if (error instanceof WatchProcessEnded) return warn(shownAs, `not watched (${error.message})`);
        if (error instanceof WatchUnavailable) return offForAll(error);
        if (error) return onError(error);
        for (const event of events) {
          const file = translate(event.path);
          if (only === null || only.has(file)) onEvent(file, event.type);
        }
      });
      if (sub.ended) await sub.end();
    } catch (error) {
      if (closed || sub.ended) return;
      if (error instanceof WatchUnavailable) return offForAll(error);
      // A folder that cannot be watched (unreadable, gone, the system's watch limit reached) is
      // that folder's warning, as an unreadable one is at start-up.
      const code = (error as NodeJS.ErrnoException | null)?.code;
      warn(shownAs, code ? describeFsError(error) : `not watched (${errorMessage(error)})`);
    }
  };
  // No folder can be watched (a system limit, watch-limits.ts): said once, under the first folder, not once a folder.
  const offForAll = (error: WatchUnavailable): void => warn(roots[0] ?? '.', error.message);
  const watchThrough = (link: string): Promise<void> => {
    if (throughLinks.has(link)) return Promise.resolve();
    throughLinks.add(link);
    let real: string;
    try {
      real = fs.realpathSync(link);
    } catch {
      return Promise.resolve();
    }
    return subscribe(real, link, null);
  };

  // Folder arguments are watched whole; a file argument through its folder, for its own events only.
  const files = new Map<string, Set<string>>();
  const started: Promise<void>[] = [];
  for (const root of roots) {
    if (statOrNull(root)?.isFile()) {
      const dir = path.dirname(root);
      if (!files.has(dir)) files.set(dir, new Set());
      files.get(dir)!.add(root);
    } else if (lstatOrNull(root)?.isSymbolicLink()) started.push(watchThrough(root));
    else started.push(subscribe(root, root, null));
  }
  for (const [dir, only] of files) started.push(subscribe(dir, dir, only));

  // A root replaced (root-identity.ts): the old folder's subscriptions, and those of the links
  // followed under it, end at once; a new folder is subscribed and walked, and its files are one
  // batch (`renewed`: all there is under the root now, none while it is gone). One at a time.
  const within = (root: string) => (p: string) => p === root || p.startsWith(root + path.sep);
  const unwatch = async (root: string): Promise<void> => {
    const under = within(root);
    for (const link of throughLinks) if (under(link)) throughLinks.delete(link);
    const ends: Promise<void>[] = [];
    for (const sub of subs) {
      if (!under(sub.shownAs)) continue;
      subs.delete(sub);
      sub.ended = true;
      // One still crawling is ended once in place: @parcel/watcher shares a watch by path, and a new
      // subscription to the root's path made before the old one ends would join the old folder's.
      ends.push(sub.end ? sub.end().catch(() => {}) : sub.made);
    }
    await Promise.all(ends);
  };
  const renew = async (root: string, now: Identity): Promise<void> => {
    await unwatch(root);
    siteKinds.clear();
    // The old folder's events still pending are moot; the new one's wait for its batch (a file
    // written while it is walked is read again after, as an edit, not counted as an arrival).
    batches.forget(within(root));
    batches.hold(within(root));
    try {
      if (now !== null) await (lstatOrNull(root)?.isSymbolicLink() ? watchThrough(root) : subscribe(root, root, null));
      const found = now === null ? { files: [], links: [], loops: [] } : await walk([root]).catch(() => null);
      // Walked while it went again: the next look says so.
      if (closed || !found) return;
      for (const loop of found.loops) warn(loop, 'symlink loop');
      for (const link of found.links) void watchThrough(link);
      const added: string[] = [];
      for (const file of found.files) if (!ignoredPath(file, roots, siteKinds, false)) added.push(file);
      onBatch({ added, changed: [], removed: [], renewed: [root] });
      onRoot(root, now === null);
    } finally {
      batches.hold(null);
    }
  };
  let renewing = Promise.resolve();
  const poll = pollRoots(
    roots.filter((root) => statOrNull(root)?.isDirectory()),
    (root, now) => void (renewing = renewing.then(() => renew(root, now)).catch(() => {})),
  );

  const ready = Promise.all(started)
    .then(() => (closed ? null : walk(roots, reconcile !== undefined)))
    .then(async (found) => {
      if (!found || closed) return;
      // A loop made between the caller's walk and the watch being in place has no event of its
      // own: the walk is where it shows (one the caller already reported, it drops again).
      for (const loop of found.loops) warn(loop, 'symlink loop');
      for (const link of found.links) void watchThrough(link);
      if (!reconcile) return;
      // Compared one by one as they are read: no array of every file under the folders (a million at a million).
      const missed = await reconcile(unreported(found.files, reported));
      for (const file of missed) note('added', file, false);
    })
    // A root removed meanwhile: the watch reports what it can; nothing to reconcile.
    .catch(() => {});

  return {
    ready,
    close: async () => {
      closed = true;
      poll.close();
      batches.close();
      await subscriber.close();
    },
  };
}
