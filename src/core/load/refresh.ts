// The warm check of the on-disk index without loading it: walk the folders and stat every file
// (the freshness floor: what any run that checks every file pays), compare the stats with the
// index's stamp columns in one pass (index/freshness.ts), parse only the files that changed or
// are new and write them (rows and text) into the index, remove the rows of files gone. After it
// the index describes exactly the walked files, so a query can be answered from it and read only
// the matching rows (search/index-filter.ts). Nothing here reads an unchanged article's row.

import fs from 'node:fs';
import type { LoadWarning } from '../article.js';
import { assumeUnchanged, duplicatePositions, sameAsStamps, cacheDirectory, indexFile, walkListingFile, compareStamps, matchedRows, matchSnapshot, matchStamps, writeSnapshot, IndexReader, ONE_PASS_CACHE_PAGES, type MatchedStamps, type Snapshot } from '../index/index.js';
import { effectiveCap, parserStamp } from './limits.js';
import { STAT_FIELDS, statPaths, type WalkThread } from '../files/index.js';
import { keptHere, walkHere, type Found } from '../files/index.js';

// Past this many changed files a full load (rows first, the text after it on its own thread)
// costs less than a partial update writing rows and text together; the caller then loads as before.
const MAX_STALE = 2_000;

/** The walked files and the index row describing each, once the index is up to date. */
export interface Refreshed {
  /** The index, open read-only; the caller closes it. */
  reader: IndexReader;
  /** The walk's files' paths, in the walk's order (a full load's article order). */
  paths: string[];
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
  /** The rows' stamp (IndexReader.rowsStamp) as read before any change: current when `changed` is false. */
  rowsStamp: string;
}

/** Options of refreshIndex: the load's read cap and cache folder, and a walk already under way. */
export interface RefreshOptions {
  maxFileSize?: number;
  cacheDir?: string;
  /**
   * The walk of the same path arguments, started on its thread before the caller loaded this
   * module (files/ WalkThread): the index is opened and its stamps read while it runs. Ended here
   * when refreshIndex gives null.
   */
  walk?: WalkThread | null;
}

/**
 * A warm check under way (beginRefresh): the walk matched to the index's rows, the files' stats
 * still being taken. A caller can answer from `provisional` while the stats come in, and keep that
 * answer when settle() gives the same object back.
 */
export interface Checking {
  /**
   * The index as it describes the walked files if none changed since its rows were written (the
   * stamps stored for them taken as their stats), when the walk found exactly the files the
   * index holds, or, before the walk is done, the files its current stamp snapshot lists; null
   * otherwise (a file added or gone): only settle()'s answer counts then.
   */
  provisional: Refreshed | null;
  /**
   * The stats taken and compared, changed files parsed and written (as refreshIndex): the
   * provisional object itself when no file changed, another Refreshed when some did, null when
   * the index cannot answer (the reader is closed then).
   */
  settle(): Promise<Refreshed | null>;
  /** Stops the check: the stats are dropped and the reader closed. */
  cancel(): void;
}

/**
 * Brings the index kept for `paths` up to date as loadCorpus would, without reading unchanged
 * rows. Null when it cannot (no index yet, another parser build or format, rows still waiting
 * for their full text, too many changes, the index not writable): the caller then runs the full
 * load, which handles all of those. Throws PathError for a missing path argument.
 */
export async function refreshIndex(paths: string[], opts: RefreshOptions = {}): Promise<Refreshed | null> {
  return (await beginRefresh(paths, opts))?.settle() ?? null;
}

/**
 * refreshIndex in two steps: the walk matched to the index's stamps (a provisional answer when
 * the files walked are the files indexed, or will be: beforeTheWalk), then settle() for the files' stats and any change.
 * A warm run spends a third of its time stat-ing (~3.5 us a file, 0.35 s of CPU at 100k): a query
 * answered from the provisional state meanwhile keeps both cores busy, and every file is still
 * checked before the answer stands. Null and throws as refreshIndex.
 */
export async function beginRefresh(paths: string[], opts: RefreshOptions = {}): Promise<Checking | null> {
  const cap = effectiveCap(opts.maxFileSize);
  const file = indexFile(opts.cacheDir ?? cacheDirectory(), paths);
  const thread = opts.walk ?? null;
  thread?.begin(walkListingFile(file)); // It walks, or takes the walk kept beside the index (files/walk-listing.ts).
  if (!fs.existsSync(file)) {
    thread?.cancel();
    return null;
  }
  if (!thread) {
    // No thread (a small kept walk: walk-start.ts; or none can start): the kept walk stands for
    // the walk when it still holds, and its files are stat-ed here in settle().
    const found = keptHere(paths, walkListingFile(file)) ?? (await walkHere(paths, walkListingFile(file)));
    return matchWalk(paths, opts, openWithStamps(file, cap), found);
  }
  // The thread walks while this thread opens the index and reads its stamps (the snapshot as
  // stored), then the two share the stat calls.
  const opened = openWithStamps(file, cap);
  if (!opened) {
    thread.cancel();
    return null;
  }
  const early = opened.stored && beforeTheWalk(paths, opts, opened, opened.stored, thread);
  if (early) return early;
  let found: Found;
  try {
    found = await walkedOn(thread, paths);
  } catch (error) {
    opened.reader.close();
    throw error;
  }
  return matchWalk(paths, opts, opened, found);
}

// The walk the thread did, or, when it failed there, done here (which throws PathError for a bad argument).
async function walkedOn(thread: WalkThread, paths: string[]): Promise<Found> {
  // Taken as it is: the thread's walk splits its paths only when they are read (WalkedFiles).
  return (await thread.walked()) ?? (await walkHere(paths));
}

