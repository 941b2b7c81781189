import { describe, expect, it } from 'vitest';
import { paintedWindow, type RowLook } from '../../../src/ui/list/painted-window.js';
import { lookOf, rowText } from '../../../src/ui/list/row-paint.js';
import { article, hit } from '../factory.js';

const NOW = Date.UTC(2025, 10, 14, 12);
const corpus = [0, 1, 2].map((i) => article(i, { title: `Bitcoin story number ${i}` }));

// ArticleList's looks for a window (rowLooks), counted: what the cache saves is their making.
function counted() {
  let made = 0;
  const make = (hits: ReturnType<typeof hit>[]) => (): RowLook[] => {
    made += 1;
    return hits.map((h) => {
      const row = { hit: h, article: corpus[h.id], date: '12h', dateW: 3, sourceW: 12, width: 60, marked: false, multi: false, reading: null, story: undefined };
      return { ...row, look: lookOf(row) };
    });
  };
  return { make, made: () => made };
}

describe('paintedWindow', () => {
  it('keeps a window’s looks and painted rows for the same hits and deps, and paints them as rowText does', () => {
    const hits = [hit(0, [[0, 2]]), hit(1), hit(2)];
    const deps = [10, NOW, 60];
    const { make, made } = counted();
    const first = paintedWindow(hits, deps, make(hits));
    const rows = first.rows(0, 1, true);
    expect(rows).toEqual(first.looks.map((look, i) => rowText({ ...look, selected: i === 1, focused: true })));
    // The same hits again in a new array (a window sliced again from the same answer): nothing made or painted again.
    const again = paintedWindow(hits.slice(), [10, NOW, 60], make(hits));
    expect(again).toBe(first);
    expect(made()).toBe(1);
    expect(again.rows(0, 1, true)).toBe(rows);
    // Cursor and focus are the rows' business: other rows, the same looks.
    expect(again.rows(0, 0, true)[0]).toBe(rowText({ ...first.looks[0], selected: true, focused: true }));
    expect(again.rows(0, 0, false)).toEqual(first.looks.map((look, i) => rowText({ ...look, selected: i === 0, focused: false })));
    expect(again.rows(0, 0, false)).not.toBe(again.rows(0, 0, true));
    // A cursor outside the window (the window starts further down) selects no row.
    expect(again.rows(5, 1, true)).toEqual(first.looks.map((look) => rowText({ ...look, selected: false, focused: true })));
  });

  it('makes the looks again when a hit or a dep differs (a new search answer, a resize, a reading change)', () => {
    const hits = [hit(0), hit(1)];
    const { make, made } = counted();
    const first = paintedWindow(hits, [10, 'a'], make(hits));
    // The same ids from another search are other Hit objects (their highlights may differ).
    const other = [hits[0], hit(1)];
    expect(paintedWindow(other, [10, 'a'], make(other))).not.toBe(first);
    expect(paintedWindow(hits, [10, 'b'], make(hits))).not.toBe(first);
    expect(paintedWindow(hits, [11, 'a'], make(hits))).not.toBe(first);
    expect(made()).toBe(4);
    // The first is still kept beside them.
    expect(paintedWindow(hits, [10, 'a'], make(hits))).toBe(first);
    expect(made()).toBe(4);
  });

  it('makes an empty window each time, and paints no row for it', () => {
    const { make, made } = counted();
    expect(paintedWindow([], [1], make([])).rows(0, 0, true)).toEqual([]);
    paintedWindow([], [1], make([]));
    expect(made()).toBe(2);
  });
});
