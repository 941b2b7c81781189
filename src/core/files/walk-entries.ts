// A warm load lets the walk's entries of the files whose rows the index holds go before it reads
// those rows (load/load.ts holdFresh): their entry objects and relative paths (~80 bytes a file
// beside the path strings the read still needs) sat under the rows' records at the peak of a warm
// 1M load's memory (BENCHMARKS.md, the 1M memory section of the sixteenth round). The few of those
// whose row then does not read are parsed again, from an entry made again, as the walk makes it.

import path from 'node:path';
import type { WalkEntry } from './walk.js';

/** What stands in the walk's list for an entry let go or already loaded. */
export const TAKEN: WalkEntry = Object.freeze({ path: '', relPath: '', folderName: '' });

/**
 * Replaces with TAKEN the entries of `files` at the positions `fresh` marks (1) whose relative
 * path is their path's tail (all a folder walk lists); returns what gives any position's entry
 * back, one let go made again from `paths` (the walk's paths, by position) as the walk made it.
 */
export function releaseEntries(files: WalkEntry[], paths: readonly string[], fresh: Uint8Array): (i: number) => WalkEntry {
  const relLengths = new Int32Array(files.length);
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    if (fresh[i] !== 1 || f === TAKEN || !(f.relPath.length < f.path.length && f.path.endsWith(f.relPath))) continue;
    relLengths[i] = f.relPath.length;
    files[i] = TAKEN;
  }
  return (i) => {
    if (files[i] !== TAKEN) return files[i];
    const p = paths[i];
    // The walk names a file's folder by its directory's base name (walk.ts).
    return { path: p, relPath: p.slice(p.length - relLengths[i]), folderName: path.basename(path.dirname(p)) };
  };
}

/** `file`'s path relative to the first folder argument in `roots` holding it (the walk's relPath), else `fallback`. */
export function relativeToRoots(file: string, roots: readonly string[], fallback: string): string {
  for (const root of roots) {
    const rel = path.relative(path.resolve(root), file);
    if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel;
  }
  return fallback;
}
