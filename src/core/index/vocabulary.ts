// The index's vocabulary (every distinct token of the full-text table). fts5vocab walks the whole
// full-text index to list it (~0.5 s at 100k articles on a quiet machine, seconds on a busy one),
// so it is read on a worker thread, never the one drawing the UI, and kept in the index's meta
// table for the next run, stamped with the row count, the highest row id and the rows still waiting
// for their text: ids are never reused (AUTOINCREMENT), so an unchanged stamp means unchanged text. Kept as one newline-joined string (~0.6 MB at 100k), so finding the
// tokens that contain a word is one indexOf loop.

import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { PAGE_CACHE_KIB } from '../sqlite.js';
import { editDistance } from './fts.js';

// The worker: the stored vocabulary when its stamp is current, else the listed one, stored for
// next time when the file can be written (read-only or busy: just not stored); null on any error.
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
let out = null;
try {
  const Database = require(workerData.module);
  let db;
  try {
    db = new Database(workerData.file, { fileMustExist: true, timeout: 200 });
  } catch {
    db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  }
  db.pragma('cache_size = -${PAGE_CACHE_KIB}');
  try {
    const stamp = db.prepare(workerData.stampSql).pluck().get();
    const kept = db.prepare("SELECT value FROM meta WHERE key = 'vocabulary'").pluck().get();
    if (typeof kept === 'string' && kept.startsWith(stamp)) {
      out = { stamp, text: kept.slice(stamp.length) };
    } else {
      out = { stamp, text: db.prepare('SELECT term FROM articles_vocab').pluck().all().join('\\n') };
      try {
        db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('vocabulary', ?)").run(stamp + out.text);
      } catch {}
    }
  } finally {
    db.close();
  }
} catch {}
parentPort.postMessage(out);
`;

/** The tokens of a vocabulary that contain `word`, at most `max` of them; null past `max`. */
export function tokensContaining(vocabulary: string, word: string, max: number): string[] | null {
  const found: string[] = [];
  if (word === '' || word.includes('\n')) return found;
  let at = vocabulary.indexOf(word);
  while (at >= 0) {
    const start = vocabulary.lastIndexOf('\n', at) + 1;
    let end = vocabulary.indexOf('\n', at);
    if (end < 0) end = vocabulary.length;
    found.push(vocabulary.slice(start, end));
    if (found.length > max) return null;
    // Next token: a word found twice in one token is one token.
    at = vocabulary.indexOf(word, end + 1);
  }
  return found;
}

// The edits a typo of `word` may make (nearestTokens).
const typoAllowance = (word: string): number => (word.length >= 7 ? 2 : 1);

/**
 * The typo pass's nearest tokens (search/typos/typo-rule.ts): the tokens of a sorted vocabulary
 * (newline-joined: the index's own form, and the in-memory one built the same way) at the least
 * distance from `word` within the typo allowance, ordered by code unit; none when none is that
 * near. Allowance: optimal string alignment distance (Damerau-Levenshtein, a swap of neighbours
 * is one edit) of 1 for four to six letters, 2 from seven, proportional to the word as in
 * Algolia's and Elasticsearch's AUTO fuzziness; the first letter shared (a typo there is rare,
 * and it bounds the scan to one stretch of the vocabulary, tokens of a fitting length only). None
 * below four letters: three letters with a typo allowed match noise everywhere.
 */
export function nearestTokens(vocabulary: string, word: string): string[] {
  if (word.length < 4) return [];
  const max = typoAllowance(word);
  let best = max;
  let found: string[] = [];
  eachWithFirst(vocabulary, word[0], word.length - max, word.length + max, (t) => {
    if (t === word) return;
    const d = editDistance(word, t, best);
    if (d > best) return;
    if (d < best) [best, found] = [d, []];
    found.push(t);
  });
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

// Calls `take` with each token of a newline-joined sorted vocabulary that starts with `first`
// (one stretch of it) and is `shortest` to `longest` characters long; no string is made for the others.
function eachWithFirst(vocabulary: string, first: string, shortest: number, longest: number, take: (token: string) => void): void {
  let at = 0;
  if (!vocabulary.startsWith(first)) {
    at = vocabulary.indexOf(`\n${first}`) + 1;
    if (at === 0) return;
  }
  for (;;) {
    let end = vocabulary.indexOf('\n', at);
    if (end < 0) end = vocabulary.length;
    if (end - at >= shortest && end - at <= longest) take(vocabulary.slice(at, end));
    if (end >= vocabulary.length || !vocabulary.startsWith(first, end + 1)) return;
    at = end + 1;
  }
}

/** A vocabulary and the stamp of the rows it was listed from (see vocabularyStamp). */
export interface Vocabulary {
  stamp: string;
  /** The tokens, joined by newlines. */
  text: string;
}

/**
 * The SQL giving the stamp a vocabulary is valid for: row count, highest row id and how many rows
 * still wait for their text (the full text is built after the rows), then a newline.
 */
export const STAMP_SQL = "SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || (SELECT count(*) FROM text_pending) || char(10) FROM articles";

/** The vocabulary an earlier run kept in the index's meta table, when it is the one of `stamp` (STAMP_SQL's); else null. */
export function keptVocabulary(db: Database.Database, stamp: string): Vocabulary | null {
  const kept = db.prepare("SELECT value FROM meta WHERE key = 'vocabulary'").pluck().get();
  return typeof kept === 'string' && kept.startsWith(stamp) ? { stamp, text: kept.slice(stamp.length) } : null;
}

/**
 * Lists the vocabulary of `db` (a connection that may write) and keeps it in the meta table for
 * the stamp of its rows now, unless the one kept is that one already. The text build's thread
 * calls it once the full text is complete (load/text-worker.ts): otherwise the first run to
 * search words after a cold build listed it on a thread of its own, an isolate (~20 MB more at
 * that run's peak at 100k articles). Throws SQLite's errors (a busy or read-only file).
 */
export function keepVocabulary(db: Database.Database): void {
  const stamp = db.prepare(STAMP_SQL).pluck().get() as string;
  if (keptVocabulary(db, stamp)) return;
  const text = (db.prepare('SELECT term FROM articles_vocab').pluck().all() as string[]).join('\n');
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('vocabulary', ?)").run(stamp + text);
}

/**
 * Reads the vocabulary of the index at `file` on a worker thread; resolves with it, or null when
 * it cannot be read (no file, not an index, threads unavailable). Never rejects.
 * `sqliteModule`: the path the worker requires better-sqlite3 from.
 */
export function readVocabulary(file: string, sqliteModule: string): Promise<Vocabulary | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(PROGRAM, { eval: true, workerData: { file, module: sqliteModule, stampSql: STAMP_SQL } });
    } catch {
      resolve(null);
      return;
    }
    const valid = (v: unknown): v is Vocabulary => typeof v === 'object' && v !== null && typeof (v as Vocabulary).stamp === 'string' && typeof (v as Vocabulary).text === 'string';
    worker.once('message', (v: unknown) => resolve(valid(v) ? v : null));
    worker.once('error', () => resolve(null));
    // The thread ends by itself once it has posted (a program waiting on it stays alive until then).
    worker.once('exit', () => resolve(null));
  });
}
