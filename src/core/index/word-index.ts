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
import { editDistance, ftsString, setMark, TokenMarks } from './fts.js';
import { cacheDirectory, indexFile } from './location.js';
import { INDEX_WORD, MAX_TOKENS, MIN_WORD as MIN_LENGTH } from './query-plan.js';
import { keptVocabulary, readVocabulary, STAMP_SQL, tokensContaining, type Vocabulary } from './vocabulary.js';

/**
 * Starts reading the vocabulary of the index at `file` (or the one kept for `paths`) off this
 * thread, so it can overlap a load; hand the promise to WordIndex.open.
 */
export function startVocabulary(file: string): Promise<Vocabulary | null> {
  return readVocabulary(file, createRequire(import.meta.url).resolve('better-sqlite3'));
}

export { INDEX_WORD, MAX_TOKENS, MIN_LENGTH };

// Past MAX_TOKENS tokens for one word (a common fragment), FTS5 merging every token's list of
// articles costs more than checking the word in memory on the articles the other words leave
// (`s`: 344 tokens, 1.4 s at 100k on a busy machine). Words of one or two letters are always left
// to memory: hundreds of tokens hold them.

/** The index's answer for free words: the articles holding those it answers for, and the rest. */
export interface WordAnswer {
  marks: Uint8Array;
  rest: string[];
}

/** What the search asks of an index for free words; `covered` ids (0..covered-1) are answered for. */
export interface WordSource {
  /** Articles ids 0..covered-1 are the ones the index answers for; later ones (live updates) are not. */
  readonly covered: number;
  /**
   * Marks (1) the ids below `covered` of the articles whose text contains every word the index
   * answers for, and names the `rest` it leaves to the caller (a word with accents or punctuation,
   * or one so short that hundreds of tokens hold it); null when it answers for none of them.
   */
  containing(words: readonly string[]): WordAnswer | null;
  /**
   * The typo pass: marks the articles holding, for every word, a token that contains it or is a
   * typo away from it (see nearTokens); null when the index cannot answer.
   */
  nearly(words: readonly string[]): Uint8Array | null;
  /**
   * For a filter term that would read bodies in memory: marks (1) the ids below `covered` of the
   * articles holding it (a free word, or a coin by its metadata or a cashtag in its body:
   * index/columns.ts), so the filter decides every article without a body read; null when the
   * index cannot say (a word it leaves to memory).
   */
  holding?(term: { kind: 'word' | 'coin'; value: string }): Uint8Array | null;
}

/**
 * Tokens of the sorted vocabulary a typo away from `word`: within one edit (two from seven
 * letters; a swap of neighbours is one), sharing its first letter (a typo there is rare, and the
 * shared letter bounds the scan to one stretch of the vocabulary). None below four letters: three
 * letters with a typo allowed match noise everywhere. `vocabulary`: the tokens in order, as an
 * array or joined by newlines (the index's own form: splitting 100k articles' vocabulary into an
 * array kept ~5 MB of small strings alive for as long as the dashboard ran).
 */
export function nearTokens(vocabulary: string | readonly string[], word: string, limit = 16): string[] {
  if (word.length < 4) return [];
  const max = word.length >= 7 ? 2 : 1;
  const found: Array<{ token: string; d: number }> = [];
  const consider = (t: string): void => {
    if (Math.abs(t.length - word.length) > max || t === word) return;
    const d = editDistance(word, t, max);
    if (d <= max) found.push({ token: t, d });
  };
  if (typeof vocabulary === 'string') eachWithFirst(vocabulary, word[0], word.length - max, word.length + max, consider);
  else {
    const first = word[0];
    let lo = 0;
    let hi = vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (vocabulary[mid] < first) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < vocabulary.length && vocabulary[i].startsWith(first); i++) consider(vocabulary[i]);
  }
  return found.sort((a, b) => a.d - b.d || (a.token < b.token ? -1 : 1)).slice(0, limit).map((f) => f.token);
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

/** Sets in `bits` (setMark) the articles (`articleOf` a row id's, -1: none) of the row ids in `rows`, decimal and comma-separated. */
export function markRows(rows: string, articleOf: Int32Array, bits: Uint32Array): void {
  let row = 0;
  for (let i = 0; i <= rows.length; i++) {
    const c = i < rows.length ? rows.charCodeAt(i) : 44;
    if (c >= 48 && c <= 57) {
      row = row * 10 + (c - 48);
      continue;
    }
    const id = row < articleOf.length ? articleOf[row] : -1;
    if (id >= 0) setMark(bits, id);
    row = 0;
  }
}

// Filter terms whose marks are kept (1 byte an article each: 4 MB at a million).
const HELD_KEPT = 4;

/** The on-disk index's answer to free words, for one load's articles. `close()` when done. */
export class WordIndex implements WordSource {
  private readonly match: Database.Statement;
  // Article id of each index row id (-1: not an article of this load).
  private readonly articleOf: Int32Array;
  private memo: { key: string; answer: WordAnswer | null } | null = null;

  private constructor(
    private readonly db: Database.Database,
    private readonly vocabulary: string,
    indexIds: Int32Array,
  ) {
    this.covered = indexIds.length;
    let max = -1;
    for (const id of indexIds) if (id > max) max = id;
    this.articleOf = new Int32Array(max + 1).fill(-1);
    indexIds.forEach((row, id) => {
      if (row >= 0) this.articleOf[row] = id;
    });
    // One string of the token's row ids: at 1M, 0.76M rows for `reg`'s nine tokens, read as an array
    // of numbers and then marked, cost ~1.7x the CPU of this string read and parsed (~55 ms).
    this.match = db.prepare('SELECT group_concat(rowid) FROM articles_fts WHERE articles_fts MATCH ?').pluck();
    this.coin = db.prepare('SELECT id FROM article_coins WHERE symbol = ?').pluck();
    // One token's articles: FTS5 asked for that token alone, its rows marked as this load's articles.
    this.tokens = new TokenMarks(this.covered, (token, bits) => {
      const rows: unknown = this.match.get(ftsString(token));
      if (typeof rows === 'string') markRows(rows, this.articleOf, bits);
    });
  }

