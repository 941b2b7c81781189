// How V8 compiles while a load parses many files on threads. A parse thread's first ~2,000 files
// cost 100-250 us each against ~40-50 once warm, and that is TurboFan compiling the hot code, not
// deoptimising it (BENCHMARKS.md, the parse threads' tenth round). Without inlining it compiles
// less: ~12% less CPU over a thread's first 5,000 files (a 10k load), the same per file after
// (48-52 us a file over 30,000 files either way). V8's flags are one set per process, so the
// load's own thread compiles that way meanwhile too.
import v8 from 'node:v8';

let depth = 0;

function apply(flags: string): void {
  try {
    v8.setFlagsFromString(flags);
  } catch {
    // An engine without the flag compiles as it does.
  }
}

/**
 * Turns TurboFan's inlining off until the returned function is called (calls may overlap: it
 * comes back on when the last is done). Inlining on is V8's default, so threads started after
 * still take Node's code cache (core/heap-flags.ts). The returned function may be called more
 * than once. Never throws.
 */
export function compileWithoutInlining(): () => void {
  depth += 1;
  if (depth === 1) apply('--no-turbo-inlining');
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    depth -= 1;
    if (depth === 0) apply('--turbo-inlining');
  };
}

/**
 * Turns TurboFan's inlining off once `ready` settles (e.g. a thread started before has come
 * online: a thread started while a flag differs from V8's default compiles Node's own modules
 * from source instead of taking their code cache, heap-flags.ts), until the returned function is
 * called or a worker thread is started in this process, whichever comes first: a thread started
 * meanwhile finds V8's defaults back by its bootstrap. Called before `ready` settles, the returned
 * function keeps the flags from changing at all. It may be called more than once. Never throws.
 */
export function compileWithoutInliningOnce(ready: Promise<unknown>): () => void {
  let restore: (() => void) | null = null;
  let ended = false;
  const back = (): void => {
    ended = true;
    process.off('worker', back);
    restore?.();
  };
  void ready.then(() => {
    if (ended) return;
    restore = compileWithoutInlining();
    process.once('worker', back);
  });
  return back;
}
