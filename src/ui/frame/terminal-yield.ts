// A moment of idleness after a key's answer is written, so the terminal can take it in. Bytes
// written to a pseudo-terminal reach the terminal program (tmux, a terminal emulator) only after
// the kernel's worker moves them across the pty and that program wakes, parses and draws them:
// two more tasks that need a core. A `j` drawn ahead (input/draw-ahead.ts) is written in ~0.05 ms
// and then this process goes on with the key's own handling (the reducer's step, the fast frame
// finding its rows drawn, the hold: ~0.3 ms of cold JavaScript), and its other threads may wake
// meanwhile. Measured in tmux on two loaded cores (10k articles, bench's control client, every
// process at the same real-time priority, so a woken task does not preempt a running one): our
// rows reached tmux 0.6-1.4 ms after we wrote them while the handling ran on, ~0.2-0.3 ms after
// when this process slept 0.5 ms right after the write; fzf goes idle after it writes. The same
// reason HOLD_MS holds React's render back (input/held-actions.ts), for the work before it.

/** How long the process sleeps after a key's answer drawn ahead is written (ms). */
export const YIELD_MS = 0.5;

// One cell nobody notifies: waiting on it sleeps the thread (a futex) until the timeout.
const cell = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
  Atomics.wait(cell, 0, 0, ms);
}

let pause: (ms: number) => void = sleep;

/**
 * Sleeps this thread for YIELD_MS (no JavaScript runs; keys that come meanwhile wait in the
 * terminal's buffer, in order). Called right after a key's answer is on its way to the terminal.
 */
export function yieldToTerminal(): void {
  pause(YIELD_MS);
}

/** Tests: replaces the sleep with `fn` (null: the sleep again). */
export function pauseWith(fn: ((ms: number) => void) | null): void {
  pause = fn ?? sleep;
}
