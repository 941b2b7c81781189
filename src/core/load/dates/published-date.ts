// Which time an article was published at, and what to say when the front matter's date cannot
// be read. Candidates in order: the date fields, a Jekyll `YYYY-MM-DD-` file-name prefix, the
// file's modification time. A date that is written but not understood (`next tuesday`, or the
// ambiguous `11-04-2025`) is never guessed at: the article falls back to the file's time, is
// marked `dateGuessed` (shown as `~` in the list), and the load reports one warning per file,
// `date "next tuesday" not understood; using the file's time`, so the user can fix the file.
// The other dates (updated, publish, expiry) are not guessed at either: one that is written but
// not read is not applied, with a note and a warning naming its key,
// `lastmod "yesterday" not understood; not applied` (a tester saw them dropped without a word).

import { readFlag } from '../flags.js';
import { sanitizeLine } from '../../text/index.js';
import { dateFromFileName, readDate, type DateReading } from './dates.js';

/**
 * Front-matter keys holding the publication date, first found wins: the generators' and feeds'
 * names, Obsidian's (`created`, and the Linter plugin's `date created` timestamp), schema.org's
 * (`datePublished`, `dateCreated`), then the snake_case ones of API dumps (CryptoPanic's
 * `published_at`, JSON Feed's `date_published`, `created_at`).
 */
export const PUBLISHED_KEYS = [
  'publishedAt', 'date', 'pubDate', 'published', 'publishDate', 'created', 'date created', 'datePublished', 'dateCreated',
  'published_at', 'date_published', 'created_at', 'date_created',
] as const;
/**
 * Front-matter keys holding the last update: Obsidian Linter's `date modified` and its users'
 * `last modified`, schema.org's `dateModified`, JSON Feed's `date_modified`, API dumps'
 * `updated_at`, Jekyll's `last_modified_at` plugin and Minimal Mistakes too.
 */
export const UPDATED_KEYS = [
  'updatedAt', 'updated', 'updatedDate', 'lastmod', 'modified', 'date modified', 'last modified', 'dateModified', 'lastModified',
  'updated_at', 'date_modified', 'last_modified', 'last_modified_at', 'modified_at',
] as const;

/** The chosen time, whether it is a guess or a calendar date (dates.ts), and the warning and inspector notes to record. */
export interface PublishedDate {
  at: number | null;
  guessed: boolean;
  /** Written as a day with no time (a file name's date is one): `at` is that day's midnight UTC. */
  dateOnly: boolean;
  /** At most one: reported on stderr as `path: warning`. */
  warnings: string[];
  notes: string[];
  /** The key whose value was not read and is warned about (publicationWindow warns about it no second time). */
  failedKey?: string;
}

const MAX_SHOWN = 60;

// The value as the warning quotes it: strings as written (cut), anything else as JSON; either
// way free of control characters (warnings reach stderr and the cache's strict record check).
function quoted(value: unknown): string {
  const text = sanitizeLine(typeof value === 'string' ? value.trim() : JSON.stringify(value) ?? String(value));
  const cut = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
  return JSON.stringify(cut);
}

// Made on first need: most loads never see an ambiguous date, and parse workers start cold.
let dayMonth: Intl.DateTimeFormat | null = null;
const longDate = (ms: number): string =>
  (dayMonth ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })).format(ms);

// The inspector note: what was used first (the row is often cut at 80 columns), then why.
function problem(value: unknown, reading: Exclude<DateReading, { ok: true }>): string {
  if (reading.why !== 'ambiguous') return `${quoted(value)} not understood`;
  const [a, b] = reading.readings.map(longDate);
  return `${quoted(value)} could be ${a} or ${b}`;
}

// Eleventy's own `date` values (https://www.11ty.dev/docs/dates/): `Last Modified` is the file's
// modification time, exactly what the file's time is; `Created` (the file's birth time) and the
// `git` ones (from the repository's history, which is not read) are stood in for by the file's
// time, marked guessed. Understood, so no warning.
const ELEVENTY_DATE = /^(git )?(last modified|created)$/i;

function eleventyDate(value: string, mtimeMs: number): PublishedDate | null {
  const m = ELEVENTY_DATE.exec(value.trim().replace(/\s+/g, ' '));
  if (!m || !Number.isFinite(mtimeMs)) return null;
  if (!m[1] && m[2].toLowerCase() === 'last modified') return { at: mtimeMs, guessed: false, dateOnly: false, warnings: [], notes: ['date: the file\'s modification time (Eleventy\'s "Last Modified")'] };
  return { at: mtimeMs, guessed: true, dateOnly: false, warnings: [], notes: [`date guessed from file time: Eleventy's ${quoted(value.trim())} is not read`] };
}

