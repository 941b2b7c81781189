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
import { recompose } from './ink-compositor.js';
import { placeInSlot, slotText } from './placed-rows.js';

/** Where the rows go: the FrameWriter the dashboard hands ink. */
export interface RowPatcher {
  patch(rows: ReadonlyMap<number, string>): boolean;
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
