// The parsed-article cache: one metadata file and one file of lower-cased bodies per set of
// folder arguments, under $XDG_CACHE_HOME/crypto-news-tui (else ~/.cache/crypto-news-tui).
// Entries are keyed by path and trusted only while the file's size and mtime are unchanged.
//
// The files are data, never code: the metadata is JSON, read with JSON.parse and then checked
// record by record (article-record.ts); the bodies are raw bytes that are only ever searched,
// never shown. Anything unexpected (bad JSON, another version, a wrong field, files from two
// different writes) makes the whole cache count as absent, and the next load rewrites it.

import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRecord, isRecordShape, R, type ArticleRecord } from './article-record.js';

/** Bump when the record layout or the parser's output changes. */
export const CACHE_FORMAT = 3;
const MAGIC = 'crypto-news-tui-cache';
const GENERATION_BYTES = 16;
const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_ALL = /[^\x00-\x7f]/g;
// In a pure-ASCII JSON text, a string can only come to hold a character that isRecord refuses
// (C0, DEL, C1, U+2028/9, bidi controls) through an escape (\b \f \n \r \t, or \u and the code)
// or a raw DEL byte: JSON.parse refuses raw C0 bytes inside strings. A text without any of these
// cannot hold one, so its records need only a shape check, not a regex per string (~0.1 s at 100k).
// Matches may be false alarms (an escaped backslash before `n`); those just take the slow check.
const UNSAFE_ESCAPE = /\\[bfnrt]|\\u(?:00[01][0-9a-f]|007f|00[89][0-9a-f]|202[89a-e]|206[6-9])|\x7f/i;
// Buffers per writev call (the usual IOV_MAX).
const WRITEV_BATCH = 1024;

/** One cached article: its record and its lower-cased UTF-8 body. */
export interface CacheEntry {
  record: ArticleRecord;
  lowerBody: Buffer;
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

interface MetaFile {
  magic: string;
  version: string;
  generation: string;
  bodyBytes: number;
  strings: unknown[];
  records: unknown[];
}

// Fields that repeat across most articles (source, tags, ...) are stored once in a string table
// and referenced by index: the metadata file shrinks and JSON.parse makes each string once.
const SHARED = [R.source, R.sourceKey, R.sentiment, R.lang, R.format] as const;
const SHARED_LISTS = [R.categories, R.tags] as const;

function pack(records: readonly ArticleRecord[]): { strings: string[]; records: unknown[][] } {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
  const packed = records.map((r) => {
    const p: unknown[] = [...r];
    for (const f of SHARED) p[f] = r[f] === null ? null : ref(r[f] as string);
    for (const f of SHARED_LISTS) p[f] = r[f].map(ref);
    return p;
  });
  return { strings, records: packed };
}

// Resolves string-table references in place; false when a reference is not a valid index.
function unpack(p: unknown[], strings: readonly string[]): boolean {
  if (!Array.isArray(p)) return false;
  const at = (v: unknown): string | undefined => (typeof v === 'number' ? strings[v] : undefined);
  for (const f of SHARED) {
    if (p[f] === null) continue;
    const s = at(p[f]);
    if (s === undefined) return false;
    p[f] = s;
  }
  for (const f of SHARED_LISTS) {
    const list = p[f];
    if (!Array.isArray(list)) return false;
    for (let i = 0; i < list.length; i++) {
      const s = at(list[i]);
      if (s === undefined) return false;
      list[i] = s;
    }
  }
  return true;
}

function isMeta(v: unknown): v is MetaFile {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  return (
    m.magic === MAGIC && typeof m.version === 'string' && typeof m.generation === 'string' &&
    typeof m.bodyBytes === 'number' && Number.isInteger(m.bodyBytes) && m.bodyBytes >= 0 &&
    Array.isArray(m.strings) && m.strings.every((s) => typeof s === 'string') && Array.isArray(m.records)
  );
}

/** Reads the cache at `base`: entries by path, or null when it is missing, foreign or damaged. Never throws. */
export function readCache(base: string, version: string): Map<string, CacheEntry> | null {
  try {
    // Written as pure ASCII (see writeCache), so latin1 decoding is a plain copy into a
    // one-byte string; a byte above 0x7f means the file is not ours.
    const text = fs.readFileSync(`${base}.json`, 'latin1');
    if (NON_ASCII.test(text)) return null;
    const meta: unknown = JSON.parse(text);
    if (!isMeta(meta) || meta.version !== version) return null;
    const valid = UNSAFE_ESCAPE.test(text) ? isRecord : isRecordShape;
    let total = 0;
    const strings = meta.strings as string[];
    for (const r of meta.records) {
      if (!unpack(r as unknown[], strings) || !valid(r)) return null;
      total += r[R.bodyLength];
    }
    if (total !== meta.bodyBytes) return null;
    const bodies = fs.readFileSync(`${base}.bodies`);
    if (bodies.length !== GENERATION_BYTES + total) return null;
    if (bodies.subarray(0, GENERATION_BYTES).toString('hex') !== meta.generation) return null;
    const entries = new Map<string, CacheEntry>();
    let offset = GENERATION_BYTES;
    for (const r of meta.records as ArticleRecord[]) {
      entries.set(r[R.path], { record: r, lowerBody: bodies.subarray(offset, offset + r[R.bodyLength]) });
      offset += r[R.bodyLength];
    }
    return entries;
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
    const records = entries.map((e) => {
      bodyBytes += e.lowerBody.length;
      if (e.record[R.bodyLength] === e.lowerBody.length) return e.record;
      const fixed = [...e.record] as ArticleRecord;
      fixed[R.bodyLength] = e.lowerBody.length;
      return fixed;
    });
    // Non-ASCII characters are written as \u escapes: a pure-ASCII file is read back as a
    // one-byte string, half the memory of the two-byte string one `…` in a title would force.
    const meta = JSON.stringify({ magic: MAGIC, version, generation: generation.toString('hex'), bodyBytes, ...pack(records) }).replace(
      NON_ASCII_ALL,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    await writeAll(`${base}.bodies${tmp}`, [generation, ...entries.map((e) => e.lowerBody)]);
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
