// Compact publication dates for the article list: recent items read as an age ("3h", "5d"),
// older ones as a calendar date, with the year only when it is not the current one. Minutes are
// written `min`, never `m`: in the query language `since:3m` means three months (query.ts).
// The calendar date is written here, not by date-fns' format: that module is ~44 KB of code (its
// every token and locale), loaded before the warm start's first rows for two tokens; a test checks
// this against date-fns' `format(date, 'MMM d')` and `'MMM d yyyy'`.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

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
  const year = date.getFullYear();
  const day = `${MONTHS[date.getMonth()]} ${date.getDate()}`;
  // As date-fns' `yyyy`: at least four digits, a year before 1 as its era year (0 is 1 BC).
  return year === new Date(now).getFullYear() ? day : `${day} ${String(year > 0 ? year : 1 - year).padStart(4, '0')}`;
}
