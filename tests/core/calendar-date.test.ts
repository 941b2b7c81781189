// A date written without a time shows as the day written in every time zone, with no time of day,
// and the query's bare dates and --stats' days agree with the day shown (core/calendar-date.ts).
// Found by a tester: `date: 2024-04-20` read `Apr 19 2024` in the list and `2024-04-19 17:00` in
// the header in Los Angeles, while `since:2024-04-20` matched it and --stats counted it on the 20th.
// Each case runs under several zones (node reads TZ again when it is set).
import { afterEach, describe, expect, it } from 'vitest';
import { toRecord, isRecord } from '../../src/core/article-record.js';
import { CALENDAR_DATE, calendarDay, daysSince, isCalendarDate } from '../../src/core/calendar-date.js';
import { articleJson } from '../../src/core/format.js';
import { pulseOf } from '../../src/core/pulse/count.js';
import { formatStamp, headerLines } from '../../src/core/render/article-header.js';
import { lineText } from '../../src/core/render/spans.js';
import { relativeDate } from '../../src/core/row-marks/relative-time.js';
import { termTest } from '../../src/core/search/filters.js';
import { parseQuery } from '../../src/core/search/query.js';
import { makeArticle } from '../helpers/make-article.js';

const ZONES = ['America/Los_Angeles', 'America/New_York', 'UTC', 'Europe/Berlin', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const APR_20 = Date.UTC(2024, 3, 20);
const SEP_2 = Date.UTC(2024, 8, 2);
const halving = makeArticle({
  title: 'Halving day', source: 'tz', publishedAt: APR_20, updatedAt: SEP_2,
  calendarDates: CALENDAR_DATE.publishedAt | CALENDAR_DATE.updatedAt,
});
// A local time in the zone now in force.
const local = (y: number, mo: number, d: number, h = 12, mi = 0): number => new Date(y, mo - 1, d, h, mi).getTime();

describe.each(ZONES)('a calendar date in %s', (tz) => {
  it('is that day in the header, with no time, and its update too', () => {
    process.env.TZ = tz;
    expect(formatStamp(APR_20, true)).toBe('2024-04-20');
    expect(calendarDay(APR_20)).toBe('2024-04-20');
    const row = lineText(headerLines(halving, 80, local(2025, 6, 1))[1]);
    expect(row).toBe('tz · 2024-04-20 · updated 2024-09-02');
  });

  it('is that day in the list, as a relative date too', () => {
    process.env.TZ = tz;
    expect(relativeDate(APR_20, local(2025, 6, 1), true)).toBe('Apr 20 2024');
    expect(relativeDate(APR_20, local(2024, 6, 1), true)).toBe('Apr 20');
    // No age in hours: `today` all the local day long, then whole days.
    expect(relativeDate(APR_20, local(2024, 4, 20, 0, 5), true)).toBe('today');
    expect(relativeDate(APR_20, local(2024, 4, 20, 23, 55), true)).toBe('today');
    expect(relativeDate(APR_20, local(2024, 4, 21, 0, 5), true)).toBe('1d');
    expect(relativeDate(APR_20, local(2024, 4, 26, 23, 55), true)).toBe('6d');
    expect(relativeDate(APR_20, local(2024, 4, 27, 0, 5), true)).toBe('Apr 20');
    // A day to come: its date, never a negative age.
    expect(relativeDate(APR_20, local(2024, 4, 19, 23, 55), true)).toBe('Apr 20');
    expect(daysSince(APR_20, local(2024, 4, 19, 23, 55))).toBe(-1);
    const today = lineText(headerLines(halving, 80, local(2024, 4, 20, 18))[1]);
    expect(today).toBe('tz · 2024-04-20 · today · updated 2024-09-02');
  });

  it('is matched by since: and until: of the day shown, and counted on it by --stats', () => {
    process.env.TZ = tz;
    const matches = (q: string): boolean => termTest(parseQuery(q).terms[0])(halving, undefined as never, false);
    expect(matches('since:2024-04-20')).toBe(true);
    expect(matches('until:2024-04-20')).toBe(true);
    expect(matches('since:2024-04-21')).toBe(false);
    expect(matches('until:2024-04-19')).toBe(false);
    expect(pulseOf([halving]).days).toEqual([{ day: '2024-04-20', count: 1 }]);
  });

  it('prints in JSON as its midnight UTC, marked dateOnly', () => {
    process.env.TZ = tz;
    const json = articleJson(halving, '/');
    expect(json).toMatchObject({ publishedAt: '2024-04-20T00:00:00.000Z', dateOnly: true, updatedAt: '2024-09-02T00:00:00.000Z', dateGuessed: false });
  });
});

describe('a date with a time', () => {
  it('is still shown in local time, with its time', () => {
    process.env.TZ = 'America/Los_Angeles';
    const timed = makeArticle({ source: 'tz', publishedAt: APR_20, updatedAt: null });
    expect(isCalendarDate(timed, 'publishedAt')).toBe(false);
    expect(formatStamp(APR_20)).toBe('2024-04-19 17:00');
    expect(lineText(headerLines(timed, 80, local(2025, 6, 1))[1])).toBe('tz · 2024-04-19 17:00');
    expect(relativeDate(APR_20, local(2025, 6, 1))).toBe('Apr 19 2024');
    expect(articleJson(timed, '/')).toMatchObject({ publishedAt: '2024-04-20T00:00:00.000Z', dateOnly: false });
  });
});

describe('calendarDates in a record', () => {
  it('round-trips, and a value outside its four bits is refused (an index of another version)', () => {
    const record = toRecord(halving, '1:2', 10, []);
    expect(isRecord(record)).toBe(true);
    expect(record[27]).toBe(3);
    for (const bad of [16, -1, 1.5, null, true]) expect(isRecord([...record.slice(0, 27), bad]), String(bad)).toBe(false);
    expect(isRecord(record.slice(0, 27))).toBe(false);
  });
});
