// The thread that builds the index's full text (index/text-build.ts), with a second thread reading
// the pending rows' bodies for it (body-reader.ts). It opens the index file itself (SQLite
// connections do not cross threads), posts progress after each batch, and a last message with
// the result; it never throws across the thread boundary.

import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from '../index/database.js';
import { buildText, isOurIndex, type TextBuildResult } from '../index/text-build.js';
import { threadBodies, type BodySource } from './body-reader.js';

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
  let bodies: BodySource | null = null;
  try {
    db = new Database(job.file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    if (!isOurIndex(db)) throw new Error('not this program\'s index');
    db.pragma('synchronous = NORMAL');
    bodies = threadBodies(job.cap);
    const result = await buildText(db, bodies.read, (done, total) => post({ kind: 'progress', done, total }), () => Atomics.load(stop, 0) !== 0);
    post({ kind: 'result', result });
  } catch (error) {
    post({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
  } finally {
    bodies?.close();
    db?.close();
  }
}
