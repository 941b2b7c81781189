// Free words answered by the on-disk index, with the search's own meaning of a match: an article
// matches a word when its folded text (title, description, tags, categories, source, body; see
// text/fold.ts) contains the word. Every column of the FTS5 table holds that text split by
// unicode61 (remove_diacritics 2) at each character that is not a letter or digit, so for a word
// of ASCII letters and digits the text contains it exactly when one of its tokens does: the
// vocabulary names those tokens (vocabulary.ts) and FTS5 the articles holding one of them. The
// same answer as reading every body, for all of them, at any corpus size; other words (accents,
// punctuation, other scripts) and words too short to narrow anything are left to the in-memory
// search, which then reads only the articles the index kept (`containing`'s `rest`).
// Words reach SQLite only as quoted FTS5 strings bound as a parameter.

import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import { openDatabase } from '../sqlite.js';
import { APPLICATION_ID, INDEX_FORMAT } from './database.js';
import { ftsString, markRows, marksTogether, newMarks, TokenMarks, type Marks } from './fts.js';
import { cacheDirectory, indexFile } from './location.js';
import { INDEX_WORD, MAX_TOKENS, MIN_WORD as MIN_LENGTH } from './query-plan.js';
import { keptVocabulary, nearestTokens, readVocabulary, STAMP_SQL, tokensContaining, type Vocabulary } from './vocabulary.js';
import { THREAD_READS_FINISH_MS, THREAD_READS_FROM, THREAD_READS_WAIT_MS, type ThreadReads, TokenReads } from './words/token-reads.js';
import { WideWords } from './words/wide-words.js';
import type { Interim, WordAnswer, WordSource } from './words/word-source.js';

export type { Interim, WordAnswer, WordSource } from './words/word-source.js';
export { THREAD_READS_FROM, THREAD_READS_WAIT_MS, type ThreadReads } from './words/token-reads.js';

/**
 * Starts reading the vocabulary of the index at `file` (or the one kept for `paths`) off this
 * thread, so it can overlap a load; hand the promise to WordIndex.open.
 */
export function startVocabulary(file: string): Promise<Vocabulary | null> {
  return readVocabulary(file, createRequire(import.meta.url).resolve('better-sqlite3'));
}

export { INDEX_WORD, MAX_TOKENS, MIN_LENGTH, nearestTokens };

// Filter terms whose marks are kept (1 bit an article each: 125 kB at a million).
const HELD_KEPT = 4;

/** The on-disk index's answer to free words, for one load's articles. `close()` when done. */
export class WordIndex implements WordSource {
  private readonly match: Database.Statement;
  // Article id of each index row id (-1: not an article of this load). Shared memory, written only
  // here: the token and wide-word threads are handed the same bytes, not a copy each (4 MB at 1M).
  private readonly articleOf: Int32Array;
  private memo: { key: string; answer: WordAnswer | null } | null = null;

  private constructor(
    private readonly db: Database.Database,
    /** Its vocabulary (vocabulary.ts), for the typo rule (search/typos/typo-rule.ts). */
    readonly vocabulary: string,
    indexIds: Int32Array,
    private readonly file: string,
    threadReads: ThreadReads = {},
  ) {
    this.covered = indexIds.length;
    let max = -1;
    for (const id of indexIds) if (id > max) max = id;
    this.articleOf = new Int32Array(new SharedArrayBuffer((max + 1) * Int32Array.BYTES_PER_ELEMENT)).fill(-1);
    indexIds.forEach((row, id) => {
      if (row >= 0) this.articleOf[row] = id;
    });
    // One string of the token's row ids: at 1M, 0.76M rows for `reg`'s nine tokens, read as an array
    // of numbers and then marked, cost ~1.7x the CPU of this string read and parsed (~55 ms).
    this.match = db.prepare('SELECT group_concat(rowid) FROM articles_fts WHERE articles_fts MATCH ?').pluck();
    // A coin's rows as one string too: at 1M `coin:eth`'s rows read as an array of numbers and marked cost ~340 ms of CPU (load 20).
    this.coin = db.prepare('SELECT group_concat(id) FROM article_coins WHERE symbol = ?').pluck();
    // One token's articles: FTS5 asked for that token alone, its rows marked as this load's articles.
    this.tokens = new TokenMarks(this.covered, (token, bits) => {
      const rows: unknown = this.match.get(ftsString(token));
      if (typeof rows === 'string') markRows(rows, this.articleOf, bits);
    });
    this.waitMs = threadReads.waitMs ?? THREAD_READS_WAIT_MS;
    const setup = { file, sqliteModule: createRequire(import.meta.url).resolve('better-sqlite3'), articleOf: this.articleOf, size: this.covered };
    // A batch's message: its bitmaps in (unless a key took them already), and the caller told to ask again.
    this.reads = this.covered >= (threadReads.from ?? THREAD_READS_FROM) ? new TokenReads(setup, () => (this.settle(), this.answered?.())) : null;
  }

