// A window of list rows painted once per answer. A typed key's rows are painted where the key is
// read (list-lane.ts drawTyped) and again in React's render of the same key (ArticleList), and a
// backspace or a word typed again brings back an answer shown before (use-search.ts keeps the
// recent ones, their hits the same objects): each of those looked up every row's marks, date and
// look and the row's painted text again, ~0.5-0.8 ms of the ~1.2-2 ms from a typed key's read to
// its rows written at 10k. The window's looks and painted rows are kept with its hits instead.
import type { Hit } from '../../core/search/index.js';
import { rowText, type RowProps } from './row-paint.js';

/** One row's props but the cursor and focus (ArticleList's rowLooks), its `look` made. */
export type RowLook = Omit<RowProps, 'selected' | 'focused'>;

/** Looks and painted rows kept per window (windows of one answer start at one hit: a scroll, a resize). */
const WINDOWS_PER_HIT = 4;
/** Painted variants kept per window: the cursor on one of its rows or none, focused or not. */
const PAINTS_PER_WINDOW = 8;

/** The rows of one window of hits: their looks, and their painted text per cursor and focus. */
export class PaintedWindow {
  private readonly painted = new Map<number, readonly string[]>();

  constructor(
    readonly hits: readonly Hit[],
    readonly deps: readonly unknown[],
    readonly looks: readonly RowLook[],
  ) {}

  /**
   * The rows painted with the cursor at `cursor` (an index in the whole list; the window starts
   * at `start`) and the list focused or not; the same array for the same arguments.
   */
  rows(start: number, cursor: number, focused: boolean): readonly string[] {
    const at = cursor - start;
    const selected = at >= 0 && at < this.looks.length ? at : -1;
    const key = selected * 2 + (focused ? 1 : 0);
    let rows = this.painted.get(key);
    if (rows === undefined) {
      if (this.painted.size >= PAINTS_PER_WINDOW) this.painted.clear();
      rows = this.looks.map((look, i) => rowText({ ...look, selected: i === selected, focused }));
      this.painted.set(key, rows);
    }
    return rows;
  }
}

// Windows by their first hit. A Hit lives as long as the answer holding it (the list's state, the
// search's recent answers), and these with it.
const windows = new WeakMap<Hit, PaintedWindow[]>();

/**
 * The window showing `hits` whose looks depend on nothing but `deps` besides them (compared one by
 * one, by identity): the one made before for the same hits and deps, or a new one with `make()`'s
 * looks. An empty window is made anew each time (nothing to key it on; nothing to paint).
 */
export function paintedWindow(hits: readonly Hit[], deps: readonly unknown[], make: () => RowLook[]): PaintedWindow {
  const first = hits[0];
  if (first === undefined) return new PaintedWindow(hits, deps, make());
  const kept = windows.get(first) ?? [];
  const found = kept.find((w) => sameItems(w.hits, hits) && sameItems(w.deps, deps));
  if (found) return found;
  const made = new PaintedWindow(hits, deps, make());
  if (kept.length >= WINDOWS_PER_HIT) kept.shift();
  kept.push(made);
  windows.set(first, kept);
  return made;
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
