// The loader's orchestration: walk the arguments, take every unchanged file from the on-disk
// index (src/core/index/), parse the rest (on worker threads when there are many), and hand
// articles back in the walk's sorted order with ids 0..n-1, streaming them as they become ready.
// Articles are LazyArticles: body and raw front matter are read back from the file when shown.
// Parsed files are written to the index in large transactions as they arrive (a cold load's by
// the text build's thread, after the list); rows of files gone are removed at the end.
// `--no-cache` builds the same index in memory and drops it.

import fs from 'node:fs';
import path from 'node:path';
import type { Article, LoadWarning } from '../article.js';
import { R } from '../article-record.js';
import { collectGarbageNow } from '../collect-garbage.js';
import { cacheDirectory, indexFile, removeIndex, IndexReader, IndexSession, ROWS_HANDED, ROWS_HELD, type Pause } from '../index/index.js';
import { prepareTextBuild, startTextBuild, type TextBuild, type TextThreads } from './text-thread.js';
import { LazyArticle } from './lazy-article.js';
import { ArticleTable } from './article-table.js';
import { HeldRows } from './held-rows.js';
import { effectiveCap, parserStamp } from './limits.js';
import { parseAhead, parseAll, ParseThreads } from './parse-pool.js';
import { InWalkOrder } from './in-walk-order.js';
import { timeSlices } from './slices.js';
import { FileIdentities, relativeToRoots, releaseEntries, STAT_FIELDS, statPaths, StatWorker, walkPaths, type WalkEntry } from '../files/index.js';

export { PathError } from '../files/index.js';
export { effectiveCap, parserStamp } from './limits.js';
// The rest of the loader, for those who import it on demand (the face's importLoader).
export { LazyArticle, lowerBodyOf } from './lazy-article.js';
export { ArticleTable } from './article-table.js';
export { parseAll, type ParseJob } from './parse-pool.js';

/** Options for loadCorpus. */
export interface LoadOptions {
  /** Bytes read per file (default LIMITS.maxFileSize, 1 MiB); larger files load truncated. */
  maxFileSize?: number;
  /** Files finished so far (a warm load: also every 4,096 rows its index still holds, as they are read); always once with done === total. */
  onProgress?: (done: number, total: number) => void;
  /** Files the walk has found so far, before there is a total (every few thousand directory entries). */
  onWalk?: (found: number) => void;
  /** Articles ready so far, in final order with final ids; lets a UI fill its list while loading. */
  onArticles?: (batch: Article[]) => void;
  /** Every article's index row id by article id (LoadResult.indexIds), told before the articles are made when the index held every file's row but those that fail (in-walk-order.ts heldRowIds); not called otherwise. */
  onRowIds?: (rowIds: Int32Array) => void;
  /** Files held by the index from which the walk's list is collected before the articles are made (default 300k: a full collection, ~0.2-0.5 s at a million). */
  collectBeforeArticles?: number;
  /** Articles from which the load's garbage is collected before it returns (a full collection: ~30 ms at 100k, ~0.3-0.5 s at a million); default never. */
  collectAfter?: number;
  /** Keep the index on disk (default true); false builds it in memory and keeps nothing (`--no-cache`). */
  cache?: boolean;
  /** Delete the index kept for these paths before anything is read (`--clear-cache`); with `cache` it is then rebuilt. */
  clearCache?: boolean;
  /** Where index files live (default: $XDG_CACHE_HOME/crypto-news-tui or ~/.cache/crypto-news-tui). */
  cacheDir?: string;
  /** Parse threads for files not in the index: 0 parses on this thread; default depends on the count and CPUs. */
  workers?: number;
  /** Called once this load's index writes are done (false: nothing changed, or the index could not be written). */
  onCacheWritten?: (written: boolean) => void;
  /** Progress of the index's full text, built after the list on a thread of its own: rows done of those waiting for their text, after each batch of a few hundred. */
  onTextProgress?: (done: number, total: number) => void;
  /**
   * Load only the files `paths` names (no folders), into the index kept for the folder
   * arguments `indexFor` (the live updater: files added or changed while the dashboard runs);
   * their text is written at once. Rows of those files, and of the files in `removed`, that do
   * not load are removed; no other row is touched.
   */
  indexFor?: readonly string[];
  /** With `indexFor`: files that are gone, whose rows leave the index. */
  removed?: readonly string[];
  /** Called once the load is done if the index on disk at `file` could not be opened or written, with why (the load went on in memory). */
  onIndexError?: (file: string, reason: string) => void;
}

