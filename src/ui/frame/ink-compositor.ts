// ink 6.8 builds every frame as a grid of cell objects (one per column and row, 4,800 at 120x40),
// tokenises every written line into styled cells, then turns each row of cells back into text:
// O(screen) work per frame, whatever changed. The panes here write rows that never overlap (each
// row is cut to its pane by the component drawing it), so a row of the frame is its written
// pieces side by side with spaces between: this builds that string directly from the same write
// operations, with ink's own widths (inkWidth in core/width) kept across frames. It also puts placed rows (placed-rows.ts) back
// in place of their references. When a frame is not of that simple shape (a horizontal clip, two
// pieces overlapping on a row), it hands the frame to ink's own code with the references
// expanded. It wraps Output.prototype.get in ink's build: it checks the shape it expects and
// does nothing when a different ink does not match (a test pins it).
import { inkWidth, steadyWidth } from '../../core/width/index.js';
import { withoutEscapes } from './escape-syntax.js';
import { expandMeasured, expandRefs, setRowRefs } from './placed-rows.js';
import { inkOutputPrototype } from './ink-output-class.js';
import { screenChanged } from './screen-version.js';

interface Clip {
  x1?: number;
  x2?: number;
  y1?: number;
  y2?: number;
}
type Operation =
  | { type: 'write'; x: number; y: number; text: string; transformers: Array<(line: string, index: number) => string> }
  | { type: 'clip'; clip: Clip }
  | { type: 'unclip' };
interface OutputLike {
  width: number;
  height: number;
  operations: Operation[];
}
type Get = (this: OutputLike) => { output: string; height: number };

let active = false;

/**
 * Turns the installed compositor on or off (off: ink builds every frame itself and rows are
 * handed to it as text), so its frames can be compared with ink's own.
 */
export function setCompositorActive(on: boolean): void {
  active = on;
  setRowRefs(on && process.env.INK_SCREEN_READER !== 'true');
}

/** Frames handed to ink's own code since start (a frame shape the fast path does not take). */
export const compositorStats = { fast: 0, handedBack: 0 };

// Columns of each line written, kept across frames (most lines of a frame were in the last one).
const widths = new Map<string, number>();
/** Lines whose width is kept; beyond it the cache starts again. */
export const KEPT_WIDTHS = 8_000;
/** Columns of a written line as ink counts them (string-width), kept across frames. */
export function lineColumns(text: string): number {
  let w = widths.get(text);
  if (w === undefined) {
    if (widths.size >= KEPT_WIDTHS) widths.clear();
    // A typed key brings a screenful of rows never measured (new highlights); most are text of
    // one-column units, whose width is their length once the escapes are out (ink's count
    // segments every grapheme: ~0.1 ms a row under load).
    const plain = withoutEscapes(text);
    w = steadyWidth(plain) ?? inkWidth(text);
    widths.set(text, w);
  }
  return w;
}

interface Piece {
  x: number;
  end: number;
  text: string;
  /** The line as written, its references not yet expanded (only for a line holding slots). */
  placed?: string;
}

// The last frame composed, kept so that rows whose slots changed can be built again without ink
// (recompose): each row's pieces, and the rows each slot is drawn in. Null after a frame handed
// back to ink.
let last: { rows: Piece[][]; slotRows: Map<number, number[]> } | null = null;

/** One frame's rows from its write operations, or null when it is not of the simple shape. */
function compose(o: OutputLike): string[] | null {
  last = null;
  screenChanged();
  const rows: Piece[][] = Array.from({ length: o.height }, () => []);
  const slotRows = new Map<number, number[]>();
  const clips: Clip[] = [];
  for (const op of o.operations) {
    if (op.type === 'clip') {
      if (typeof op.clip.x1 === 'number' && typeof op.clip.x2 === 'number') return null;
      clips.push(op.clip);
      continue;
    }
    if (op.type === 'unclip') {
      clips.pop();
      continue;
    }
    if (!op.text) continue;
    let { y } = op;
    let lines = op.text.split('\n');
    // ink's vertical clip, as Output.get does it.
    const clip = clips.at(-1);
    if (clip && typeof clip.y1 === 'number' && typeof clip.y2 === 'number') {
      if (y + lines.length < clip.y1 || y > clip.y2) continue;
      const from = y < clip.y1 ? clip.y1 - y : 0;
      const to = y + lines.length > clip.y2 ? clip.y2 - y : lines.length;
      lines = lines.slice(from, to);
      if (y < clip.y1) y = clip.y1;
    }
    for (let i = 0; i < lines.length; i++) {
      const row = rows[y + i];
      if (!row) break;
      let line = lines[i];
      for (const transform of op.transformers) line = transform(line, i);
      const written = line;
      let slotted = false;
      const placed = expandMeasured(line, lineColumns, (slot) => {
        slotted = true;
        const at = slotRows.get(slot);
        if (at) at.push(y + i);
        else slotRows.set(slot, [y + i]);
      });
      if (placed) line = placed.text;
      const w = placed ? placed.width : lineColumns(line);
      if (w === 0) continue;
      row.push({ x: op.x, end: op.x + w, text: line, ...(slotted ? { placed: written } : {}) });
    }
  }
  const out: string[] = [];
  for (const row of rows) {
    // Borders are written before the content between them: order by column.
    row.sort((a, b) => a.x - b.x);
    const text = rowText(row);
    if (text === null) return null;
    out.push(text);
  }
  last = { rows, slotRows };
  return out;
}

