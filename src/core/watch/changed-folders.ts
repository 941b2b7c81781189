// The folder watch's first walk closes the gap between the caller's own walk and the watch being
// in place (watch-here.ts): a file added in that gap is reported. Only a folder whose entries
// changed can hold one: making, renaming, moving or linking a file into a folder sets that
// folder's mtime (POSIX, for every entry made or removed), and a folder moved in whole keeps its
// own mtime but sets its parent's. So the walk keeps only the files of folders changed since the
// caller's walk began, and of every folder below one; the rest were there for that walk to see.
// At 100k files a warm start's walk sent every path over IPC and looked each one up (~35 MB of
// garbage on the UI thread, BENCHMARKS.md); now it sends the few files of folders just written.
import fs from 'node:fs';
import path from 'node:path';

/**
 * How much older than `since` a folder's mtime may be and still count as changed, in ms: the file
 * system stamps with the kernel's coarse clock (a tick behind Date.now(), 4-10 ms), and a
 * network file system with its server's.
 */
export const CLOCK_MARGIN_MS = 2_000;

/**
 * The `files` (paths, as a walk of `roots` gives them) that may have been added at or after
 * `since` (epoch ms): those of a folder whose mtime is at most CLOCK_MARGIN_MS older than `since`,
 * or below such a folder up to a root; a folder that cannot be stat-ed (gone meanwhile) counts
 * as changed. One stat a folder, none a file. A root that is a file is always kept.
 */
export function addedSince(files: readonly string[], roots: readonly string[], since: number): string[] {
  const from = since - CLOCK_MARGIN_MS;
  const rootDirs = new Set(roots.map((r) => path.resolve(r)));
  const changed = new Map<string, boolean>();
  const isChanged = (dir: string): boolean => {
    const known = changed.get(dir);
    if (known !== undefined) return known;
    let mtimeMs = Infinity;
    try {
      mtimeMs = fs.statSync(dir).mtimeMs;
    } catch {
      // gone or unreadable: what it held is the loader's to judge
    }
    const parent = path.dirname(dir);
    const answer = mtimeMs >= from || (!rootDirs.has(dir) && parent !== dir && isChanged(parent));
    changed.set(dir, answer);
    return answer;
  };
  const rootFiles = new Set(roots);
  const kept: string[] = [];
  let lastDir = '';
  let lastAnswer = false;
  for (const file of files) {
    const dir = path.dirname(file);
    // A walk lists a folder's files together: one lookup a folder.
    if (dir !== lastDir) {
      lastDir = dir;
      lastAnswer = isChanged(path.resolve(dir));
    }
    if (lastAnswer || rootFiles.has(file)) kept.push(file);
  }
  return kept;
}
