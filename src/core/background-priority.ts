// Background work runs beside the dashboard's start on a machine of two cores or so: the folder
// watch's own processes (watch/watch-process.ts: @parcel/watcher's crawl, ~7-10 s of CPU at a
// million files; watch/watch-worker.ts: the first walk) and the dashboard's background threads
// (the facts worker's counts, the wide words' reads). In the seconds after the list fills, the UI
// thread competed with them for the cores and keys typed then waited for one (schedstat: most of
// a slow key's time was spent runnable, not running). Background work runs at a lower priority:
// it still has every idle core, but a key's work goes first.
import fs from 'node:fs';
import os from 'node:os';

/** Niceness given to background work (Linux's scale: 0 normal, 19 the lowest). */
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
  for (const tid of threads) lowerThread(fs, os, BACKGROUND_NICENESS, tid);
}

/**
 * Lowers the calling thread alone (a worker thread's, say) to BACKGROUND_NICENESS: Linux names it
 * by /proc/thread-self (proc(5): a link to /proc/PID/task/TID). The process's other threads, the
 * UI's and Node's own (shared by every isolate), keep theirs. Does nothing where there is no
 * /proc/thread-self (not Linux: there a niceness is the whole process's, which the UI shares).
 * Never throws.
 */
export function runThreadInBackground(): void {
  lowerThread(fs, os, BACKGROUND_NICENESS);
}

/**
 * Lowers the thread `tid` (0: the calling process; none given: the calling thread, named by
 * /proc/thread-self) to `niceness`, never raising it; `files` and `system` are node:fs and node:os.
 * Self-contained, so a thread started from source text (`new Worker(PROGRAM, { eval: true })`)
 * inlines it with toString(). Never throws: where the system refuses, the thread runs as before.
 */
export function lowerThread(files: typeof fs, system: typeof os, niceness: number, tid?: number): void {
  try {
    if (tid === undefined) {
      const link = files.readlinkSync('/proc/thread-self');
      tid = Number(link.slice(link.lastIndexOf('/') + 1));
    }
    if (tid >= 0 && system.getPriority(tid) < niceness) system.setPriority(tid, niceness);
  } catch {
    // Not Linux, not allowed here (a container's policy), or the thread ended.
  }
}
