import { describe, expect, it } from 'vitest';
import { LIST_PAGE, listLimit } from '../../src/ui/use-search.js';

describe('listLimit', () => {
  const cases: Array<[number, number]> = [
    [-3, 2 * LIST_PAGE],
    [0, 2 * LIST_PAGE],
    [LIST_PAGE - 1, 2 * LIST_PAGE],
    [LIST_PAGE, 3 * LIST_PAGE],
    [10 * LIST_PAGE + 7, 12 * LIST_PAGE],
  ];
  it.each(cases)('cursor %i asks for %i hits', (cursor, expected) => {
    expect(listLimit(cursor)).toBe(expected);
  });
  it('always reaches at least a page past the cursor', () => {
    for (let cursor = 0; cursor < 5 * LIST_PAGE; cursor += 37) expect(listLimit(cursor)).toBeGreaterThanOrEqual(cursor + LIST_PAGE);
  });
});
