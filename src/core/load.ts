// The loader's orchestration: walk the arguments, take every unchanged file from the cache,
// parse the rest (on worker threads when there are many), and hand articles back in the walk's
// sorted order with ids 0..n-1, streaming them as they become ready. Articles are LazyArticles:
// body and raw front matter are read back from the file when shown, search keeps lower-cased
// body bytes. The cache is rewritten in the background whenever anything changed.

import fs from 'node:fs';
import type { Article, LoadWarning } from './article.js';
import { R } from './article-record.js';
import { cacheBase, cacheDirectory, cacheVersion, readCache, removeCache, writeCache, type CacheContents, type CacheEntry } from './cache.js';
import { splitInode } from './cache-columns.js';
import { LazyArticle } from './lazy-article.js';
import { LIMITS } from './limits.js';
import { parseAll, STAT_FIELDS, StatWorker, type ParsedFile } from './parse-pool.js';
import { statPaths } from './parse-worker.js';
import { walkPaths } from './walk.js';

export { PathError } from './walk.js';

/** Options for loadCorpus. */
export interface LoadOptions {
  /** Bytes read per file (default LIMITS.maxFileSize, 1 MiB); larger files load truncated. */
  maxFileSize?: number;
  /** Files finished so far; called at most every 50 ms, and always once with done === total. */
  onProgress?: (done: number, total: number) => void;
  /** Articles ready so far, in final order with final ids; lets a UI fill its list while loading. */
  onArticles?: (batch: Article[]) => void;
  /** Use the parsed-article cache (default true); false neither reads nor writes it (`--no-cache`). */
  cache?: boolean;
  /** Delete the cache kept for these paths before anything is read (`--clear-cache`); with `cache` it is then rebuilt. */
  clearCache?: boolean;
  /** Where the cache lives (default: $XDG_CACHE_HOME/crypto-news-tui or ~/.cache/crypto-news-tui). */
  cacheDir?: string;
  /** Parse threads for files not in the cache: 0 parses on this thread; default depends on the count and CPUs. */
  workers?: number;
  /**
   * Words a full scan will look for (SearchIndex.search without a limit, see scanNeedles): the
   * cache's bodies are marked for them while the stat thread validates the cache.
   */
  scan?: readonly string[];
  /** Called once the background cache write this load started has finished (false: nothing written, or it failed). */
  onCacheWritten?: (written: boolean) => void;
}

/** Every article that loaded (articles[i].id === i) and one warning per file that had a problem. */
export interface LoadResult {
  articles: Article[];
  warnings: LoadWarning[];
}

const MAX_CAP = 1024 * 1024 * 1024;
const PROGRESS_INTERVAL_MS = 50;
// Below this many files, stat-ing on this thread (~3 us a file) beats starting a thread.
const MIN_FILES_FOR_STAT_WORKER = 2_000;

// A file's result, in walk order: an article's index in the cache (a number, so a warm run
// makes no object per file), a freshly parsed article, or why the file failed.
type Failure = { reason: string; inode: string | null };
type Slot = number | CacheEntry | Failure;
const failed = (s: CacheEntry | Failure): s is Failure => 'reason' in s;

// The files loaded so far, by identity: the same file reached through a link loads once.
class SeenFiles {
  private readonly byDevice = new Map<number, Set<number>>();

  /** Records (dev, ino); true when it was already there. */
  seen(dev: number, ino: number): boolean {
    let inodes = this.byDevice.get(dev);
    if (!inodes) this.byDevice.set(dev, (inodes = new Set()));
    if (inodes.has(ino)) return true;
    inodes.add(ino);
    return false;
  }
}

function effectiveCap(maxFileSize: number | undefined): number {
  if (maxFileSize === undefined || !Number.isFinite(maxFileSize) || maxFileSize < 1) return LIMITS.maxFileSize;
  return Math.min(Math.floor(maxFileSize), MAX_CAP);
}

function slotOf(file: ParsedFile): CacheEntry | Failure {
  const { outcome } = file;
  if (!outcome.ok) return { reason: outcome.reason, inode: outcome.inode };
  return { record: outcome.record, lowerBody: file.lowerBody ?? Buffer.alloc(0) };
}

// An entry is reused only while the same file (inode), size and mtime are seen on disk;
// `stats` holds statPaths' numbers for every walked file, this one's at `i`; `hint` is where the
// cache probably has it.
function cachedSlot(cached: CacheContents, filePath: string, stats: Float64Array, i: number, hint: number): number | undefined {
  const k = cached.records.indexOf(filePath, hint);
  if (k === undefined) return undefined;
  const o = i * STAT_FIELDS;
  return cached.records.unchanged(k, stats[o], stats[o + 1], stats[o + 2], stats[o + 3]) ? k : undefined;
}

// On a warm run every file is stat-ed to validate the cache. With many files that starts on a
// thread started before the walk, while this one reads and checks the cache, then both share
// what is left.
async function readCacheAndStat(base: string, version: string, files: readonly { path: string }[], worker: StatWorker | null, scan: readonly string[]): Promise<{ cached: CacheContents | null; stats: Float64Array }> {
  const paths = files.map((f) => f.path);
  const shared = worker?.share(paths) ?? null;
  const cached = readCache(base, version);
  if (cached === null) {
    shared?.cancel();
    return { cached, stats: new Float64Array(0) };
  }
  // A full scan's pass over the bodies overlaps the stat thread's work rather than following it;
  // the marks describe the file, so they stay right whichever entries turn out unchanged.
  if (shared && scan.length > 0) cached.bodies.markAll(scan);
  return { cached, stats: shared ? await shared.finish() : statPaths(paths) };
}

