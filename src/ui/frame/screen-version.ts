// A count of the changes to what the next frame builds on: a slot's text (placed-rows.ts), the
// frame the compositor last composed (ink-compositor.ts), the rows the frame writer last put on
// the terminal (frame-writer.ts). A draw worked out ahead (fast-frame.ts planPlaced) is written
// only while the count is the one it was worked out at: anything drawn or placed since may be on
// the rows it would write, and its bytes would then leave the screen unlike the frame.

let version = 0;
let still: (() => void) | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let armedAt = -1;
let quietMs = 0;

/** Notes a change to the slots, the composed frame or the screen. */
export function screenChanged(): void {
  version += 1;
  if (still && !timer) arm();
}

/** The current count: equal counts mean nothing the next frame builds on changed between them. */
export function screenVersion(): number {
  return version;
}

function arm(): void {
  armedAt = version;
  timer = setTimeout(check, quietMs);
  timer.unref?.();
}

// Once the screen has held still for `quietMs` (no change since the timer was set), `still` runs.
function check(): void {
  timer = null;
  if (!still) return;
  if (version !== armedAt) arm();
  else still();
}

/**
 * Runs `fn` once the screen has held still for `ms` after a change (and once `ms` from now), until
 * called again with null: App works out the next keys' draws then (input/draw-ahead.ts). The timer
 * never keeps the process alive.
 */
export function whenScreenStill(fn: (() => void) | null, ms = 0): void {
  still = fn;
  quietMs = ms;
  if (timer) clearTimeout(timer);
  timer = null;
  if (fn) arm();
}
