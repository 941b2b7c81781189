// Words the index leaves to memory on a keystroke (one or two letters, a fragment more than
// MAX_TOKENS tokens hold) are left to the in-memory search, which reads bodies only as deep as
// BODY_DEPTH: the list's count is then a lower bound, and a negated one (`solana -et`) decided on
// the newest bodies alone. The index can answer them exactly, every token that contains the word
// OR-ed, but at a million articles that reads 5-7 million row ids (0.2-0.5 s of CPU for `de`),
// too much for a key: WideWords reads them on a thread of its own, with its own connection, and
// the search asks again once a word is in (its marks kept for the session).

import { Worker } from 'node:worker_threads';
import { BACKGROUND_NICENESS, lowerThread } from '../../background-priority.js';
import { PAGE_CACHE_KIB } from '../../sqlite.js';
import { ftsString, markRows } from '../fts.js';
import { tokensContaining } from '../vocabulary.js';

// Wide words' bitmaps kept at most (1 bit an article: 125 kB each at a million).
const WIDE_KEPT = 16;
// Tokens OR-ed in one MATCH at most; between two MATCHes a word asked later stops an older one's
// read. The first MATCHes take fewer: the shortest tokens come first (`the`, `and`, `is` for a
// letter), and once every article is marked the rest need not be read (`s` at a million: 0.4M
// tokens, 10 s, for a bitmap its first few tokens fill).
const TOKENS_PER_MATCH = 64;

// The thread: for each word asked, the bitmap of the articles holding a token that contains it,
// or null when a newer word was asked meanwhile (`newest`, shared) or SQLite failed.
const WIDE_PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const tokensContaining = ${tokensContaining.toString()};
const markRows = ${markRows.toString()};
const ftsString = ${ftsString.toString()};
const { file, module, vocabulary, articleOf, size, newest } = workerData;
// Background work: a key's own reads (the token thread's, the UI's) go first (background-priority.ts).
(${lowerThread.toString()})(require('node:fs'), require('node:os'), ${BACKGROUND_NICENESS});
const asked = new Int32Array(newest);
const db = new (require(module))(file, { readonly: true, fileMustExist: true });
db.pragma('cache_size = -${PAGE_CACHE_KIB}');
const match = db.prepare('SELECT group_concat(rowid) FROM articles_fts WHERE articles_fts MATCH ?').pluck();
const marked = (bits) => {
  let n = 0;
  for (let w = 0; w < bits.length; w++) {
    let v = bits[w] - ((bits[w] >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
};
parentPort.on('message', ({ word, seq }) => {
  let bits = new Uint32Array(Math.ceil(size / 32));
  try {
    const tokens = tokensContaining(vocabulary, word, Infinity).sort((a, b) => a.length - b.length);
    for (let i = 0, n = 4; bits && i < tokens.length && marked(bits) < size; i += n, n = Math.min(2 * n, ${TOKENS_PER_MATCH})) {
      if (Atomics.load(asked, 0) !== seq) bits = null;
      else {
        const rows = match.get(tokens.slice(i, i + n).map(ftsString).join(' OR '));
        if (typeof rows === 'string') markRows(rows, articleOf, bits);
      }
    }
  } catch {
    bits = null;
  }
  parentPort.postMessage({ word, seq, bits }, bits ? [bits.buffer] : []);
});
`;

/** What WideWords reads: the index file (better-sqlite3 required from `sqliteModule`), its vocabulary, the load's article id of each row id (-1: none), how many articles (ids 0..size-1). */
export interface WideSetup {
  file: string;
  sqliteModule: string;
  vocabulary: string;
  articleOf: Int32Array;
  size: number;
}

/**
 * Bitmaps (TokenMarks' form) of the articles holding a token that contains a word, read on a
 * thread started on the first ask. `answered(word)` runs on this thread once a word's bitmap is
 * in. Only the newest word asked is read: an older one still waiting or being read is dropped
 * (asked again by the search that still wants it). Never throws: on a failed thread no word is answered.
 */
export class WideWords {
  private worker: Worker | null = null;
  private failed = false;
  private readonly kept = new Map<string, Uint32Array>();
  // Words asked and not answered yet, with their ask's sequence number.
  private readonly asked = new Map<string, number>();
  private seq = 0;
  private readonly newest = new SharedArrayBuffer(4);

  constructor(private readonly setup: WideSetup, private readonly answered: (word: string) => void) {}

  /** The word's bitmap when read already (never modify it), else undefined. */
  marks(word: string): Uint32Array | undefined {
    const bits = this.kept.get(word);
    // The most recently used last: the first out past WIDE_KEPT.
    if (bits) this.kept.delete(word) && this.kept.set(word, bits);
    return bits;
  }

  /** Whether the word is asked for and not read yet. */
  coming(word: string): boolean {
    return this.asked.has(word);
  }

  /** Asks for the word's bitmap unless it is read, or is the newest asked. */
  want(word: string): void {
    if (this.failed || this.kept.has(word) || (this.asked.has(word) && this.asked.get(word) === this.seq)) return;
    try {
      this.worker ??= this.start();
      this.seq += 1;
      Atomics.store(new Int32Array(this.newest), 0, this.seq);
      this.asked.set(word, this.seq);
      this.worker.postMessage({ word, seq: this.seq });
    } catch {
      this.close();
    }
  }

  /** Ends the thread; no word is asked or answered after. */
  close(): void {
    this.failed = true;
    this.asked.clear();
    void this.worker?.terminate();
    this.worker = null;
  }

  private start(): Worker {
    const { file, sqliteModule, vocabulary, articleOf, size } = this.setup;
    const worker = new Worker(WIDE_PROGRAM, { eval: true, workerData: { file, module: sqliteModule, vocabulary, articleOf, size, newest: this.newest } });
    worker.on('message', ({ word, seq, bits }: { word: string; seq: number; bits: Uint32Array | null }) => {
      if (this.asked.get(word) === seq) this.asked.delete(word);
      if (!bits || this.failed) return;
      this.kept.set(word, bits);
      for (const oldest of this.kept.keys()) {
        if (this.kept.size <= WIDE_KEPT) break;
        this.kept.delete(oldest);
      }
      this.answered(word);
    });
    worker.on('error', () => this.close());
    // Background work: the program may end while a word is read. Unreferenced after the 'message'
    // listener, which would reference it again (nodejs/node#53036; token-reads.ts).
    worker.unref();
    return worker;
  }
}