  // Tokens read on a thread for interim asks (null: below THREAD_READS_FROM articles), and how long a key waits for them.
  private readonly reads: TokenReads | null;
  private readonly waitMs: number;
  private answered: (() => void) | null = null;
  private answers = 0;

  // Each token's articles, read once (fts.ts TokenMarks): a keystroke's words answered from them.
  private readonly tokens: TokenMarks;

  private readonly coin: Database.Statement;
  // The last HELD_KEPT terms' marks: a query holds a few (`coin:eth -sec` two), and each is asked
  // for on every keystroke; with the last one only kept, two terms read each other's out (at 1M a
  // coin's rows read again and a word's tokens OR-ed again, 50-150 ms a key).
  private readonly held = new Map<string, Marks | null>();
  // The last words' token groups asked and the articles they marked (never modified once made).
  private lastMatch: { expression: string; marks: Marks } | null = null;

  readonly covered: number;
  // Words left to memory on a key, read on a thread once answerLater() is called (vocabulary.ts).
  private wide: WideWords | null = null;

  /**
   * Grows each time a word the index left to the caller is answered since (answerLater): the
   * filters it decides may differ. Reading it takes in the tokens read on the thread since (TokenReads).
   */
  get version(): number {
    this.settle();
    return this.answers;
  }

  /**
   * From now on, a word this index leaves to the caller but can answer (ASCII letters and digits,
   * too short or held by too many tokens to read on a key) is read on a thread of its own; once it
   * is in, `version` grows and `answered` runs: the same question then has it answered (exact
   * counts, every body decided). Without this call such words stay with the caller. `warm`: start
   * the token thread now (TokenReads.warm), not on the first word it reads: at 1M that word waited.
   */
  answerLater(answered: () => void, warm = false): void {
    if (warm) this.reads?.warm();
    this.wide?.close();
    this.answered = answered;
    const setup = { file: this.file, sqliteModule: createRequire(import.meta.url).resolve('better-sqlite3'), vocabulary: this.vocabulary, articleOf: this.articleOf, size: this.covered };
    this.wide = new WideWords(setup, (word) => {
      this.answers += 1;
      this.memo = null;
      this.held.delete(`word:${word}`);
      answered();
    });
  }

  /**
   * Opens the index at `file` for the load that gave `indexIds` (LoadResult.indexIds); resolves
   * with null when the index cannot serve (missing, not this program's current format,
   * unreadable, its full text not all built yet) or some article has no row in it. Never rejects. `early`: a vocabulary read
   * while the load ran (startVocabulary), used when no row changed since; else it is read again.
   * `between` is awaited between its parts (each ~5-25 ms at 100k articles, ~75 ms in one piece):
   * a UI passes a turn of its event loop, so a key typed meanwhile waits for one part, not all.
   */
  static async open(file: string, indexIds: Int32Array, early?: Promise<Vocabulary | null>, threadReads?: ThreadReads, between: () => Promise<void> = async () => {}): Promise<WordIndex | null> {
    if (indexIds.some((id) => id < 0)) return null;
    let db: Database.Database | null = null;
    try {
      db = openDatabase(file, { readonly: true, fileMustExist: true });
      // While rows wait for their text (built after the list), FTS5 cannot answer for them.
      const ours = db.pragma('application_id', { simple: true }) === APPLICATION_ID && db.pragma('user_version', { simple: true }) === INDEX_FORMAT;
      if (ours && db.prepare('SELECT count(*) FROM text_pending').pluck().get() === 0) {
        await between();
        const stamp = db.prepare(STAMP_SQL).pluck().get() as string;
        let vocabulary = early ? await early : null;
        await between();
        // The one kept in the index by an earlier run is read here (one row, a few ms): a thread
        // started for it is an isolate of its own (~10 MB more at the peak); listing it is not.
        if (vocabulary?.stamp !== stamp) vocabulary = keptVocabulary(db, stamp) ?? (await startVocabulary(file));
        await between();
        if (vocabulary?.stamp === stamp) return new WordIndex(db, vocabulary.text, indexIds, file, threadReads);
      }
    } catch {
      // fall through: no index
    }
    db?.close();
    return null;
  }

  /** WordIndex.open on the index kept for `paths` under `cacheDir` (default: the user's cache folder). */
  static forLoad(paths: readonly string[], indexIds: Int32Array, early?: Promise<Vocabulary | null>, cacheDir = cacheDirectory(), threadReads?: ThreadReads, between?: () => Promise<void>): Promise<WordIndex | null> {
    return WordIndex.open(indexFile(cacheDir, paths), indexIds, early, threadReads, between);
  }

  containing(words: readonly string[], interim: Interim | null = null): WordAnswer | null {
    const key = `${interim ? '~' : ''}${[...words].sort().join(' ')}`;
    if (this.memo?.key === key) return this.memo.answer;
    const answer = this.ask(words, interim);
    this.memo = { key, answer };
    return answer;
  }