// A current snapshot lists the files of the last walk that found nothing changed, in its order:
// the index answers as if this walk lists them again, while the thread still walks (at 100k
// files the walk is ~0.2 s, and this thread idled through it). settle() keeps that answer only
// when the walk's paths are the snapshot's, byte for byte, and then every stat its stamp; any
// other walk is matched and checked as without the snapshot, and the index asked again.
function beforeTheWalk(paths: string[], opts: RefreshOptions, o: Opened, stored: Snapshot, thread: WalkThread): Checking | null {
  const listed = stored.paths === '' ? [] : stored.paths.split('\0');
  const matched = matchSnapshot(listed, stored.paths, stored);
  if (!matched) return null;
  const unchanged = assumeUnchanged(matched, STAT_FIELDS);
  const { reader, before, cap, file } = o;
  const provisional: Refreshed = { reader, paths: listed, walkWarnings: [], fileWarnings: [], changed: false, cap, file, rowsStamp: before, ...unchanged, duplicate: duplicatePositions(unchanged.stats, unchanged.rowOf, STAT_FIELDS) };
  return {
    provisional,
    settle: async () => {
      const found = await walkedOn(thread, paths);
      if (found.joined !== stored.paths) return (await matchWalk(paths, opts, o, found)?.settle()) ?? null;
      provisional.walkWarnings = found.warnings;
      return settle(paths, opts, { reader, found, matched, snapshot: matched, provisional, file, cap, rowsStamp: before });
    },
    cancel: () => {
      thread.cancel();
      reader.close();
    },
  };
}

// The walk matched to the index's stamps (see beginRefresh).
function matchWalk(paths: string[], opts: RefreshOptions, opened: Opened | null, found: Found): Checking | null {
  const { paths: filePaths, joined, stats: shared } = found;
  if (!opened) {
    shared?.cancel();
    return null;
  }
  const { reader, before, stored, cap, file } = opened;
  let snapshot: MatchedStamps | null;
  let matched: MatchedStamps;
  try {
    // The stored stamps (their snapshot when current) are matched to the walk while the other
    // thread stats, then compared.
    snapshot = stored && matchSnapshot(filePaths, joined, stored);
    matched = snapshot ?? matchStamps(filePaths, reader.stamps());
  } catch {
    shared?.cancel();
    reader.close();
    return null;
  }
  const base = { reader, paths: filePaths, walkWarnings: found.warnings, fileWarnings: [], changed: false, cap, file, rowsStamp: before };
  const unchanged = matched.count === filePaths.length && matched.gone.length === 0 ? assumeUnchanged(matched, STAT_FIELDS) : null;
  const provisional = unchanged && { ...base, ...unchanged, duplicate: duplicatePositions(unchanged.stats, unchanged.rowOf, STAT_FIELDS) };
  return {
    provisional,
    settle: () => settle(paths, opts, { ...base, found, matched, snapshot, provisional }),
    cancel: () => {
      shared?.cancel();
      reader.close();
    },
  };
}

// What settle() needs of beginRefresh.
interface Begun {
  reader: IndexReader;
  found: Found;
  matched: MatchedStamps;
  snapshot: MatchedStamps | null;
  provisional: Refreshed | null;
  file: string;
  cap: number;
  rowsStamp: string;
}

async function settle(paths: string[], opts: RefreshOptions, b: Begun): Promise<Refreshed | null> {
  const { reader, matched, snapshot, file } = b;
  const { stats: shared } = b.found;
  try {
    const stats = shared ? await shared.finish() : statPaths(b.found.paths);
    if (b.provisional && snapshot && sameAsStamps(snapshot, stats, STAT_FIELDS)) return b.provisional;
    const { rowOf, stale, gone } = compareStamps(matched, stats, STAT_FIELDS);
    // Nothing changed: keep the stamps for the next run in one piece, in the walk's order, unless the snapshot holds them so already.
    if (!(snapshot && snapshot.walkOrder) && stale.length === 0 && gone.length === 0) writeSnapshot(file, b.rowsStamp, matchedRows(matched, b.found.paths));
    // Every stat equals the stamp stored for its file: the provisional answer stands (as the bytes compared above: sameAsStamps).
    if (b.provisional && stale.length === 0 && gone.length === 0) return b.provisional;
    const filePaths = b.found.paths;
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
    return { reader, paths: filePaths, rowOf, stats, duplicate: duplicatePositions(stats, rowOf, STAT_FIELDS), walkWarnings: b.found.warnings, fileWarnings, changed: stale.length > 0 || gone.length > 0, cap: b.cap, file, rowsStamp: b.rowsStamp };
  } catch {
    shared?.cancel();
    // Unusable, or a file that vanished between the walk and the partial load, a busy or
    // read-only index: the full load copes with every one of them.
    reader.close();
    return null;
  }
}

// An index (`file`, rows read with `cap`) opened with its rows' stamp and its stamp snapshot as stored.
interface Opened {
  reader: IndexReader;
  before: string;
  stored: Snapshot | null;
  cap: number;
  file: string;
}

// The index opened with its rows' stamp and the stamp snapshot as stored; null when it cannot
// answer (not ours, another parser build, rows still waiting for their text, unreadable).
function openWithStamps(file: string, cap: number): Opened | null {
  const reader = IndexReader.open(file, parserStamp(cap), ONE_PASS_CACHE_PAGES);
  if (!reader) return null;
  try {
    if (reader.pendingText() === 0) {
      const before = reader.rowsStamp();
      return { reader, before, stored: reader.storedSnapshot(before), cap, file };
    }
  } catch {
    // fall through: unusable
  }
  reader.close();
  return null;
}

// The index cannot answer this run (see refreshIndex's null).
class Unusable extends Error {}