  // Each token's articles, read once (fts.ts TokenMarks): a keystroke's words answered from them.
  private readonly tokens: TokenMarks;

  private readonly coin: Database.Statement;
  // The last HELD_KEPT terms' marks: a query holds a few (`coin:eth -sec` two), and each is asked
  // for on every keystroke; with the last one only kept, two terms read each other's out (at 1M a
  // coin's rows read again and a word's tokens OR-ed again, 50-150 ms a key).
  private readonly held = new Map<string, Uint8Array | null>();
  // The last words' token groups asked and the articles they marked (never modified once made).
  private lastMatch: { expression: string; marks: Uint8Array } | null = null;

  readonly covered: number;

  /**
   * Opens the index at `file` for the load that gave `indexIds` (LoadResult.indexIds); resolves
   * with null when the index cannot serve (missing, not this program's current format,
   * unreadable, its full text not all built yet) or some article has no row in it. Never rejects. `early`: a vocabulary read
   * while the load ran (startVocabulary), used when no row changed since; else it is read again.
   */
  static async open(file: string, indexIds: Int32Array, early?: Promise<Vocabulary | null>): Promise<WordIndex | null> {
    if (indexIds.some((id) => id < 0)) return null;
    let db: Database.Database | null = null;
    try {
      db = openDatabase(file, { readonly: true, fileMustExist: true });
      // While rows wait for their text (built after the list), FTS5 cannot answer for them.
      const ours = db.pragma('application_id', { simple: true }) === APPLICATION_ID && db.pragma('user_version', { simple: true }) === INDEX_FORMAT;
      if (ours && db.prepare('SELECT count(*) FROM text_pending').pluck().get() === 0) {
        const stamp = db.prepare(STAMP_SQL).pluck().get() as string;
        let vocabulary = early ? await early : null;
        // The one kept in the index by an earlier run is read here (one row, a few ms): a thread
        // started for it is an isolate of its own (~10 MB more at the peak); listing it is not.
        if (vocabulary?.stamp !== stamp) vocabulary = keptVocabulary(db, stamp) ?? (await startVocabulary(file));
        if (vocabulary?.stamp === stamp) return new WordIndex(db, vocabulary.text, indexIds);
      }
    } catch {
      // fall through: no index
    }
    db?.close();
    return null;
  }

  /** WordIndex.open on the index kept for `paths` under `cacheDir` (default: the user's cache folder). */
  static forLoad(paths: readonly string[], indexIds: Int32Array, early?: Promise<Vocabulary | null>, cacheDir = cacheDirectory()): Promise<WordIndex | null> {
    return WordIndex.open(indexFile(cacheDir, paths), indexIds, early);
  }

  containing(words: readonly string[]): WordAnswer | null {
    const key = [...words].sort().join(' ');
    if (this.memo?.key === key) return this.memo.answer;
    const answer = this.ask(words, false);
    this.memo = { key, answer };
    return answer;
  }

  nearly(words: readonly string[]): Uint8Array | null {
    const answer = this.ask(words, true);
    return answer && answer.rest.length === 0 ? answer.marks : null;
  }

  holding(term: { kind: 'word' | 'coin'; value: string }): Uint8Array | null {
    const key = `${term.kind}:${term.value}`;
    const known = this.held.get(key);
    if (known !== undefined) {
      this.held.delete(key);
      this.held.set(key, known);
      return known;
    }
    let marks: Uint8Array | null = null;
    if (term.kind === 'word') {
      const answer = this.ask([term.value], false);
      marks = answer && answer.rest.length === 0 ? answer.marks : null;
    } else {
      try {
        marks = this.mark(this.coin.all(term.value) as number[]);
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

  // Marks of the articles of these index rows.
  private mark(rows: readonly number[], marks = new Uint8Array(this.covered)): Uint8Array {
    for (const row of rows) {
      const id = row < this.articleOf.length ? this.articleOf[row] : -1;
      if (id >= 0) marks[id] = 1;
    }
    return marks;
  }

  private ask(words: readonly string[], typos: boolean): WordAnswer | null {
    const groups: string[][] = [];
    const rest: string[] = [];
    for (const word of new Set(words)) {
      let tokens = word.length >= MIN_LENGTH && INDEX_WORD.test(word) ? tokensContaining(this.vocabulary, word, MAX_TOKENS) : null;
      if (tokens !== null && typos) tokens = [...new Set([...tokens, ...nearTokens(this.vocabulary, word)])];
      if (tokens === null) {
        rest.push(word);
        continue;
      }
      // A word no token holds: nothing matches.
      if (tokens.length === 0) return { marks: new Uint8Array(this.covered), rest: [] };
      groups.push(tokens);
    }
    if (groups.length === 0) return null;
    // A letter more often leaves the tokens as they were (`bitcoi`, `bitcoin`): the same groups,
    // the same articles, the same marks object.
    const expression = groups.map((g) => g.join(' ')).join('\n');
    if (this.lastMatch?.expression === expression) return { marks: this.lastMatch.marks, rest };
    let marks: Uint8Array;
    try {
      // FTS5's `(a OR b) AND (c OR d)`, from each token's articles (read once a session).
      marks = this.tokens.marks(groups);
    } catch {
      return null;
    }
    this.lastMatch = { expression, marks };
    return { marks, rest };
  }

  /** Closes the database. */
  close(): void {
    this.db.close();
  }
}
