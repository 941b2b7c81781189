// Rows that reach the screen without ink measuring them. ink measures every text node on every
// frame with string-width (a grapheme segmenter pass over each line, ~0.1 ms per 100-column row
// of non-ASCII text on this project's machines), whatever changed. A pane's pre-cut, pre-painted
// row is instead handed to ink as a reference: an OSC sequence (which string-width skips) naming
// the row, then as many spaces as the row is wide (ASCII, measured at once). The compositor
// (ink-compositor.ts) puts the row back in place of its reference when it builds the frame, so
// the reference never reaches the terminal. Without the compositor, refs are off and a row is
// handed to ink as itself.
import { screenChanged } from './screen-version.js';

// Rows placed by position (slotRef) go further: a pane's row N is always the same reference, and
// the slot it names holds the row's current text. When a keystroke changes what a pane shows but
// not its shape, the text ink holds does not change at all: React updates no text node, Yoga lays
// out nothing again, and only the slots' contents (read when the frame is composed) differ.

// OSC 7457 is assigned to nothing; the payload is `id;width` (`s` before the id: a slot).
const OPEN = '\x1b]7457;';
const CLOSE = '\x07';

let enabled = false;
let nextId = 1;
// Two generations: a row looked up while its generation ages is carried into the new one, so
// rows still on screen (every frame looks them up) survive and forgotten ones go.
let current = { byText: new Map<string, number>(), byId: new Map<number, string>() };
let previous = current;

/** Rows kept per generation before the older one is dropped (a 200x60 screen shows ~180). */
export const GENERATION_ROWS = 4_000;

/** Turns references on (the compositor is installed) or off. */
export function setRowRefs(on: boolean): void {
  enabled = on;
}

/** Whether rows are handed to ink as references. */
export function rowRefsOn(): boolean {
  return enabled;
}

function remember(text: string, id: number): void {
  if (current.byId.size >= GENERATION_ROWS) {
    previous = current;
    current = { byText: new Map(), byId: new Map() };
  }
  current.byText.set(text, id);
  current.byId.set(id, text);
}

/**
 * What to give ink for a painted row `text` that is at most `width` columns wide (by the
 * project's width rule): a reference `width` columns wide when refs are on, else the text.
 */
export function rowRef(text: string, width: number): string {
  if (!enabled || text.includes(CLOSE)) return text;
  let id = current.byText.get(text);
  if (id === undefined) {
    id = previous.byText.get(text) ?? nextId++;
    remember(text, id);
  }
  return `${OPEN}${id};${width}${CLOSE}${' '.repeat(width)}`;
}

// Slot contents by slot number: a PaintedRows instance's rows (slotBase) plus the row's index.
const slots = new Map<number, string>();
// Per block, one past the highest row it has held (what releaseSlots clears).
const blockRows = new Map<number, number>();
let nextBlock = 1;
/** Rows one block of slots holds; a longer column of rows gives the rows past it text refs. */
export const SLOT_ROWS = 4096;

/** A new block of SLOT_ROWS slots for one column of rows (one per mounted PaintedRows). */
export function slotBlock(): number {
  return nextBlock++ * SLOT_ROWS;
}

/** Forgets the contents of a block's slots (its rows are no longer drawn). */
export function releaseSlots(block: number): void {
  const n = blockRows.get(block) ?? 0;
  for (let i = 0; i < n; i++) slots.delete(block + i);
  blockRows.delete(block);
  screenChanged();
}

// A slot's new text (a change of what the next frame shows is noted: screen-version.ts).
function setSlot(block: number, row: number, text: string): void {
  if (slots.get(block + row) !== text) {
    slots.set(block + row, text);
    screenChanged();
  }
  if ((blockRows.get(block) ?? 0) <= row) blockRows.set(block, row + 1);
}

/**
 * What to give ink for row `row` of the column of rows `block` (slotBlock), now showing `text`
 * (at most `width` columns): a reference to the slot, the same string whatever the row shows, when
 * refs are on; else as rowRef. The slot holds `text` until the row is drawn again.
 */
export function slotRef(block: number, row: number, text: string, width: number): string {
  if (!enabled || text.includes(CLOSE) || row >= SLOT_ROWS) return rowRef(text, width);
  setSlot(block, row, text);
  return `${OPEN}s${block + row};${width}${CLOSE}${' '.repeat(width)}`;
}

/**
 * Puts `text` in slot `row` of `block` with no new reference: the row already placed there shows
 * it from the next frame composed (fast-frame.ts draws it at once). False, changing nothing, when
 * it cannot be placed so (refs off, a BEL in it, past the block).
 */
export function placeInSlot(block: number, row: number, text: string): boolean {
  if (!enabled || text.includes(CLOSE) || row >= SLOT_ROWS) return false;
  setSlot(block, row, text);
  return true;
}

/** What slot `slot` (a block plus a row) holds now; undefined when nothing was placed there. */
export function slotText(slot: number): string | undefined {
  return slots.get(slot);
}

/** Whether `text` can be placed in slot `row` of a block (placeInSlot would take it). */
export function placeable(row: number, text: string): boolean {
  return enabled && !text.includes(CLOSE) && row < SLOT_ROWS;
}

function lookup(idText: string, ahead?: ReadonlyMap<number, string>): string | undefined {
  if (idText.charCodeAt(0) === 0x73 /* s */) {
    const slot = Number(idText.slice(1));
    return ahead?.get(slot) ?? slots.get(slot);
  }
  const id = Number(idText);
  const mine = current.byId.get(id);
  if (mine !== undefined) return mine;
  const old = previous.byId.get(id);
  if (old !== undefined) remember(old, id);
  return old;
}

/**
 * `line` with every reference replaced by its row, padded with spaces to the reference's width
 * (`measure` gives a row's columns); a line without references is returned as it is.
 */
export function expandRefs(line: string, measure: (text: string) => number): string {
  return expandMeasured(line, measure)?.text ?? line;
}

/**
 * `line` expanded as by expandRefs and its columns (`measure` of each piece: the text between
 * references and each row, a row padded to its reference's width), or null when it holds no
 * reference; `onSlot` is told each slot it places; `ahead` (slot -> text) stands in for what
 * those slots hold (a draw worked out before it is placed). The compositor takes the width from here: measuring the expanded line whole would
 * look up (and hash) a new string per placed row on every frame.
 */
export function expandMeasured(
  line: string,
  measure: (text: string) => number,
  onSlot?: (slot: number) => void,
  ahead?: ReadonlyMap<number, string>,
): { text: string; width: number } | null {
  let at = line.indexOf(OPEN);
  if (at < 0) return null;
  let out = '';
  let width = 0;
  let from = 0;
  while (at >= 0) {
    const end = line.indexOf(CLOSE, at);
    if (end < 0) break;
    const payload = line.slice(at + OPEN.length, end);
    const semi = payload.indexOf(';');
    const refWidth = Number(payload.slice(semi + 1));
    const idText = payload.slice(0, semi);
    if (onSlot && idText.charCodeAt(0) === 0x73 /* s */) onSlot(Number(idText.slice(1)));
    const row = lookup(idText, ahead) ?? '';
    const rowWidth = measure(row);
    const head = line.slice(from, at);
    if (head !== '') width += measure(head);
    width += Math.max(refWidth, rowWidth);
    out += head + row + ' '.repeat(Math.max(0, refWidth - rowWidth));
    // The reference's own spaces.
    from = Math.min(line.length, end + CLOSE.length + refWidth);
    at = line.indexOf(OPEN, from);
  }
  const tail = line.slice(from);
  if (tail !== '') width += measure(tail);
  return { text: out + tail, width };
}
