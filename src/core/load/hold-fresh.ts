// A warm load's files whose rows the index still holds: their rows read into the load's table
// (index/session.ts freshEach). Past a few hundred thousand of them, the walk's entries of those
// files go before their rows are read, and are collected: the entry objects and relative paths
// (~80 bytes a file beside the path strings the read still needs) and the stamps' own paths sat
// under the records at the peak of a warm 1M load's memory (BENCHMARKS.md, the 1M memory section
// of the sixteenth round). The few of those whose row then does not read are parsed again, from
// an entry made again.

import path from 'node:path';
import { R } from '../article-record.js';
import { collectGarbageNow, type IndexSession, type Pause } from '../index/index.js';
import { STAT_FIELDS, type WalkEntry } from '../files/index.js';
import type { ArticleTable, HeldRows } from './article-table.js';

/** What stands in the walk's list for an entry let go or already loaded (load.ts). */
export const TAKEN: WalkEntry = Object.freeze({ path: '', relPath: '', folderName: '' });

/**
 * Reads the rows that still describe their files (`stats`: STAT_FIELDS numbers each, statPaths)
 * into `table`, each held by `kept` at its walk position. From `collectFrom` such rows, the held
 * files' entries of `files` are TAKEN after; every other position keeps (or gets back) its entry.
 */
export async function holdFresh(index: IndexSession, files: WalkEntry[], stats: Float64Array, kept: HeldRows, table: ArticleTable, collectFrom: number, pause: Pause): Promise<void> {
  const paths = files.map((f) => f.path);
  let restore: ((i: number) => WalkEntry) | null = null;
  const release = (fresh: Uint8Array): void => {
    if (fresh.reduce((n, f) => n + f, 0) < collectFrom) return;
    restore = releaseEntries(files, paths, fresh);
    collectGarbageNow();
  };
  await index.freshEach(paths, stats, STAT_FIELDS, (i, r, id) => kept.hold(i, table.add(r), id, r[R.warnings]), pause, release);
  const entryAt = restore as ((i: number) => WalkEntry) | null; // set inside `release`, which TypeScript does not follow
  if (entryAt) for (let i = 0; i < files.length; i++) if (!kept.has(i)) files[i] = entryAt(i);
}

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
    // The walk names a file's folder by its directory's base name (files/walk.ts).
    return { path: p, relPath: p.slice(p.length - relLengths[i]), folderName: path.basename(path.dirname(p)) };
  };
}
