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

/** Tokens as one FTS5 group that any of them satisfies: `("a" OR "b")`, each a quoted string (ftsString). */
export function tokenGroup(tokens: Iterable<string>): string {
  return `(${[...tokens].map(ftsString).join(' OR ')})`;
}

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

/**
 * Articles marked as a bitmap: bit `id & 31` of word `id >>> 5` set for article `id`. What the
 * index answers a search with (TokenMarks.marks, WordSource); 1 bit an article: 125 kB at a
 * million, where a byte an article made 1 MB of garbage per word set typed (BENCHMARKS.md, the
 * seventeenth round's warm memory).
 */
export type Marks = Uint32Array;

/** A bitmap (Marks) of `size` articles, none marked; `every`: all of them (and the bits past `size`). */
export function newMarks(size: number, every = false): Marks {
  const bits = new Uint32Array(Math.ceil(size / 32));
  return every ? bits.fill(0xffffffff) : bits;
}

/** Sets article `id`'s bit in `bits` (a TokenMarks bitmap). */
export function setMark(bits: Uint32Array, id: number): void {
  bits[id >>> 5] |= 1 << (id & 31);
}

/** Whether article `id` is marked in `bits`; `id` must be below the size the bitmap was made for. */
export function hasMark(bits: Marks, id: number): boolean {
  return (bits[id >>> 5] & (1 << (id & 31))) !== 0;
}

/** Whether any article is marked in `bits`. */
export function anyMark(bits: Marks): boolean {
  for (let w = 0; w < bits.length; w++) if (bits[w] !== 0) return true;
  return false;
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
   * The articles (Marks) that hold, for every group, at least one of its tokens: FTS5's
   * `(a OR b) AND (c OR d)` over the same rows. A group may be a bitmap of its articles already
   * (a wide word's, vocabulary.ts WideWords). The answer must never be modified: for one group of
   * one token it is that token's bitmap itself. Throws what `read` throws.
   */
  marks(groups: ReadonlyArray<readonly string[] | Uint32Array>): Marks {
    // Every bitmap read first (a token read once even when two groups hold it), then one pass.
    const bitmaps = groups.map((tokens) => (tokens instanceof Uint32Array ? [tokens] : tokens.map((token) => this.bitmap(token))));
    if (bitmaps.length === 1 && bitmaps[0].length === 1 && bitmaps[0][0].length === this.words) return bitmaps[0][0];
    const all = newMarks(this.size);
    for (let g = 0; g < bitmaps.length; g++) {
      const group = bitmaps[g];
      for (let w = 0; w < all.length; w++) {
        let any = 0;
        for (let b = 0; b < group.length; b++) any |= group[b][w];
        all[w] = g === 0 ? any : all[w] & any;
      }
    }
    return all;
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

/**
 * The articles (Marks of `size`) holding, for every group of tokens, one of them, and marked in
 * every bitmap group: FTS5's `(a OR b) AND (c OR d)` as one MATCH of quoted strings, which walks
 * the groups' lists of articles together, seeking past what a narrow group leaves out, where
 * reading each token's list whole reads every article a common token is in (at 1M, `regulator
 * delays dec` with the first two words' tokens read: 17 ms, against 183 ms for `dec`'s tokens'
 * 1.09M rows; BENCHMARKS.md, the forty-second round). `match` runs the
 * expression and gives its row ids comma-separated (group_concat), `articleOf` maps a row id to
 * its article (-1: none). Throws what `match` throws.
 */
export function marksTogether(match: (expression: string) => unknown, groups: ReadonlyArray<readonly string[] | Uint32Array>, articleOf: Int32Array, size: number): Marks {
  const marks = newMarks(size);
  const tokenGroups = groups.filter((g): g is readonly string[] => !(g instanceof Uint32Array));
  const rows = match(tokenGroups.map(tokenGroup).join(' AND '));
  if (typeof rows === 'string') markRows(rows, articleOf, marks);
  for (const g of groups) if (g instanceof Uint32Array) for (let w = 0; w < marks.length; w++) marks[w] &= g[w];
  return marks;
}
