// How far V8 lets the heap grow past what the last full collection kept. By default the factor is
// dynamic, up to 4x, chosen from how fast the collector runs against the program: a warm 100k
// dashboard (~100 MB live once loaded) reading bodies and answering typed queries let its heap
// reach ~240 MB committed, half of it garbage, and peak RSS with it (~400 MB). A fixed 50% (V8's
// `--heap-growing-percent`, which replaces the dynamic factor in MemoryController::GrowingFactor)
// collects sooner: ~300 MB peak for about twice as many full collections (9 against 4 in that
// run, ~0.1 s more of pauses). Lower factors measured no lower peak and many more collections
// (20%: 15). BENCHMARKS.md, issue 10's memory section, has the figures.
// The flag is read each time V8 sets its next limit, so setting it at start-up works as well as
// node's command line, which an npm bin cannot pass portably; V8 flags are per process, so the
// threads started later share it.
// It has a price: V8 checks the code cache Node embeds for its own modules against a hash of the
// flags, so once any flag is changed that cache is refused and every thread started afterwards
// compiles Node's internals from source (a thread's start measured at ~45 instead of ~21 ms of
// CPU; a warm 10k `--filter`, which starts one thread and answers from the index, used ~40 ms more
// CPU in all). A warm `--filter` therefore never sets it; the CLI sets it for the dashboard and
// for a --filter that loads the corpus (cli.ts, filter.ts).
import v8 from 'node:v8';

/** Heap growth allowed after a full collection, in percent of what it kept. */
export const HEAP_GROWING_PERCENT = 50;

/** Sets V8's heap growth factor for this process (see above); call before the corpus loads. Never throws. */
export function limitHeapGrowth(percent = HEAP_GROWING_PERCENT): void {
  try {
    v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  } catch {
    // An engine without the flag keeps its own factor.
  }
}
