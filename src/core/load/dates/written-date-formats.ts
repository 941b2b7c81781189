// The date spellings other than ISO 8601 that front matter carries, read with date-fns `parse`
// and an explicit list of formats: RFC 2822 as RSS writes it (`Tue, 04 Nov 2025 10:30:00 GMT`),
// `4 Nov 2025`, `8. March 2024`, `November 4, 2025`, `2025/11/04`, `04.11.2025`, `11/14/25`, ISO
// week dates (`2025-W45-2`), a month alone (`2025-11`), with or without a time and a zone. The
// value is taken apart first (comment, weekday, ordinal suffix, the day's dot, zone, time), so a
// handful of date formats and time formats cover every combination and an unreadable value
// costs at most DATE_FORMATS.length failed attempts (~4 us each). Times are read in UTC
// (@date-fns/utc), so the result does not depend on the machine's time zone or its
// daylight-saving gaps: its minimal date class, getters and setters only. The full `UTCDate`
// module makes three Intl.DateTimeFormat as it is imported, for its formatters: every program
// that loads a corpus then paged in ~5 MB of ICU's locale data from node's binary (resident, and
// counted in the peak RSS) that it never used. Only a zone named by place (`Europe/Berlin`,
// `ET`) needs ICU, and only then (zones.ts).
//
// date-fns' `parse` is required on the first date that needs it, not imported: its ~60 modules
// (~40 ms of CPU to import unbundled, 67 KB of a parse thread's bundle) serve only the dates above,
// which most corpora never write (front-matter/engines.ts does the same for js-yaml and smol-toml).

import { createRequire } from 'node:module';
import { UTCDateMini } from '@date-fns/utc/date/mini';
import { isValid } from 'date-fns/isValid';
import { fullYear, known, UNREADABLE, YEAR_MAX, YEAR_MIN, type DateReading } from './date-reading.js';
import { numericDateReadings } from './numeric-dates.js';
import { instantIn, takeZone } from './zones.js';

const require = createRequire(import.meta.url);
let dateFnsParse: typeof import('date-fns/parse').parse | null = null;

// Numbers alone in a day-month-year order are numeric-dates.ts's, tried before this list.
const DATE_FORMATS = [
  'd MMM yyyy', 'd MMMM yyyy', 'MMM d yyyy', 'MMMM d yyyy', 'MMM d, yyyy', 'MMMM d, yyyy',
  'd MMM, yyyy', 'd MMMM, yyyy', 'd-MMM-yyyy', 'd-MMMM-yyyy', 'yyyy/M/d', 'yyyy.M.d', 'yyyy MMM d', 'yyyy MMMM d',
  // ISO's year-month-day before a zone name or a 12-hour time ISO has neither of (`2024-01-02 03:04:05 EST`, `2024-01-02 3:04 PM`).
  'yyyy-M-d',
  // ISO 8601's week dates, extended and basic (`2025-W45-2`, `2025W452`); a week alone is its Monday.
  "RRRR-'W'II-i", "RRRR'W'IIi", "RRRR-'W'II", "RRRR'W'II",
  // A month alone is its first day, as a year alone (`date: 2025`) is its first of January.
  'yyyy-M', 'yyyy/M', 'MMMM yyyy', 'MMM yyyy',
];
const TIME_FORMATS = ['H:mm', 'H:mm:ss', 'h:mm a', 'h:mm:ss a', 'h a'];

// Anything a written date has that the ISO and epoch numbers dates.ts reads first have not.
const WRITTEN = /[a-z./,:-]/i;
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
// `21st`, `4th of November` (British): the day alone.
const ORDINAL = /(\d)(?:st|nd|rd|th)\b(?:\s+of\b)?/gi;
const MONTH_DOT = /\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\./gi;
// The day's dot before a month's name (`8. March 2024`, as German and Obsidian Linter's templates write it).
const DAY_DOT = /\b(\d{1,2})\.\s?(?=[a-z])/gi;
const COMMENT = /\s*\([^()]*\)$/; // Date#toString's "(Central European Standard Time)", RFC 2822 comments
const CLOCK = String.raw`(?:\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)`;
const TIME = new RegExp(String.raw`(?:,?\s+|T)(?:at\s+)?(${CLOCK})$`, 'i');
// A time written first (`10:30 AM, Nov 4, 2025`, `9:15 pm ET on Tuesday, Nov 4, 2025`): moved after the date.
// A zone after it is one only before a comma or `on` (`12:30 Nov 4 2025` is the time, then the date).
const TIME_FIRST = new RegExp(String.raw`^(${CLOCK})(?![a-z])((?:\s[a-z]{1,4}(?=,|\son\s))?),?\s(?:on\s)?(.+)$`, 'i');
// C's asctime and Unix `date` (`Nov 4 10:30:00 2025`, `Nov 4 10:30:00 UTC 2025`, the weekday gone): the year moved before the time.
const ASCTIME = /^([a-z]{3,9} \d{1,2}) (\d{1,2}:\d{2}(?::\d{2})?)((?: (?:[a-z]{1,5}|[+-]\d{4}))?) (\d{4})$/i;
// A two-digit year after a month's name: RFC 850's `04-Nov-25`, RFC 822's `4 Nov 25`.
const SHORT_YEAR = /^(\d{1,2}[ -][a-z]{3,9}[ -])(\d{2})$/i;
// Both are UTC dates, so the fields date-fns reads are taken as UTC fields.
const REFERENCE = new UTCDateMini(2000, 0, 1);
const DAY_MS = 86_400_000;

