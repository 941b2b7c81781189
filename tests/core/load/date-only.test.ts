// A date written as a day with no time of day is a calendar date (core/calendar-date.ts): its
// reading says so, and it is that day's midnight UTC, whatever the machine's zone. A tester found
// `date: 2024-04-20` shown as Apr 19 in Los Angeles: the day survived the parse, but not the
// knowledge that it had no time.
import { afterEach, describe, expect, it } from 'vitest';
import { CALENDAR_DATE } from '../../../src/core/calendar-date.js';
import { readDate } from '../../../src/core/load/dates/dates.js';
import { publicationWindow, publishedDate, updatedDate } from '../../../src/core/load/dates/published-date.js';
import { parseArticle } from '../../../src/core/load/parse.js';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const DAY = Date.UTC(2025, 10, 4);

describe('readDate: calendar dates and times', () => {
  it.each([
    ['2025-11-04'], ['2025-11-4'], ['20251104'], ['2025/11/04'], ['2025.11.04'], ['04.11.2025'], ['4 Nov 2025'], ['4th November 2025'],
    ['November 4, 2025'], ['Tue, 4 Nov 2025'], ['04-Nov-2025'], ['<2025-11-04 Tue>'], ['[2025-11-04 Tue +1w]'], ['4. November 2025'],
    ['4 de noviembre de 2025'], ['2025年11月4日'], ['ngày 4 tháng 11 năm 2025'],
  ])('%s is a calendar date, its midnight UTC', (text) => {
    expect(readDate(text)).toEqual({ ok: true, ms: DAY, dateOnly: true });
  });

  it('a day-first date only one reading allows and a year alone are calendar dates too', () => {
    expect(readDate('25-12-2025')).toEqual({ ok: true, ms: Date.UTC(2025, 11, 25), dateOnly: true });
    expect(readDate(2024)).toEqual({ ok: true, ms: Date.UTC(2024, 0, 1), dateOnly: true });
    // Org's unquoted inactive stamp, which YAML reads as a list of one string.
    expect(readDate(['2025-11-04 Tue'])).toEqual({ ok: true, ms: DAY, dateOnly: true });
  });

  it.each([
    ['2025-11-04T00:00:00Z', DAY], ['2025-11-04T00:00:00.000Z', DAY], ['2025-11-04 00:00', DAY], ['2025-11-04 10:30:00 +0000', DAY + 10.5 * 3_600_000],
    ['2025-11-04Z', DAY], ['20251104T103000Z', DAY + 10.5 * 3_600_000], ['4 Nov 2025 10:30', DAY + 10.5 * 3_600_000], ['4 Nov 2025 GMT', DAY],
    ['Tue, 04 Nov 2025 10:30:00 GMT', DAY + 10.5 * 3_600_000], ['<2025-11-04 Tue 10:30>', DAY + 10.5 * 3_600_000], ['4. November 2025 10:30', DAY + 10.5 * 3_600_000],
    ['2025年11月4日 10時30分', DAY + 10.5 * 3_600_000], [1_762_214_400, DAY], [new Date(DAY), DAY],
  ])('%s has a time (or a zone): an instant', (value, ms) => {
    expect(readDate(value)).toEqual({ ok: true, ms, dateOnly: false });
  });

  it('gives the same reading in every time zone', () => {
    for (const tz of ['America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      process.env.TZ = tz;
      expect(readDate('November 4, 2025'), tz).toEqual({ ok: true, ms: DAY, dateOnly: true });
      expect(readDate('2025-11-04'), tz).toEqual({ ok: true, ms: DAY, dateOnly: true });
    }
  });
});

describe('which of an article’s dates are calendar dates', () => {
  it('the published date: as written, from a file name (always a day), never the file’s time', () => {
    expect(publishedDate({ date: '2024-04-20' }, 'x.md', 0)).toMatchObject({ at: Date.UTC(2024, 3, 20), dateOnly: true, guessed: false });
    expect(publishedDate({ date: '2024-04-20T10:00:00Z' }, 'x.md', 0)).toMatchObject({ dateOnly: false });
    expect(publishedDate({}, '2024-04-19-from-name.md', 5)).toMatchObject({ at: Date.UTC(2024, 3, 19), dateOnly: true });
    expect(publishedDate({ date: 'next tuesday' }, '2024-04-19-from-name.md', 5)).toMatchObject({ at: Date.UTC(2024, 3, 19), dateOnly: true });
    expect(publishedDate({}, 'x.md', 5)).toMatchObject({ at: 5, guessed: true, dateOnly: false });
    expect(publishedDate({ date: 'Last Modified' }, 'x.md', 5)).toMatchObject({ at: 5, dateOnly: false });
  });

  it('the update, publish and expiry dates', () => {
    expect(updatedDate({ updated: '2024-09-02' })).toEqual({ at: Date.UTC(2024, 8, 2), dateOnly: true });
    expect(updatedDate({ lastmod: '2024-09-02T08:00:00Z' })).toEqual({ at: Date.UTC(2024, 8, 2, 8), dateOnly: false });
    expect(publicationWindow({ publishDate: '2024-05-01', expiryDate: '2024-06-01 12:00' }, [])).toEqual({
      scheduled: { at: Date.UTC(2024, 4, 1), dateOnly: true },
      expires: { at: Date.UTC(2024, 5, 1, 12), dateOnly: false },
    });
  });

  it('are the article’s calendarDates bits, through a whole parse', () => {
    const info = (name: string) => ({ path: `/tz/_posts/${name}`, relPath: name, size: 200, mtimeMs: Date.UTC(2026, 0, 1), folderName: '_posts' });
    const parse = (name: string, text: string) => {
      const outcome = parseArticle(Buffer.from(text), info(name), 1);
      if (!outcome.ok) throw new Error(outcome.reason);
      return outcome.article;
    };
    const halving = parse('2024-04-20-halving.md', '---\ntitle: Halving day\ndate: 2024-04-20\nupdated: 2024-09-02\nexpiryDate: 2030-01-01T10:00:00Z\n---\nBody.\n');
    expect(halving).toMatchObject({ publishedAt: Date.UTC(2024, 3, 20), calendarDates: CALENDAR_DATE.publishedAt | CALENDAR_DATE.updatedAt });
    expect(parse('2024-04-19-from-name.md', '---\ntitle: From name\n---\nBody.\n')).toMatchObject({ publishedAt: Date.UTC(2024, 3, 19), calendarDates: CALENDAR_DATE.publishedAt });
    expect(parse('timed.md', '---\ndate: 2024-04-20T03:00:00Z\n---\n')).toMatchObject({ calendarDates: 0 });
    expect(parse('toml.md', '+++\ndate = 2024-04-20\npublishDate = 2024-04-21\n+++\n')).toMatchObject({
      publishedAt: Date.UTC(2024, 3, 20), scheduledAt: Date.UTC(2024, 3, 21), calendarDates: CALENDAR_DATE.publishedAt | CALENDAR_DATE.scheduledAt,
    });
  });
});
