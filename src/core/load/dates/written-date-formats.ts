// The date spellings other than ISO 8601 that front matter carries, read with date-fns `parse`
// and an explicit list of formats: RFC 2822 as RSS writes it (`Tue, 04 Nov 2025 10:30:00 GMT`),
// `4 Nov 2025`, `November 4, 2025`, `2025/11/04`, `04.11.2025`, with or without a time and zone.
// The value is taken apart first (weekday, ordinal suffix, zone, time), so a handful of date
// formats and time formats cover every combination and an unreadable value costs at most
// DATE_FORMATS.length failed attempts (~4 us each). Times are read in UTC (@date-fns/utc), so
// the result does not depend on the machine's time zone or its daylight-saving gaps: its minimal
// date class, getters and setters only. The full `UTCDate` module makes three Intl.DateTimeFormat
// as it is imported, for its formatters: every program that loads a corpus then paged in ~5 MB of
// ICU's locale data from node's binary (resident, and counted in the peak RSS) that it never used.
//
// date-fns' `parse` is required on the first date that needs it, not imported: its ~60 modules
// (~40 ms of CPU to import unbundled, 67 KB of a parse thread's bundle) serve only the dates above,
// which most corpora never write (front-matter/engines.ts does the same for js-yaml and smol-toml).

import { createRequire } from 'node:module';
import { UTCDateMini } from '@date-fns/utc/date/mini';
import { isValid } from 'date-fns/isValid';
import { foldText } from '../../text/index.js';

const require = createRequire(import.meta.url);
let dateFnsParse: typeof import('date-fns/parse').parse | null = null;

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

// Day-month-year with dots is the European spelling only (04.11.2025); with dashes or slashes
// the order is ambiguous and dates.ts handles it before this list is tried.
const DATE_FORMATS = [
  'd MMM yyyy', 'd MMMM yyyy', 'MMM d yyyy', 'MMMM d yyyy', 'MMM d, yyyy', 'MMMM d, yyyy',
  'd MMM, yyyy', 'd MMMM, yyyy', 'd-MMM-yyyy', 'yyyy/M/d', 'yyyy.M.d', 'd.M.yyyy', 'yyyy MMM d', 'yyyy MMMM d',
  // ISO's year-month-day before a zone name or a 12-hour time ISO has neither of (`2024-01-02 03:04:05 EST`, `2024-01-02 3:04 PM`).
  'yyyy-M-d',
];
const TIME_FORMATS = ['H:mm', 'H:mm:ss', 'h:mm a', 'h:mm:ss a', 'h a'];
// RFC 2822's zone names (obsolete but still in feeds) plus the Central European ones feeds use.
const ZONE_NAMES: Readonly<Record<string, number>> = {
  z: 0, ut: 0, utc: 0, gmt: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  cet: 60, cest: 120,
};

const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
const ORDINAL = /(\d)(?:st|nd|rd|th)\b/gi;
const MONTH_DOT = /\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\./gi;
const COMMENT = /\s*\([^()]*\)$/; // Date#toString's "(Central European Standard Time)", RFC 2822 comments
const NUMERIC_ZONE = /\s(?:gmt|utc|ut)?([+-])(\d{2}):?(\d{2})$/i;
const NAMED_ZONE = /\s([a-z]{1,4})$/i;
const TIME = /(?:,?\s+|T)(?:at\s+)?(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)$/i;
// Both are UTC dates, so the fields date-fns reads are taken as UTC fields.
const REFERENCE = new UTCDateMini(2000, 0, 1);

function parseWith(text: string, formats: readonly string[]): Date | null {
  const parse = (dateFnsParse ??= (require('date-fns/parse') as typeof import('date-fns/parse')).parse);
  for (const format of formats) {
    const d = parse(text, format, REFERENCE);
    if (isValid(d)) return d;
  }
  return null;
}

// Splits a trailing zone off; returns [rest, offset in minutes], or null for an unknown name.
function takeZone(s: string): [string, number] | null {
  const numeric = NUMERIC_ZONE.exec(s);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    if (Number(numeric[2]) > 14 || Number(numeric[3]) > 59) return null;
    return [s.slice(0, numeric.index), numeric[1] === '-' ? -minutes : minutes];
  }
  const named = NAMED_ZONE.exec(s);
  if (named && !/^\d/.test(named[1])) {
    const name = named[1].toLowerCase();
    if (Object.hasOwn(ZONE_NAMES, name)) return [s.slice(0, named.index), ZONE_NAMES[name]];
    if (/^[a-z]{1,4}$/i.test(name) && !/^(?:am|pm|a|p)$/i.test(name) && !DATE_WORD.test(name)) return null;
  }
  return [s, 0];
}
// Words that end a date rather than name a zone ("4 Nov", "Tuesday, Nov").
const DATE_WORD = /^(?:jan|feb|mar|apr|may|jun|june|jul|july|aug|sep|sept|oct|nov|dec)$/i;

/**
 * A date read from text: epoch ms, and whether it was written as a calendar day with neither a
 * time nor a zone (`ms` is then that day's midnight UTC: core/calendar-date.ts).
 */
export interface WrittenDate {
  ms: number;
  dateOnly: boolean;
}

// A WrittenDate from utcDate's answer (null: a part out of range).
const written = (ms: number | null, dateOnly: boolean): WrittenDate | null => (ms === null ? null : { ms, dateOnly });

