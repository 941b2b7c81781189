import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateFromFileName, parseDate, readDate } from '../../../src/core/load/dates/dates.js';

const iso = (s: string): number => Date.parse(s);

describe('parseDate', () => {
  const cases: Array<[string, unknown, number | null]> = [
    ['ISO string with ms and Z', '2025-11-14T02:13:55.000Z', iso('2025-11-14T02:13:55.000Z')],
    ['ISO string with offset', '2024-02-06T14:00:00-05:00', iso('2024-02-06T19:00:00Z')],
    ['Jekyll space and +0000', '2025-10-03 14:00:00 +0000', iso('2025-10-03T14:00:00Z')],
    ['Jekyll space and -0130', '2025-10-03 14:00:00 -0130', iso('2025-10-03T15:30:00Z')],
    ['date only is UTC midnight', '2024-01-05', iso('2024-01-05T00:00:00Z')],
    ['time without zone is UTC', '2024-01-05T10:20', iso('2024-01-05T10:20:00Z')],
    ['single-digit month and day', '2024-1-5', iso('2024-01-05T00:00:00Z')],
    ['RFC 2822 pubDate', 'Sun, 30 Jun 2024 22:00:00 GMT', iso('2024-06-30T22:00:00Z')],
    ['month name', 'June 30, 2024 UTC', iso('2024-06-30T00:00:00Z')],
    ['YAML Date object', new Date('2024-01-05T00:00:00Z'), iso('2024-01-05T00:00:00Z')],
    ['epoch seconds', 1717200000, iso('2024-06-01T00:00:00Z')],
    ['epoch milliseconds', 1717200000000, iso('2024-06-01T00:00:00Z')],
    ['epoch seconds as string', '1717200000', iso('2024-06-01T00:00:00Z')],
    ['bare year number', 2024, iso('2024-01-01T00:00:00Z')],
    ['February 30 is not a date', '2024-02-30', null],
    ['hour 25 is not a time', '2024-02-01 25:00:00', null],
    ['a word', 'yesterday', null],
    ['a lone digit is not a year', '1', iso('1970-01-01T00:00:01Z')],
    ['empty string', '', null],
    ['invalid Date object', new Date('nope'), null],
    ['boolean', true, null],
    ['list', ['2024-01-01'], null],
    ['object', { date: '2024-01-01' }, null],
    ['NaN', Number.NaN, null],
    ['very long string', `2024-01-01 ${'x'.repeat(100)}`, null],
    // Written dates, through date-fns and an explicit format list.
    ['year/month/day', '2025/11/04', iso('2025-11-04T00:00:00Z')],
    ['year/month/day with time', '2025/11/04 09:30', iso('2025-11-04T09:30:00Z')],
    ['day month-abbreviation year', '4 Nov 2025', iso('2025-11-04T00:00:00Z')],
    ['day month year', '4 November 2025', iso('2025-11-04T00:00:00Z')],
    ['month day, year', 'November 4, 2025', iso('2025-11-04T00:00:00Z')],
    ['weekday, month day, year', 'Tuesday, November 4, 2025', iso('2025-11-04T00:00:00Z')],
    ['abbreviation with dot and ordinal, 12-hour time', 'Nov. 4th, 2025 at 3:15 pm', iso('2025-11-04T15:15:00Z')],
    ['Sept', 'Sept 4, 2025', iso('2025-09-04T00:00:00Z')],
    ['any case', 'NOVEMBER 4, 2025', iso('2025-11-04T00:00:00Z')],
    ['RFC 2822 as RSS writes it', 'Tue, 04 Nov 2025 10:30:00 GMT', iso('2025-11-04T10:30:00Z')],
    ['RFC 2822 with an offset', 'Tue, 04 Nov 2025 10:30:00 +0100', iso('2025-11-04T09:30:00Z')],
    ['RFC 2822 with a US zone name', 'Tue, 4 Nov 2025 10:30 EST', iso('2025-11-04T15:30:00Z')],
    // Found by a tester: an ISO-like date with a zone name or a 12-hour clock was not read.
    ['ISO-like date-time with a zone name', '2024-01-02 03:04:05 EST', iso('2024-01-02T08:04:05Z')],
    ['ISO-like date with a 12-hour time', '2024-01-02 3:04 PM', iso('2024-01-02T15:04:00Z')],
    ['ISO-like date with a 12-hour time and a zone name', '2024-01-02 3:04 pm PDT', iso('2024-01-02T22:04:00Z')],
    ['JavaScript Date#toString', 'Tue Nov 04 2025 10:30:00 GMT+0100 (Central European Standard Time)', iso('2025-11-04T09:30:00Z')],
    ['day.month.year', '04.11.2025', iso('2025-11-04T00:00:00Z')],
    ['day-month-year when only one order is a date', '25-12-2025', iso('2025-12-25T00:00:00Z')],
    ['month/day/year when only one order is a date', '12/25/2025', iso('2025-12-25T00:00:00Z')],
    ['same day and month', '04-04-2025', iso('2025-04-04T00:00:00Z')],
    ['epoch seconds (2025)', '1762252200', iso('2025-11-04T10:30:00Z')],
    ['epoch milliseconds (2025)', '1762252200000', iso('2025-11-04T10:30:00Z')],
    ['ISO basic date', '20251104', iso('2025-11-04T00:00:00Z')],
    ['ISO basic date and time', '20251104T103000Z', iso('2025-11-04T10:30:00Z')],
    ['ISO basic, fourteen digits', '20251104103000', iso('2025-11-04T10:30:00Z')],
    ['eight digits that are no date stay epoch seconds', '99999999', iso('1973-03-03T09:46:39Z')],
    ['ambiguous day and month', '11-04-2025', null],
    ['ambiguous with slashes', '11/04/2025', null],
    ['February 31', '31 Feb 2025', null],
    // Other languages and scripts: month names from ICU (Intl), numbers with CJK or Korean marks.
    ['German, weekday and dotted day', 'Dienstag, 4. November 2025', iso('2025-11-04T00:00:00Z')],
    ['German abbreviation with a time and Uhr', '4. Nov. 2025 10:30 Uhr', iso('2025-11-04T10:30:00Z')],
    ['French with à 10h30', 'mardi 4 novembre 2025 à 10h30', iso('2025-11-04T10:30:00Z')],
    ['Spanish with de and a las', 'martes, 4 de noviembre de 2025 a las 10:30', iso('2025-11-04T10:30:00Z')],
    ['Portuguese', '4 de novembro de 2025', iso('2025-11-04T00:00:00Z')],
    ['Catalan with d\'', "4 d'octubre de 2025", iso('2025-10-04T00:00:00Z')],
    ['Dutch', '4 maart 2025', iso('2025-03-04T00:00:00Z')],
    ['Russian genitive with г.', '4 ноября 2025 г.', iso('2025-11-04T00:00:00Z')],
    ['Ukrainian with р.', '4 листопада 2025 р.', iso('2025-11-04T00:00:00Z')],
    ['Polish genitive', '4 listopada 2025', iso('2025-11-04T00:00:00Z')],
    ['Czech', '4. listopadu 2025', iso('2025-11-04T00:00:00Z')],
    ['Finnish partitive', '4. marraskuuta 2025', iso('2025-11-04T00:00:00Z')],
    ['Turkish, any case', '4 KASIM 2025', iso('2025-11-04T00:00:00Z')],
    ['Japanese', '2025年11月4日', iso('2025-11-04T00:00:00Z')],
    ['Chinese with a time', '2025年11月4日 10:30', iso('2025-11-04T10:30:00Z')],
    ['Korean', '2025년 11월 4일', iso('2025-11-04T00:00:00Z')],
    ['Vietnamese', 'ngày 4 tháng 11 năm 2025', iso('2025-11-04T00:00:00Z')],
    ['an unknown month word', '4 brumaire 2025', null],
    ['a month that has no 31st', '31 februari 2025', null],
    ['CJK marks on an impossible date', '2025年13月4日', null],
    ['relative words', 'next tuesday', null],
    ['a weekday alone', 'Monday', null],
    ['an unknown zone name', '4 Nov 2025 10:30 XYZ', null],
    // A month alone is its first day, as a year alone is its first of January (a tester's `2025-11`).
    ['month and year only', 'May 2025', iso('2025-05-01T00:00:00Z')],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
});

describe('readDate', () => {
  it('says why a value is not a date, with both readings of an ambiguous one', () => {
    expect(readDate('next tuesday')).toEqual({ ok: false, why: 'unreadable' });
    expect(readDate('11-04-2025')).toEqual({ ok: false, why: 'ambiguous', readings: [iso('2025-04-11T00:00:00Z'), iso('2025-11-04T00:00:00Z')] });
  });

  it('does not depend on the machine time zone', () => {
    // The zone is fixed per process, so this checks the result is UTC whatever TZ says.
    expect(new Date(parseDate('4 Nov 2025 10:30')!).toISOString()).toBe('2025-11-04T10:30:00.000Z');
  });
});

describe('the toISOString spelling (read by a pattern of its own)', () => {
  it('reads to the same time, or the same refusal, as the general ISO reading of the same date', () => {
    let seed = 7;
    const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const two = (n: number): string => String(n).padStart(2, '0');
    for (let i = 0; i < 3_000; i++) {
      // Out-of-range parts too: month 0 and 13, day 0 and 31 in short months, hour 24, second 60 and 61.
      const date = `${String(900 + next(9300)).padStart(4, '0')}-${two(next(14))}-${two(next(33))}`;
      const time = `${two(next(26))}:${two(next(61))}:${two(next(63))}`;
      const s = `${date}T${time}${next(2) ? `.${String(next(1000)).padStart(3, '0')}` : ''}Z`;
      // Lower-case and padded, the same value goes the general way (trimmed, ISO_LIKE).
      expect(readDate(s)).toEqual(readDate(` ${s.toLowerCase()} `));
    }
    expect(parseDate('2024-06-13T14:55:43.000Z')).toBe(Date.UTC(2024, 5, 13, 14, 55, 43));
    expect(parseDate('2024-02-29T23:59:60Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
    expect(parseDate('2023-02-29T00:00:00Z')).toBeNull();
  });
});

describe('dateFromFileName', () => {
  const cases: Array<[string, number | null]> = [
    ['2024-01-05-bitcoin-etf-approved.md', iso('2024-01-05T00:00:00Z')],
    ['2023-12-24-halving.markdown', iso('2023-12-24T00:00:00Z')],
    ['2024-13-01-bad-month.md', null],
    ['2024-01-05.md', null],
    ['bitcoin-2024-01-05-news.md', null],
    ['notes.md', null],
  ];
  it.each(cases)('%s', (name, expected) => {
    expect(dateFromFileName(name)).toBe(expected);
  });
});

// What readDate gave for the toISOString spelling before it was read by character codes: the
// pattern's captures through a Date object (written-date-formats.ts utcDate as it was).
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?Z$/;
function referenceUtcDate(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | null {
  if (y < 1000 || y > 9999 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return null;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms));
  if (date.getUTCDate() !== d || date.getUTCMonth() !== mo - 1) return null;
  return date.getTime();
}

describe('the toISOString spelling', () => {
  it('reads every day of leap and common years, and refuses the days months lack, as a Date does', () => {
    for (const y of [1000, 1600, 1900, 2000, 2023, 2024, 2100, 9999]) {
      for (let mo = 1; mo <= 12; mo++) {
        for (let d = 1; d <= 32; d++) {
          const text = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T23:59:60.999Z`;
          const want = referenceUtcDate(y, mo, d, 23, 59, 60, 999);
          expect(parseDate(text), text).toBe(want);
          expect(parseDate(text.slice(0, 19) + 'Z'), text).toBe(referenceUtcDate(y, mo, d, 23, 59, 60));
        }
      }
    }
    // Leap days: 2000 and 2024 have one, 1900 and 2100 do not.
    expect(parseDate('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29));
    expect(parseDate('1900-02-29T00:00:00Z')).toBeNull();
  });

  it('gives what the pattern and a Date gave for near-miss spellings too', () => {
    const digit = fc.constantFrom(...'0123456789'.split(''));
    const piece = fc.oneof(digit, digit, digit, fc.constantFrom('-', ':', 'T', 't', 'Z', 'z', '.', ' ', '+', '٣', 'x'));
    const nearIso = fc.tuple(
      fc.integer({ min: 900, max: 10_500 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }),
      fc.option(fc.integer({ min: 0, max: 999 })), fc.nat(24), fc.array(piece, { maxLength: 2 }),
    ).map(([y, mo, d, h, mi, s, ms, at, extra]) => {
      const p2 = (n: number): string => String(n).padStart(2, '0');
      const text = `${String(y).padStart(4, '0')}-${p2(mo)}-${p2(d)}T${p2(h)}:${p2(mi)}:${p2(s)}${ms === null ? '' : `.${String(ms).padStart(3, '0')}`}Z`;
      return text.slice(0, at) + extra.join('') + text.slice(at + extra.length);
    });
    fc.assert(
      fc.property(nearIso, (text) => {
        const m = ISO_UTC.exec(text);
        // Not in the spelling: the general patterns read it, as they read it after a leading
        // space (never the spelling, trimmed before those patterns).
        if (!m) expect(readDate(text)).toEqual(readDate(` ${text}`));
        else expect(parseDate(text)).toBe(referenceUtcDate(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6], m[7] === undefined ? 0 : +m[7]));
      }),
      { numRuns: 3000 },
    );
  });
});
