// Dates written in other languages: `4. November 2025`, `4 novembre 2025`, `4 de noviembre de
// 2025`, `4 ноября 2025 г.`, `4 Kasım 2025`, `2025年11月4日`, `2025년 11월 4일`, `4 tháng 11, 2025`,
// with an optional weekday before and `10:30` after. The month names are ICU's own (Intl, as
// Node ships it: long and short, in a date and standing alone), never a hand list; a name two
// languages give different months (none among these today) reads as no month. The tables are
// made on the first value of this shape (ICU's locale data is then paged in), never for
// ISO or English dates (written-date-formats.ts's, tried first).

import { foldText } from '../../text/index.js';
import { utcDate } from './date-reading.js';

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

// The languages whose month names are read.
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
