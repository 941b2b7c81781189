// How far V8 lets the heap grow between collections, set as the program starts (V8 flags).
//
// Old generation: by default the growth factor after a full collection is dynamic, up to 4x,
// chosen from how fast the collector runs against the program: a warm 100k dashboard (~100 MB
// live once loaded) reading bodies and answering typed queries let its heap reach ~240 MB
// committed, half of it garbage, and peak RSS with it (~400 MB). A fixed factor (V8's
// `--heap-growing-percent`, which replaces the dynamic one in MemoryController::GrowingFactor)
// collects sooner. 30%: measured at 100k (bench child, warm, typed queries), peak RSS 256-267 MB
// against 264-278 at 50% and 244-257 at 20%, for 14 full collections in the run against 10 at
// 50% and 18 at 20% (BENCHMARKS.md, issue 10's memory sections).
//
// Young generation: V8 doubles the semi-spaces (up to 16 MB each, 32 MB committed and resident)
// whenever a scavenge finds most of the young objects alive, which a load building 100k articles
// does within its first second. A growth factor of 1 keeps them at the size they have (1-2.5 MB
// each after start-up): ~30 MB less at every moment after, for scavenges that each move as much
// as before but run more often (BENCHMARKS.md, issue 10's memory sections: CPU and key figures).
//
// Both flags are read each time V8 sizes a space, so setting them at start-up works as well as
// node's command line (which an npm bin cannot pass portably). But starting a worker thread resets
// V8's flags to the command line's (a Node behaviour, measured on 20.x: after `new Worker` the new
// space grew to 32 MB again), and the load, the text build, the facts and the read-ahead all start
// threads: so the flags are set again as each thread comes online, and the threads' own isolates
// run with them too.
//
// Setting them again on `online` alone left a window: V8 raises the young generation's factor
// back to 2 for the whole process as the new thread's isolate is made (Heap::ConfigureHeap clamps
// it), within milliseconds of `new Worker`, while `online` comes only after the thread's own
// bootstrap (25-300 ms on a loaded machine). A load keeps most of what it allocates in that time,
// and the young generation doubled once or twice in it (measured on the warm 100k load's one stat
// thread: 2 MB -> 4-16 MB, never shrunk again while the program is busy). So the flags are also
// set again every millisecond this thread is free until the new one is online (core/heap-flags.ts).
//
// It has a price: V8 checks the code cache Node embeds for its own modules against a hash of the
// flags, so once any flag is changed that cache is refused and every thread started afterwards
// compiles Node's internals from source (a thread's start measured at ~45 instead of ~21 ms of
// CPU; a warm 10k `--filter`, which starts one thread and answers from the index, used ~40 ms more
// CPU in all). A warm `--filter` therefore never sets them; the CLI sets them for the dashboard and
// for a --filter that loads the corpus (cli.ts, filter.ts).
//
// A load that parses many files on threads (a cold one) loosens both meanwhile (core/heap-flags.ts):
// held, they made a cold load's CPU until the list ~15% dearer at 100k.
//
// Idle collections: 8 s after a full collection that found the heap grown, when the program looks
// idle (a reader reading), V8's memory reducer (heap/memory-reducer.cc) compacts the whole old
// generation, then up to two more times 0.5 s apart. Each runs on the main thread, and a key that
// comes meanwhile waits: at 100k on a loaded machine the second and third took 752 and 552 ms
// where the first took 23 (BENCHMARKS.md, the late key at 100k); at 10k a pass of `j` met several
// keys of ~10 ms. `--no-memory-reducer` cannot be set once V8 is up (the reducer is made with the
// heap), but `--memory-reducer-single-gc` is read at each of its steps: one compaction, not three,
// after which idle memory is returned as before by the next growth's.
import { holdHeapFlags } from './core/heap-flags.js';

/** Heap growth allowed after a full collection, in percent of what it kept. */
export const HEAP_GROWING_PERCENT = 30;

/** Factor by which V8 may grow the young generation's semi-spaces (1: never past their start-up size). */
export const SEMI_SPACE_GROWTH_FACTOR = 1;

/** The V8 flags limitHeapGrowth sets, for `percent` of old-generation growth (and one idle compaction, above). */
export function heapFlags(percent = HEAP_GROWING_PERCENT): string {
  return `--heap-growing-percent=${percent} --semi-space-growth-factor=${SEMI_SPACE_GROWTH_FACTOR} --memory-reducer-single-gc`;
}

/**
 * Sets V8's heap growth for this process (see above) and keeps it set across worker threads'
 * start-ups (core/heap-flags.ts; a load parsing many files on threads loosens it meanwhile);
 * call before the corpus loads. Calling it again changes the percent. Never throws.
 */
export function limitHeapGrowth(percent = HEAP_GROWING_PERCENT): void {
  holdHeapFlags(heapFlags(percent));
}