  later(words: readonly string[], interim: Interim): boolean {
    if (!this.reads) return false;
    this.containing(words, interim);
    return words.some((w) => this.reads!.coming(w));
  }

  holding(term: { kind: 'word' | 'coin'; value: string }): Marks | null {
    const key = `${term.kind}:${term.value}`;
    const known = this.held.get(key);
    if (known !== undefined) {
      this.held.delete(key);
      this.held.set(key, known);
      return known;
    }
    let marks: Marks | null = null;
    if (term.kind === 'word') {
      const answer = this.ask([term.value]);
      marks = answer && answer.rest.length === 0 ? answer.marks : null;
    } else {
      try {
        const rows: unknown = this.coin.get(term.value);
        marks = newMarks(this.covered);
        if (typeof rows === 'string') markRows(rows, this.articleOf, marks);
      } catch {
        marks = null;
      }
    }
    this.held.set(key, marks);
    for (const oldest of this.held.keys()) {
      if (this.held.size <= HELD_KEPT) break;
      this.held.delete(oldest);
    }
    return marks;
  }

  finishLater(): void { this.reads?.finish(THREAD_READS_FINISH_MS); this.settle(); }

  coming(word: string): boolean {
    return (this.reads?.coming(word) ?? false) || (this.wide?.coming(word) ?? false);
  }

  // Takes in the tokens the thread read since (TokenReads.take): the answer remembered may have left
  // one of their words to the caller. `version` stays: what a search remembers under it (eligible
  // lists, negated words' marks) does not depend on positive words, and a new version made the next
  // key at 1M list ~1M eligible ids again (~100 ms with its collection).
  private settle(): void {
    const read = this.reads?.take();
    if (!read) return;
    for (const [token, bits] of read) this.tokens.keep(token, bits);
    this.memo = null;
  }

  // For an interim ask of `word`: true when some of its tokens are still to be read, on the thread (asked now when not yet,
  // waiting up to waitMs for them); false when every one is kept, or can be read here (the caller cannot answer it meanwhile).
  private readLater(word: string, tokens: readonly string[], interim: Interim): boolean {
    if (!this.reads?.usable) return false;
    const missing = tokens.filter((t) => !this.tokens.has(t));
    if (missing.length === 0 || !interim(word)) return false;
    this.reads.read(missing, this.waitMs);
    this.settle();
    return this.reads.usable && missing.some((t) => this.reads!.has(t));
  }

  private ask(words: readonly string[], interim: Interim | null = null): WordAnswer | null {
    const groups: Array<string[] | Uint32Array> = [];
    const [names, rest]: string[][] = [[], []];
    const read: Array<{ word: string; tokens: string[] }> = [];
    for (const word of new Set(words)) {
      const indexable = INDEX_WORD.test(word);
      let tokens = word.length >= MIN_LENGTH && indexable ? tokensContaining(this.vocabulary, word, MAX_TOKENS) : null;
      if (tokens === null) {
        const wide = indexable ? this.wide?.marks(word) : undefined;
        if (wide) {
          groups.push(wide);
          names.push(`*${word}`);
          continue;
        }
        if (indexable) this.wide?.want(word);
        rest.push(word);
        continue;
      }
      if (tokens.length === 0) return { marks: newMarks(this.covered), rest: [] }; // a word no token holds: nothing matches
      read.push({ word, tokens });
    }
    // Tokens read on a thread (a large corpus): a word with tokens not read beside one whose are, all in one MATCH (marksTogether).
    const kept = read.map(({ tokens }) => tokens.every((t) => this.tokens.has(t)));
    const together = this.reads !== null && kept.includes(true) && kept.includes(false);
    for (const { word, tokens } of read) {
      if (!together && interim && this.readLater(word, tokens, interim)) {
        this.reads!.leave(word, tokens);
        rest.push(word);
        continue;
      }
      // Answered here now: no longer coming, whatever another word's batch still reads.
      this.reads?.leave(word, []);
      groups.push(tokens);
      names.push(tokens.join(' '));
    }
    if (groups.length === 0) return null;
    // A letter more often leaves the tokens as they were (`bitcoi`, `bitcoin`): the same groups,
    // the same articles, the same marks object.
    const expression = names.join('\n');
    if (this.lastMatch?.expression === expression) return { marks: this.lastMatch.marks, rest };
    let marks: Marks;
    try {
      // FTS5's `(a OR b) AND (c OR d)`, from each token's articles (read once a session), or in one MATCH.
      marks = together ? marksTogether((expression) => this.match.get(expression), groups, this.articleOf, this.covered) : this.tokens.marks(groups);
    } catch {
      return null;
    }
    this.lastMatch = { expression, marks };
    return { marks, rest };
  }

  /** Closes the database (and the wide words' thread). */
  close(): void {
    this.wide?.close();
    this.reads?.close();
    this.db.close();
  }
}
