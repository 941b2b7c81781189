// One full garbage collection after a bulk write of the index (a cold load). The load leaves
// the garbage of every parsed file on the heap (at 100k articles ~130 MB of a 200 MB heap, 70 MB
// live), and then allocates almost nothing while the full text is built on other threads, so V8
// never collects it: that idle heap beside the text threads was the cold run's peak (~500 MB RSS
// against ~430 MB with one collection; BENCHMARKS.md). Node exposes no collection call without
// its `--expose-gc` flag, so the flag is set for the one moment V8 needs it to hand out `gc`.
import v8 from 'node:v8';
import vm from 'node:vm';

type Collect = () => void;
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
 * live); false when Node gives no way to. For a warm load of a very large corpus, between the
 * index's rows read and the articles made (load/load.ts).
 */
export function collectGarbageNow(): boolean {
  const gc = collector();
  gc?.();
  return gc !== null;
}

/** Collects the heap's garbage once the caller's current work is done (the next turn), never blocking it. */
export function collectLoadGarbage(): void {
  const gc = collector();
  if (gc) setImmediate(gc).unref();
}
