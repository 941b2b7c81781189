// The index's vocabulary (every distinct token of the full-text table), read once per session on
// a worker thread: fts5vocab walks the whole full-text index to list it (~0.5 s at 100k articles
// on a quiet machine, seconds on a busy one), which must not hold up the thread drawing the UI.
// Kept as one newline-joined string (~0.6 MB at 100k), so finding the tokens that contain a word is
// one indexOf loop.

import { Worker } from 'node:worker_threads';

// The worker: opens the file read-only, lists the tokens, posts them joined (or null on any error).
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
let out = null;
try {
  const Database = require(workerData.module);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    out = db.prepare('SELECT term FROM articles_vocab').pluck().all().join('\\n');
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

/**
 * Reads the vocabulary of the index at `file` on a worker thread; resolves with the tokens
 * joined by newlines, or null when it cannot be read (no file, not an index, threads
 * unavailable). Never rejects. `sqliteModule`: how the worker requires better-sqlite3.
 */
export function readVocabulary(file: string, sqliteModule: string): Promise<string | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(PROGRAM, { eval: true, workerData: { file, module: sqliteModule } });
    } catch {
      resolve(null);
      return;
    }
    worker.once('message', (text: unknown) => resolve(typeof text === 'string' ? text : null));
    worker.once('error', () => resolve(null));
    // The thread ends by itself once it has posted (a program waiting on it stays alive until then).
    worker.once('exit', () => resolve(null));
  });
}
