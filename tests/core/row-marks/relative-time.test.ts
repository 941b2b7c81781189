import { describe, expect, it } from 'vitest';
import { relativeDate } from '../../../src/core/row-marks/relative-time.js';
import { format } from 'date-fns/format';

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

describe('relativeDate calendar dates', () => {
  it("writes them as date-fns' format does ('MMM d', 'MMM d yyyy'), in local time", () => {
    // Every day of a leap year and the years around it, years before 1, and far years.
    const days = Array.from({ length: 366 * 3 }, (_, i) => new Date(2023, 0, 1 + i, 7, 30).getTime());
    for (const y of [-44, 0, 1, 99, 999, 1970, 9999, 12345]) days.push(new Date(2000, 5, 9).setFullYear(y));
    const wrong: string[] = [];
    for (const ms of days) {
      // Eight days later (older than a week: a calendar date), in the same year or the next.
      const at = ms + 8 * D;
      const date = new Date(ms);
      const want = format(date, date.getFullYear() === new Date(at).getFullYear() ? 'MMM d' : 'MMM d yyyy');
      const got = relativeDate(ms, at);
      if (got !== want) wrong.push(`${ms}: ${got} != ${want}`);
    }
    expect(days.length).toBeGreaterThan(1000);
    expect(wrong).toEqual([]);
  });
});
