// Dates as people write them in front matter. ISO 8601 (and Jekyll's `2025-10-03 14:00:00 +0000`)
// is read by a strict pattern of its own, the fast path every generated corpus takes. Everything
// else goes through date-fns `parse` with an explicit list of formats (written-date-formats.ts),
// never through `Date.parse`, whose guesses differ between engines and accept nonsense. Epoch
// numbers are seconds below 1e11, milliseconds above. A time without a zone is read as UTC so a
// corpus gives the same timestamps on every machine.
//
// A numeric day and month in either order (`11-04-2025`, `11/4/25`) is ambiguous: when both
// readings are real, different dates the value is reported as not understood rather than guessed
// (numeric-dates.ts).
//
// A value written as a day with neither a time nor a zone (`2024-04-20`, `4 Nov 2025`, a file
// name's date, `date: 2024`) is a calendar date, not an instant: its reading says `dateOnly` and
// its ms is that day's midnight UTC, which core/calendar-date.ts shows as that day in every zone.

import { known, UNREADABLE, utcDate, YEAR_MAX, YEAR_MIN, type DateReading } from './date-reading.js';
import { readLocalDate, type WrittenDate } from './local-dates.js';
import { readWrittenDate } from './written-date-formats.js';

export type { DateReading } from './date-reading.js';

