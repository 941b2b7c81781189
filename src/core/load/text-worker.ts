// The thread that builds the index's full text (index/text-build.ts), and the body reader it
// gives the build: each pending row's file parsed again. It opens the index file itself (SQLite
// connections do not cross threads), posts progress after each batch, and a last message with
// the result; it never throws across the thread boundary.

import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { R, splitInode } from '../article-record.js';
import { BUSY_TIMEOUT_MS, buildText, isOurIndex, type BodyReader, type TextBuildResult } from '../index/index.js';
import { parseFile } from './parse-worker.js';

/** Reads a pending row's body from its file with the load's read cap `cap` (see BodyReader). */
export function bodyFromFile(cap: number): BodyReader {
  return (row, record) => {
    const parsed = parseFile({ path: row.path, relPath: record[R.relPath], folderName: path.basename(path.dirname(row.path)) }, cap, true);
    if (!parsed.outcome.ok || parsed.lowerBody === null) return null;
    const fresh = parsed.outcome.record;
    const [dev, ino] = splitInode(fresh[R.inode]);
    if (fresh[R.size] !== row.size || fresh[R.mtimeMs] !== row.mtime || dev !== row.dev || ino !== row.ino) return null;
    return parsed.lowerBody.toString('utf8');
  };
}

/** Marks the threads started by text-thread.ts, so importing this module anywhere else does nothing. */
export const TEXT_ROLE = 'crypto-news-tui:text';

/** What the thread is given. */
export interface TextJob {
  role: typeof TEXT_ROLE;
  file: string;
  cap: number;
  /** Int32Array over a SharedArrayBuffer: non-zero asks the thread to stop after its batch. */
  stop: SharedArrayBuffer;
}

/** What the thread posts: progress, then exactly one result (or failure). */
export type TextMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'result'; result: TextBuildResult }
  | { kind: 'failed'; reason: string };

if (parentPort && (workerData as { role?: unknown } | null)?.role === TEXT_ROLE) {
  const port = parentPort;
  const job = workerData as TextJob;
  const stop = new Int32Array(job.stop);
  const post = (m: TextMessage): void => port.postMessage(m);
  let db: Database.Database | null = null;
  try {
    db = new Database(job.file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    if (!isOurIndex(db)) throw new Error('not this program\'s index');
    db.pragma('synchronous = NORMAL');
    const result = await buildText(db, bodyFromFile(job.cap), (done, total) => post({ kind: 'progress', done, total }), () => Atomics.load(stop, 0) !== 0);
    post({ kind: 'result', result });
  } catch (error) {
    post({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
  } finally {
    db?.close();
  }
}
