// Scheduling behind the keyboard. A frame is written synchronously when React commits (ink's
// render throttle is off, see dashboard.tsx), so by the time an effect runs the keystroke's
// frame is on the terminal. Work that may follow (a search, the selected article's body) waits
// one more turn of the event loop: keys that arrived meanwhile are read first, and when they
// supersede the work, its cleanup cancels it before it starts.

/**
 * Calls `fn` once input already waiting has been handled: an immediate queued from an immediate
 * runs in the next loop iteration, after that iteration's poll phase has read the terminal.
 * Returns a cancel function (idempotent).
 */
export function afterPendingInput(fn: () => void): () => void {
  let inner: NodeJS.Immediate | undefined;
  const outer = setImmediate(() => {
    inner = setImmediate(fn);
  });
  return () => {
    clearImmediate(outer);
    if (inner) clearImmediate(inner);
  };
}

/**
 * How long after the list's frame the selected article's body and inspector are laid out (ms):
 * below what a reader notices, and long enough for the terminal to show the moved cursor while
 * this process is idle (laying out a body takes ~5-15 ms of the CPU the terminal also needs).
 */
export const BODY_FOLLOW_MS = 16;

/** Calls `fn` after `ms` and then once input already waiting has been handled; returns a cancel function. */
export function afterQuiet(ms: number, fn: () => void): () => void {
  let cancel = (): void => {};
  const timer = setTimeout(() => {
    cancel = afterPendingInput(fn);
  }, ms);
  return () => {
    clearTimeout(timer);
    cancel();
  };
}

let lastFrameAt = -Infinity;

/** Notes that a frame was just committed (App calls it after every commit). */
export function frameCommitted(): void {
  lastFrameAt = performance.now();
}

/**
 * A key handled within this many ms of the last frame waited in the input queue while that frame
 * was made: the reader is ahead of the screen, and more keys may be waiting behind it.
 */
export const BEHIND_MS = 8;

/** Whether the input being handled now arrived while the last frame was being made. */
export function inputIsBehind(): boolean {
  return performance.now() - lastFrameAt < BEHIND_MS;
}

let lastInputAt = -Infinity;

/** Notes that the terminal's input was just read (key-tap.ts sees every read). */
export function inputRead(): void {
  lastInputAt = performance.now();
}

/**
 * How long background work done in turns on this thread (the search's warming steps) holds off
 * after the last input read, in ms: a key's answer takes several turns (its frame, its search, its
 * answer), and each waited for a step under way (at a million 15-30 ms, 50-100 under the start's
 * load), so keys typed as a 1M list filled took 100-450 ms. Typing a word keeps the steps off.
 */
export const KEYS_FIRST_MS = 150;

/**
 * Calls `fn` once no input was read for KEYS_FIRST_MS and input already waiting was handled
 * (afterPendingInput); returns a cancel function (idempotent).
 */
export function afterTyping(fn: () => void): () => void {
  let cancel = (): void => {};
  const check = (): void => {
    const quietFor = performance.now() - lastInputAt;
    if (quietFor >= KEYS_FIRST_MS) cancel = afterPendingInput(fn);
    else {
      const timer = setTimeout(check, KEYS_FIRST_MS - quietFor);
      cancel = () => clearTimeout(timer);
    }
  };
  check();
  return () => cancel();
}

/**
 * Calls `fn` after `ms` (as afterQuiet) unless input is read meanwhile: then once no input was
 * read for KEYS_FIRST_MS (as afterTyping). For work that a key typed meanwhile may make needless
 * and that must not hold that key's answer: the selected article's body follows its selection, but
 * a letter typed into the search line leaves the selection as it is until the search answers, and
 * at a million articles the body's follow (its story's members, its front matter read back) took
 * 60-70 ms of the UI thread ahead of the letter's search.
 */
export function afterSettled(ms: number, fn: () => void): () => void {
  const askedAt = performance.now();
  let cancel = (): void => {};
  const timer = setTimeout(() => {
    cancel = lastInputAt > askedAt ? afterTyping(fn) : afterPendingInput(fn);
  }, ms);
  cancel = () => clearTimeout(timer);
  return () => cancel();
}