// Date, optional time (T or spaces), optional fraction, optional zone (Z, UTC, +hh:mm, +hhmm, +hh).
const ISO_LIKE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
// ISO 8601's basic format: 20251104, 20251104T1030, 20251104T103000Z, 20251104103000.
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
// RFC 9557's zone after an offset (`2025-11-04T10:30:00+01:00[Europe/Berlin]`, Temporal's
// toString): the offset is the time's, the bracket (and any annotation after it) a label.
const OFFSET_THEN_PLACE = /(\d(?:Z|[+-]\d{2}(?::?\d{2})?))(?:\[[^\]]*\])+$/i;
// An Org-mode timestamp, active `<...>` or inactive `[...]` (orgmode.org/manual/Timestamps.html):
// the date, a day name in any language (`Tue`, `Di.`), a time or a time range (`10:30-11:30`: its
// start), repeaters and warnings (`+1w`, `-2d`); a range `<...>--<...>` is its start. Org writes
// them in `#+DATE:` and ox-hugo's and Obsidian users' front matter copies them.
const ORG_STAMP = /^[<[](\d{4})-(\d{2})-(\d{2})(?:\s+[^\s\d>\]]+)?(?:\s+(\d{1,2}):(\d{2})(?:-\d{1,2}:\d{2})?)?(?:\s+(?:\.\+|\+\+|\+|--?)\d+[hdwmy](?:\/\d+[hdwmy])?)*\s*[>\]](?:--[<[].*)?$/;
const ORG_DAY = /^\s*\d{4}-\d{2}-\d{2}\s+[^\s\d]/;
// Below this an epoch number is taken as seconds: 1e11 s is the year 5138, 1e11 ms is 1973.
const SECONDS_BELOW = 1e11;
// The spelling most feeds write (JavaScript's toISOString, whole seconds or milliseconds, UTC):
// `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.mmmZ`, read before the general patterns, to the
// same time as ISO_LIKE gives it. Read by character codes, not a RegExp: the match's seven
// captures and their conversions were a fifth of a cold load's normalising (two dates a file).
const ISO_UTC_SHORT = 20;
const ISO_UTC_LONG = 24;

// The decimal number the characters of `s` from `at` to `to` (exclusive) spell in ASCII digits; -1 when one is not a digit.
function digitsAt(s: string, at: number, to: number): number {
  let n = 0;
  for (let i = at; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

// Epoch ms of a value in the ISO_UTC spelling above (null: a part out of range, as utcDate
// says), or undefined when `s` is not in that spelling.
function isoUtc(s: string): number | null | undefined {
  const long = s.length === ISO_UTC_LONG;
  if (!long && s.length !== ISO_UTC_SHORT) return undefined;
  if (s.charCodeAt(4) !== 45 /* - */ || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 /* T */ || s.charCodeAt(13) !== 58 /* : */ || s.charCodeAt(16) !== 58) return undefined;
  if (s.charCodeAt(s.length - 1) !== 90 /* Z */ || (long && s.charCodeAt(19) !== 46) /* . */) return undefined;
  const y = digitsAt(s, 0, 4);
  const mo = digitsAt(s, 5, 7);
  const d = digitsAt(s, 8, 10);
  const h = digitsAt(s, 11, 13);
  const mi = digitsAt(s, 14, 16);
  const sec = digitsAt(s, 17, 19);
  const ms = long ? digitsAt(s, 20, 23) : 0;
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0 || ms < 0) return undefined;
  return utcDate(y, mo, d, h, mi, sec, ms);
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (!zone || /^(z|utc|gmt)$/i.test(zone)) return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function fromEpoch(n: number): number | null {
  if (!Number.isFinite(n)) return null;
  if (Number.isInteger(n) && n >= YEAR_MIN && n <= YEAR_MAX) return utcDate(n, 1, 1); // `date: 2024`
  const ms = Math.abs(n) < SECONDS_BELOW ? n * 1000 : n;
  return Math.abs(ms) <= 8.64e15 ? Math.round(ms) : null;
}

function fromIso(m: RegExpExecArray): number | null {
  const fraction = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  const base = utcDate(+m[1], +m[2], +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, fraction);
  return base === null ? null : base - zoneOffsetMinutes(m[8]) * 60_000;
}

const knownWritten = (d: WrittenDate | null): DateReading => (d === null ? UNREADABLE : { ok: true, ms: d.ms, dateOnly: d.dateOnly });

function readString(raw: string): DateReading {
  const utc = isoUtc(raw);
  if (utc !== undefined) return known(utc);
  const trimmed = raw.trim();
  const s = trimmed.endsWith(']') ? trimmed.replace(OFFSET_THEN_PLACE, '$1') : trimmed;
  if (s === '' || s.length > 100) return UNREADABLE;
  // Eight or fourteen digits that spell a date are that date (as epoch numbers they would be
  // 1970 in seconds or the year 2611 in ms, which nobody means); other numbers are epochs.
  const basic = /^\d{8}$|^\d{14}$|T|Z|[+-]\d/i.test(s) ? ISO_BASIC.exec(s) : null;
  if (basic) {
    const base = utcDate(+basic[1], +basic[2], +basic[3], basic[4] ? +basic[4] : 0, basic[5] ? +basic[5] : 0, basic[6] ? +basic[6] : 0);
    const ms = base === null ? null : base - zoneOffsetMinutes(basic[7]) * 60_000;
    if (ms !== null || !/^\d+$/.test(s)) return known(ms, !basic[4] && !basic[7]);
  }
  if (/^-?\d+(?:\.\d+)?$/.test(s)) return epochReading(Number(s));
  const iso = ISO_LIKE.exec(s);
  if (iso) return known(fromIso(iso), !iso[4] && !iso[8]);
  const org = s.charCodeAt(0) === 60 /* < */ || s.charCodeAt(0) === 91 /* [ */ ? ORG_STAMP.exec(s) : null;
  if (org) return orgReading(org);
  return readWrittenDate(s) ?? knownWritten(readLocalDate(s));
}

// A number: a year alone (`date: 2024`) is its first day, a calendar date; else an epoch time.
function epochReading(n: number): DateReading {
  return known(fromEpoch(n), Number.isInteger(n) && n >= YEAR_MIN && n <= YEAR_MAX);
}

// An Org timestamp's match: a calendar date unless it holds a time.
function orgReading(org: RegExpExecArray): DateReading {
  return known(utcDate(+org[1], +org[2], +org[3], org[4] ? +org[4] : 0, org[5] ? +org[5] : 0), !org[4]);
}

/** How any front-matter date value reads; lists, objects and booleans are unreadable. */
export function readDate(value: unknown): DateReading {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? { ok: true, ms, dateOnly: false } : UNREADABLE;
  }
  if (typeof value === 'number') return epochReading(value);
  if (typeof value === 'string') return readString(value);
  // Org's inactive timestamp written unquoted in YAML (`date: [2025-11-04 Tue 10:30]`) is a list of
  // one string to YAML; as the timestamp it was meant to be, it is that date. Its day name must be
  // there: a list of a bare date (`[2025-11-04]`) is a list, as before.
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string' && ORG_DAY.test(value[0])) {
    const org = ORG_STAMP.exec(`[${value[0].trim()}]`);
    if (org) return orgReading(org);
  }
  return UNREADABLE;
}

/** Epoch ms from any front-matter date value, or null when it is not (unambiguously) a date. */
export function parseDate(value: unknown): number | null {
  const reading = readDate(value);
  return reading.ok ? reading.ms : null;
}

/** Epoch ms (UTC midnight) from a Jekyll `YYYY-MM-DD-slug.md` file name, else null: always a calendar date. */
export function dateFromFileName(fileName: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})-/.exec(fileName);
  return m ? utcDate(+m[1], +m[2], +m[3]) : null;
}