function parseWith(text: string, formats: readonly string[]): Date | null {
  const parse = (dateFnsParse ??= (require('date-fns/parse') as typeof import('date-fns/parse')).parse);
  for (const format of formats) {
    const d = parse(text, format, REFERENCE);
    if (isValid(d)) return format.includes('W') && !weekOfItsYear(d, text) ? null : d;
  }
  return null;
}

// Whether a week date's day lies in the week-numbering year written (date-fns reads `2025-W53`,
// a week 2025 does not have, as 2026's first): the Thursday of an ISO week is in its year.
function weekOfItsYear(d: Date, text: string): boolean {
  const isoDay = d.getUTCDay() || 7;
  return new Date(d.getTime() + (4 - isoDay) * DAY_MS).getUTCFullYear() === Number(text.slice(0, 4));
}

// A clock's ms after midnight (`10:30`, `9:57:11 pm`, `10:30:00.123456789`), or null.
function clockMs(text: string): number | null {
  const fraction = /\.(\d+)/.exec(text);
  const clock = text.replace(/\.\d+/, '').replace(/\s*([ap])\.?m\.?$/i, ' $1M').toUpperCase();
  const t = parseWith(clock, TIME_FORMATS);
  if (t === null) return null;
  return t.getTime() - REFERENCE.getTime() + (fraction ? Math.floor(Number(`0.${fraction[1]}`) * 1000) : 0);
}

// The date part's readings (midnight UTC of each), or null when no format reads it.
function dayReadings(text: string): number[] | null {
  const numeric = numericDateReadings(text);
  if (numeric !== null) return numeric.length === 0 ? null : numeric;
  const short = SHORT_YEAR.exec(text);
  const day = parseWith(short ? `${short[1]}${fullYear(Number(short[2]))}` : text, DATE_FORMATS);
  if (day === null) return null;
  const year = day.getUTCFullYear();
  return year < YEAR_MIN || year > YEAR_MAX ? null : [day.getTime()];
}

// The value with what the formats do not spell taken out or put in their order (see above).
function tidy(value: string): string {
  const s = value.replace(/\s+/g, ' ').trim().replace(COMMENT, '').replace(WEEKDAY, '')
    .replace(ORDINAL, '$1').replace(MONTH_DOT, '$1').replace(/\bsept\b/i, 'Sep').replace(DAY_DOT, '$1 ');
  const first = TIME_FIRST.exec(s);
  const dated = first ? `${first[3].replace(WEEKDAY, '')} ${first[1]}${first[2]}` : s;
  return dated.replace(ASCTIME, '$1 $4 $2$3');
}

/**
 * A written (non-ISO) date's reading, or null when no format here reads it (local-dates.ts may).
 * A day and month in an order the value does not settle is `ambiguous` (numeric-dates.ts).
 */
export function readWrittenDate(value: string): DateReading | null {
  if (!WRITTEN.test(value)) return null;
  const zoned = takeZone(tidy(value));
  if (zoned === null) return null;
  let rest = zoned.rest;
  let timeMs = 0;
  const time = TIME.exec(rest);
  if (time) {
    const ms = clockMs(time[1]);
    if (ms === null) return null;
    timeMs = ms;
    rest = rest.slice(0, time.index);
  }
  const days = dayReadings(rest.trim());
  if (days === null) return null;
  const dateOnly = !time && zoned.zone === null;
  const [first, second] = days.map((day) => instantIn(day + timeMs, zoned.zone));
  if (first === null || second === null) return UNREADABLE;
  return second === undefined ? known(first, dateOnly) : { ok: false, why: 'ambiguous', readings: [first, second] };
}