/** Every article that loaded (articles[i].id === i) and one warning per file that had a problem. */
export interface LoadResult {
  articles: Article[];
  warnings: LoadWarning[];
  /**
   * The on-disk index's row id of each article (indexIds[id], -1 for one it holds no row for),
   * so that the index's answers (row ids) can be read as article ids; null without an on-disk index.
   */
  indexIds?: Int32Array | null;
  /**
   * Settles once the index's full text is built: true when every article's text is in the index
   * (at once when nothing was waiting), false when the build stopped, failed, or there is no
   * index on disk. Never rejects.
   */
  fullText: Promise<boolean>;
  /** True when the index held every article's text already (a warm start): fullText is true at once. */
  textReady: boolean;
  /** Settles once the index on disk holds this load's rows, which `indexIds` name (true; at once unless a cold load handed them to the text build's thread to write after the list), or cannot (false). */
  rowsWritten: Promise<boolean>;
  /** Stops the full-text build after its current batch (what it wrote stays; the next load goes on). */
  stopText(): void;
}

// Articles made per slice of a warm load's first flush (a few ms of work each).
const FLUSH_SLICE = 2_000;
// Below this many files, stat-ing on this thread (~3 us a file) beats starting a thread.
const MIN_FILES_FOR_STAT_WORKER = 2_000;
// From this many files to parse, the text build's threads start with the parse (text-thread.ts): at 10k their start took ~1 s after the list.
const MIN_PARSES_FOR_EARLY_TEXT = 2_000;
// How a load parses: without inlining (a parse thread's first files are mostly TurboFan's compiling, core/jit-flags.ts), a share here on an idle core.
const PARSE = { inlining: false, shareHere: 'when idle' } as const;

/**
 * The warm start: the first `limit` articles of the list's default order (sticky, newest first;
 * no drafts, nor articles outside their publication window at `now`, unless `includeDrafts`) with ids 0..n-1, how many of the index's articles that list
 * holds (`listed`) and how many it holds in all (`total`, drafts too; NaN with `counts: false`), and each
 * article's index row (`rowIds`, by id: what the facts snapshot names it by), read from the index kept
 * for `paths` before any file is walked. Null when there is no usable index (none yet, another
 * format or parser build, damaged). It is what the last run saw: the caller shows it until
 * loadCorpus, which checks every file, gives the real list.
 */
export function warmStart(paths: string[], limit: number, opts: Pick<LoadOptions, 'maxFileSize' | 'cacheDir'> & { includeDrafts?: boolean; counts?: boolean; now?: number } = {}): { articles: Article[]; rowIds: Int32Array; listed: number; total: number } | null {
  const cap = effectiveCap(opts.maxFileSize);
  const reader = IndexReader.open(indexFile(opts.cacheDir ?? cacheDirectory(), paths), parserStamp(cap));
  if (!reader) return null;
  try {
    const includeDrafts = opts.includeDrafts ?? false;
    const table = new ArticleTable(cap, limit);
    const ids: number[] = [];
    const articles = reader.firstPage(limit, includeDrafts, ids, opts.now).map((r, id) => LazyArticle.fromRecord(r, id, null, cap, table));
    const rowIds = Int32Array.from(ids);
    // `counts: false`: the rows alone (the skeleton's first screen), before the counts' index walks.
    if (articles.length === 0 || opts.counts === false) return articles.length ? { articles, rowIds, listed: Number.NaN, total: Number.NaN } : null;
    return { articles, rowIds, listed: reader.count(includeDrafts, opts.now), total: reader.count(true) };
  } catch {
    return null;
  } finally {
    reader.close();
  }
}

// On a warm run every file is stat-ed to check the index's rows. With many files that starts on a thread started before
// the walk, while this one opens the index and reads its rows, then both share what is left.
async function openAndStat(file: string | null, stamp: string, files: readonly { path: string }[], worker: StatWorker | null, only: readonly string[] | undefined, pause: Pause): Promise<{ index: IndexSession; stats: Float64Array }> {
  const paths = files.map((f) => f.path);
  const shared = worker?.share(paths) ?? null;
  const index = await IndexSession.open(file, stamp, only, pause);
  if (!index.hasRows) {
    shared?.cancel();
    return { index, stats: new Float64Array(0) };
  }
  return { index, stats: shared ? await shared.finish(pause) : statPaths(paths) };
}

