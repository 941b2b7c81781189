// RowStamps (index/freshness.ts): the stored rows' stamps a load checks its files against, as columns.
import { describe, expect, it } from 'vitest';
import { RowStamps } from '../../../src/core/index/freshness.js';

// size, mtime, dev, ino as statPaths lays them out (STAT_FIELDS numbers a file; the first four compared).
const stat = (...s: number[]): Float64Array => Float64Array.from(s);

describe('RowStamps', () => {
  it("gives a row's id only while the file's stamp is the stored one", () => {
    const rows = new RowStamps(1);
    rows.set('/a.md', 7, 100, 1.5e12 + 0.25, 64769, 2 ** 40 + 3);
    expect(rows.fresh('/a.md', stat(100, 1.5e12 + 0.25, 64769, 2 ** 40 + 3), 0)).toBe(7);
    expect(rows.fresh('/a.md', stat(101, 1.5e12 + 0.25, 64769, 2 ** 40 + 3), 0)).toBe(-1);
    expect(rows.fresh('/a.md', stat(100, 1.5e12, 64769, 2 ** 40 + 3), 0)).toBe(-1);
    expect(rows.fresh('/a.md', stat(100, 1.5e12 + 0.25, 1, 2 ** 40 + 3), 0)).toBe(-1);
    expect(rows.fresh('/a.md', stat(100, 1.5e12 + 0.25, 64769, 2 ** 40 + 4), 0)).toBe(-1);
    expect(rows.fresh('/b.md', stat(100, 1.5e12 + 0.25, 64769, 2 ** 40 + 3), 0)).toBe(-1);
  });

  it('reads the stamp at an offset, grows past its capacity and replaces a path set again', () => {
    const rows = new RowStamps(2);
    for (let k = 0; k < 100; k++) rows.set(`/f${k}.md`, k + 1, k, k * 10, 1, k + 1000);
    rows.set('/f3.md', 500, 3, 30, 1, 1003);
    expect(rows.size).toBe(100);
    const stats = stat(-1, -1, -1, -1, 3, 30, 1, 1003);
    expect(rows.fresh('/f3.md', stats, 4)).toBe(500);
    expect(rows.fresh('/f99.md', stat(99, 990, 1, 1099), 0)).toBe(100);
    expect(rows.idRange()).toEqual([1, 500]);
  });

  it('forgets deleted rows: ids() names only the rows left', () => {
    const rows = new RowStamps();
    rows.set('/a.md', 1, 1, 1, 1, 1);
    rows.set('/b.md', 2, 1, 1, 1, 1);
    rows.set('/c.md', 3, 1, 1, 1, 1);
    rows.delete('/b.md');
    expect(rows.size).toBe(2);
    expect(rows.ids().sort()).toEqual([1, 3]);
    expect(rows.fresh('/b.md', stat(1, 1, 1, 1), 0)).toBe(-1);
    rows.clear();
    expect(rows.size).toBe(0);
    expect(rows.idRange()).toEqual([0, -1]);
  });
});
