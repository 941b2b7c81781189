// Dates as front matter writes them: ISO strings, YAML timestamps (js-yaml hands back Date
// objects, TOML gives TomlDate), Jekyll's `2025-10-03 14:00:00 +0000` (which js-yaml leaves as a
// string), RSS `pubDate` (RFC 2822), epoch numbers in seconds or milliseconds, and the
// `YYYY-MM-DD-` prefix of Jekyll file names. A time without a zone is read as UTC so the same
// corpus gives the same timestamps on every machine.

// Date, optional time (T or spaces), optional fraction, optional zone (Z, UTC, +hh:mm, +hhmm, +hh).
const ISO_LIKE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const YEAR_MIN = 1000;
const YEAR_MAX = 9999;
// Below this an epoch number is taken as seconds: 1e11 s is the year 5138, 1e11 ms is 1973.
const SECONDS_BELOW = 1e11;

/** Epoch ms for a UTC calendar time, or null when a part is out of range (Feb 30, 25:00, ...). */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | null {
  if (y < YEAR_MIN || y > YEAR_MAX || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return null;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms));
  if (date.getUTCDate() !== d || date.getUTCMonth() !== mo - 1) return null;
  return date.getTime();
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
  if (Number.isInteger(n) && n >= YEAR_MIN && n <= YEAR_MAX) return utc(n, 1, 1); // `date: 2024`
  const ms = Math.abs(n) < SECONDS_BELOW ? n * 1000 : n;
  return Math.abs(ms) <= 8.64e15 ? Math.round(ms) : null;
}

function fromString(raw: string): number | null {
  const s = raw.trim();
  if (s === '' || s.length > 64) return null;
  if (/^-?\d+(?:\.\d+)?$/.test(s)) return fromEpoch(Number(s));
  const m = ISO_LIKE.exec(s);
  if (m) {
    const fraction = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    const base = utc(+m[1], +m[2], +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, fraction);
    return base === null ? null : base - zoneOffsetMinutes(m[8]) * 60_000;
  }
  // RFC 2822 and "November 14, 2025": only strings with a month name and a 4-digit year reach
  // Date.parse, which otherwise accepts nonsense like "1" as a date.
  if (/[a-z]{3}/i.test(s) && /\b\d{4}\b/.test(s)) {
    const ms = Date.parse(s);
    if (Number.isFinite(ms)) {
      const year = new Date(ms).getUTCFullYear();
      if (year >= YEAR_MIN && year <= YEAR_MAX) return ms;
    }
  }
  return null;
}

/** Epoch ms from any front-matter date value, or null when it is not a date. */
export function parseDate(value: unknown): number | null {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? ms : null;
  }
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value === 'string') return fromString(value);
  return null;
}

/** Epoch ms (UTC midnight) from a Jekyll `YYYY-MM-DD-slug.md` file name, else null. */
export function dateFromFileName(fileName: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})-/.exec(fileName);
  return m ? utc(+m[1], +m[2], +m[3]) : null;
}
