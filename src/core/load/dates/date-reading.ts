// What a front-matter date value reads as, and the UTC calendar arithmetic every reader of one
// shares (dates.ts, written-date-formats.ts, numeric-dates.ts, local-dates.ts).

/**
 * How a date value reads: a time (epoch ms; `dateOnly` when written as a calendar day, dates.ts),
 * or why not (`ambiguous` names both readings in epoch ms).
 */
export type DateReading =
  | { ok: true; ms: number; dateOnly: boolean }
  | { ok: false; why: 'unreadable' }
  | { ok: false; why: 'ambiguous'; readings: [number, number] };

/** The reading of a value that is no date. */
export const UNREADABLE: DateReading = { ok: false, why: 'unreadable' };

/** A reading of epoch ms (null: unreadable); `dateOnly` for a value written with neither a time nor a zone. */
export const known = (ms: number | null, dateOnly = false): DateReading => (ms === null ? UNREADABLE : { ok: true, ms, dateOnly });

/** Years accepted anywhere in a front-matter date. */
export const YEAR_MIN = 1000;
export const YEAR_MAX = 9999;

/** Epoch ms for a UTC calendar time, or null when a part is out of range (Feb 30, 25:00, ...). */
export function utcDate(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | null {
  if (y < YEAR_MIN || y > YEAR_MAX || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return null;
  // Whole numbers within the day (what every reader passes): the time cannot leave its day, so
  // the day is valid exactly when the month has it. Without a Date object and its two reads,
  // which were half of the time of reading a date.
  if (Number.isInteger(y) && Number.isInteger(mo) && Number.isInteger(d) && Number.isInteger(h) && Number.isInteger(mi) && Number.isInteger(s) && Number.isInteger(ms) && h >= 0 && mi >= 0 && s >= 0 && ms >= 0 && ms < 1000) {
    return d > daysInMonth(y, mo) ? null : Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  }
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms));
  if (date.getUTCDate() !== d || date.getUTCMonth() !== mo - 1) return null;
  return date.getTime();
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Days of month `mo` (1-12) of year `y` in the proleptic Gregorian calendar, as Date counts them.
function daysInMonth(y: number, mo: number): number {
  return mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[mo - 1];
}

/**
 * The year a two-digit year (`25` in `11/14/25`, `04-Nov-25`) stands for, by POSIX strptime's
 * `%y` rule: 69-99 are 1969-1999, 00-68 are 2000-2068. Fixed, not relative to today, so a
 * corpus reads the same every year.
 */
export const fullYear = (yy: number): number => (yy >= 69 ? 1900 + yy : 2000 + yy);
