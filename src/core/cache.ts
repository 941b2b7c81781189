// The parsed-article cache: one metadata file and one file of lower-cased bodies per set of
// folder arguments, under $XDG_CACHE_HOME/crypto-news-tui (else ~/.cache/crypto-news-tui).
// Entries are keyed by path and trusted only while the file's size and mtime are unchanged.
//
// The files are data, never code: the metadata is JSON, laid out by column (cache-columns.ts),
// read with JSON.parse and then checked column by column before anything is used; the bodies are raw bytes that are only ever searched,
// never shown. Anything unexpected (bad JSON, another version, a wrong field, files from two
// different writes) makes the whole cache count as absent, and the next load rewrites it.

import { createHash, randomBytes } from 'node:crypto';
import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSafeText, R, type ArticleRecord } from './article-record.js';
import { BodyStore } from './body-store.js';
import { CachedRecords, toColumns } from './cache-columns.js';
import { lowerShortText } from './haystack.js';

/** Bump when the record layout or the parser's output changes. */
export const CACHE_FORMAT = 6;
const MAGIC = 'crypto-news-tui-cache';
const GENERATION_BYTES = 16;
const NON_ASCII_ALL = /[^\x00-\x7f]/g;
// In a pure-ASCII JSON text, a string can only come to hold a character that isRecord refuses
// (C0, DEL, C1, U+2028/9, bidi controls) through an escape (\b \f \n \r \t, or \u and the code)
// or a raw DEL byte: JSON.parse refuses raw C0 bytes inside strings. A text without any of these
// cannot hold one, so its records need only a shape check, not a regex per string (~0.1 s at 100k).
// Matches may be false alarms (an escaped backslash before `n`); those just take the slow check.
// In regex terms: /\\[bfnrt]|\\u(?:00[01][0-9a-f]|007f|00[89][0-9a-f]|202[89a-e]|206[6-9])|\x7f/i.
const UNSAFE_CODE = /^(?:00[01][0-9a-f]|007f|00[89][0-9a-f]|202[89a-e]|206[6-9])/i;
const BACKSLASH = 0x5c;

// Whether that regex matches the ASCII bytes of a text, from a native search for each backslash
// and DEL instead of a regex over all 45 MB (~20 ms at 100k; the usual text has ~50k backslashes).
function hasUnsafeEscape(bytes: Buffer): boolean {
  if (bytes.indexOf(0x7f) >= 0) return true;
  for (let at = bytes.indexOf(BACKSLASH); at >= 0 && at + 1 < bytes.length; at = bytes.indexOf(BACKSLASH, at + 1)) {
    const next = bytes[at + 1] | 0x20; // ASCII letters to lower case, as the regex's `i` flag
    if (next === 0x62 || next === 0x66 || next === 0x6e || next === 0x72 || next === 0x74) return true; // b f n r t
    if (next === 0x75 && UNSAFE_CODE.test(bytes.toString('latin1', at + 2, at + 6))) return true; // u
  }
  return false;
}
// Buffers per writev call (the usual IOV_MAX).
const WRITEV_BATCH = 1024;

/** One cached article: its record and its lower-cased UTF-8 body. */
export interface CacheEntry {
  readonly record: ArticleRecord;
  readonly lowerBody: Buffer;
}

/** Where cache files live: $XDG_CACHE_HOME/crypto-news-tui when that is absolute, else ~/.cache/crypto-news-tui. */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache');
  return path.join(base, 'crypto-news-tui');
}

// The parser's build: a rebuilt or upgraded parser may read the same bytes differently, so its
// files' modification time is part of the cache's version.
function parserStamp(): string {
  try {
    return String(fs.statSync(fileURLToPath(new URL('./parse.js', import.meta.url))).mtimeMs);
  } catch {
    return String(fs.statSync(fileURLToPath(import.meta.url)).mtimeMs);
  }
}

/** The version string a cache must carry to be read: format, parser build and read cap. */
export function cacheVersion(cap: number): string {
  return `${CACHE_FORMAT}:${parserStamp()}:${cap}`;
}

/** The path (without extension) of the cache for these folder arguments. */
export function cacheBase(dir: string, roots: readonly string[]): string {
  const key = createHash('sha256').update(JSON.stringify(roots.map((r) => path.resolve(r)))).digest('hex').slice(0, 20);
  return path.join(dir, key);
}

/** Deletes the cache files at `base` (see cacheBase), if there are any; never throws for a missing one. */
export function removeCache(base: string): void {
  for (const file of [`${base}.json`, `${base}.bodies`]) fs.rmSync(file, { force: true });
}

interface MetaFile {
  magic: string;
  version: string;
  generation: string;
  bodyBytes: number;
  shortBytes: number;
  columns: unknown;
}

function isMeta(v: unknown): v is MetaFile {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  return (
    m.magic === MAGIC && typeof m.version === 'string' && typeof m.generation === 'string' &&
    typeof m.bodyBytes === 'number' && Number.isInteger(m.bodyBytes) && m.bodyBytes >= 0 &&
    typeof m.shortBytes === 'number' && Number.isInteger(m.shortBytes) && m.shortBytes >= 0
  );
}

/** A cache read back and checked: the articles' columns and their lower-cased bodies. */
export class CacheContents {
  constructor(
    /** The cached metadata, by column. */
    readonly records: CachedRecords,
    /** The lower-cased bodies, read on demand. */
    readonly bodies: BodyStore,
  ) {}

  /** Number of cached articles. */
  get size(): number {
    return this.records.size;
  }

