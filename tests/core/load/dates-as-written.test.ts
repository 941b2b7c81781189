// Dates people actually write that a tester's files showed unread (issue 8): the day's dot before
// an English month (`8. March 2024`, read only where another language's month table happened to
// hold the same word), Obsidian Linter's timestamps, two-digit years, US generic and IANA zones,
// Go's time.String(), RFC 850, ISO week dates, a month alone, a time written first.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readDate } from '../../../src/core/load/dates/dates.js';

const at = (s: string): number => Date.parse(s);
const reads = (value: string): { ms: number; dateOnly: boolean } | string => {
  const r = readDate(value);
  return r.ok ? { ms: r.ms, dateOnly: r.dateOnly } : r.why;
};

afterEach(() => {
  vi.restoreAllMocks();
});

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// Every date form the English reader takes, `@` standing for the month's name.
const FORMS: Array<[string, number, number]> = [
  // [form, day, hour]
  ['8 @ 2024', 8, 0], ['8. @ 2024', 8, 0], ['8.@ 2024', 8, 0], ['@ 8, 2024', 8, 0], ['@ 8 2024', 8, 0], ['@ 8th, 2024', 8, 0],
  ['8th @ 2024', 8, 0], ['8th of @ 2024', 8, 0], ['Monday, 8. @ 2024, 17:05', 8, 17], ['Friday, 8 @ 2024', 8, 0],
  ['8-@-2024', 8, 0], ['2024 @ 8', 8, 0], ['@ 2024', 1, 0], ['8 @ 24', 8, 0], ['08-@-24', 8, 0], ['@ 8, 2024, 5:05 pm', 8, 17],
  ['8. @ 2024 17:05 UTC', 8, 17], ['Mon @ 8 17:05:00 UTC 2024', 8, 17], ['17:05, @ 8, 2024', 8, 17], ['8 @ 2024 17:05 Etc/UTC', 8, 17],
];

describe('English month names', () => {
  it('read in every form, full or abbreviated, with or without a dot, in any case (`8. March 2024` was not understood)', () => {
    const failed: string[] = [];
    for (const [m, full] of MONTHS.entries()) {
      const short = full.slice(0, 3);
      const names = [full, short, full.toLowerCase(), short.toUpperCase(), ...(full === 'May' ? [] : [`${short}.`]), ...(m === 8 ? ['Sept', 'Sept.'] : [])];
      for (const name of names) {
        for (const [form, day, hour] of FORMS) {
          const value = form.replace('@', name);
          const r = readDate(value);
          const want = Date.UTC(2024, m, day, hour, hour === 0 ? 0 : 5);
          if (!r.ok || r.ms !== want) failed.push(value);
        }
      }
    }
    expect(failed).toEqual([]);
  });
});

describe('Obsidian Linter timestamps', () => {
  it.each([
    ['Monday, July 21st 2025, 7:07:34 am', '2025-07-21T07:07:34Z'],
    ['Tuesday, July 22nd 2025, 7:49:18 am', '2025-07-22T07:49:18Z'],
    ['Monday, 5th October 2026, 9:57:11 pm', '2026-10-05T21:57:11Z'],
    ['Monday, 8. December 2025, 11:12', '2025-12-08T11:12:00Z'],
    ['Monday, 11. March 2024, 17:05', '2024-03-11T17:05:00Z'],
    ['2024-03-12 17:05', '2024-03-12T17:05:00Z'],
    ['2024-03-11, 17:05', '2024-03-11T17:05:00Z'],
  ])('%s', (value, iso) => {
    expect(reads(value)).toEqual({ ms: at(iso), dateOnly: false });
  });
});