/** Loads every Markdown file under the paths; throws PathError for a missing path argument. */
export async function loadCorpus(paths: string[], opts: LoadOptions = {}): Promise<LoadResult> {
  const cap = effectiveCap(opts.maxFileSize);
  const useCache = opts.cache !== false;
  const base = cacheBase(opts.cacheDir ?? cacheDirectory(), paths);
  const version = cacheVersion(cap);
  if (opts.clearCache) removeCache(base);
  let statWorker = useCache && fs.existsSync(`${base}.json`) ? StatWorker.start() : null;
  let walked;
  try {
    walked = await walkPaths(paths);
  } catch (error) {
    statWorker?.close();
    throw error;
  }
  const { files, warnings } = walked;
  const total = files.length;
  if (statWorker && total < MIN_FILES_FOR_STAT_WORKER) {
    statWorker.close();
    statWorker = null;
  }
  const { cached, stats } = useCache ? await readCacheAndStat(base, version, files, statWorker, opts.scan ?? []) : { cached: null, stats: new Float64Array(0) };

  const slots: Array<Slot | undefined> = new Array(total);
  const misses: number[] = [];
  // Where the last file was found in the cache, relative to its place in the walk: an added or
  // deleted file shifts the rest by one, and the next guess follows.
  let shift = 0;
  for (let i = 0; i < total; i++) {
    const slot = cached ? cachedSlot(cached, files[i].path, stats, i, i + shift) : undefined;
    if (slot === undefined) {
      misses.push(i);
    } else {
      slots[i] = slot;
      shift = slot - i;
    }
  }
  // Entries for a new cache are only gathered when one may be written: a warm run with nothing
  // changed keeps no second reference to every record.
  const mightWrite = useCache && (cached === null || misses.length > 0 || total - misses.length !== cached.size);
  const cachedCount = cached?.size ?? -1;

  const articles: Article[] = [];
  const entries: CacheEntry[] = [];
  const seenFiles = new SeenFiles();
  let flushed = 0;
  let done = total - misses.length;
  let lastProgress = 0;
  let parsedArticles = 0;
  opts.onProgress?.(done, total);

  // Results arrive out of order; they are taken strictly in walk order so ids and warnings are
  // the same on every run, cached or not.
  const flush = (): void => {
    const batch: Article[] = [];
    for (let slot = slots[flushed]; slot !== undefined && flushed < total; slot = slots[flushed]) {
      slots[flushed] = undefined;
      const entry = files[flushed];
      flushed += 1;
      let article: LazyArticle;
      if (typeof slot === 'number') {
        if (seenFiles.seen(cached!.records.dev(slot), cached!.records.ino(slot))) continue; // same file via a link: load once
        const fileWarnings = cached!.records.warnings(slot);
        if (fileWarnings.length > 0) warnings.push({ path: entry.path, reason: fileWarnings.join('; ') });
        article = LazyArticle.fromCache(cached!, slot, articles.length, cap);
        if (mightWrite) entries.push(cached!.entry(slot));
      } else {
        const inode = failed(slot) ? slot.inode : slot.record[R.inode];
        const [dev, ino] = inode === null ? [-1, -1] : splitInode(inode);
        if (dev >= 0 && seenFiles.seen(dev, ino)) continue; // same file via a link: load once
        if (failed(slot)) {
          warnings.push({ path: entry.path, reason: slot.reason });
          continue;
        }
        const fileWarnings = slot.record[R.warnings];
        if (fileWarnings.length > 0) warnings.push({ path: entry.path, reason: fileWarnings.join('; ') });
        article = LazyArticle.fromRecord(slot.record, articles.length, slot.lowerBody, cap);
        if (mightWrite) entries.push(slot);
      }
      articles.push(article);
      batch.push(article);
    }
    if (batch.length > 0) opts.onArticles?.(batch);
  };
  flush();

  if (misses.length > 0) {
    const jobs = misses.map((i) => files[i]);
    await parseAll(
      jobs,
      cap,
      (start, parsed) => {
        parsed.forEach((file, k) => {
          if (file.outcome.ok) parsedArticles += 1;
          slots[misses[start + k]] = slotOf(file);
        });
        done += parsed.length;
        flush();
        const now = Date.now();
        if (done === total || now - lastProgress >= PROGRESS_INTERVAL_MS) {
          lastProgress = now;
          opts.onProgress?.(done, total);
        }
      },
      { workers: opts.workers },
    );
  }
  // Files that failed again cost a re-read next time but change nothing in the cache.
  const unchanged = parsedArticles === 0 && cachedCount === articles.length;
  // The write runs after the articles are handed back: a UI is usable meanwhile.
  const written = mightWrite && !unchanged ? writeCache(base, version, entries) : Promise.resolve(false);
  void written.then((ok) => opts.onCacheWritten?.(ok));
  return { articles, warnings };
}
