// Spreads a cold parse over worker threads. Batches go out a few at a time per worker (so no
// worker idles waiting for its next batch) and come back as records plus one transferred buffer
// of bodies, in whatever order they finish; the caller puts them back in walk order. Small jobs,
// or a build where the worker script is missing (tests run the TypeScript sources), are parsed
// on this thread in slices that yield to the event loop, so a UI stays responsive either way.

import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { R } from './article-record.js';
import { parseBatch, STAT_FIELDS, WORKER_ROLE, type BatchReply, type BatchRequest, type ParsedFile, type ParseJob } from './parse-worker.js';

export type { ParseJob, ParsedFile } from './parse-worker.js';
export { STAT_FIELDS } from './parse-worker.js';

/** How to parse: worker count (0 = this thread), worker script, files per batch. */
export interface PoolOptions {
  workers?: number;
  workerUrl?: URL;
  batchSize?: number;
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
    if (!outcome.ok) return { outcome, lowerBody: null };
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
  const batches: BatchRequest[] = [];
  for (let start = 0; start < jobs.length; start += batchSize) {
    batches.push({ batch: batches.length, jobs: jobs.slice(start, start + batchSize), cap });
  }
  const url = opts.workerUrl ?? defaultWorkerUrl();
  const count = url ? Math.min(opts.workers ?? workerCount(jobs.length, batchSize), batches.length) : 0;
  if (count === 0 || !url) return parseHere(batches, onBatch, batchSize, stats);

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
          const request = batches[next++];
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
  orphans.push(...batches.slice(next));
  return parseHere(orphans, onBatch, batchSize, stats);
}

// The stat thread's whole program. It is inline, not a module, so that the thread loads nothing
// (the parse worker module pulls in every parser: ~50 MB of resident memory for a stat loop).
// It must compute exactly what statPaths does; tests compare the two.
const STAT_PROGRAM = `
const fs = require('node:fs');
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (joined) => {
  const paths = joined === '' ? [] : joined.split('\\0');
  const out = new Float64Array(paths.length * ${STAT_FIELDS});
  for (let i = 0; i < paths.length; i++) {
    const o = i * ${STAT_FIELDS};
    let st;
    try { st = fs.statSync(paths[i], { throwIfNoEntry: false }); } catch { st = undefined; }
    if (!st || !st.isFile()) { out[o] = -1; continue; }
    out[o] = st.size; out[o + 1] = st.mtimeMs; out[o + 2] = st.dev; out[o + 3] = st.ino;
  }
  parentPort.postMessage(out, [out.buffer]);
});
`;

/**
 * Stats files on a worker thread, so that on a warm run the ~0.3 s of stat calls per 100k files
 * overlap the main thread's cache read. Started before the walk so its start-up overlaps that too.
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

  /** The stats of `paths` (see statPaths), or null if the thread failed. Ends the thread. */
  stat(paths: readonly string[]): Promise<Float64Array | null> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (stats: Float64Array | null): void => {
        if (settled) return;
        settled = true;
        void this.worker.terminate();
        resolve(stats && stats.length === paths.length * STAT_FIELDS ? stats : null);
      };
      this.worker.once('message', (stats: unknown) => settle(stats instanceof Float64Array ? stats : null));
      this.worker.once('error', () => settle(null));
      this.worker.once('exit', () => settle(null));
      this.worker.postMessage(paths.join('\0'));
    });
  }

  /** Ends the thread unused. */
  close(): void {
    void this.worker.terminate();
  }
}
