// Compact publication dates for the article list: recent items read as an age ("3h", "5d"),
// older ones as a calendar date, with the year only when it is not the current one. Minutes are
// written `min`, never `m`: in the query language `since:3m` means three months (query.ts).
// The calendar date is written here, not by date-fns' format: that module is ~44 KB of code (its
// every token and locale), loaded before the warm start's first rows for two tokens; a test checks
// this against date-fns' `format(date, 'MMM d')` and `'MMM d yyyy'`.
//
// A calendar date (written with no time: core/calendar-date.ts) has no age in hours: it reads
// `today`, `1d`..`6d` counted in the reader's days, else its day as written, in every time zone.

import { daysSince } from '../calendar-date.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Short date for a list row: 'now' | '12min' | '3h' | '5d' | 'Nov 23' | 'Nov 23 2024'; for a
 * calendar date (`ms` its midnight UTC), 'today' | '5d' | 'Nov 23' | 'Nov 23 2024' with that day's
 * month and day in every time zone. '' for a non-finite ms or now.
 */
export function relativeDate(ms: number, now: number, calendar = false): string {
  if (!Number.isFinite(ms) || !Number.isFinite(now)) return '';
  if (calendar) return calendarRelative(ms, now);
  const age = now - ms;
  // A date in the future (clock skew, scheduled posts) gets a calendar date, never a negative age.
  if (age >= 0) {
    if (age < MINUTE) return 'now';
    if (age < HOUR) return `${Math.floor(age / MINUTE)}min`;
    if (age < DAY) return `${Math.floor(age / HOUR)}h`;
    if (age < 7 * DAY) return `${Math.floor(age / DAY)}d`;
  }
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return '';
  return monthDay(date.getFullYear(), date.getMonth(), date.getDate(), now);
}

// `Nov 23`, with the year when it is not the reader's current one.
function monthDay(year: number, month: number, day: number, now: number): string {
  const text = `${MONTHS[month]} ${day}`;
  // As date-fns' `yyyy`: at least four digits, a year before 1 as its era year (0 is 1 BC).
  return year === new Date(now).getFullYear() ? text : `${text} ${String(year > 0 ? year : 1 - year).padStart(4, '0')}`;
}

function calendarRelative(ms: number, now: number): string {
  const days = daysSince(ms, now);
  if (days === 0) return 'today';
  if (days > 0 && days < 7) return `${days}d`;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return '';
  return monthDay(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), now);
}
