// Full garbage collections asked for by the program, where V8 would not run one soon enough.
// A thread that allocates little after a burst of work keeps that work's garbage: V8 collects when
// the heap grows, and large typed arrays count only towards an external-memory limit (~64 MB above
// what the last collection left). Seen three times: a cold load's parse garbage beside the text
// build's threads (at 100k ~500 MB RSS against ~430 MB with one collection), a warm load's rows
// before the first full render (load/load.ts), and the facts worker, whose heap is a few MB while
// each count over a million ids leaves ~25 MB of arrays (at 1M articles 80-130 MB of them sat
// there after typing a word; BENCHMARKS.md). Node exposes no collection call without its
// `--expose-gc` flag, so the flag is set for the one moment V8 needs it to hand out `gc`.
import v8 from 'node:v8';
import vm from 'node:vm';
import { returnFreeMemory } from './malloc-trim.js';

// V8 frees the memory of the array buffers a collection found dead on a background task after it
// (its array buffer sweeper): the C heap is trimmed this long after, once they are back in it.
const TRIM_AFTER_MS = 50;
let trimQueued = false;

// Gives the C heap's free pages back a moment from now (malloc-trim.ts); calls meanwhile ask for the same one.
function returnFreeMemorySoon(): void {
  if (trimQueued) return;
  trimQueued = true;
  setTimeout(() => {
    trimQueued = false;
    returnFreeMemory();
  }, TRIM_AFTER_MS).unref();
}

// V8's `gc` as --expose-gc gives it: a full collection, or with `{ type: 'minor' }` a scavenge of the young generation.
type Collect = (options?: { type: 'minor' | 'major' }) => void;
let collect: Collect | null | undefined;

function collector(): Collect | null {
  if (collect !== undefined) return collect;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    collect = typeof gc === 'function' ? (gc as Collect) : null;
  } catch {
    collect = null;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
  return collect;
}

/**
 * Collects the heap's garbage now, on this thread (a full collection: ~0.2-0.5 s with 500 MB
 * live, a few ms for a worker's few MB), then, TRIM_AFTER_MS later, gives what the C heap holds free
 * back to the system (malloc-trim.ts: the typed arrays the collection freed leave holes in malloc's arenas); false
 * when Node gives no way to collect.
 */
export function collectGarbageNow(): boolean {
  const gc = collector();
  gc?.();
  returnFreeMemorySoon();
  return gc !== null;
}

let pending = false;

/**
 * Collects the heap's garbage (and returns the C heap's free pages, as collectGarbageNow) once the caller's current work is done (the next turn: what is
 * already waiting, a message or an input, runs first), never blocking it. Calls before then ask
 * for the same one collection.
 */
export function collectGarbageSoon(): void {
  const gc = collector();
  if (!gc || pending) return;
  pending = true;
  setImmediate(() => {
    pending = false;
    gc();
    returnFreeMemorySoon();
  }).unref();
}

/**
 * Empties the young generation now: a scavenge (~1-2 ms here with the semi-spaces kept small,
 * heap-growth.ts), for a thread about to wait for input. With semi-spaces of 1-2.5 MB a key's work
 * and the body that follows it fill them every key or two, and the next scavenge then ran inside
 * whatever came next; a key read during one waited for it (at 10k, `j` passes met 1-6 ms waits on
 * a third of their keys; BENCHMARKS.md, the forty-third round). False when Node gives no way to.
 */
export function collectYoungNow(): boolean {
  const gc = collector();
  gc?.({ type: 'minor' });
  return gc !== null;
}
