import { describe, expect, it } from 'vitest';
import { stepEnds } from '../../../src/core/search/engine/prepare-steps.js';

describe("prepare's steps (stepEnds)", () => {
  it('cover every article once, in order, the first steps smaller than the rest', () => {
    for (const size of [0, 1, 249, 250, 251, 1_750, 1_751, 100_000]) {
      const ends = stepEnds(size);
      expect(ends.at(-1) ?? 0).toBe(size);
      const sizes = ends.map((end, k) => end - (k > 0 ? ends[k - 1] : 0));
      expect(sizes.every((n) => n > 0 && n <= 2_000)).toBe(true);
    }
    // 100k: 250, 500, 1,000, then 2,000 a step (the dearer first articles in small pieces).
    const ends = stepEnds(100_000);
    expect(ends.slice(0, 5)).toEqual([250, 750, 1_750, 3_750, 5_750]);
    expect(ends.length).toBe(3 + Math.ceil((100_000 - 1_750) / 2_000));
  });
});
