// HeldRows (load/held-rows.ts): a warm load's files whose rows the index held, by walk position.
import { describe, expect, it } from 'vitest';
import { HeldRows } from '../../../src/core/load/held-rows.js';

describe('HeldRows', () => {
  it('holds a position with its table row, index id and warnings', () => {
    const held = new HeldRows(4);
    held.hold(2, 0, 2 ** 33, []);
    held.hold(0, 1, 5, ['date guessed from file time']);
    expect([0, 1, 2, 3].map((i) => held.has(i))).toEqual([true, false, true, false]);
    expect([held.row(2), held.id(2), held.row(0), held.id(0)]).toEqual([0, 2 ** 33, 1, 5]);
    expect(held.warnings(2)).toEqual([]);
    expect(held.warnings(0)).toEqual(['date guessed from file time']);
  });
});
