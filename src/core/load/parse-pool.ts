// Spreads a cold parse over worker threads. Batches go out a few at a time per worker (so no
// worker idles waiting for its next batch) and come back as records plus one transferred buffer
// of bodies, in whatever order they finish; the caller puts them back in walk order. Small jobs,
// or a build where the worker script is missing (tests run the TypeScript sources), are parsed
// on this thread in slices that yield to the event loop, so a UI stays responsive either way.

import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { R } from '../index/article-record.js';
import { parseBatch, STAT_FIELDS, statInto, WORKER_ROLE, type BatchReply, type BatchRequest, type ParsedFile, type ParseJob } from './parse-worker.js';

export type { ParseJob, ParsedFile } from './parse-worker.js';
export { STAT_FIELDS } from './parse-worker.js';

/** How to parse: worker count (0 = this thread), worker script, files per batch, whether bodies come back (default true). */
export interface PoolOptions {
  workers?: number;
  workerUrl?: URL;
  batchSize?: number;
  withBody?: boolean;
}

/** Called once per finished batch with the index of its first job; batches finish in any order. */
export type BatchHandler = (start: number, files: ParsedFile[]) => void;

const DEFAULT_BATCH = 256;
const IN_FLIGHT_PER_WORKER = 2;
// Below this many files a worker's start-up (~50 ms to load the parser) costs more than it saves.
const MIN_JOBS_FOR_WORKERS = 2_000;

/** The built worker script next to this module, or null when running from sources. */
export function defaultWorkerUrl(): URL | null {
  const url = new URL('./parse-worker.js', import.meta.url);
  return fs.existsSync(fileURLToPath(url)) ? url : null;
}

/** Worker threads worth starting for this many jobs on this machine. */
export function workerCount(jobs: number, batchSize = DEFAULT_BATCH): number {
  if (jobs < MIN_JOBS_FOR_WORKERS) return 0;
  return Math.max(1, Math.min(os.availableParallelism(), 4, Math.ceil(jobs / batchSize)));
}

function splitReply(reply: BatchReply): ParsedFile[] {
  let offset = 0;
  return reply.outcomes.map((outcome) => {
    if (!outcome.ok || !reply.withBody) return { outcome, lowerBody: null };
    const length = outcome.record[R.bodyLength];
    const lowerBody = Buffer.from(reply.bodies, offset, length);
    offset += length;
    return { outcome, lowerBody };
  });
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Where the batches were parsed: on worker threads or on this thread. */
export interface PoolStats {
  workerBatches: number;
  localBatches: number;
}

async function parseHere(batches: BatchRequest[], onBatch: BatchHandler, batchSize: number, stats: PoolStats): Promise<PoolStats> {
  for (const request of batches) {
    onBatch(request.batch * batchSize, splitReply(parseBatch(request)));
    stats.localBatches += 1;
    await yieldToLoop();
  }
  return stats;
}

/** Parses every job (reads included), handing results back batch by batch. Never rejects on a bad file. */
export async function parseAll(jobs: readonly ParseJob[], cap: number, onBatch: BatchHandler, opts: PoolOptions = {}): Promise<PoolStats> {
  const stats: PoolStats = { workerBatches: 0, localBatches: 0 };
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH);
  const batches: Array<BatchRequest | null> = [];
  for (let start = 0; start < jobs.length; start += batchSize) {
    batches.push({ batch: batches.length, jobs: jobs.slice(start, start + batchSize), cap, withBody: opts.withBody ?? true });
  }
  const url = opts.workerUrl ?? defaultWorkerUrl();
  const count = url ? Math.min(opts.workers ?? workerCount(jobs.length, batchSize), batches.length) : 0;
  // The batches hold every job now; the caller's list need not live as long as the parse.
  jobs = [];
  if (count === 0 || !url) return parseHere(batches as BatchRequest[], onBatch, batchSize, stats);

  let next = 0;
  const orphans: BatchRequest[] = [];
  const runWorker = (): Promise<void> =>
    new Promise((resolve) => {
      const worker = new Worker(url, { workerData: { role: WORKER_ROLE } });
      const inFlight = new Map<number, BatchRequest>();
      let settled = false;
      const finish = (): void => {
        if (settled) return;
        settled = true;
        // A worker that died leaves its batches to this thread; nothing is lost.
        orphans.push(...inFlight.values());
        inFlight.clear();
        void worker.terminate();
        resolve();
      };
      const feed = (): void => {
        while (inFlight.size < IN_FLIGHT_PER_WORKER && next < batches.length) {
          const request = batches[next] as BatchRequest;
          // Held by inFlight until answered, then by nothing: at a million files the requests'
          // job lists (and the walk entries they name) would otherwise outlive their parse.
          batches[next++] = null;
          inFlight.set(request.batch, request);
          worker.postMessage(request);
        }
        if (inFlight.size === 0) finish();
      };
      worker.on('message', (reply: BatchReply) => {
        inFlight.delete(reply.batch);
        stats.workerBatches += 1;
        onBatch(reply.batch * batchSize, splitReply(reply));
        feed();
      });
      worker.on('error', finish);
      worker.on('exit', finish);
      feed();
    });
  await Promise.all(Array.from({ length: count }, runWorker));
  // Batches no worker got to (every worker died) are parsed here too.
  for (let i = next; i < batches.length; i++) orphans.push(batches[i] as BatchRequest);
  return parseHere(orphans, onBatch, batchSize, stats);
}

