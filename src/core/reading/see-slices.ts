// The pace of a first sight in slices (Reading.seeInSlices): how big each slice is, so that keys
// typed meanwhile wait little.

/** Articles from which a first sight reads the state's rows in order when they are not many more (seeInSlices). */
export const SCAN_FROM = 10_000;

/** The time a first sight's slice aims at, in ms: a key typed meanwhile waits at most about this long. */
export const SLICE_MS = 15;

/**
 * The next slice's size after `done` articles took `ms`: as many as SLICE_MS holds at that pace, at
 * most `max`. Articles never seen cost an insert each (~20-30 us: 2,000 took ~45-60 ms at a first
 * run's million), those seen before a lookup (~2-5 us).
 */
export function nextSlice(done: number, ms: number, max: number): number {
  return ms <= SLICE_MS ? max : Math.max(1, Math.min(max, Math.floor((done * SLICE_MS) / ms)));
}
