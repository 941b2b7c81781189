import { describe, expect, it } from 'vitest';
import { prepareSteps, stepEnds, type PrepareParts } from '../../../src/core/search/engine/prepare-steps.js';
import { BODY_DEPTH, PREPARED_NEWEST } from '../../../src/core/search/search-settings.js';
import type { Hay } from '../../../src/core/search/haystack.js';

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

describe('prepareSteps', () => {
  it('makes the newest BODY_DEPTH haystacks right after the first small steps, newest first, before the short index covers the rest in id order', () => {
    // Ids in walk order, the newest last: the short index's id order reaches them last.
    const size = BODY_DEPTH + 5_000;
    const order = Array.from({ length: size }, (_, k) => size - 1 - k);
    const made: number[][] = [];
    let current: number[] = [];
    let covered = 0;
    const parts = {
      order,
      size: () => size,
      hay: (id: number) => (current.push(id), {} as Hay),
      completeHays: () => {},
      covered: () => {},
      shorts: { reserve: () => {}, cover: (end: number, hay: (id: number) => Hay) => { for (; covered < end; covered++) hay(covered); } },
      columns: { cover: () => {} },
      ranker: { warm: () => {}, prepare: () => {} },
      search: () => {},
    } as unknown as PrepareParts;
    const steps = prepareSteps(parts, Infinity);
    const newestSteps = stepEnds(BODY_DEPTH).length;
    for (const step of steps.slice(0, 3 + newestSteps)) {
      current = [];
      step();
      made.push(current);
    }
    // The first three steps: the short index's small ones, in id order (the oldest here).
    expect(made.slice(0, 3).flat()).toEqual(Array.from({ length: 1_750 }, (_, k) => k));
    // Then the newest BODY_DEPTH, newest first, each step at most 2,000.
    expect(made.slice(3).flat()).toEqual(order.slice(0, BODY_DEPTH));
    expect(made.slice(3).every((ids) => ids.length > 0 && ids.length <= 2_000)).toBe(true);
  });

  it("makes the newest PREPARED_NEWEST articles' fuse records and the scorer right after their haystacks, before the short index's next step", () => {
    const size = BODY_DEPTH + 5_000;
    const order = Array.from({ length: size }, (_, k) => size - 1 - k);
    // What each step did: 'short' (a short-index step), 'prepare' ids, 'warm'.
    let events: string[] = [];
    const prepared: number[] = [];
    const parts = {
      order,
      size: () => size,
      hay: () => ({}) as Hay,
      completeHays: () => {},
      covered: () => {},
      shorts: { reserve: () => {}, cover: () => void events.push('short') },
      columns: { cover: () => {} },
      ranker: { warm: () => void events.push('warm'), prepare: (id: number) => void (events.push('prepare'), prepared.push(id)) },
      search: () => {},
    } as unknown as PrepareParts;
    const steps = prepareSteps(parts, Infinity);
    const recordSteps = stepEnds(PREPARED_NEWEST).length;
    const from = 3 + stepEnds(BODY_DEPTH).length;
    const kinds = steps.slice(from, from + recordSteps + 2).map((step) => {
      events = [];
      step();
      return [...new Set(events)].join(',');
    });
    expect(kinds).toEqual([...Array(recordSteps).fill('prepare'), 'warm', 'short']);
    // The newest first, every one once, at most 2,000 a step.
    expect(prepared).toEqual(order.slice(0, PREPARED_NEWEST));
  });
});
