import { describe, expect, it } from 'vitest';
import { relativeDate } from '../../../src/core/row-marks/relative-time.js';

// Local-time dates, so the calendar cases hold in any TZ.
const now = new Date(2025, 10, 14, 12, 0, 0).getTime();
const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;

describe('relativeDate', () => {
  it.each([
    ['under a minute', now - 30_000, 'now'],
    ['minutes', now - 12 * MIN, '12min'],
    ['hours', now - 3 * H, '3h'],
    ['days', now - 5 * D, '5d'],
    ['a week or more, same year', new Date(2025, 10, 1).getTime(), 'Nov 1'],
    ['another year', new Date(2024, 10, 23).getTime(), 'Nov 23 2024'],
    ['future dates get a calendar date', new Date(2025, 11, 25).getTime(), 'Dec 25'],
    ['not a number', Number.NaN, ''],
  ])('%s', (_l, ms, want) => expect(relativeDate(ms, now)).toBe(want));
});
