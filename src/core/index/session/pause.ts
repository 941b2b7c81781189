// How the index's long loops let the event loop run (session.ts, fresh-records.ts).

/**
 * Lets the event loop run during a long loop: the caller's policy (load/slices.ts yields once a
 * slice of time has passed). At 100k rows the stamp and record loops take seconds on a busy
 * machine; a UI reading keys on the same thread must get turns meanwhile.
 */
export type Pause = () => Promise<void> | void;

/** A Pause that never yields (a caller with no UI on its thread). */
export const noPause: Pause = () => {};

/** Rows between two calls of `pause` (a power of two less one: a mask). */
export const PAUSE_EVERY = 511;