// freshEach: the rows that still describe their files read into `table`, held by `kept`, their count told every 4,096 (minutes at a million under load).
// From `collectFrom` such rows, their files' walk entries go (files/walk-entries.ts) and are collected before the rows are read; the others' stay or come back.
async function holdFresh(index: IndexSession, files: WalkEntry[], stats: Float64Array, kept: HeldRows, table: ArticleTable, collectFrom: number, pause: Pause, held: (n: number) => void): Promise<void> {
  const paths = files.map((f) => f.path);
  const restore: Array<(i: number) => WalkEntry> = [];
  const release = (fresh: Uint8Array): void => {
    if (fresh.reduce((n, f) => n + f, 0) < collectFrom) return;
    restore.push(releaseEntries(files, paths, fresh));
    collectGarbageNow();
  };
  let n = 0;
  await index.freshEach(paths, stats, STAT_FIELDS, (i, r, id) => void (kept.hold(i, table.add(r), id, r[R.warnings]), (++n & 4095) === 0 && held(n)), pause, release);
  if (restore.length > 0) for (let i = 0; i < files.length; i++) if (!kept.has(i)) files[i] = restore[0](i);
}

// The rows that still describe their files read into the load's table (article-table.ts: the
// articles' metadata in columns, a row as its record is read, in the index's order, not the
// walk's), and the held files' identities (same file via a link: loaded once, at its first
// position), each the stat's that matched its row (files/file-identities.ts). The stats (32 bytes
// a file) die when this returns: kept in loadCorpus's scope they were 32 MB of a warm 1M load's
// peak, while its articles are made.
async function readHeld(opened: { index: IndexSession; stats: Float64Array }, files: WalkEntry[], cap: number, collectFrom: number, pause: Pause, held: (n: number) => void): Promise<{ index: IndexSession; table: ArticleTable; kept: HeldRows; identities: FileIdentities }> {
  const { index, stats } = opened;
  const table = new ArticleTable(cap, files.length);
  const kept = new HeldRows(files.length);
  await holdFresh(index, files, stats, kept, table, collectFrom, pause, held);
  const identities = new FileIdentities(files.length);
  for (let i = 0; i < files.length; i++) if (kept.has(i)) identities.claim(stats[i * STAT_FIELDS + 2], stats[i * STAT_FIELDS + 3], i);
  return { index, table, kept, identities };
}

