// Starts the background build of the index's full text (index/text-build.ts) on its own thread, or, in
// a build without the worker script (tests run the TypeScript sources), on this thread in slices
// that yield to the event loop. The caller gets progress, a promise of the result, and stop().
// A cold load starts the threads while it parses (prepareTextBuild): their start-up (two V8
// isolates, SQLite and the index's modules, ~0.1-0.3 s of CPU) then overlaps the parse instead
// of delaying the text after the list.

import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { openDatabase } from '../sqlite.js';
import { threadScript } from '../files/index.js';
import { BUSY_TIMEOUT_MS, buildText, isOurIndex, makeRows, type HandedBatch, type MadeRow, type TextBuildResult, type TextProgress } from '../index/index.js';
import { localTexts, TEXT_GO, TEXT_ROLE, TEXT_THREAD_LIMITS, type TextJob, type TextMessage, type TextRows } from './text-worker.js';
import type { HandOverRequest } from './parse-worker.js';

export type { TextBuildResult, TextProgress } from '../index/index.js';

/** A text build under way. */
export interface TextBuild {
  /** Settles once the build ends: complete, stopped, or failed (then `complete` is false). Never rejects. */
  done: Promise<TextBuildResult>;
  /** Asks the build to stop after the batch it is writing; what it wrote stays written. */
  stop(): void;
  /** Settles once the rows handed to the thread (TextThreads.rows) are written (true) or cannot be (false); true when none were. */
  rowsWritten: Promise<boolean>;
}

/** A text build's threads, started before the rows they are to write are there. */
export interface TextThreads {
  /** Starts the build over the rows pending now (call once, after the load's writes). */
  go(onProgress?: TextProgress): TextBuild;
  /** Ends the threads without building anything (nothing was left pending). */
  cancel(): void;
  /**
   * Hands a cold load's rows to the thread, which writes them (index/text-build.ts) before it
   * builds their text; null when the build runs on the calling thread (nothing to hand them to).
   */
  rows: ((batch: HandedBatch) => void) | null;
  /**
   * Offers a parse thread done with its batches (load/parse-pool.ts PoolOptions.keep): true when
   * the build will run on it at go() instead of on a thread of its own (the threads started at
   * go(): prepareTextBuild's `late`); it is then this build's to end. Absent: none is taken.
   */
  adopt?: (worker: Worker) => boolean;
  /**
   * Settles once the build's thread has opened the index (or tried, or none will): a connection
   * the load keeps open until then is not the index's last, and its close neither checkpoints
   * the WAL nor syncs the file (index/session/session.ts finish). Never rejects.
   */
  opened: Promise<void>;
}

const FAILED: TextBuildResult = { written: 0, left: -1, complete: false };

const workerUrl = (): URL | null => threadScript(new URL('./text-worker.js', import.meta.url));

