// The compact, plain-data form of an article's metadata, shared by the parse workers (posted to
// the main thread) and the on-disk index's rows. A tuple instead of an object: no key repeated 100k
// times in JSON, and one validation function that every record from outside this thread passes
// through before it becomes an Article. Validation is strict and by field: an index file is
// untrusted input (another version, another program, or someone's edit), so a record with a
// wrong type, a non-finite number or a terminal control character is refused outright.
// `coverImage`, like body and front matter, is not kept: it is read back with them (lazy-article.ts).

import type { ArticleMeta, FrontMatterFormat } from './article.js';
import { CALENDAR_DATE_BITS } from './calendar-date.js';

/**
 * One article's metadata as plain JSON-safe data; `bodyLength` is the byte length of its
 * lower-cased body, `warnings` what the parse reported (so an indexed run reports the same).
 */
export type ArticleRecord = [
  path: string, relPath: string, title: string, description: string,
  publishedAt: number | null, dateGuessed: boolean, updatedAt: number | null,
  source: string, sourceKey: string, categories: string[], tags: string[],
  sentiment: string | null, score: number | null, lang: string | null, draft: boolean, stickyWeight: number,
  url: string | null, format: FrontMatterFormat,
  size: number, mtimeMs: number, notes: string[], inode: string, bodyLength: number, warnings: string[],
  coinFields: string[], externalId: string | null,
  // Null for the usual article with neither; one field, so that costs the row 5 bytes of JSON.
  window: [scheduledAt: number | null, expiresAt: number | null] | null,
  calendarDates: number,
];

/** Positions of the fields other modules read directly. */
export const R = { path: 0, relPath: 1, source: 7, sourceKey: 8, categories: 9, tags: 10, sentiment: 11, lang: 13, format: 17, size: 18, mtimeMs: 19, inode: 21, bodyLength: 22, warnings: 23, coinFields: 24, externalId: 25, window: 26, calendarDates: 27 } as const;
/** Number of fields in a record. */
export const RECORD_LENGTH = 28;
const FORMATS: ReadonlySet<string> = new Set(['yaml', 'toml', 'json', 'none']);
// Anything sanitizeLine would have removed: the parser never stores these, so finding one means
// the record was not written by us and must not reach the terminal.
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Metadata + file identity -> record. */
export function toRecord(a: ArticleMeta, inode: string, bodyLength: number, warnings: string[]): ArticleRecord {
  return [
    a.path, a.relPath, a.title, a.description, a.publishedAt, a.dateGuessed, a.updatedAt,
    a.source, a.sourceKey, a.categories, a.tags, a.sentiment, a.score, a.lang, a.draft, a.stickyWeight,
    a.url, a.format, a.size, a.mtimeMs, a.notes, inode, bodyLength, warnings, a.coinFields, a.externalId,
    a.scheduledAt === null && a.expiresAt === null ? null : [a.scheduledAt, a.expiresAt],
    a.calendarDates,
  ];
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumberOrNull = (v: unknown): boolean => v === null || isNumber(v);
const isCount = (v: unknown): boolean => isNumber(v) && Number.isInteger(v) && v >= 0;

// The record check with `isText` deciding what a display string may hold.
function recordCheck(isText: (v: unknown) => boolean): (v: unknown) => v is ArticleRecord {
  const isTextOrNull = (v: unknown): boolean => v === null || isText(v);
  const isTextList = (v: unknown): boolean => Array.isArray(v) && v.every(isText);
  return (v: unknown): v is ArticleRecord => {
    if (!Array.isArray(v) || v.length !== RECORD_LENGTH) return false;
    // The path is a file name, not display text: it may hold anything but NUL.
    return (
      typeof v[0] === 'string' && v[0] !== '' && !v[0].includes('\0') &&
      isText(v[1]) && isText(v[2]) && isText(v[3]) &&
      isNumberOrNull(v[4]) && typeof v[5] === 'boolean' && isNumberOrNull(v[6]) &&
      isText(v[7]) && isText(v[8]) && isTextList(v[9]) && isTextList(v[10]) &&
      isTextOrNull(v[11]) && isNumberOrNull(v[12]) && isTextOrNull(v[13]) && typeof v[14] === 'boolean' && isNumber(v[15]) &&
      isTextOrNull(v[16]) && typeof v[17] === 'string' && FORMATS.has(v[17]) &&
      isCount(v[18]) && isNumber(v[19]) && isTextList(v[20]) && typeof v[21] === 'string' && isCount(v[22]) && isTextList(v[23]) && isTextList(v[24]) &&
      isTextOrNull(v[25]) &&
      (v[26] === null || (Array.isArray(v[26]) && v[26].length === 2 && isNumberOrNull(v[26][0]) && isNumberOrNull(v[26][1]))) &&
      isCount(v[27]) && (v[27] & ~CALENDAR_DATE_BITS) === 0
    );
  };
}

/** True for a string free of control characters: what a record's display strings must be. */
export const isSafeText = (v: unknown): v is string => typeof v === 'string' && !UNSAFE.test(v);

/** True when `v` is a well-formed record whose display strings are free of control characters. */
export const isRecord = recordCheck(isSafeText);

/** A record's `inode` ("dev:ino", from files/read-sync.ts) as numbers; [-1, -1] when it is not one. */
export function splitInode(inode: string): [number, number] {
  // Called twice per file of a cold load (the index's row, the same-file check): without the
  // split's array and map, ~1 us less a call (100k: ~0.1 s of the load thread's CPU).
  const colon = inode.indexOf(':');
  if (colon < 0 || inode.indexOf(':', colon + 1) >= 0) return [-1, -1];
  const dev = Number(inode.slice(0, colon));
  const ino = Number(inode.slice(colon + 1));
  return dev >= 0 && ino >= 0 ? [dev, ino] : [-1, -1];
}