/** Loads every Markdown file under the paths; throws PathError for a missing path argument. */
export async function loadCorpus(paths: string[], opts: LoadOptions = {}): Promise<LoadResult> {
  const cap = effectiveCap(opts.maxFileSize);
  const pause = timeSlices();
  const useCache = opts.cache !== false;
  const partial = opts.indexFor !== undefined;
  const file = indexFile(opts.cacheDir ?? cacheDirectory(), partial ? [...(opts.indexFor ?? [])] : paths);
  if (opts.clearCache) removeIndex(file);
  // The files of the cache the index replaced (same key, `.json` metadata and `.bodies`) are dead weight.
  if (useCache && !partial) for (const legacy of ['.json', '.bodies']) fs.rmSync(file.replace(/\.sqlite$/, legacy), { force: true });
  const indexed = useCache && !partial && fs.existsSync(file);
  let statWorker = indexed ? StatWorker.start() : null;
  // With no index every file is parsed: the parse threads start once the walk has found enough files for them (more as it finds more), and load their modules while the walk ends and the index is made.
  let threads = null as ParseThreads | null;
  const startThreads = (found: number): void => void (!indexed && !partial && opts.workers === undefined && (threads ? threads.grow(found) : (threads = ParseThreads.start(found))));
  const { files, warnings } = await walkPaths(paths, (found) => (startThreads(found), opts.onWalk?.(found))).catch((error: unknown) => {
    statWorker?.close();
    threads?.close();
    throw error;
  });
  startThreads(files.length);
  // A cold load parses every file: from now, while the index is opened (parseAhead), bodies taken as the text build will want them (below); its thread, once done, may become the text build's (text-thread.ts adopt).
  let earlyText: TextThreads | null = null;
  const ahead = threads && !indexed && !partial ? parseAhead(files, cap, { ...PARSE, threads, withBody: useCache && files.length >= MIN_PARSES_FOR_EARLY_TEXT && files.length <= ROWS_HELD, keep: (w) => earlyText?.adopt?.(w) ?? false }) : null;
  // A file loaded on its own is named as the walk of its folder argument names it, so its row
  // reads the same as one a whole load writes.
  if (partial) for (const f of files) f.relPath = relativeToRoots(f.path, opts.indexFor ?? [], f.relPath);
  const total = files.length;
  if (statWorker && total < MIN_FILES_FOR_STAT_WORKER) {
    statWorker.close();
    statWorker = null;
  }
  // A partial load covers its own files and the removed ones, as the folder arguments' walk writes them (absolute).
  const only = partial ? [...files.map((f) => f.path), ...(opts.removed ?? []).map((p) => path.resolve(p))] : undefined;
  const { index, table, kept, identities } = await readHeld(await openAndStat(useCache ? file : null, parserStamp(cap), files, statWorker, only, pause), files, cap, opts.collectBeforeArticles ?? 300_000, pause, (n) => opts.onProgress?.(n, total));
  const misses: number[] = [];
  for (let i = 0; i < total; i++) if (!kept.has(i)) misses.push(i);
  earlyText = useCache && !partial && misses.length >= MIN_PARSES_FOR_EARLY_TEXT ? prepareTextBuild(file, cap, misses.length <= ROWS_HELD) : null; // late: the parse is the list's path
  // A cold load's rows go to that thread, written after the list (index/text-build.ts), with their bodies up to ROWS_HELD
  // files; hand() then gives each row's id, kept with its article's (indexIds), not looked up by path.
  const handed = earlyText?.rows && misses.length <= ROWS_HANDED ? index.handOff(misses.length, earlyText.rows) : false;
  const handedBodies = handed && misses.length <= ROWS_HELD;
  // Their row ids are told as soon as they are known (InWalkOrder.heldRowIds), so what is read by
  // them (the facts worker's snapshot) is read while the articles are made.
  const order = new InWalkOrder({ files, warnings, kept, table, identities, cap, handed, onArticles: opts.onArticles, onProgress: opts.onProgress, onRowIds: opts.onRowIds }, misses.length);
  // A warm load has every article ready here: they are made in slices, the event loop running between.
  while (order.ready) {
    order.flush(FLUSH_SLICE);
    await pause();
  }
  if (misses.length > 0) {
    const onBatch = order.parsed(index, misses, handedBodies);
    // The list needs no body: the full text is built after it (text-thread.ts) from the files read again, but for rows handed with theirs.
    const withBody = partial || handedBodies;
    await (ahead?.drain(onBatch, withBody) ?? parseAll(misses.map((i) => files[i]), cap, onBatch, { ...PARSE, workers: opts.workers, withBody, threads }));
  }
  threads?.close();
  const written = index.finish(false, earlyText?.opened); // open until the text thread has the index: closed last, it would checkpoint and sync here
  if (useCache && index.failure !== null) opts.onIndexError?.(file, index.failure);
  const build: TextBuild | null = useCache && index.needsText ? (earlyText?.go(opts.onTextProgress) ?? startTextBuild(file, cap, opts.onTextProgress)) : null;
  if (!build) earlyText?.cancel();
  const rowsWritten = handed && build ? build.rowsWritten : Promise.resolve(useCache && (index.complete || index.needsText));
  if (handed) void rowsWritten.then((ok) => opts.onCacheWritten?.(written && ok));
  else opts.onCacheWritten?.(useCache && written);
  const indexIds = Int32Array.from(order.rowIds);
  // A written row's id by its article's turn (asked by path, a million files made a million path strings at the load's peak).
  const byTurn = order.writtenAt.length > 0 ? index.writtenIds() : null;
  for (const k of order.writtenAt) indexIds[k] = byTurn?.[indexIds[k]] ?? -1;
  // What the load left for the collector (its rows read and parsed, its walk, the batches) is
  // still on the heap, and the caller's first use of the whole list (the dashboard's first full
  // render: the date order, the first search) allocates on top of it: that moment was the warm
  // dashboard's peak resident set (100k: 245-250 MB, 234-240 with this; 1M: ~1,130 MB, ~1,080).
  if (order.articles.length >= (opts.collectAfter ?? Infinity)) collectGarbageNow();
  return loaded(order.articles, warnings, build, index.complete, useCache ? indexIds : null, rowsWritten);
}

// The result, built outside loadCorpus: a closure made there would share its scope, and so keep
// the walk's list, the slots and the index session (every path twice more) alive as long as the
// caller keeps the result.
function loaded(articles: Article[], warnings: LoadWarning[], build: TextBuild | null, complete: boolean, indexIds: Int32Array | null, rowsWritten: Promise<boolean>): LoadResult {
  const fullText = build ? Promise.all([build.done, build.rowsWritten]).then(([r, rows]) => rows && r.complete && r.left === 0) : Promise.resolve(complete);
  return { articles, warnings, fullText, textReady: indexIds !== null && !build && complete, stopText: () => build?.stop(), indexIds, rowsWritten };
}