  /** Where article i's lower-cased body starts in `bodies`; it ends where article i + 1's starts (no array per call). */
  bodyStart(i: number): number {
    return GENERATION_BYTES + this.records.bodyStart(i);
  }

  /** Where article i's lower-cased UTF-8 body lies in `bodies`. */
  bodyRange(i: number): [start: number, end: number] {
    const [start, end] = this.records.bodyRange(i);
    return [GENERATION_BYTES + start, GENERATION_BYTES + end];
  }

  /** Which of the file's pieces (see BodyStore) is article i's short text. */
  shortPiece(i: number): number {
    return this.records.size + i;
  }

  /** Article i's lower-cased UTF-8 body (read from the file). */
  lowerBody(i: number): Buffer {
    const [start, end] = this.bodyRange(i);
    return this.bodies.read(start, end);
  }

  /**
   * Article i as a record and body, for a cache rewrite. Both are made only when the writer asks
   * for them, after the load has handed its articles back.
   */
  entry(i: number): CacheEntry {
    const contents = this;
    return {
      get record() { return contents.records.record(i); },
      get lowerBody() { return contents.lowerBody(i); },
    };
  }

  /** The entry cached for a path, if any. */
  get(filePath: string): CacheEntry | undefined {
    const i = this.records.indexOf(filePath);
    return i === undefined ? undefined : this.entry(i);
  }
}

const isString = (v: unknown): boolean => typeof v === 'string';

/** Reads the cache at `base`, or null when it is missing, foreign or damaged. Never throws. */
export function readCache(base: string, version: string): CacheContents | null {
  try {
    // Written as pure ASCII (see writeCache), so latin1 decoding is a plain copy into a
    // one-byte string; a byte above 0x7f means the file is not ours.
    const bytes = fs.readFileSync(`${base}.json`);
    if (!isAscii(bytes)) return null;
    const valid = hasUnsafeEscape(bytes) ? isSafeText : isString;
    const text = bytes.toString('latin1');
    const meta: unknown = JSON.parse(text);
    if (!isMeta(meta) || meta.version !== version) return null;
    const records = CachedRecords.from(meta.columns, valid);
    if (records === null || records.bodyBytes !== meta.bodyBytes || records.shortBytes !== meta.shortBytes) return null;
    if (!/^[0-9a-f]{32}$/.test(meta.generation)) return null;
    // The file holds every body, then every short text: 2n pieces, searched alike (BodyStore).
    const n = records.size;
    const shortsAt = GENERATION_BYTES + meta.bodyBytes;
    const bounds = new Float64Array(2 * n + 1);
    for (let i = 0; i < n; i++) {
      bounds[i] = GENERATION_BYTES + records.bodyStart(i);
      bounds[n + i] = shortsAt + records.shortStart(i);
    }
    bounds[2 * n] = shortsAt + meta.shortBytes;
    const bodies = BodyStore.open(`${base}.bodies`, shortsAt + meta.shortBytes, Buffer.from(meta.generation, 'hex'), bounds);
    return bodies && new CacheContents(records, bodies);
  } catch {
    return null;
  }
}

async function writeAll(file: string, chunks: readonly Buffer[]): Promise<void> {
  const handle = await fs.promises.open(file, 'w', 0o600);
  try {
    for (let i = 0; i < chunks.length; i += WRITEV_BATCH) await handle.writev(chunks.slice(i, i + WRITEV_BATCH));
  } finally {
    await handle.close();
  }
}

/**
 * Writes the cache for `entries` (in load order) at `base`, replacing any old one. Resolves
 * false instead of throwing when the cache cannot be written (read-only home, full disk).
 */
export async function writeCache(base: string, version: string, entries: readonly CacheEntry[]): Promise<boolean> {
  const tmp = `.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.promises.mkdir(path.dirname(base), { recursive: true, mode: 0o700 });
    const generation = randomBytes(GENERATION_BYTES);
    let bodyBytes = 0;
    let shortBytes = 0;
    // Each body once: a cached entry's body is read from the old file when asked for.
    const bodies = entries.map((e) => e.lowerBody);
    const records = entries.map((e, i) => {
      bodyBytes += bodies[i].length;
      if (e.record[R.bodyLength] === bodies[i].length) return e.record;
      const fixed = [...e.record] as ArticleRecord;
      fixed[R.bodyLength] = bodies[i].length;
      return fixed;
    });
    // Non-ASCII characters are written as \u escapes: a pure-ASCII file is read back as a
    // one-byte string, half the memory of the two-byte string one `…` in a title would force.
    const shorts = records.map((r) => Buffer.from(lowerShortText({ title: r[2], description: r[3], tags: r[10], categories: r[9], source: r[7], sourceKey: r[8] }), 'utf8'));
    for (const b of shorts) shortBytes += b.length;
    const columns = toColumns(records, shorts.map((b) => b.length));
    const meta = JSON.stringify({ magic: MAGIC, version, generation: generation.toString('hex'), bodyBytes, shortBytes, columns }).replace(
      NON_ASCII_ALL,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    await writeAll(`${base}.bodies${tmp}`, [generation, ...bodies, ...shorts]);
    await fs.promises.writeFile(`${base}.json${tmp}`, meta, { mode: 0o600 });
    // Bodies first: a reader between the two renames sees generations that differ and ignores both.
    await fs.promises.rename(`${base}.bodies${tmp}`, `${base}.bodies`);
    await fs.promises.rename(`${base}.json${tmp}`, `${base}.json`);
    return true;
  } catch {
    await Promise.all([`${base}.bodies${tmp}`, `${base}.json${tmp}`].map((f) => fs.promises.rm(f, { force: true }).catch(() => undefined)));
    return false;
  }
}