// A row of the frame from its pieces (ordered by column), or null when two overlap.
function rowText(row: readonly Piece[]): string | null {
  let text = '';
  let at = 0;
  for (const piece of row) {
    if (piece.x < at) return null;
    text += ' '.repeat(piece.x - at) + piece.text;
    at = piece.end;
  }
  return text.trimEnd();
}

/**
 * The rows of the last frame composed that show any of `slots`, built again with what the slots
 * hold now (placeInSlot): row index -> row text, as the next whole frame would compose them while
 * nothing else in it changes. Null when there is no such frame to build on (none yet, or the last
 * was handed back to ink), a slot is not in it, or a row no longer fits its pieces.
 */
export function recompose(slots: Iterable<number>): Map<number, string> | null {
  const built = recomposeAhead(slots);
  built?.keep();
  return built?.rows ?? null;
}

/**
 * The rows recompose would build if the slots held `ahead`'s texts (slot -> text; the others as
 * they are), without keeping them: `keep()` makes them the last frame's rows, as recompose does
 * (only while that frame is still the last: fast-frame.ts checks screenVersion first). Null as
 * recompose.
 */
export function recomposeAhead(slots: Iterable<number>, ahead?: ReadonlyMap<number, string>): { rows: Map<number, string>; keep(): void } | null {
  if (!active || !last) return null;
  const frame = last;
  const redo = new Set<number>();
  for (const slot of slots) {
    const at = frame.slotRows.get(slot);
    if (!at) return null;
    for (const y of at) redo.add(y);
  }
  const out = new Map<number, string>();
  const rebuilt = new Map<number, Piece[]>();
  for (const y of redo) {
    const row = frame.rows[y].map((p) => {
      if (p.placed === undefined) return p;
      const placed = expandMeasured(p.placed, lineColumns, undefined, ahead)!;
      return { ...p, end: p.x + placed.width, text: placed.text };
    });
    const text = rowText(row);
    if (text === null) return null;
    out.set(y, text);
    rebuilt.set(y, row);
  }
  return {
    rows: out,
    // Kept only once every row is built: a failed attempt leaves the last frame as it was.
    keep: () => {
      for (const [y, row] of rebuilt) frame.rows[y] = row;
      screenChanged();
    },
  };
}

function handBack(o: OutputLike, get: Get): { output: string; height: number } {
  compositorStats.handedBack += 1;
  for (const op of o.operations) {
    if (op.type === 'write') op.text = op.text.split('\n').map((l) => expandRefs(l, lineColumns)).join('\n');
  }
  return get.call(o);
}

/**
 * Installs the compositor on the installed ink's Output (idempotent) and turns placed rows on;
 * resolves false, changing nothing, when ink's Output is not of the expected shape. Rows stay off
 * under ink's screen-reader mode, which reads the tree instead of the frame.
 */
export async function installCompositor(): Promise<boolean> {
  const proto = await inkOutputPrototype<{ get?: unknown; composed?: true }>();
  if (!proto) return false;
  if (!proto.composed) {
    const get = proto.get as Get;
    proto.get = function (this: OutputLike) {
      if (!active || !Array.isArray(this.operations) || typeof this.height !== 'number') return get.call(this);
      const rows = compose(this);
      if (rows === null) return handBack(this, get);
      compositorStats.fast += 1;
      return { output: rows.join('\n'), height: rows.length };
    };
    proto.composed = true;
  }
  setCompositorActive(true);
  return true;
}
