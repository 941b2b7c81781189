// Stat-ing many files, for the freshness check of the on-disk index (index/freshness.ts): the
// size, mtime, device and inode of every walked file, on this thread or shared with a thread of
// its own that loads nothing (no parser, no index), so a warm run's stat calls overlap its other
// work. Only stat results are looked at here; no file is opened.

import { Worker } from 'node:worker_threads';
import { statMethod, statNumbers } from './stat-numbers.js';

/** Numbers per file in a stat reply: size, mtimeMs, dev, ino. */
export const STAT_FIELDS = 4;

/** stat() of every path, STAT_FIELDS numbers each (stat-numbers.ts); size is -1 for a missing or non-regular file. Never throws. (The stat thread below runs a copy of this loop, with fs.statSync.) */
export function statPaths(paths: readonly string[]): Float64Array {
  const out = new Float64Array(paths.length * STAT_FIELDS);
  statInto(paths, out, 0, paths.length);
  return out;
}

/** statPaths for paths[start, end), written into `out` at their own positions. */
export function statInto(paths: readonly string[], out: Float64Array, start: number, end: number): void {
  const method = statMethod();
  for (let i = start; i < end; i++) statNumbers(paths[i], out, i * STAT_FIELDS, method);
}

// Files a thread claims at a time when the stat calls are shared (see SharedStat).
const STAT_CHUNK = 512;

// The stat thread's whole program. It is inline, not a module, so that the thread loads nothing
// (a module would pull in its imports: the parse worker's, every parser and ~50 MB of resident
// memory for a stat loop).
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

/** Stat calls under way on a thread (the stat thread, the walk thread), which this thread can join. */
export interface SharedStat {
  /** Stats the chunks the thread has not taken yet here (`pause` between chunks), waits for the rest; the stats of every path (see statPaths). */
  finish(pause?: () => Promise<void> | void): Promise<Float64Array>;
  /** Ends the thread; the stats are no longer wanted. */
  cancel(): void;
}

/**
 * The memory two threads share while they stat the same paths: the stats (STAT_FIELDS float64s
 * per path), the next unclaimed path (one int32, advanced by STAT_CHUNK), and a flag per chunk
 * set once its stats are written.
 */
export interface StatBuffers {
  out: SharedArrayBuffer;
  next: SharedArrayBuffer;
  done: SharedArrayBuffer;
}

/** Fresh StatBuffers for `n` paths. */
export function statBuffers(n: number): StatBuffers {
  return {
    out: new SharedArrayBuffer(n * STAT_FIELDS * Float64Array.BYTES_PER_ELEMENT),
    next: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT),
    done: new SharedArrayBuffer(Math.max(1, Math.ceil(n / STAT_CHUNK)) * Int32Array.BYTES_PER_ELEMENT),
  };
}

/**
 * Claims chunks of `paths` from `b` and stats them until none is left (what each thread sharing
 * them runs; the stat thread's inline program is a copy of this loop).
 */
export function statClaimed(paths: readonly string[], b: StatBuffers): void {
  const stats = new Float64Array(b.out);
  const claim = new Int32Array(b.next);
  const finished = new Int32Array(b.done);
  for (let start = Atomics.add(claim, 0, STAT_CHUNK); start < paths.length; start = Atomics.add(claim, 0, STAT_CHUNK)) {
    statInto(paths, stats, start, Math.min(start + STAT_CHUNK, paths.length));
    Atomics.store(finished, start / STAT_CHUNK, 1);
  }
}

/**
 * This thread's side of stat calls shared through `b` with a thread (see SharedStat); `end` ends
 * that thread. finish() takes the chunks still unclaimed (once this thread has nothing better to
 * do), so neither thread idles while the other works, and again any chunk the thread has not
 * finished: waiting for a thread the scheduler has not run cost a warm --filter up to a second on
 * a busy machine (0.2 s at 10k files), while a chunk takes a few ms. Stat-ing a file twice is
 * harmless; the thread may still write into the shared buffer until it ends, so a copy is returned.
 * `paths`: the paths `b` was made for (statBuffers), or a function giving them when first needed.
 */
export function joinStat(paths: readonly string[] | (() => readonly string[]), b: StatBuffers, end: () => void): SharedStat {
  const stats = new Float64Array(b.out);
  const n = stats.length / STAT_FIELDS;
  // Paths given as a function are asked for only when this thread has a chunk to stat (see WalkThread).
  const list = typeof paths === 'function' ? paths : () => paths;
  const chunks = Math.ceil(n / STAT_CHUNK);
  const claim = new Int32Array(b.next);
  const finished = new Int32Array(b.done);
  return {
    finish: async (pause) => {
      for (let start = Atomics.add(claim, 0, STAT_CHUNK); start < n; start = Atomics.add(claim, 0, STAT_CHUNK)) {
        statInto(list(), stats, start, Math.min(start + STAT_CHUNK, n));
        Atomics.store(finished, start / STAT_CHUNK, 1);
        await pause?.();
      }
      for (let c = 0; c < chunks; c++) {
        if (Atomics.load(finished, c) === 0) statInto(list(), stats, c * STAT_CHUNK, Math.min((c + 1) * STAT_CHUNK, n));
      }
      end();
      return stats.slice();
    },
    cancel: () => {
      // Claims everything left, so the thread stops after its current chunk.
      Atomics.store(claim, 0, n);
      end();
    },
  };
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
   * unclaimed (once it has nothing better to do), so neither thread idles while the other works,
   * and again any chunk the thread has not finished (never waiting for it). Ends the thread.
   * `joined`: the paths joined by NUL, when the caller has made that string already.
   */
  share(paths: readonly string[], joined = paths.join('\0')): SharedStat {
    const buffers = statBuffers(paths.length);
    try {
      this.worker.postMessage({ joined, ...buffers });
    } catch {
      // The thread is gone: finish() does everything here.
    }
    return joinStat(paths, buffers, () => void this.worker.terminate());
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
