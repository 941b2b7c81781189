// Dates written as a day with no time of day (`date: 2024-04-20`, `4 Nov 2025`, a Jekyll file
// name's date): calendar dates, not instants. The loader keeps one as that day's midnight UTC
// (load/dates/dates.ts) and sets its field's bit in Article.calendarDates; whatever shows it shows
// that day from its UTC fields, in every time zone, with no time of day. Shown in local time as a
// timed value is, midnight UTC is the day before anywhere west of UTC (`2024-04-19 17:00` in Los
// Angeles: a tester's report), while the query's bare dates and --stats' days, UTC days
// (search/query.ts, pulse/count.ts), counted it on the day written.
//
// Kept free of date-fns: the list's rows (row-marks/relative-time.ts) use it before the warm start's first frame.

/** The bit of each date field in Article.calendarDates (and its record's). */
export const CALENDAR_DATE = { publishedAt: 1, updatedAt: 2, scheduledAt: 4, expiresAt: 8 } as const;

/** Every bit CALENDAR_DATE uses: a stored value outside it is not ours. */
export const CALENDAR_DATE_BITS = 15;

/** A date field of an Article that may be a calendar date. */
export type DatedField = keyof typeof CALENDAR_DATE;

const DAY_MS = 86_400_000;

/** Whether `field` of an article was written as a calendar date (absent bits: a timed value, as before the field existed). */
export function isCalendarDate(a: { readonly calendarDates?: number }, field: DatedField): boolean {
  return ((a.calendarDates ?? 0) & CALENDAR_DATE[field]) !== 0;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2024-04-20`: the calendar date `ms` (its midnight UTC) stands for, the same in every time zone; '' for a non-finite ms. */
export function calendarDay(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  // Years are 1000-9999 when read from front matter (load/dates/written-date-formats.ts).
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * Whole days from the calendar date `ms` (its midnight UTC) to the local day `now` falls on: 0 for
 * today, 1 for yesterday, negative for a day to come. The local day, since "today" is the reader's.
 */
export function daysSince(ms: number, now: number): number {
  const localNow = now - new Date(now).getTimezoneOffset() * 60_000;
  return Math.floor(localNow / DAY_MS) - Math.floor(ms / DAY_MS);
}
