// A day, a month and a year all written as numbers: `11-04-2025`, `11/14/25`, `04.11.2025`,
// `4.11.25`. With dashes or slashes the value does not say whether the day or the month comes
// first (the US writes `11/14/25`, most of the world `14/11/25`): each order that makes a real
// date is a reading, and when two make different dates the value is ambiguous, reported and
// never guessed at (dates.ts). With dots it is the European spelling, day first only. A
// two-digit year is read as date-reading.ts's fullYear says (`25` is 2025, `99` is 1999); the
// year is always last (`25/11/14` is 25 November 2014, never 2025-11-14).

import { fullYear, utcDate } from './date-reading.js';

const NUMERIC_DATE = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;

/**
 * The readings of a date written as numbers (epoch ms of each reading's midnight UTC, day first
 * before month first, each once), or null when `s` is not written so. No reading: out of range.
 */
export function numericDateReadings(s: string): number[] | null {
  const m = NUMERIC_DATE.exec(s);
  if (!m) return null;
  const year = m[4].length === 2 ? fullYear(+m[4]) : +m[4];
  const dayFirst = utcDate(year, +m[3], +m[1]);
  const monthFirst = m[2] === '.' ? null : utcDate(year, +m[1], +m[3]);
  const readings: number[] = [];
  if (dayFirst !== null) readings.push(dayFirst);
  if (monthFirst !== null && monthFirst !== dayFirst) readings.push(monthFirst);
  return readings;
}
