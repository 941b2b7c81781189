// The freshness check decides from the stamp columns alone which walked files the index still
// describes: same path, size, mtime, device and inode. Rows in walk order take the fast path,
// rows out of order (files added later, rows replaced) the Map; both must give the same answer.
import { describe, expect, it } from 'vitest';
import { assumeUnchanged, checkFreshness, compareStamps, duplicatePositions, matchStamps, sameAsStamps, type MatchedStamps, type StampRow } from '../../../src/core/index/freshness.js';

const FIELDS = 4;
const paths = ['/n/a.md', '/n/b.md', '/n/c.md', '/n/d.md'];
// size, mtime, dev, ino per path; c.md could not be stat-ed (-1).
const stats = Float64Array.from([10, 1000, 1, 11, 20, 2000, 1, 12, -1, 0, 0, 0, 40, 4000, 1, 14]);
const row = (id: number, p: string, size: number, mtime: number, ino: number): StampRow => [id, p, size, mtime, 1, ino];

describe('checkFreshness', () => {
  const rows = [row(1, '/n/a.md', 10, 1000, 11), row(2, '/n/b.md', 20, 2001, 12), row(3, '/n/c.md', 30, 3000, 13), row(4, '/n/gone.md', 5, 5, 99), row(5, '/n/d.md', 40, 4000, 14)];

  it('keeps rows whose stamp matches, parses the rest again, and names rows whose file is gone', () => {
    const got = checkFreshness(paths, stats, FIELDS, rows);
    expect([...got.rowOf]).toEqual([1, -1, -1, 5]);
    expect(got.stale).toEqual([1, 2]);
    expect(got.gone).toEqual(['/n/gone.md']);
  });

  it('gives the same answer whatever order the rows come in', () => {
    const reversed = checkFreshness(paths, stats, FIELDS, [...rows].reverse());
    expect(reversed).toEqual(checkFreshness(paths, stats, FIELDS, rows));
  });

  it('a renamed file (same inode, size and mtime under another path) is not fresh', () => {
    const got = checkFreshness(['/n/renamed.md'], Float64Array.from([10, 1000, 1, 11]), FIELDS, [row(1, '/n/a.md', 10, 1000, 11)]);
    expect([...got.rowOf]).toEqual([-1]);
    expect(got.gone).toEqual(['/n/a.md']);
  });
});

describe('assumeUnchanged', () => {
  it("gives what compareStamps gives when every stat is its row's stamp, from the stamps alone", () => {
    const stored = [row(7, '/n/b.md', 20, 2000, 12), row(3, '/n/a.md', 10, 1000, 11), row(9, '/n/d.md', 40, 4000, 14)];
    const walked = ['/n/a.md', '/n/b.md', '/n/c.md', '/n/d.md'];
    const matched = matchStamps(walked, stored);
    const assumed = assumeUnchanged(matched, FIELDS);
    // c.md has no row: -1, and no stat stands in for it.
    expect([...assumed.rowOf]).toEqual([3, 7, -1, 9]);
    expect([...assumed.stats]).toEqual([10, 1000, 1, 11, 20, 2000, 1, 12, -1, -1, -1, -1, 40, 4000, 1, 14]);
    expect(compareStamps(matched, assumed.stats, FIELDS).rowOf).toEqual(assumed.rowOf);
  });
});

// Rows one per walked path in its order (a current snapshot's): the fast paths' case.
const inOrder = [row(3, '/n/a.md', 10, 1000, 11), row(7, '/n/b.md', 20, 2000, 12), row(8, '/n/c.md', 30, 3000, 13), row(9, '/n/d.md', 40, 4000, 14)];
const inOrderStats = Float64Array.from([10, 1000, 1, 11, 20, 2000, 1, 12, 30, 3000, 1, 13, 40, 4000, 1, 14]);
// The same match as if its rows had not come in the walk's order (the general loops).
const notInOrder = (m: MatchedStamps): MatchedStamps => ({ ...m, walkOrder: false });

describe('assumeUnchanged in the walk order', () => {
  it('gives what the row-by-row copy gives, in arrays of its own', () => {
    const matched = matchStamps(paths, inOrder);
    expect(matched.walkOrder).toBe(true);
    const fast = assumeUnchanged(matched, FIELDS);
    const slow = assumeUnchanged(notInOrder(matched), FIELDS);
    expect([...fast.rowOf]).toEqual([...slow.rowOf]);
    expect([...fast.stats]).toEqual([...slow.stats]);
    expect([...fast.stats]).toEqual([...inOrderStats]);
    // Copies: writing them leaves the match as it was.
    fast.rowOf[0] = -1;
    fast.stats[0] = -1;
    expect(matched.ids[0]).toBe(3);
    expect(matched.numbers[0]).toBe(10);
  });
});

describe('sameAsStamps', () => {
  it('is true only when every stat is its row’s stamp, rows in the walk’s order: what compareStamps finds fresh', () => {
    const matched = matchStamps(paths, inOrder);
    expect(sameAsStamps(matched, inOrderStats, FIELDS)).toBe(true);
    expect(compareStamps(matched, inOrderStats, FIELDS).stale).toEqual([]);
    // Any one number that differs (a size, an mtime, a device, an inode), or a file not stat-ed.
    for (let k = 0; k < inOrderStats.length; k++) {
      const changed = inOrderStats.slice();
      changed[k] = k % 4 === 0 ? -1 : changed[k] + 0.5;
      expect(sameAsStamps(matched, changed, FIELDS), `number ${k}`).toBe(false);
      expect(compareStamps(matched, changed, FIELDS).stale).toEqual([Math.floor(k / 4)]);
    }
  });

  it('does not answer (false) for rows out of the walk’s order, a row gone, or stats of another length', () => {
    expect(sameAsStamps(notInOrder(matchStamps(paths, inOrder)), inOrderStats, FIELDS)).toBe(false);
    const withGone = matchStamps(paths, [...inOrder, row(10, '/n/gone.md', 1, 1, 99)]);
    expect(sameAsStamps(withGone, inOrderStats, FIELDS)).toBe(false);
    expect(sameAsStamps(matchStamps(paths.slice(0, 3), inOrder.slice(0, 3)), inOrderStats, FIELDS)).toBe(false);
  });
});

describe('duplicatePositions', () => {
  it('names the later positions of a file reached twice (same device and inode), loaded files only', () => {
    // a and c are one file through a link; d has c's inode on another device; b did not load.
    const st = Float64Array.from([10, 1, 1, 11, 10, 1, 1, 11, 10, 1, 1, 11, 10, 1, 2, 11]);
    expect([...duplicatePositions(st, Int32Array.from([1, -1, 3, 4]), FIELDS)]).toEqual([2]);
    expect([...duplicatePositions(st, Int32Array.from([-1, 2, 3, 4]), FIELDS)]).toEqual([2]);
    expect([...duplicatePositions(stats, Int32Array.from([1, 2, -1, 4]), FIELDS)]).toEqual([]);
  });
});
