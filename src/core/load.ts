// The loader's orchestration and its only file reads: walk the arguments, read each file (at most
// the size cap, never blocking on a FIFO), parse it, and hand articles back in the walk's sorted
// order with ids 0..n-1. Parsing is the pure `parseArticle`, so a worker pool or a cache can be
// put in front of it later without touching this file's contract.

import fs from 'node:fs';
import type { Article, LoadWarning } from './article.js';
import { LIMITS } from './limits.js';
import { parseArticle, type ParseOutcome } from './parse.js';
import { describeFsError, walkPaths, type WalkEntry } from './walk.js';

export { PathError } from './walk.js';

/** Options for loadCorpus. */
export interface LoadOptions {
  /** Bytes read per file (default LIMITS.maxFileSize, 1 MiB); larger files load truncated. */
  maxFileSize?: number;
  /** Files finished so far; called at most every 50 ms, and always once with done === total. */
  onProgress?: (done: number, total: number) => void;
  /** Articles ready so far, in final order with final ids; lets a UI fill its list while loading. */
  onArticles?: (batch: Article[]) => void;
}

/** Every article that loaded (articles[i].id === i) and one warning per file that had a problem. */
export interface LoadResult {
  articles: Article[];
  warnings: LoadWarning[];
}

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
// O_NOCTTY: opening a terminal device must not make it our controlling terminal.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);
const MAX_CAP = 1024 * 1024 * 1024;
const PROGRESS_INTERVAL_MS = 50;

type ReadResult =
  | { kind: 'read'; bytes: Buffer; size: number; mtimeMs: number; inode: string }
  | { kind: 'skip'; reason: string };
type FileOutcome = { outcome: ParseOutcome; inode: string } | { outcome: { ok: false; reason: string }; inode: null };

/** Reads at most `cap` bytes of a regular file; anything else is reported, never read. */
function readCapped(filePath: string, cap: number, done: (result: ReadResult) => void): void {
  fs.open(filePath, OPEN_FLAGS, (openError, fd) => {
    if (openError) return done({ kind: 'skip', reason: describeFsError(openError) });
    const finish = (result: ReadResult): void => fs.close(fd, () => done(result));
    fs.fstat(fd, (statError, st) => {
      if (statError) return finish({ kind: 'skip', reason: describeFsError(statError) });
      if (!st.isFile()) return finish({ kind: 'skip', reason: 'not a regular file' });
      const length = Math.min(st.size, cap);
      const bytes = Buffer.allocUnsafe(length);
      const inode = `${st.dev}:${st.ino}`;
      const readMore = (offset: number): void => {
        if (offset >= length) return finish({ kind: 'read', bytes, size: st.size, mtimeMs: st.mtimeMs, inode });
        fs.read(fd, bytes, offset, length - offset, offset, (readError, n) => {
          if (readError) return finish({ kind: 'skip', reason: describeFsError(readError) });
          // The file shrank since fstat: keep only what was really read (never uninitialised memory).
          if (n === 0) return finish({ kind: 'read', bytes: bytes.subarray(0, offset), size: offset, mtimeMs: st.mtimeMs, inode });
          readMore(offset + n);
        });
      };
      readMore(0);
    });
  });
}

function loadOne(entry: WalkEntry, cap: number, done: (result: FileOutcome) => void): void {
  readCapped(entry.path, cap, (read) => {
    if (read.kind === 'skip') return done({ outcome: { ok: false, reason: read.reason }, inode: null });
    const info = { path: entry.path, relPath: entry.relPath, size: read.size, mtimeMs: read.mtimeMs, folderName: entry.folderName };
    done({ outcome: parseArticle(read.bytes, info, 0), inode: read.inode });
  });
}

function effectiveCap(maxFileSize: number | undefined): number {
  if (maxFileSize === undefined || !Number.isFinite(maxFileSize) || maxFileSize < 1) return LIMITS.maxFileSize;
  return Math.min(Math.floor(maxFileSize), MAX_CAP);
}

/** Loads every Markdown file under the paths; throws PathError for a missing path argument. */
export async function loadCorpus(paths: string[], opts: LoadOptions = {}): Promise<LoadResult> {
  const { files, warnings } = await walkPaths(paths);
  const cap = effectiveCap(opts.maxFileSize);
  const articles: Article[] = [];
  const total = files.length;
  const results: Array<FileOutcome | undefined> = new Array(total);
  const seenInodes = new Set<string>();
  let flushed = 0;
  let done = 0;
  let lastProgress = 0;
  opts.onProgress?.(0, total);

  // Results arrive out of order; they are taken strictly in walk order so ids and warnings are
  // the same on every run.
  const flush = (): void => {
    const batch: Article[] = [];
    for (let r = results[flushed]; r !== undefined; r = results[flushed]) {
      results[flushed] = undefined;
      flushed += 1;
      const entry = files[flushed - 1];
      if (r.inode !== null && seenInodes.has(r.inode)) continue; // same file via a link: load once
      if (r.inode !== null) seenInodes.add(r.inode);
      const { outcome } = r;
      if (!outcome.ok) {
        warnings.push({ path: entry.path, reason: outcome.reason });
        continue;
      }
      if (outcome.warnings.length > 0) warnings.push({ path: entry.path, reason: outcome.warnings.join('; ') });
      outcome.article.id = articles.length;
      articles.push(outcome.article);
      batch.push(outcome.article);
    }
    if (batch.length > 0) opts.onArticles?.(batch);
  };

  await new Promise<void>((resolve) => {
    if (total === 0) return resolve();
    let next = 0;
    const startNext = (): void => {
      if (next >= total) return;
      const index = next;
      next += 1;
      loadOne(files[index], cap, (result) => {
        results[index] = result;
        done += 1;
        flush();
        const now = Date.now();
        if (done === total || now - lastProgress >= PROGRESS_INTERVAL_MS) {
          lastProgress = now;
          opts.onProgress?.(done, total);
        }
        if (done === total) resolve();
        else startNext();
      });
    };
    for (let i = 0; i < Math.min(LIMITS.readsInFlight, total); i++) startNext();
  });
  return { articles, warnings };
}
