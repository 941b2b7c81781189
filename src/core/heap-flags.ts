// The V8 flags that bound the heap's growth, as the program holds them (its policy and why:
// src/heap-growth.ts), and the one time they are loosened: while a load parses many files on
// threads (load/parse-pool.ts parseAll), as a cold load does.
//
// Two facts of Node 20 shape this module. V8's flags are one set per process, and starting a
// worker thread resets them to the command line's, so the held flags are set again as each
// thread comes online (or ends without having come online).
//
// A cold load is where the bounds cost most: it builds every article while the parse's garbage
// streams through, and with the old generation grown by only 30% after each full collection the
// growing heap is marked again and again (and with the young generation held at its start-up
// size, each batch's records outlive their scavenges). Measured at 100k (the bench's cold child,
// CPU of every thread until the list, three alternating rounds at load 18-24): held 14.0 / 14.1 /
// 19.2 s; V8's own defaults 12.2 / 12.2 / 16.6 s for a peak RSS of ~390 MB (once 513) against
// ~310; the old generation doubling and the young one growing as V8 would (LOOSE below) 11.3 /
// 12.0 / 19.0 s for 369-412 MB (the cold target is 1.5x the corpus: ~465 MB). The load collects
// its garbage once it is done (collect-garbage.ts), under the held flags again.
// (The threads started while loosened still compile Node's internals from source: the code
// cache is only taken with every flag at its default, which V8's 4x old generation would be, at
// the price of the peak RSS above. So a cold load's parse threads, started ahead during its walk,
// start with every flag at its default instead: startWithDefaultFlags.)
import v8 from 'node:v8';
import type { Worker } from 'node:worker_threads';

// While loosened: the old generation may double between full collections (V8's default is a
// dynamic factor up to 4x, 0 here), and the semi-spaces double while most young objects survive
// (V8's default factor, 2).
const LOOSE = '--heap-growing-percent=100 --semi-space-growth-factor=2';

// V8's own values of the flags held (src/heap-growth.ts). While every flag has its default value,
// V8 takes the code cache Node embeds for its internals (it checks a hash of the flags' values): a
// thread's start measured at ~35 instead of ~62 ms of CPU (BENCHMARKS.md, the parse round).
const DEFAULTS = '--heap-growing-percent=0 --semi-space-growth-factor=2 --no-memory-reducer-single-gc';

// How often the flags are set again while a new thread starts, in ms.
const REAPPLY_MS = 1;

let held: string | null = null;
let loosened = 0;
let starting = 0;

function apply(flags: string): void {
  try {
    v8.setFlagsFromString(flags);
  } catch {
    // An engine without the flags keeps its own factors.
  }
}

const inForce = (): string | null => (starting > 0 ? DEFAULTS : loosened > 0 ? LOOSE : held);

/**
 * Sets V8 flags (`--name=value ...`) for this process and keeps them set across worker threads'
 * start-ups (except while a cold load has them loosened). Calling it again replaces them. Never throws.
 */
export function holdHeapFlags(flags: string): void {
  if (held === null) {
    const setAgain = (): void => {
      const flagsNow = inForce();
      if (flagsNow !== null) apply(flagsNow);
    };
    // V8 resets them as the new thread's isolate is made, within milliseconds of `new Worker`,
    // while `online` comes only after the thread's bootstrap (25-300 ms under load): so they are
    // set again every REAPPLY_MS this thread is free until then (src/heap-growth.ts), and on exit
    // too (a thread ended before it came online had reset them all the same).
    process.on('worker', (worker: Worker) => {
      const timer = setInterval(setAgain, REAPPLY_MS);
      // Never keeps the process alive on its own.
      timer.unref();
      const started = (): void => {
        clearInterval(timer);
        setAgain();
      };
      worker.once('online', started);
      worker.once('exit', started);
    });
  }
  held = flags;
  if (loosened === 0) apply(flags);
}

/**
 * Loosens the held flags (LOOSE) until the returned function is called; loads overlapping in
 * time each loosen and restore, and the held flags come back when the last is done. Does nothing
 * when no flags are held. The returned function may be called more than once.
 */
export function loosenHeapFlags(): () => void {
  if (held === null) return () => {};
  loosened += 1;
  if (loosened === 1) apply(LOOSE);
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    loosened -= 1;
    if (loosened === 0 && held !== null) apply(held);
  };
}

/**
 * Starts threads (`start` makes them and returns them) with V8's default flags in force until
 * each is online or has ended, so that they take Node's code cache; the flags in force before
 * (held, loosened) come back then. For threads that start while little else runs on this thread
 * (a cold load's parse threads, during its walk): its young generation may grow meanwhile, as it
 * does while loosened. Does only `start()` when no flags are held. Never throws but what `start` throws.
 */
export function startWithDefaultFlags(start: () => Worker[]): Worker[] {
  if (held === null) return start();
  starting += 1;
  apply(DEFAULTS);
  let left = 0;
  const started = (): void => {
    left -= 1;
    if (left > 0) return;
    starting -= 1;
    const flagsNow = inForce();
    if (flagsNow !== null) apply(flagsNow);
  };
  let workers: Worker[] = [];
  try {
    workers = start();
  } finally {
    left = workers.length + 1;
    for (const worker of workers) {
      let done = false;
      const once = (): void => void (!done && ((done = true), started()));
      worker.once('online', once);
      worker.once('exit', once);
    }
    started();
  }
  return workers;
}
