// Free words against the FTS5 table: the articles whose text holds every word (the last one as a
// prefix while it is being typed), and for a word found nowhere, the indexed words one or two
// edits away (`bitconi` -> `bitcoin`), read from the table's own vocabulary (fts5vocab).
// Words reach SQLite only as quoted FTS5 strings bound as parameters, never as query syntax.
// The table's answer per token is kept as a bitmap over a load's articles (TokenMarks, below).

import type Database from 'better-sqlite3';

/** A word as an FTS5 string: quoted, inner quotes doubled, so `AND`, `*`, `:` and `"` are plain text. */
export function ftsString(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

// The characters unicode61 keeps in a token (its default categories, L* N* Co); every other one
// separates tokens.
const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;

/** A word's tokens as unicode61 splits it: `u.s.` -> u, s; `a"b` -> a, b. */
export function ftsTokens(word: string): string[] {
  return word.match(TOKEN) ?? [];
}

/**
 * The MATCH expression for words that must all occur; `prefixLast` lets the last match as a
 * prefix. A word of several tokens becomes its tokens, each required: the table keeps no
 * positions (detail = column), so FTS5 cannot match a phrase; the caller checks adjacency in the
 * text when it matters. '' when the words hold no token.
 */
export function matchExpression(words: readonly string[], prefixLast: boolean): string {
  const tokens = words.flatMap(ftsTokens);
  return tokens.map((w, i) => (prefixLast && i === tokens.length - 1 ? `${ftsString(w)}*` : ftsString(w))).join(' AND ');
}

/** Ids of the articles whose indexed text holds every word, ascending; [] for no words (or none with a token). */
export function matchingIds(db: Database.Database, words: readonly string[], prefixLast: boolean): number[] {
  const expression = matchExpression(words, prefixLast);
  if (expression === '') return [];
  return db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid').pluck().all(expression) as number[];
}

// Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), stopping early once
// every cell of a row exceeds `max`.
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/**
 * Indexed words within `max` edits of `word` that share its first letter (a typo in the first
 * letter is rare and reading the whole vocabulary per keystroke is not affordable), most
 * frequent first, at most `limit` of them.
 */
export function nearWords(db: Database.Database, word: string, max = word.length >= 7 ? 2 : 1, limit = 8): string[] {
  if (word.length < 4) return [];
  const first = String.fromCodePoint(word.codePointAt(0)!);
  const next = String.fromCodePoint(first.codePointAt(0)! + 1);
  const rows = db
    .prepare('SELECT term, doc FROM articles_vocab WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ?')
    .all(first, next, word.length - max, word.length + max) as Array<{ term: string; doc: number }>;
  return rows
    .map((r) => ({ term: r.term, doc: r.doc, d: editDistance(word, r.term, max) }))
    .filter((r) => r.d <= max && r.term !== word)
    .sort((a, b) => a.d - b.d || b.doc - a.doc || (a.term < b.term ? -1 : 1))
    .slice(0, limit)
    .map((r) => r.term);
}

// The full-text table's answer per token, kept as a bitmap over one load's articles, so that a
// query is answered by OR-ing and AND-ing bitmaps already read instead of asking FTS5 again. As
// a word is typed its tokens (the vocabulary's tokens containing it) only narrow: `bit`'s six
// tokens hold `bitc`'s five and `bitcoin`'s two, and the earlier words of `regulator delays d`
// keep theirs while the last one grows. At a million articles one MATCH over a common token's
// OR group read 0.3-0.9 million row ids (0.1-2 s on a busy machine), once per keystroke; with
// the bitmaps a token is read once per session and a keystroke that needs no new token reads none.
// A bitmap is 1 bit per article (125 kB at a million); the least recently used go past a budget.

/** Bytes of bitmaps kept at most (at a million articles: 256 tokens). */
export const TOKEN_MARKS_BYTES = 32 * 1024 * 1024;
// Bitmaps kept at most whatever their size: a small corpus's Map stays small too.
const MAX_TOKENS_KEPT = 4096;

/** Sets article `id`'s bit in `bits` (a TokenMarks bitmap). */
export function setMark(bits: Uint32Array, id: number): void {
  bits[id >>> 5] |= 1 << (id & 31);
}

/**
 * Sets in `bits` (as setMark does) the articles (`articleOf` a row id's, -1: none) of the row ids in
 * `rows`, decimal and comma-separated. Self-contained: the wide words' thread runs it from its
 * source text (vocabulary.ts).
 */
export function markRows(rows: string, articleOf: Int32Array, bits: Uint32Array): void {
  let row = 0;
  for (let i = 0; i <= rows.length; i++) {
    const c = i < rows.length ? rows.charCodeAt(i) : 44;
    if (c >= 48 && c <= 57) {
      row = row * 10 + (c - 48);
      continue;
    }
    const id = row < articleOf.length ? articleOf[row] : -1;
    if (id >= 0) bits[id >>> 5] |= 1 << (id & 31);
    row = 0;
  }
}

/**
 * Bitmaps of the articles 0..size-1 holding each token, read on first use by `read(token, bits)`
 * (which sets the bits of the articles holding the token: setMark) and kept, least recently used
 * first out, within `budgetBytes`.
 */
export class TokenMarks {
  private readonly words: number;
  private readonly kept = new Map<string, Uint32Array>();
  private readonly most: number;

  constructor(
    readonly size: number,
    private readonly read: (token: string, bits: Uint32Array) => void,
    budgetBytes = TOKEN_MARKS_BYTES,
  ) {
    this.words = Math.ceil(size / 32);
    this.most = Math.max(1, Math.min(MAX_TOKENS_KEPT, Math.floor(budgetBytes / Math.max(4, this.words * 4))));
  }

  /** How many tokens' bitmaps are kept now. */
  get count(): number {
    return this.kept.size;
  }

  /**
   * Marks (1) of the articles that hold, for every group, at least one of its tokens: FTS5's
   * `(a OR b) AND (c OR d)` over the same rows. A group may be a bitmap of its articles already
   * (a wide word's, vocabulary.ts WideWords), never modified. Throws what `read` throws.
   */
  marks(groups: ReadonlyArray<readonly string[] | Uint32Array>): Uint8Array {
    let all: Uint32Array | null = null;
    for (const tokens of groups) {
      const any = new Uint32Array(this.words);
      if (tokens instanceof Uint32Array) any.set(tokens.subarray(0, any.length));
      else for (const token of tokens) {
        const bits = this.bitmap(token);
        for (let w = 0; w < any.length; w++) any[w] |= bits[w];
      }
      if (all === null) all = any;
      else for (let w = 0; w < all.length; w++) all[w] &= any[w];
    }
    const marks = new Uint8Array(this.size);
    if (all === null) return marks;
    for (let w = 0; w < all.length; w++) {
      let bits = all[w];
      while (bits !== 0) {
        const low = bits & -bits;
        marks[(w << 5) + 31 - Math.clz32(low)] = 1;
        bits ^= low;
      }
    }
    return marks;
  }

  /** Whether the token's bitmap is kept (marks() reads nothing for it). */
  has(token: string): boolean {
    return this.kept.has(token);
  }

  /** Keeps a token's bitmap read elsewhere (index/token-reads.ts; never modified after), as the most recently used. */
  keep(token: string, bits: Uint32Array): void {
    this.kept.delete(token);
    this.kept.set(token, bits);
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= this.most) break;
      this.kept.delete(oldest);
    }
  }

  // A token's bitmap, read when not kept; kept as the most recently used.
  private bitmap(token: string): Uint32Array {
    const known = this.kept.get(token);
    if (known) {
      this.kept.delete(token);
      this.kept.set(token, known);
      return known;
    }
    const bits = new Uint32Array(this.words);
    this.read(token, bits);
    this.keep(token, bits);
    return bits;
  }
}
