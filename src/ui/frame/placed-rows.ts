// Rows that reach the screen without ink measuring them. ink measures every text node on every
// frame with string-width (a grapheme segmenter pass over each line, ~0.1 ms per 100-column row
// of non-ASCII text on this project's machines), whatever changed. A pane's pre-cut, pre-painted
// row is instead handed to ink as a reference: an OSC sequence (which string-width skips) naming
// the row, then as many spaces as the row is wide (ASCII, measured at once). The compositor
// (ink-compositor.ts) puts the row back in place of its reference when it builds the frame, so
// the reference never reaches the terminal. Without the compositor, refs are off and a row is
// handed to ink as itself.

// OSC 7457 is assigned to nothing; the payload is `id;width`.
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

function lookup(id: number): string | undefined {
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
  let at = line.indexOf(OPEN);
  if (at < 0) return line;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const end = line.indexOf(CLOSE, at);
    if (end < 0) break;
    const [idText, widthText] = line.slice(at + OPEN.length, end).split(';');
    const width = Number(widthText);
    const row = lookup(Number(idText)) ?? '';
    const pad = Math.max(0, width - measure(row));
    out += line.slice(from, at) + row + ' '.repeat(pad);
    // The reference's own spaces.
    from = Math.min(line.length, end + CLOSE.length + width);
    at = line.indexOf(OPEN, from);
  }
  return out + line.slice(from);
}
