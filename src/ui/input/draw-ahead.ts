// The next key's answer worked out before the key comes. A cursor move's answer (two list rows and
// the title, fast-frame.ts) costs ~0.7 ms of JavaScript between the terminal's read and the write
// on a loaded machine (10k articles, bare pseudo-terminal; ~0.05 ms when the same code runs hot):
// a key comes every ~100 ms at most, so that code runs cold each time (V8 has not optimised it,
// the CPU's caches hold other work). fzf's Down reaches the terminal ~0.4 ms after the key. So
// while the screen holds still, the draws of the keys most likely next (`j`, `k`, Down, Up) are worked
// out: the reducer's step, the rows painted, the screen rows built, the bytes. When such a key
// comes in the state it was worked out for, its bytes are written first, then the key takes its
// usual way (the reducer, the fast frame, which finds its rows drawn, React after HOLD_MS). A
// draw is written only while nothing it built on changed (screen-version.ts): the slots, the
// frame composed, the rows on the terminal, the state.
import type { Key } from 'ink';
import type { AppState } from '../../state/reducer.js';
import { plainKey } from './key-tap.js';

/** A key as ink hands it over: its input and Key. */
export interface AheadKey {
  input: string;
  key: Key;
}

/**
 * The keys whose draws are worked out ahead: the list's cursor moves, the keys pressed most (`j`
 * and `k`, and Down and Up as ink hands them over: no input, the arrow set).
 */
export const AHEAD_KEYS: readonly AheadKey[] = [
  { input: 'j', key: plainKey('j') },
  { input: 'k', key: plainKey('k') },
  { input: '', key: { ...plainKey(''), downArrow: true } },
  { input: '', key: { ...plainKey(''), upArrow: true } },
];

/** How long the screen holds still before the draws are worked out (ms): after a key's own frames (HOLD_MS, the body). */
export const AHEAD_MS = 40;

/** One key's draw worked out ahead: for the key named `name` (aheadName) pressed in state `before`. */
export interface DrawAhead {
  name: string;
  before: AppState;
  /** Writes the draw; false, writing nothing, when the screen changed since (fast-frame.ts planPlaced). */
  draw: () => boolean;
}

/** Whether `key` is `input` alone: no modifier (the draws are worked out for the key as typed). */
function bare(key: Key): boolean {
  return !key.ctrl && !key.meta && !key.shift && !key.super && !key.hyper;
}

/** The name a draw is kept under: `down` or `up` for an arrow, else the input as typed (null key: the tap's lone character). */
export function aheadName(input: string, key: Key | null): string {
  if (key?.downArrow) return 'down';
  if (key?.upArrow) return 'up';
  return input;
}

/**
 * Writes the draw worked out for `input` (with `key`; null: the key alone, as the terminal's read
 * gave it) in `state`, if there is one and the screen is still what it was worked out on; true
 * when written.
 */
export function drawAheadFor(ahead: readonly DrawAhead[], input: string, key: Key | null, state: AppState): boolean {
  if (key && !bare(key)) return false;
  const name = aheadName(input, key);
  if (name === '') return false;
  for (const a of ahead) if (a.name === name && a.before === state) return a.draw();
  return false;
}

/**
 * The draws of AHEAD_KEYS in `before`: `step(input, key)` is the state the key leads to (or null
 * when it does nothing), `plan(before, after)` its draw (list-lane.ts planCursorMove) or null. A
 * state `step` gives for two keys (`j` and Down: the same move) is planned once, shared by both.
 */
export function drawsAhead(before: AppState, step: (input: string, key: Key) => AppState | null, plan: (before: AppState, after: AppState) => (() => boolean) | null): DrawAhead[] {
  const out: DrawAhead[] = [];
  const planned = new Map<AppState, (() => boolean) | null>();
  for (const { input, key } of AHEAD_KEYS) {
    const after = step(input, key);
    if (!after) continue;
    if (!planned.has(after)) planned.set(after, plan(before, after));
    const draw = planned.get(after);
    if (draw) out.push({ name: aheadName(input, key), before, draw });
  }
  return out;
}
