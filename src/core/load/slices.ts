// Long loops of a load hand the event loop a turn every few milliseconds: on a warm start at
// 100k articles checking the index's rows and making the articles took seconds of one unbroken
// task on a busy machine, while the dashboard on the same thread could answer no key, no resize
// and no Ctrl-C (ink reads keys and Node runs signal handlers only between tasks).
import type { Pause } from '../index/index.js';

/** How long a loop runs before it yields, in ms: well under a frame people notice (~50 ms). */
export const SLICE_MS = 12;

/**
 * A Pause (index/session/pause.ts) that yields to the event loop (setImmediate: after pending I/O such
 * as key presses and signals) once SLICE_MS have passed since the last yield, else does nothing.
 */
export function timeSlices(ms = SLICE_MS): Pause {
  let since = performance.now();
  return () => {
    if (performance.now() - since < ms) return;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}