function onThisThread(file: string, cap: number, onProgress: TextProgress): TextBuild {
  let stopped = false;
  const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  const done = (async (): Promise<TextBuildResult> => {
    let db: Database.Database | null = null;
    // Nothing before the caller's own continuation: it may stop the build at once.
    await yieldToLoop();
    if (stopped) return { ...FAILED, left: -1 };
    try {
      db = openDatabase(file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
      if (!isOurIndex(db)) return FAILED;
      return await buildText(db, localTexts(cap).read, onProgress, () => stopped, yieldToLoop);
    } catch {
      return FAILED;
    } finally {
      db?.close();
    }
  })();
  return { done, stop: () => void (stopped = true), rowsWritten: Promise.resolve(true) };
}

// The text thread for `file`; with `early`, it gets ready and waits for TEXT_GO before it opens
// the file. Run on `given` (a parse thread done with its batches, handed over to this role) when
// it still runs, else started. Null when it cannot be started (then the build runs on this thread).
function textThread(file: string, cap: number, early: boolean, onOpened: () => void = () => {}, rows?: MessagePort, given?: Worker | null): { worker: Worker; stopFlag: SharedArrayBuffer; done: Promise<TextBuildResult>; rowsWritten: Promise<boolean>; progress: { to: TextProgress }; ended: () => boolean } | null {
  const url = workerUrl();
  if (!url) return void given?.terminate(), null;
  const stopFlag = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const job: TextJob = { role: TEXT_ROLE, file, cap, stop: stopFlag, early, rows };
  let worker = given && given.threadId !== -1 ? handedOver(given, url, job) : null;
  if (!worker) {
    void given?.terminate();
    try {
      worker = new Worker(url, { workerData: job, resourceLimits: TEXT_THREAD_LIMITS, transferList: rows ? [rows] : [] });
    } catch {
      return null;
    }
  }
  const progress = { to: (() => {}) as TextProgress };
  let ended = false;
  worker.on('exit', () => void (ended = true));
  let rowsSaid: (written: boolean) => void = () => {};
  // Without a 'rows' message none were handed over: true once the thread is done.
  const rowsWritten = new Promise<boolean>((resolve) => (rowsSaid = resolve));
  // Settled by the result, not the thread's exit: every write is committed by then (readers see
  // it), and what follows (the index closed, its WAL checkpointed into the file and synced, the
  // thread torn down: ~50-250 ms at 10k under load) changes nothing a reader sees. A process that
  // exits right after (a cold --filter) still gets that checkpoint: Node ends the thread, and
  // better-sqlite3 closes its connections as it goes (handed-rows.test.ts checks the WAL is gone).
  const done = new Promise<TextBuildResult>((resolve) => {
    worker.on('message', (m: TextMessage) => {
      if (m.kind === 'opened') onOpened();
      else if (m.kind === 'progress') progress.to(m.done, m.total);
      else if (m.kind === 'rows') rowsSaid(m.written);
      else if (m.kind === 'result') resolve(m.result);
    });
    worker.on('error', () => resolve(FAILED));
    worker.on('exit', () => resolve(FAILED));
  });
  // A thread that ended without saying had not written them, nor will it open the index.
  void done.then(() => (rowsSaid(false), onOpened()));
  return { worker, stopFlag, done, rowsWritten, progress, ended: () => ended };
}

// `worker` (a parse thread done with its batches) running the text thread's script with `job`
// (load/parse-worker.ts HandOverRequest), referenced as a started thread is; null when the request
// cannot be posted (its rows' port then still ours).
function handedOver(worker: Worker, url: URL, job: TextJob): Worker | null {
  try {
    worker.postMessage({ handOver: { script: url.href, data: job } } satisfies HandOverRequest, job.rows ? [job.rows] : []);
  } catch {
    return null;
  }
  worker.ref();
  return worker;
}

function running(t: NonNullable<ReturnType<typeof textThread>>, handed = false): TextBuild {
  return {
    done: t.done,
    rowsWritten: handed ? t.rowsWritten : Promise.resolve(true),
    stop: () => {
      Atomics.store(new Int32Array(t.stopFlag), 0, 1);
      // Rows handed over are the index's, not its text: the process waits for them (a second at
      // 10k), so the next run does not start cold again.
      if (handed) void t.rowsWritten.then(() => t.worker.unref());
      else t.worker.unref();
    },
  };
}

/**
 * Builds the full text of the rows pending in the index at `file` (read cap `cap`, as the load
 * parsed them). The thread does not keep the process alive once stop() was called; until then
 * a one-shot run waits for it, so its next run starts with the text complete.
 */
export function startTextBuild(file: string, cap: number, onProgress: TextProgress = () => {}): TextBuild {
  const t = textThread(file, cap, false);
  if (!t) return onThisThread(file, cap, onProgress);
  t.progress.to = onProgress;
  return running(t);
}

// The build for a program without the thread's script: on this thread, at go(); no thread will open the index.
function hereOnly(file: string, cap: number, openedOnce: Promise<void>, opened: () => void): TextThreads {
  opened();
  return { go: (onProgress = () => {}) => onThisThread(file, cap, onProgress), cancel: () => {}, rows: null, opened: openedOnce };
}
// Rows handed to a thread that is gone (or never started) are not in the index: no text can be built for them.
const rowsLost = (): TextBuild => ({ done: Promise.resolve(FAILED), stop: () => {}, rowsWritten: Promise.resolve(false) });
// A batch of handed rows to the thread, its bodies' buffer moved, not copied.
const postRows = (to: Worker | MessagePort, batch: HandedBatch): void => to.postMessage({ handed: batch } satisfies TextRows, batch.bodies ? [batch.bodies] : []);

/**
 * The text build's threads for the index at `file`, started now and waiting (they keep no
 * process alive while they wait); go() then builds as startTextBuild does. With `late`, the
 * threads start at go() instead, and the rows handed before are held here until then: a load
 * whose rows come with their bodies (load.ts, up to ROWS_HELD files) spares the thread's start
 * (~0.2 s of CPU at 10k) while its parse is the list's critical path. The thread then opens the
 * index before its rows come, and `opened` says when it has.
 */
export function prepareTextBuild(file: string, cap: number, late = false): TextThreads {
  let opened: () => void = () => {};
  const openedOnce = new Promise<void>((resolve) => (opened = resolve));
  if (late) return lateThreads(file, cap, openedOnce, opened);
  const t = textThread(file, cap, true, opened);
  if (!t) return hereOnly(file, cap, openedOnce, opened);
  t.worker.unref();
  let handed = false;
  return {
    rows: (batch) => {
      handed = true;
      postRows(t.worker, batch);
    },
    go: (onProgress = () => {}) => {
      // A thread that died while it waited is replaced, not reported as a failed build, unless
      // it took rows with it: those are not in the index, and their text cannot be built.
      if (t.ended() && handed) return rowsLost();
      if (t.ended()) return startTextBuild(file, cap, onProgress);
      t.progress.to = onProgress;
      t.worker.ref();
      t.worker.postMessage(TEXT_GO);
      return running(t, handed);
    },
    cancel: () => void t.worker.terminate(),
    opened: openedOnce,
  };
}

// A batch handed with its bodies, made ready here (index/article-text.ts makeRows), or as it came
// when it has no bodies or cannot be made (then the thread makes its rows itself).
function madeBatch(batch: HandedBatch): HandedBatch {
  let made: MadeRow[] | null = null;
  try {
    made = makeRows(batch);
  } catch {
    made = null;
  }
  return made ? { json: '', ids: new Int32Array(0), bodies: batch.bodies, made } : batch;
}

// prepareTextBuild's threads started at go(). The rows handed before (a load of up to ROWS_HELD
// files, with their bodies) are held here until then; from go() on, this thread makes each
// batch's rows ready for their insert (madeBatch), a batch per turn of the event loop, and posts
// it to the thread, which writes them as they come (index/text-build.ts RowWriter), then TEXT_GO:
// the thread's start overlaps the first batches' making, and its inserts the making of the next
// (at 10k, ~40% of what the thread did alone after the list, on a core that was idle).
function lateThreads(file: string, cap: number, openedOnce: Promise<void>, opened: () => void): TextThreads {
  if (!workerUrl()) return hereOnly(file, cap, openedOnce, opened);
  const channel = new MessageChannel();
  const held: HandedBatch[] = [];
  let adopted: Worker | null = null;
  const feed = async (): Promise<void> => {
    // Each batch in a turn of its own, the first after the caller's: the list comes first.
    for (;;) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      const batch = held.shift();
      if (batch === undefined) break;
      postRows(channel.port1, madeBatch(batch));
    }
    channel.port1.postMessage(TEXT_GO);
  };
  return {
    rows: (batch) => void held.push(batch),
    // One thread, kept unreferenced until go(): a load that ends without a build leaves no process waiting on it.
    adopt: (worker) => {
      if (adopted) return false;
      worker.unref();
      adopted = worker;
      return true;
    },
    go: (onProgress = () => {}) => {
      const handed = held.length > 0;
      const t = textThread(file, cap, true, opened, channel.port2, adopted);
      adopted = null;
      if (!t) {
        opened();
        channel.port1.close();
        // Rows handed and no thread to write them: they are not in the index.
        return handed ? rowsLost() : onThisThread(file, cap, onProgress);
      }
      t.progress.to = onProgress;
      void feed();
      return running(t, handed);
    },
    cancel: () => {
      held.length = 0;
      channel.port1.close();
      void adopted?.terminate();
      adopted = null;
      opened();
    },
    opened: openedOnce,
  };
}
