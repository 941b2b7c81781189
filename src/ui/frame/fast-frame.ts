// The list's answer to a key, drawn before React renders it. A cursor move changes two list rows
// and the list's title (a typed key the search line, the list and the status line); React
// re-running App's hooks, ink laying out and walking the whole tree, and the compositor building
// every row cost ~1-2 ms before those rows reach the terminal (list/list-lane.ts says which keys).
// Each of them is a placed row (placed-rows.ts): here its slot gets the new text, the compositor
// builds again only the screen rows that show those slots (recompose), and the frame writer
// writes what differs (patch). React's frame for the same key follows a moment later
// (input/held-actions.ts) and finds those rows already drawn; nothing on screen ever differs from
// what that frame shows, it only comes sooner. Without a writer (tests with ink-testing-library, a frame handed back to ink,
// placed rows off) nothing is drawn here and React's frame does it all, as before.
import { recompose, recomposeAhead } from './ink-compositor.js';
import { placeable, placeInSlot, slotText } from './placed-rows.js';
import { screenVersion } from './screen-version.js';
import { yieldToTerminal } from './terminal-yield.js';

/** Where the rows go: the FrameWriter the dashboard hands ink (planPatch: drawn ahead, planPlaced). */
export interface RowPatcher {
  patch(rows: ReadonlyMap<number, string>): boolean;
  /** A patch worked out now and written later; `keep(then)` calls `then` right after its bytes are written. */
  planPatch?(rows: ReadonlyMap<number, string>): { bytes: string; keep(then?: () => void): void } | null;
}

let writer: RowPatcher | null = null;

/** Sets (or with null clears) the writer fast frames are drawn through. */
export function drawFastFramesTo(w: RowPatcher | null): void {
  writer = w;
}

/** One placed row's new text: row `row` of the slot block `block` (slotBlock). */
export interface PlacedRow {
  block: number;
  row: number;
  text: string;
}

/**
 * Draws `rows` at once: each slot gets its text and the screen rows showing them are written.
 * True when drawn; false when they are left to the next frame (no writer, a row that cannot be
 * placed, or one not on the last frame composed). Slots filled before a false stay filled: the
 * next frame shows them anyway.
 */
export function drawPlaced(rows: readonly PlacedRow[]): boolean {
  if (!writer || rows.length === 0) return false;
  // Only the rows whose text changed are built again (a cursor move: two rows and the title of 35).
  const changed = rows.filter((r) => slotText(r.block + r.row) !== r.text);
  for (const r of changed) if (!placeInSlot(r.block, r.row, r.text)) return false;
  if (changed.length === 0) return true;
  const screen = recompose(changed.map((r) => r.block + r.row));
  return screen !== null && writer.patch(screen);
}

/**
 * `rows` worked out as drawPlaced would draw them now (their slots' texts, the screen rows built
 * again, the bytes), without placing or writing anything: the returned function does both, in a
 * few microseconds, lets the terminal take the bytes in (terminal-yield.ts) and gives true; or,
 * when anything the work built on changed since (a slot, a frame composed or written:
 * screen-version.ts), does nothing and gives false. Null when
 * drawPlaced would not draw them, or nothing in them differs from the slots.
 */
export function planPlaced(rows: readonly PlacedRow[]): (() => boolean) | null {
  if (!writer?.planPatch) return null;
  const changed = rows.filter((r) => slotText(r.block + r.row) !== r.text);
  if (changed.length === 0 || changed.some((r) => !placeable(r.row, r.text))) return null;
  const ahead = new Map(changed.map((r) => [r.block + r.row, r.text]));
  const screen = recomposeAhead(ahead.keys(), ahead);
  const patch = screen && writer.planPatch(screen.rows);
  if (!screen || !patch) return null;
  const [version, to] = [screenVersion(), writer];
  return () => {
    if (screenVersion() !== version || writer !== to) return false;
    // The bytes first, and the sleep right after them: the key's answer is out before anything
    // else is made for the key, and the terminal takes it in while this process sleeps, not while
    // the key's handling keeps a core (terminal-yield.ts). Placing the slots and keeping the rows
    // is bookkeeping for the next frame; it waits until after the sleep.
    patch.keep(yieldToTerminal);
    screen.keep();
    for (const r of changed) placeInSlot(r.block, r.row, r.text);
    return true;
  };
}
