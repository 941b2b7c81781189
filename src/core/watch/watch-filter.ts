// What the folder watch leaves out, so that a file the start-up walk would not load is not
// loaded when it changes either: without it, a Markdown file saved under `node_modules/`, a hidden
// folder or a Hugo theme's example site would join the list, and the next start would drop it. The rules are the walk's
// own, asked for, not copied: hidden folders and node_modules (skippedFolder, files/article-names.ts),
// a static site's machinery (files/site-layout.ts), and links that lead back into their own folder
// (refused by the walk in files/walk.ts). Which file names are articles (isArticleName, also in
// files/article-names.ts) is asked by the watch itself (watch-here.ts, missed-events.ts), not here.
import fs, { type Stats } from 'node:fs';
import path from 'node:path';
import { keepsSiteEntry, siteKindOfFolder, skippedFolder, type SiteKind } from '../files/index.js';

/** What @parcel/watcher's `ignore` takes: paths, globs, or regular expressions (without flags) tested on the path relative to the watched folder. */
export type WatchIgnore = string | RegExp;

/**
 * @parcel/watcher's `ignore`: folders never watched at all (no inotify watch spent on them), a
 * hidden one (its name starts with `.`) or node_modules, at any depth. One regular expression,
 * not the globs `**\/.*` and `**\/node_modules`: parcel matches every path of its crawl against
 * each (std::regex), and picomatch's regexes for those globs, full of lookaheads, cost ~21 s of
 * CPU over a million files, this one ~10 s (no ignore at all: ~7 s; measured on 100k, 2.2 s / 1.0 s / 0.7 s).
 */
export const IGNORED_FOLDERS: readonly WatchIgnore[] = [/(?:^|[\\/])(?:\.|node_modules(?:[\\/]|$))/];

/**
 * Whether `file` (absolute) under one of `roots` is outside what the walk takes. `siteKinds`
 * remembers each folder's site kind, so a burst of events under one folder costs its few stat
 * calls once; `lastIsFolder` says whether the path itself is a folder.
 */
export function ignoredPath(file: string, roots: readonly string[], siteKinds: Map<string, SiteKind>, lastIsFolder: boolean): boolean {
  for (const root of roots) {
    const rel = path.relative(root, file);
    if (rel === '' || rel.startsWith('..')) continue;
    const parts = rel.split(path.sep);
    let dir = root;
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i];
      if (skippedFolder(name)) return true;
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
 * The walk at start-up refuses the same links (files/walk.ts: a link to an ancestor's inode).
 * Only folders and links are checked (`stats`, from lstat, tells).
 */
export function leadsIntoItself(file: string, stats: Stats | undefined): NodeJS.ErrnoException | 'ancestor' | null {
  if (!stats || !(stats.isDirectory() || stats.isSymbolicLink())) return null;
  const target = realOrError(file);
  if (typeof target !== 'string') return target.code === 'ELOOP' ? target : null;
  const parent = realOrError(path.dirname(file));
  if (typeof parent !== 'string') return null;
  return parent === target || parent.startsWith(target.endsWith(path.sep) ? target : target + path.sep) ? 'ancestor' : null;
}