/** Picks the publication time from front matter, file name and file time. */
export function publishedDate(data: Record<string, unknown>, fileName: string, mtimeMs: number): PublishedDate {
  const notes: string[] = [];
  let failed: { key: string; value: unknown; reading: Exclude<DateReading, { ok: true }> } | null = null;
  for (const key of PUBLISHED_KEYS) {
    const value = data[key];
    if (value === undefined || value === null || typeof value === 'boolean') continue;
    if (key === 'published' && readFlag(value) !== null) continue; // Jekyll's `published: false`
    const eleventy = key === 'date' && typeof value === 'string' ? eleventyDate(value, mtimeMs) : null;
    if (eleventy) return eleventy;
    const reading = readDate(value);
    if (reading.ok) {
      if (!failed) return { at: reading.ms, guessed: false, dateOnly: reading.dateOnly, warnings: [], notes };
      notes.push(`date from ${key}: ${problem(failed.value, failed.reading)}`);
      const warning = `${failed.key} ${quoted(failed.value)} not understood; using ${key}`;
      return { at: reading.ms, guessed: false, dateOnly: reading.dateOnly, warnings: [warning], notes, failedKey: failed.key };
    }
    failed ??= { key, value, reading };
  }
  const fromName = dateFromFileName(fileName);
  if (fromName !== null) {
    if (!failed) return { at: fromName, guessed: false, dateOnly: true, warnings: [], notes };
    const warning = `${failed.key} ${quoted(failed.value)} not understood; using the date in the file name`;
    return { at: fromName, guessed: false, dateOnly: true, warnings: [warning], notes: [`date from file name: ${problem(failed.value, failed.reading)}`], failedKey: failed.key };
  }
  if (!Number.isFinite(mtimeMs)) return { at: null, guessed: false, dateOnly: false, warnings: [], notes };
  if (!failed) return { at: mtimeMs, guessed: true, dateOnly: false, warnings: [], notes: ['date guessed from file time'] };
  const warning = `${failed.key} ${quoted(failed.value)} not understood; using the file's time`;
  return { at: mtimeMs, guessed: true, dateOnly: false, warnings: [warning], notes: [`date guessed from file time: ${problem(failed.value, failed.reading)}`], failedKey: failed.key };
}

/** A date field's time in epoch ms, and whether it was written as a calendar day (dates.ts). */
export interface DatedValue {
  at: number;
  dateOnly: boolean;
}

/**
 * The first of `keys` whose value reads as a date. One written but not read is not applied: a
 * note for each such key, and one warning (into `warnings`) for the first unless it is `warned`,
 * the key publishedDate already warned about (`publishDate` is both the date and the publish date).
 */
function firstDate(data: Record<string, unknown>, keys: readonly string[], notes: string[], warnings: string[], warned?: string): DatedValue | null {
  let warn = true;
  for (const key of keys) {
    const value = data[key];
    if (value === undefined || value === null || value === '' || typeof value === 'boolean') continue;
    const reading = readDate(value);
    if (reading.ok) return { at: reading.ms, dateOnly: reading.dateOnly };
    const why = problem(value, reading);
    notes.push(`${key}: ${why}, not applied`);
    if (warn && key !== warned) warnings.push(`${key} ${why}; not applied`);
    warn = false;
  }
  return null;
}

/** The last-update time, or null; an unreadable one is not applied (a note, and a warning into `warnings`). */
export function updatedDate(data: Record<string, unknown>, notes: string[] = [], warnings: string[] = []): DatedValue | null {
  return firstDate(data, UPDATED_KEYS, notes, warnings);
}

/**
 * Keys of Hugo's publish date (its front matter is read without case; `publish_date` as Python's
 * and API dumps' generators write it, `pubDate` as RSS exports do) and of its expiry date.
 */
export const SCHEDULE_KEYS = ['publishDate', 'publishdate', 'publish_date', 'pubDate', 'pubdate'] as const;
export const EXPIRY_KEYS = ['expiryDate', 'expirydate', 'expiry_date', 'unpublishDate', 'unpublishdate', 'unpublish_date'] as const;

/**
 * The publish and expiry dates that bound when the article is listed (core/publication-window.ts),
 * each null when absent or unreadable (noted and warned about, as updatedDate's; `warned`: the key
 * publishedDate warned about already).
 */
export function publicationWindow(
  data: Record<string, unknown>, notes: string[], warnings: string[] = [], warned?: string,
): { scheduled: DatedValue | null; expires: DatedValue | null } {
  return { scheduled: firstDate(data, SCHEDULE_KEYS, notes, warnings, warned), expires: firstDate(data, EXPIRY_KEYS, notes, warnings, warned) };
}
