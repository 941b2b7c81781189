// The thread that builds the index's full text (index/text-build.ts), with a second thread making
// the pending rows' texts for it (threadTexts below). It opens the index file itself (SQLite
// connections do not cross threads), posts progress after each batch, and a last message with
// the result; it never throws across the thread boundary.

import { parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { errorMessage } from '../error-message.js';
import { openDatabase } from '../sqlite.js';
import { threadScript } from '../files/index.js';
import { BUSY_TIMEOUT_MS, buildText, isOurIndex, keepVocabulary, pendingText, RowWriter, ROW_BYTES_HELD, TEXT_BATCH, unpackTexts, type ArticleText, type HandedBatch, type HandedRow, type PendingRow, type TextBuildResult, type TextReader } from '../index/index.js';
import { foldedBodyOf, WORKER_ROLE, type PendingJob, type TextsReply, type TextsRequest } from './parse-worker.js';

// Where the build gets its texts: the files of a batch of rows read again, folded, and made into
// FTS5 text with their coins (index/article-text.ts), on a parse worker thread of its own when one
// can be started, so that all of that for the next batch overlaps the FTS5 insert of this one (two
// threads where the build used to be one), else on the calling thread. A worker that dies costs
// nothing but speed: its batches are read here.

/** A TextReader that also owns a thread: `close()` ends it. */
export interface TextSource {
  read: TextReader;
  close(): void;
}

/**
 * The heap limits of the text build's two threads. Each thread is a V8 heap of its own, and
 * V8's default young generation (up to 3 x 16 MB semi-spaces on 64-bit) fills with a batch's
 * short-lived strings before a scavenge: bounded at 8 MB, a cold 10k load peaked ~17 MB lower
 * (242-246 -> 226-227 MB RSS) for the same CPU (a batch's garbage dies young either way).
 */
export const TEXT_THREAD_LIMITS = { maxYoungGenerationSizeMb: 8 } as const;

const jobsOf = (rows: readonly PendingRow[]): PendingJob[] => rows.map(({ path, size, mtime, dev, ino, article }) => ({ path, size, mtime, dev, ino, article }));
const textHere = (job: PendingJob, cap: number): ArticleText | null => pendingText(job, foldedBodyOf(job, cap));

/** Texts made on the calling thread, with the read cap `cap`. */
export function localTexts(cap: number): TextSource {
  return {
    read: async (rows) => rows.map((row) => textHere(row, cap)),
    close: () => {},
  };
}

/**
 * Texts made on a parse worker thread (parse-worker.ts's thread, started from this module's
 * script, which imports it, so that its bundle brings the index's modules the texts need); the
 * local reader when there is no built worker or it cannot be started.
 */
export function threadTexts(cap: number): TextSource {
  const url = threadScript(new URL('./text-worker.js', import.meta.url));
  if (!url) return localTexts(cap);
  let worker: Worker | null;
  try {
    worker = new Worker(url, { workerData: { role: WORKER_ROLE }, resourceLimits: TEXT_THREAD_LIMITS });
  } catch {
    return localTexts(cap);
  }
  const waiting = new Map<number, { jobs: PendingJob[]; resolve: (texts: Array<ArticleText | null>) => void }>();
  let next = 0;
  // Every batch the thread had not answered is read here; later ones are read here too.
  const lost = (): void => {
    worker = null;
    for (const { jobs, resolve } of waiting.values()) resolve(jobs.map((job) => textHere(job, cap)));
    waiting.clear();
  };
  worker.on('message', (reply: TextsReply) => {
    const entry = waiting.get(reply.batch);
    waiting.delete(reply.batch);
    entry?.resolve(unpackTexts(reply));
  });
  worker.on('error', lost);
  worker.on('exit', lost);
  // An empty batch first: the thread loads the index's modules now, before the first rows come.
  worker.postMessage({ batch: -1, texts: [], cap } satisfies TextsRequest);
  return {
    read: (rows) =>
      new Promise((resolve) => {
        const jobs = jobsOf(rows);
        if (worker === null) {
          resolve(jobs.map((job) => textHere(job, cap)));
          return;
        }
        const batch = next++;
        waiting.set(batch, { jobs, resolve });
        const request: TextsRequest = { batch, texts: jobs, cap };
        worker.postMessage(request);
      }),
    close: () => {
      const w = worker;
      worker = null;
      // Nobody waits for these any more (the build has ended); settle them all the same.
      for (const { jobs, resolve } of waiting.values()) resolve(jobs.map(() => null));
      waiting.clear();
      void w?.terminate();
    },
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
  /** Started ahead of the rows (text-thread.ts prepareTextBuild): get ready, then wait for TEXT_GO. */
  early: boolean;
  /** Where the rows and TEXT_GO come from when not the parent port (a thread started at the list, text-thread.ts lateThreads). */
  rows?: MessagePort;
}

/** The message that starts an early thread's build (the load's rows are handed over or written). */
export const TEXT_GO = 'go';

/** A batch of a cold load's rows for an early thread to write (index/text-build.ts), before TEXT_GO. */
export interface TextRows {
  handed: HandedBatch;
}

/**
 * What the thread posts: an early thread that it has tried to open the index (first), whether the
 * rows handed to it were written (only when some were), progress, then exactly one result (or failure).
 */
export type TextMessage =
  | { kind: 'opened' }
  | { kind: 'rows'; written: boolean }
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'result'; result: TextBuildResult }
  | { kind: 'failed'; reason: string };

// A handed row as the texts' thread reads it (the same fields a pending row is read back with).
const pendingOf = (r: HandedRow): PendingRow => ({ id: r.id, path: r.path, size: r.size, mtime: r.mtime, dev: r.dev, ino: r.ino, article: r.recordJson ?? JSON.stringify(r.record) });

// Writes the rows a RowWriter holds, TEXT_BATCH a transaction, each with its text: those handed
// without a body get theirs from `read` (the texts' thread: files read again), asked for two
// batches ahead, so that thread makes them while this one writes. Written rows-first, the texts'
// thread waited for every row and the secondary indexes (at 100k: ~1.5 s of this thread's CPU,
// the other core idle), then each batch's rows were read back (rowsOf) to ask for their text.
// A row whose text is null (its file changed) stays pending: buildText tries it again. Once
// `stopped()`, the rows left are written without asking (fast: the process waits for them).
async function writeWithTexts(writer: RowWriter, read: TextReader, onWritten: (written: number) => void, stopped: () => boolean): Promise<void> {
  const ahead: Array<{ rows: HandedRow[]; texts: Promise<ReadonlyArray<ArticleText | null>> }> = [];
  while (writer.holding || ahead.length > 0) {
    while (ahead.length < 2 && writer.holding) {
      const rows = writer.take(TEXT_BATCH);
      const asked = stopped() ? [] : rows.filter((r) => r.text === null);
      ahead.push({ rows, texts: asked.length > 0 ? read(asked.map(pendingOf)) : Promise.resolve([]) });
    }
    const { rows, texts } = ahead.shift() as (typeof ahead)[number];
    const made = await texts;
    let k = 0;
    for (const r of rows) if (r.text === null && k < made.length) r.text = made[k++] ?? null;
    writer.put(rows);
    onWritten(writer.written);
  }
}

// An early thread's wait for TEXT_GO, writing the rows the load hands over meanwhile (held while
// the parse runs, written past ROW_BYTES_HELD, the rest at TEXT_GO), with their text: the bodies
// that came with them, else texts made from their files (writeWithTexts). Posts whether they were
// written. onGo is told whether rows will be left without text (none handed, or some without
// bodies) and gives the texts' source. Throws when the rows could not be written: their text
// must not be built as if they were there.
async function writeHandedRows(port: MessagePort, open: () => Database.Database, post: (m: TextMessage) => void, onGo: (textsLeft: boolean) => TextSource, stopped: () => boolean): Promise<void> {
  const writer = new RowWriter(open, ROW_BYTES_HELD);
  let handed = false;
  let bodiless = false;
  let failed: unknown = null;
  await new Promise<void>((resolve) => {
    const onMessage = (m: TextRows | typeof TEXT_GO): void => {
      if (m === TEXT_GO) {
        port.off('message', onMessage);
        resolve();
        return;
      }
      handed = true;
      bodiless ||= m.handed.bodies === undefined;
      try {
        if (failed === null) writer.add(m.handed);
      } catch (error) {
        failed = error;
      }
    };
    port.on('message', onMessage);
  });
  const texts = onGo(!handed || bodiless);
  if (!handed) return;
  const total = writer.written + writer.heldCount;
  const progress = (done: number): void => post({ kind: 'progress', done, total });
  progress(0);
  try {
    if (failed === null && bodiless) await writeWithTexts(writer, texts.read, progress, stopped);
    else if (failed === null) writer.flush(progress);
    // Every row is written: said even when none was left to flush (all written as they came,
    // which a load of ~2,000 files does), or the status line kept `indexing text 0 / 2,000`.
    if (failed === null) progress(total);
  } catch (error) {
    failed = error;
  }
  post({ kind: 'rows', written: failed === null });
  if (failed !== null) throw failed;
}

// A busy file (another instance writing) or a read-only one: the next run lists it itself.
function keepVocabularyIfIdle(db: Database.Database): void {
  try {
    keepVocabulary(db);
  } catch {
    // not kept
  }
}

// The thread's whole life, in a function rather than at the module's top level: a module with a
// top-level await cannot be built as a CommonJS bundle, which a thread starts sooner (scripts/bundle.mjs).
async function runThread(port: MessagePort, job: TextJob): Promise<void> {
  const stop = new Int32Array(job.stop);
  const post = (m: TextMessage): void => port.postMessage(m);
  const conn: { db: Database.Database | null; refused: Error | null } = { db: null, refused: null };
  let texts: TextSource | null = null;
  const open = (): Database.Database => {
    if (conn.refused) throw conn.refused;
    if (conn.db) return conn.db;
    const opened = openDatabase(job.file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    conn.db = opened;
    if (!isOurIndex(opened)) throw (conn.refused = new Error('not this program\'s index'));
    opened.pragma('synchronous = NORMAL');
    return opened;
  };
  // An early thread opens the index while it waits: the load's own connection, closed at the end
  // of the parse (or, for a thread started at the list, once this one says 'opened'), is then not the last one, so SQLite does not checkpoint the WAL and sync the
  // file there (the list and this build both waited for it); the one checkpoint is this
  // connection's, when the build is done. An index that cannot be opened fails the build later.
  if (job.early) {
    try {
      open();
    } catch {
      // reported by the first write
    }
    post({ kind: 'opened' });
  }
  try {
    // An early thread starts its texts' thread at TEXT_GO, so that its start-up overlaps the
    // handed rows' writes instead of the load's parse (which has both cores' work to do), and
    // not at all when the handed rows brought their texts: rows still pending then (a row
    // another instance wrote meanwhile) are few, and made here.
    const stopped = (): boolean => Atomics.load(stop, 0) !== 0;
    if (job.early) await writeHandedRows(job.rows ?? port, open, post, (textsLeft) => (texts = textsLeft ? threadTexts(job.cap) : localTexts(job.cap)), stopped);
    texts ??= threadTexts(job.cap);
    const result = await buildText(open(), texts.read, (done, total) => post({ kind: 'progress', done, total }), stopped);
    post({ kind: 'result', result });
    // After the result, so the full text is searchable as soon as it is built; the next run
    // that searches words then reads the vocabulary in one row instead of listing it.
    if (result.complete && result.left === 0) keepVocabularyIfIdle(open());
  } catch (error) {
    post({ kind: 'failed', reason: errorMessage(error) });
  } finally {
    job.rows?.close();
    texts?.close();
    conn.db?.close();
  }
}

/**
 * The thread's life on a thread started for another role (files/thread-script.ts ThreadRole: a
 * parse thread whose parse is over, text-thread.ts), `data` a TextJob; anything else does nothing.
 */
export function runHere(port: MessagePort, data: unknown): Promise<void> {
  return (data as { role?: unknown } | null)?.role === TEXT_ROLE ? runThread(port, data as TextJob) : Promise.resolve();
}

if (parentPort && (workerData as { role?: unknown } | null)?.role === TEXT_ROLE) void runThread(parentPort, workerData as TextJob);
