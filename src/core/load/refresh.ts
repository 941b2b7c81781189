// The warm check of the on-disk index without loading it: walk the folders and stat every file
// (the freshness floor: what any run that checks every file pays), compare the stats with the
// index's stamp columns in one pass (index/freshness.ts), parse only the files that changed or
// are new and write them (rows and text) into the index, remove the rows of files gone. After it
// the index describes exactly the walked files, so a query can be answered from it and read only
// the matching rows (search/index-filter.ts). Nothing here reads an unchanged article's row.

import fs from 'node:fs';
import type { LoadWarning } from '../article.js';
import { cacheDirectory, indexFile, compareStamps, matchedRows, matchStamps, writeSnapshot, IndexReader } from '../index/index.js';
import { effectiveCap, parserStamp } from './limits.js';
import { STAT_FIELDS, statPaths, StatWorker, walkPaths, type WalkEntry } from '../files/index.js';

// Below this many files, stat-ing on this thread beats starting a thread (as load.ts).
const MIN_FILES_FOR_STAT_WORKER = 2_000;
// Past this many changed files a full load (rows first, the text after it on its own thread)
// costs less than a partial update writing rows and text together; the caller then loads as before.
const MAX_STALE = 2_000;

/** The walked files and the index row describing each, once the index is up to date. */
export interface Refreshed {
  /** The index, open read-only; the caller closes it. */
  reader: IndexReader;
  /** The walk's files, in the walk's order (a full load's article order). */
  files: WalkEntry[];
  /** Per file: its row id in the index, -1 for a file that did not load (its warning is in `warnings`). */
  rowOf: Int32Array;
  /** Per file, STAT_FIELDS numbers (size, mtime, dev, ino): statPaths'. */
  stats: Float64Array;
  /** What the walk reported (a full load reports these first). */
  walkWarnings: LoadWarning[];
  /** What parsing the changed files reported, each with its file's position in `files` (-1: none). Stored rows' warnings are the reader's (IndexReader.warned). */
  fileWarnings: Array<{ at: number; warning: LoadWarning }>;
  /** Positions of files that are another file already walked (same device and inode, through a link): a full load loads them once, at the first. */
  duplicate: Set<number>;
  /** Whether any file was parsed or any row removed. */
  changed: boolean;
  /** The read cap the rows were built with. */
  cap: number;
  /** The index file. */
  file: string;
}

/**
 * Brings the index kept for `paths` up to date as loadCorpus would, without reading unchanged
 * rows. Null when it cannot (no index yet, another parser build or format, rows still waiting
 * for their full text, too many changes, the index not writable): the caller then runs the full
 * load, which handles all of those. Throws PathError for a missing path argument.
 */
export async function refreshIndex(paths: string[], opts: { maxFileSize?: number; cacheDir?: string } = {}): Promise<Refreshed | null> {
  const cap = effectiveCap(opts.maxFileSize);
  const file = indexFile(opts.cacheDir ?? cacheDirectory(), paths);
  if (!fs.existsSync(file)) return null;
  let statWorker = StatWorker.start();
  let walked;
  try {
    walked = await walkPaths(paths);
  } catch (error) {
    statWorker?.close();
    throw error;
  }
  const { files, warnings } = walked;
  const filePaths = files.map((f) => f.path);
  if (statWorker && files.length < MIN_FILES_FOR_STAT_WORKER) {
    statWorker.close();
    statWorker = null;
  }
  // Joined once: the stat thread takes the paths as one string, and a current snapshot compares as one.
  const joined = filePaths.join('\0');
  const shared = statWorker?.share(filePaths, joined) ?? null;
  const reader = IndexReader.open(file, parserStamp(cap));
  if (!reader) {
    shared?.cancel();
    return null;
  }
  try {
    if (reader.pendingText() > 0) throw new Unusable();
    // The stored stamps (their snapshot when current) are matched to the walk while the stat
    // thread works, then compared.
    const before = reader.rowsStamp();
    const snapshot = reader.snapshotMatched(filePaths, joined, before);
    const matched = snapshot ?? matchStamps(filePaths, reader.stamps());
    const stats = shared ? await shared.finish() : statPaths(filePaths);
    const { rowOf, stale, gone } = compareStamps(matched, stats, STAT_FIELDS);
    // Nothing changed: keep the stamps for the next run in one piece, in the walk's order, unless
    // the snapshot holds them so already.
    if (!(snapshot && snapshot.walkOrder) && stale.length === 0 && gone.length === 0) writeSnapshot(file, before, matchedRows(matched, filePaths));
    if (stale.length > MAX_STALE) throw new Unusable();
    const fileWarnings: Refreshed['fileWarnings'] = [];
    if (stale.length > 0 || gone.length > 0) {
      // The loader (and its parsers) only when there is something to parse: an unchanged run never loads them.
      const { loadCorpus } = await import('./load.js');
      const parsed = await loadCorpus(stale.map((i) => filePaths[i]), { indexFor: paths, removed: gone, maxFileSize: opts.maxFileSize, cacheDir: opts.cacheDir });
      const ids = parsed.indexIds;
      if (!ids || ids.some((id) => id < 0)) throw new Unusable();
      const position = new Map<string, number>();
      for (const i of stale) position.set(filePaths[i], i);
      parsed.articles.forEach((a, k) => {
        const i = position.get(a.path);
        if (i !== undefined) rowOf[i] = ids[k];
      });
      for (const warning of parsed.warnings) fileWarnings.push({ at: position.get(warning.path) ?? -1, warning });
      if (reader.pendingText() > 0) throw new Unusable();
    }
    return { reader, files, rowOf, stats, duplicate: duplicatePositions(stats, rowOf), walkWarnings: warnings, fileWarnings, changed: stale.length > 0 || gone.length > 0, cap, file };
  } catch {
    // Unusable, or a file that vanished between the walk and the partial load, a busy or
    // read-only index: the full load copes with every one of them.
    reader.close();
    return null;
  }
}

/**
 * Positions of the loaded files (rowOf >= 0) whose device and inode an earlier loaded file has:
 * the same file reached through a link, which a full load keeps once (at its first position).
 * Inodes are sorted as numbers to find the few repeated ones (a Set of 100k inode keys costs
 * several times more); only those are then compared with their devices.
 */
export function duplicatePositions(stats: Float64Array, rowOf: Int32Array): Set<number> {
  const out = new Set<number>();
  const inodes = new Float64Array(rowOf.length);
  let n = 0;
  for (let i = 0; i < rowOf.length; i++) if (rowOf[i] >= 0) inodes[n++] = stats[i * STAT_FIELDS + 3];
  const sorted = inodes.subarray(0, n).sort();
  const repeated = new Set<number>();
  for (let k = 1; k < n; k++) if (sorted[k] === sorted[k - 1]) repeated.add(sorted[k]);
  if (repeated.size === 0) return out;
  const seen = new Set<string>();
  for (let i = 0; i < rowOf.length; i++) {
    const o = i * STAT_FIELDS;
    if (rowOf[i] < 0 || !repeated.has(stats[o + 3])) continue;
    const key = `${stats[o + 2]}:${stats[o + 3]}`;
    if (seen.has(key)) out.add(i);
    else seen.add(key);
  }
  return out;
}

// The index cannot answer this run (see refreshIndex's null).
class Unusable extends Error {}