describe('more written forms', () => {
  it.each([
    // Two-digit years (POSIX's rule: 69-99 are 19xx): one reading, or day first when dotted.
    ['11/14/25', '2025-11-14T00:00:00Z', true],
    ['12/31/99', '1999-12-31T00:00:00Z', true],
    ['4.11.25', '2025-11-04T00:00:00Z', true],
    ['11/14/2025 10:30', '2025-11-14T10:30:00Z', false],
    // RFC 850 and RFC 822's two-digit years; C's asctime and Unix date.
    ['Tuesday, 04-Nov-25 10:30:00 UTC', '2025-11-04T10:30:00Z', false],
    ['Tue, 04 Nov 25 10:30:00 GMT', '2025-11-04T10:30:00Z', false],
    ['Tue Nov 4 10:30:00 2025', '2025-11-04T10:30:00Z', false],
    ['Tue Nov  4 10:30:00 UTC 2025', '2025-11-04T10:30:00Z', false],
    // Go's time.String(): the offset is the time's, the zone's abbreviation a label.
    ['2025-11-04 10:30:00 +0000 UTC', '2025-11-04T10:30:00Z', false],
    ['2025-11-04 10:30:00 -0500 EST', '2025-11-04T15:30:00Z', false],
    ['2025-11-04 10:30:00.123456789 +0300 +03 m=+0.000012', '2025-11-04T07:30:00.123Z', false],
    // US generic zones: standard or daylight time by the date.
    ['Nov 04, 2025 10:30 AM ET', '2025-11-04T15:30:00Z', false],
    ['Jul 04, 2025 10:30 AM ET', '2025-07-04T14:30:00Z', false],
    ['Jan 15, 2025 9:00 PT', '2025-01-15T17:00:00Z', false],
    ['Nov 4, 2025 10:30 AKST', '2025-11-04T19:30:00Z', false],
    ['4 Nov 2025 10:30 JST', '2025-11-04T01:30:00Z', false],
    // IANA zone names, and RFC 9557's bracket (after an offset, the offset is the time's).
    ['2025-11-04T10:30:00 Europe/Berlin', '2025-11-04T09:30:00Z', false],
    ['2025-07-04T10:30:00 Europe/Berlin', '2025-07-04T08:30:00Z', false],
    ['2025-11-04 10:30 America/Argentina/Buenos_Aires', '2025-11-04T13:30:00Z', false],
    ['2025-11-04T10:30:00[Asia/Tokyo]', '2025-11-04T01:30:00Z', false],
    ['2025-11-04T10:30:00+01:00[Europe/Berlin]', '2025-11-04T09:30:00Z', false],
    ['2025-11-04T10:30:00Z[UTC][u-ca=iso8601]', '2025-11-04T10:30:00Z', false],
    // A wall time the spring change skips moves forward (02:30 is 03:30 CEST).
    ['2025-03-30T02:30:00 Europe/Berlin', '2025-03-30T01:30:00Z', false],
    // ISO week dates; a week alone is its Monday; a month alone is its first day.
    ['2025-W45-2', '2025-11-04T00:00:00Z', true],
    ['2025W452', '2025-11-04T00:00:00Z', true],
    ['2025-W45', '2025-11-03T00:00:00Z', true],
    ['2026-W53-1', '2026-12-28T00:00:00Z', true],
    ['2025-11', '2025-11-01T00:00:00Z', true],
    ['2025/11', '2025-11-01T00:00:00Z', true],
    ['November 2025', '2025-11-01T00:00:00Z', true],
    // A time written first.
    ['10:30 AM, Nov 4, 2025', '2025-11-04T10:30:00Z', false],
    ['9:15 pm ET on Tuesday, Nov 4, 2025', '2025-11-05T02:15:00Z', false],
    ['12:30 Nov 4 2025', '2025-11-04T12:30:00Z', false],
  ])('%s', (value, iso, dateOnly) => {
    expect(reads(value)).toEqual({ ms: at(iso), dateOnly });
  });

  it('an order the value does not settle is ambiguous, with a time and a zone as without', () => {
    expect(readDate('11/4/25')).toEqual({ ok: false, why: 'ambiguous', readings: [at('2025-04-11T00:00:00Z'), at('2025-11-04T00:00:00Z')] });
    expect(readDate('03/04/2025 10:30 EST')).toEqual({ ok: false, why: 'ambiguous', readings: [at('2025-04-03T15:30:00Z'), at('2025-03-04T15:30:00Z')] });
  });

  it.each([
    ['a week 2025 does not have', '2025-W53-1'],
    ['a place ICU does not know', '2025-11-04 10:30 Mars/Olympus'],
    ['an ambiguous abbreviation (India, Ireland, Israel)', '4 Nov 2025 10:30 IST'],
    ['relative words', '20 hours ago'],
    ['an out-of-range two-digit-year date', '13/13/25'],
  ])('%s is not understood', (_name, value) => {
    expect(readDate(value)).toEqual({ ok: false, why: 'unreadable' });
  });

  it('makes an Intl.DateTimeFormat only for a zone named by place, once per place', () => {
    const Real = Intl.DateTimeFormat;
    // The formatter made is the real one (a spy's own object is no formatter to formatToParts).
    const made = vi.spyOn(Intl, 'DateTimeFormat').mockImplementation((...args) => new Real(...args));
    readDate('Tue, 04 Nov 2025 10:30:00 EST');
    readDate('2025-11-04 10:30:00 -0500 EST');
    expect(made).not.toHaveBeenCalled();
    expect(readDate('2025-11-04T10:30:00 Pacific/Auckland')).toEqual({ ok: true, ms: at('2025-11-03T21:30:00Z'), dateOnly: false });
    expect(readDate('2025-06-04T10:30:00 Pacific/Auckland')).toEqual({ ok: true, ms: at('2025-06-03T22:30:00Z'), dateOnly: false });
    expect(made).toHaveBeenCalledTimes(1);
  });
});