// Files a thread claims at a time when the stat calls are shared (see SharedStat).
const STAT_CHUNK = 512;

// The stat thread's whole program. It is inline, not a module, so that the thread loads nothing
// (the parse worker module pulls in every parser: ~50 MB of resident memory for a stat loop).
// It must compute exactly what statPaths does; tests compare the two. It claims chunks of paths
// from a shared counter, so the main thread can take chunks too once it has read the index's rows.
const STAT_PROGRAM = `
const fs = require('node:fs');
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ joined, out, next, done }) => {
  const paths = joined === '' ? [] : joined.split('\\0');
  const stats = new Float64Array(out);
  const claim = new Int32Array(next);
  const finished = new Int32Array(done);
  for (;;) {
    const start = Atomics.add(claim, 0, ${STAT_CHUNK});
    if (start >= paths.length) break;
    const end = Math.min(start + ${STAT_CHUNK}, paths.length);
    for (let i = start; i < end; i++) {
      const o = i * ${STAT_FIELDS};
      let st;
      try { st = fs.statSync(paths[i], { throwIfNoEntry: false }); } catch { st = undefined; }
      if (!st || !st.isFile()) { stats[o] = -1; continue; }
      stats[o] = st.size; stats[o + 1] = st.mtimeMs; stats[o + 2] = st.dev; stats[o + 3] = st.ino;
    }
    Atomics.store(finished, start / ${STAT_CHUNK}, 1);
  }
  parentPort.postMessage('done');
});
`;

/** Stat calls under way on the stat thread, which this thread can join (see StatWorker.share). */
export interface SharedStat {
  /** Stats the chunks the thread has not taken yet here (`pause` between chunks), waits for the rest; the stats of every path (see statPaths). */
  finish(pause?: () => Promise<void> | void): Promise<Float64Array>;
  /** Ends the thread; the stats are no longer wanted. */
  cancel(): void;
}

/**
 * Stats files on a worker thread, so that on a warm run the ~0.3 s of stat calls per 100k files
 * overlap the main thread's read of the index. Started before the walk so its start-up overlaps that too.
 */
export class StatWorker {
  private constructor(private readonly worker: Worker) {
    // Never keeps the process alive on its own.
    worker.unref();
  }

  /** A started stat thread, or null when threads cannot be started. */
  static start(): StatWorker | null {
    try {
      return new StatWorker(new Worker(STAT_PROGRAM, { eval: true }));
    } catch {
      return null;
    }
  }

  /**
   * Starts stat-ing `paths` on the thread. `finish()` makes this thread take the chunks still
   * unclaimed (once it has nothing better to do), so neither thread idles while the other works;
   * a chunk claimed by a thread that died is done again here. Ends the thread when finished.
   */
  share(paths: readonly string[]): SharedStat {
    const n = paths.length;
    const chunks = Math.ceil(n / STAT_CHUNK);
    const out = new SharedArrayBuffer(n * STAT_FIELDS * Float64Array.BYTES_PER_ELEMENT);
    const next = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    const done = new SharedArrayBuffer(Math.max(1, chunks) * Int32Array.BYTES_PER_ELEMENT);
    const stats = new Float64Array(out);
    const claim = new Int32Array(next);
    const finished = new Int32Array(done);
    const threadDone = new Promise<void>((resolve) => {
      this.worker.once('message', () => resolve());
      this.worker.once('error', () => resolve());
      this.worker.once('exit', () => resolve());
    });
    try {
      this.worker.postMessage({ joined: paths.join('\0'), out, next, done });
    } catch {
      // The thread is gone: finish() does everything here.
    }
    const allFinished = (): boolean => {
      for (let c = 0; c < chunks; c++) if (Atomics.load(finished, c) === 0) return false;
      return true;
    };
    return {
      finish: async (pause) => {
        for (let start = Atomics.add(claim, 0, STAT_CHUNK); start < n; start = Atomics.add(claim, 0, STAT_CHUNK)) {
          statInto(paths, stats, start, Math.min(start + STAT_CHUNK, n));
          Atomics.store(finished, start / STAT_CHUNK, 1);
          await pause?.();
        }
        if (!allFinished()) await threadDone;
        for (let c = 0; c < chunks; c++) {
          if (Atomics.load(finished, c) === 0) statInto(paths, stats, c * STAT_CHUNK, Math.min((c + 1) * STAT_CHUNK, n));
        }
        void this.worker.terminate();
        return stats;
      },
      cancel: () => {
        // Claims everything left, so the thread stops after its current chunk.
        Atomics.store(claim, 0, n);
        void this.worker.terminate();
      },
    };
  }

  /** The stats of `paths` (see statPaths), all taken on the thread. Ends the thread. */
  stat(paths: readonly string[]): Promise<Float64Array | null> {
    const shared = this.share(paths);
    return new Promise((resolve) => {
      this.worker.once('message', () => resolve(shared.finish()));
      this.worker.once('error', () => resolve(null));
      this.worker.once('exit', () => resolve(null));
    });
  }

  /** Ends the thread unused. */
  close(): void {
    void this.worker.terminate();
  }
}