/** A written (non-ISO) date, or null when no format reads it. */
export function readWrittenDate(value: string): WrittenDate | null {
  if (!/[a-z./]/i.test(value)) return null;
  let s = value.replace(/\s+/g, ' ').trim().replace(COMMENT, '').replace(WEEKDAY, '');
  s = s.replace(ORDINAL, '$1').replace(MONTH_DOT, '$1').replace(/\bsept\b/i, 'Sep');
  const zone = takeZone(s);
  if (zone === null) return null;
  let [rest] = zone;
  const offset = zone[1];
  const zoned = rest !== s;
  let timeMs = 0;
  const time = TIME.exec(rest);
  if (time) {
    const clock = time[1].replace(/\s*([ap])\.?m\.?$/i, ' $1M').toUpperCase();
    const t = parseWith(clock, TIME_FORMATS);
    if (t === null) return null;
    timeMs = t.getTime() - REFERENCE.getTime();
    rest = rest.slice(0, time.index);
  }
  const day = parseWith(rest.trim(), DATE_FORMATS);
  if (day === null) return null;
  const year = day.getUTCFullYear();
  if (year < YEAR_MIN || year > YEAR_MAX) return null;
  return { ms: day.getTime() + timeMs - offset * 60_000, dateOnly: !time && !zoned };
}

// Dates written in other languages: `4. November 2025`, `4 novembre 2025`, `4 de noviembre de
// 2025`, `4 ноября 2025 г.`, `4 Kasım 2025`, `2025年11月4日`, `2025년 11월 4일`, `4 tháng 11, 2025`,
// with an optional weekday before and `10:30` after. The month names are ICU's own (Intl, as
// Node ships it: long and short, in a date and standing alone), never a hand list; a name two
// languages give different months (none among these today) reads as no month. The tables are
// made on the first value of this shape (ICU's locale data is then paged in), never for
// ISO or English dates.
const LOCAL_LANGUAGES = ['de', 'fr', 'es', 'it', 'pt', 'ca', 'nl', 'sv', 'da', 'nb', 'fi', 'pl', 'cs', 'sk', 'ro', 'ru', 'uk', 'tr', 'id'];
// Day, month word, year: `4.`, `de`/`del` between (Spanish, Portuguese, Catalan), a year mark after.
const LOCAL_DMY = /^(\d{1,2})\.?\s+(?:de\s+|d['’])?(\p{L}+)\.?,?\s+(?:de\s+|del\s+)?(\d{4})(?:\s*(?:г|р|r|roku|року|года|год)\.?)?$/u;
// Year, month, day as numbers with CJK or Korean marks; Vietnamese `tháng` (month) numbers.
const CJK_YMD = /^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?$/;
const VIETNAMESE_DMY = /^(?:ngày\s+)?(\d{1,2})\s+(?:tháng|thg)\s+(\d{1,2}),?\s+(?:năm\s+)?(\d{4})$/iu;
// A weekday (any language) before the day, and a time after the year (`, 10:30`, `à 10h30`,
// `a las 10:30`, `10:30 Uhr`, `10時30分`).
const LOCAL_WEEKDAY = /^\p{L}+\.?,?\s+(?=(?:ngày\s+)?\d)/u;
const LOCAL_TIME = /(?:,?\s+(?:\p{L}+\s+){0,2}|\s*)(\d{1,2})(?:[:h時시]\s*(\d{2})(?::(\d{2}))?[分분]?)(?:\s*uhr)?$/iu;

let localMonths: ReadonlyMap<string, number> | null = null;

// Every language's month names, folded (case and accents, as search folds them) -> month 1-12,
// 0 where two languages disagree.
function monthNames(): ReadonlyMap<string, number> {
  const names = new Map<string, number>();
  const add = (name: string, month: number): void => {
    const key = foldText(name.normalize('NFC')).replace(/\.$/, '');
    if (!/^\p{L}+$/u.test(key)) return;
    const known = names.get(key);
    names.set(key, known === undefined || known === month ? month : 0);
  };
  for (const lang of LOCAL_LANGUAGES) {
    for (const width of ['long', 'short'] as const) {
      const inDate = new Intl.DateTimeFormat(lang, { day: 'numeric', month: width, year: 'numeric', timeZone: 'UTC' });
      const alone = new Intl.DateTimeFormat(lang, { month: width, timeZone: 'UTC' });
      for (let m = 1; m <= 12; m++) {
        const at = Date.UTC(2025, m - 1, 4);
        for (const part of inDate.formatToParts(at)) if (part.type === 'month') add(part.value, m);
        add(alone.format(at), m);
      }
    }
  }
  return names;
}

/** A date written in another language (see above), or null. */
export function readLocalDate(value: string): WrittenDate | null {
  let s = value.normalize('NFC').replace(/\s+/g, ' ').trim();
  let h = 0;
  let mi = 0;
  let sec = 0;
  const time = LOCAL_TIME.exec(s);
  const timed = time !== null && time.index > 0;
  if (timed) {
    [h, mi, sec] = [Number(time[1]), Number(time[2] ?? 0), Number(time[3] ?? 0)];
    s = s.slice(0, time.index).replace(/[,\s]+$/, '');
  }
  const cjk = CJK_YMD.exec(s);
  if (cjk) return written(utcDate(+cjk[1], +cjk[2], +cjk[3], h, mi, sec), !timed);
  s = s.replace(LOCAL_WEEKDAY, '');
  const vi = VIETNAMESE_DMY.exec(s);
  if (vi) return written(utcDate(+vi[3], +vi[2], +vi[1], h, mi, sec), !timed);
  const dmy = LOCAL_DMY.exec(s);
  if (!dmy) return null;
  const month = (localMonths ??= monthNames()).get(foldText(dmy[2]));
  return month ? written(utcDate(+dmy[3], month, +dmy[1], h, mi, sec), !timed) : null;
}
