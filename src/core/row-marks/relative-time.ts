// Compact publication dates for the article list: recent items read as an age ("3h", "5d"),
// older ones as a calendar date, with the year only when it is not the current one. Minutes are
// written `min`, never `m`: in the query language `since:3m` means three months (query.ts).
import { format } from 'date-fns/format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Short date for a list row: 'now' | '12min' | '3h' | '5d' | 'Nov 23' | 'Nov 23 2024'. */
export function relativeDate(ms: number, now: number): string {
  if (!Number.isFinite(ms) || !Number.isFinite(now)) return '';
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
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return format(date, sameYear ? 'MMM d' : 'MMM d yyyy');
}
