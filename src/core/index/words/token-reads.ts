// Tokens' articles read off the UI thread. At a million articles the first three letters of a word
// (`bit`, `sol`, `reg`) name tokens FTS5 answers with 0.4-1.1 million row ids: 60-120 ms of CPU
// on the key that typed them (more under load). TokenReads reads them on a thread of its own, with
// its own connection, each token's articles as a bitmap in a SharedArrayBuffer (TokenMarks' form,
// fts.ts), and raises a flag (Atomics) once a batch is done: the UI thread sees it at its next
// question without waiting for a message, so even keys typed back to back take the bitmaps as soon
// as they are in. Its own thread, not the wide words' (vocabulary.ts): a three-letter word must not
// wait behind a two-letter one's reads (0.2-1 s at a million).

import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { PAGE_CACHE_KIB } from '../../sqlite.js';
import { ftsString, markRows } from '../fts.js';

// The thread: each batch's tokens, one MATCH each, their rows set in the batch's bitmaps; then the
// batch's flag: 1 read, 2 failed (no connection, SQLite's error).
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const markRows = ${markRows.toString()};
const ftsString = ${ftsString.toString()};
const { file, module, articleOf } = workerData;
let match = null;
try {
  const db = new (require(module))(file, { readonly: true, fileMustExist: true });
  db.pragma('cache_size = -${PAGE_CACHE_KIB}');
  match = db.prepare('SELECT group_concat(rowid) FROM articles_fts WHERE articles_fts MATCH ?').pluck();
} catch {}
parentPort.on('message', ({ tokens, bitmaps, flag }) => {
  let state = 2;
  try {
    tokens.forEach((token, k) => {
      const rows = match.get(ftsString(token));
      if (typeof rows === 'string') markRows(rows, articleOf, new Uint32Array(bitmaps[k]));
    });
    state = 1;
  } catch {}
  const done = new Int32Array(flag);
  Atomics.store(done, 0, state);
  Atomics.notify(done, 0);
  parentPort.postMessage(null);
});
`;

/**
 * From this many articles an interim ask (a limited search) reads new tokens on a thread
 * (TokenReads, below): at 100k a common word's first three letters read ~0.1M row ids (~10 ms), at
 * a million 0.4-1.1M (60-120 ms, the keystroke's largest cost).
 */
export const THREAD_READS_FROM = 300_000;
/** How long a key waits for its tokens read on the thread (ms) before the caller answers the word meanwhile: a rare token's rows take well under it. */
export const THREAD_READS_WAIT_MS = 12;

/** How long, at most, a key whose answer meanwhile would differ from the exact one waits for its tokens (ms): a common word's take 0.1-0.5 s under load. */
export const THREAD_READS_FINISH_MS = 5_000;

/** WordIndex.open's choice of reading tokens on a thread: from `from` articles, a key waiting `waitMs` for them. */
export interface ThreadReads {
  from?: number;
  waitMs?: number;
}

/** What TokenReads reads: the index file (better-sqlite3 required from `sqliteModule`), the load's article id of each row id (-1: none), how many articles (ids 0..size-1). */
export interface TokenReadsSetup {
  file: string;
  sqliteModule: string;
  articleOf: Int32Array;
  size: number;
}

/** One batch asked of the thread: its tokens, their bitmaps (filled by the thread), its flag (0 reading, 1 read, 2 failed). */
interface Batch {
  tokens: string[];
  bitmaps: Uint32Array[];
  flag: Int32Array;
}

/**
 * Bitmaps of the articles holding each token asked for, read on a thread started on the first ask (or warm()).
 * `arrived` runs on this thread when a batch's message comes in (its bitmaps may have been taken
 * already: take() sees a finished batch without it). Never throws: on a failed thread `usable` is
 * false and the caller reads tokens itself.
 */
export class TokenReads {
  private worker: Worker | null = null;
  private failed = false;
  private readonly batches: Batch[] = [];
  // Batches dropped by close() and not told to take() yet.
  private dropped = false;
  // Tokens of the batches not taken yet.
  private readonly reading = new Set<string>();
  // Words the caller answers meanwhile, with their tokens (leave()).
  private readonly left = new Map<string, readonly string[]>();
  private readonly words: number;
  // Messages still to come of batches a caller waited for (finish()): it takes them and answers with
  // them, so their arrival is not told (at 1M an `arrived` there searched again: ~60 ms of the key).
  private silent = 0;

  constructor(private readonly setup: TokenReadsSetup, private readonly arrived: () => void) {
    this.words = Math.ceil(setup.size / 32);
  }

  /** False once the thread failed: nothing more is read. */
  get usable(): boolean {
    return !this.failed;
  }

  /** Whether `token` is asked for and its batch not taken yet. */
  has(token: string): boolean {
    return this.reading.has(token);
  }

  /** Notes that the caller answers `word` itself until its `tokens` are read (coming()); no tokens: it no longer does. */
  leave(word: string, tokens: readonly string[]): void {
    this.left.set(word, tokens);
  }

  /** Whether `word` was left to the caller (leave()) and some of its tokens are still being read. */
  coming(word: string): boolean {
    const tokens = this.left.get(word);
    if (!tokens) return false;
    if (tokens.some((t) => this.reading.has(t))) return true;
    this.left.delete(word);
    return false;
  }

  /**
   * Asks for the bitmaps of the tokens not asked for yet (one batch), then waits up to `waitMs` for
   * it on this thread (Atomics.wait: a rare token's rows are read in well under that; 0: no wait).
   */
  read(tokens: readonly string[], waitMs: number): void {
    const fresh = [...new Set(tokens)].filter((t) => !this.reading.has(t));
    if (fresh.length === 0 || this.failed) return;
    try {
      this.worker ??= this.start();
      const batch: Batch = { tokens: fresh, bitmaps: fresh.map(() => new Uint32Array(new SharedArrayBuffer(this.words * 4))), flag: new Int32Array(new SharedArrayBuffer(4)) };
      this.worker.postMessage({ tokens: fresh, bitmaps: batch.bitmaps.map((b) => b.buffer), flag: batch.flag.buffer });
      this.batches.push(batch);
      for (const t of fresh) this.reading.add(t);
      if (waitMs > 0) Atomics.wait(batch.flag, 0, 0, waitMs);
    } catch {
      this.close();
    }
  }

  /**
   * Waits on this thread (Atomics.wait) up to `waitMs` in all for every batch asked and not taken
   * yet: a key whose answer meanwhile would not be the exact one (search.ts) waits for the exact one.
   * The caller takes the finished batches next (take()) and answers with them: `arrived` is not
   * run for them.
   */
  finish(waitMs: number): void {
    const end = performance.now() + waitMs;
    for (const { flag } of this.batches) {
      const left = end - performance.now();
      if (left <= 0) break;
      Atomics.wait(flag, 0, 0, left);
    }
    // A finished batch not taken yet has its message to come: a message takes every finished batch.
    for (const { flag } of this.batches) if (Atomics.load(flag, 0) !== 0) this.silent += 1;
  }

  /**
   * The tokens and bitmaps of the batches finished since the last call (never modify a bitmap), or
   * null when none finished; a failed batch gives none of its tokens (and the thread is given up:
   * the batches still asked are dropped, `[]` at least once).
   */
  take(): Array<[string, Uint32Array]> | null {
    let out: Array<[string, Uint32Array]> | null = this.dropped ? [] : null;
    this.dropped = false;
    for (let k = 0; k < this.batches.length; k++) {
      const { tokens, bitmaps, flag } = this.batches[k];
      const state = Atomics.load(flag, 0);
      if (state === 0) continue;
      this.batches.splice(k--, 1);
      out ??= [];
      for (const t of tokens) this.reading.delete(t);
      if (state === 1) tokens.forEach((t, i) => out!.push([t, bitmaps[i]]));
      else this.close();
    }
    return out;
  }

  /**
   * Starts the thread now (an isolate, better-sqlite3 and the connection: at 1M 0.1-0.3 s of its own
   * with the list's counts beside it), so the first batch is read at once: started on the first
   * ask, the third letter of the first word typed waited for it (a 0.45 s key, CPU profile).
   */
  warm(): void {
    if (this.failed) return;
    try {
      this.worker ??= this.start();
    } catch {
      this.close();
    }
  }

  /** Ends the thread; nothing is read after. */
  close(): void {
    this.failed = true;
    this.dropped ||= this.batches.length > 0;
    this.batches.length = 0;
    this.reading.clear();
    void this.worker?.terminate();
    this.worker = null;
  }

  private start(): Worker {
    const { file, sqliteModule, articleOf } = this.setup;
    const worker = new Worker(PROGRAM, { eval: true, workerData: { file, module: sqliteModule, articleOf } });
    worker.on('message', () => {
      if (this.silent > 0) this.silent -= 1;
      else this.arrived();
    });
    worker.on('error', () => this.close());
    // Background work: the program may end while a token is read. Unreferenced after the listeners:
    // a Worker's first 'message' listener references its port again (Node's setupPortReferencing,
    // nodejs/node#53036), and an unref() before it left a process alive after its last work.
    worker.unref();
    return worker;
  }
}
