// The folder watch's own processes (watch-process.ts: @parcel/watcher's crawl; watch-worker.ts: the
// first walk) run beside the dashboard's start on a machine of two cores or so. At a million
// files the crawl alone is ~7-10 s of CPU, all in the seconds after the list fills, where the
// dashboard's UI thread, its facts thread and the search's warm-up compete with it for the cores
// and keys typed then waited. The watch's work is background work: it runs at a lower priority.
import fs from 'node:fs';
import os from 'node:os';

/** Niceness given to the watch's processes (Linux's scale: 0 normal, 19 the lowest). */
export const BACKGROUND_NICENESS = 10;

/**
 * Lowers this process's priority to BACKGROUND_NICENESS, every thread of it: on Linux a niceness
 * is a thread's own (setpriority(2) on a thread id), a thread started later inherits its
 * starter's, and Node's own threads (V8's platform workers, libuv's pool) already run when this
 * is called. Never throws: where the system refuses, a thread keeps the priority it has.
 */
export function runInBackground(): void {
  let threads: number[] = [0];
  try {
    threads = fs.readdirSync('/proc/self/task').map(Number);
  } catch {
    // No /proc (not Linux): the process's own niceness, which is its threads' there.
  }
  for (const tid of threads) {
    try {
      if (os.getPriority(tid) < BACKGROUND_NICENESS) os.setPriority(tid, BACKGROUND_NICENESS);
    } catch {
      // Not allowed here (a container's policy), or the thread ended: it runs as before.
    }
  }
}
