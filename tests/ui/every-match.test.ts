import { describe, expect, it } from 'vitest';
import { idOrderSteps, ORDER_SLICE, type EveryMatch } from '../../src/ui/every-match.js';

// Runs the steps to the end: the order and how many steps it took.
function run(all: EveryMatch, slice?: number): { order: Int32Array; steps: number } {
  const steps = idOrderSteps(all, slice);
  for (let n = 1; ; n++) {
    const step = steps.next();
    if (step.done) return { order: step.value, steps: n };
  }
}

describe('idOrderSteps', () => {
  it('gives the distinct ids in increasing order, whatever the step size', () => {
    const ids = [9, 3, 3, 0, 7, 12, 9, 1];
    for (const slice of [1, 2, 3, 100, Infinity]) {
      expect([...run({ ids, total: ids.length, approximate: false }, slice).order]).toEqual([0, 1, 3, 7, 9, 12]);
    }
    expect([...run({ ids: [], total: 0, approximate: false }).order]).toEqual([]);
  });

  it('makes a big order in steps of at most ORDER_SLICE ids, and once per set of matches', () => {
    const n = 5 * ORDER_SLICE;
    const ids = Int32Array.from({ length: n }, (_, k) => n - 1 - k);
    const all = { ids, total: n, approximate: false };
    const first = run(all);
    expect(first.order.length).toBe(n);
    expect(first.order.every((id, k) => id === k)).toBe(true);
    // Four passes of five slices each, then the order.
    expect(first.steps).toBe(4 * 5 + 1);
    const again = run(all);
    expect(again.order).toBe(first.order);
    expect(again.steps).toBe(1);
  });
});
