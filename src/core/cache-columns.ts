// The cache's metadata laid out by column rather than by article. JSON.parse of 100k per-article
// tuples made about a million small objects (a tuple, four lists and several boxed numbers per
// article) and most of a warm load's time went into collecting them. As columns, numbers land in
// packed double arrays (no object per number), repeated strings and whole lists (tags, notes,
// warnings) are stored once in tables, and an article's fields are read straight from the columns
// into its LazyArticle, so no per-article record exists at all on a warm run.
//
// Everything read is checked column by column before any of it is used: a cache file is
// untrusted input (see article-record.ts for the same rules applied to a tuple).

import type { ArticleRecord } from './article-record.js';
import type { FrontMatterFormat } from './article.js';
import type { ArticleMeta } from './lazy-article.js';

/** The JSON-safe columns of a set of records (the `columns` of the metadata file). */
export interface Columns {
  strings: string[];
  lists: number[][];
  path: string[];
  relPath: string[];
  title: string[];
  description: string[];
  url: (string | null)[];
  /** Nullable numbers: value, or 0 where the index is listed in the matching `*Null`. */
  publishedAt: number[];
  publishedAtNull: number[];
  updatedAt: number[];
  updatedAtNull: number[];
  score: number[];
  scoreNull: number[];
  dateGuessed: boolean[];
  draft: boolean[];
  stickyWeight: number[];
  /** String-table references; -1 is null where the field may be null. */
  source: number[];
  sourceKey: number[];
  sentiment: number[];
  lang: number[];
  format: number[];
  /** List-table references. */
  categories: number[];
  tags: number[];
  notes: number[];
  warnings: number[];
  coinFields: number[];
  size: number[];
  mtimeMs: number[];
  dev: number[];
  ino: number[];
  bodyLength: number[];
  /** Byte length of each article's lower-cased short text (see haystack.ts lowerShortText). */
  shortLength: number[];
}

const FORMATS: ReadonlySet<string> = new Set(['yaml', 'toml', 'json', 'none']);

/** The inode key the loader makes ("dev:ino") as two numbers; -1 (never a real one) when unreadable. */
export function splitInode(inode: string): [number, number] {
  const parts = inode.split(':');
  const [dev, ino] = parts.map(Number);
  return parts.length === 2 && dev >= 0 && ino >= 0 ? [dev, ino] : [-1, -1];
}

/** Records (in load order) -> columns. */
export function toColumns(records: readonly ArticleRecord[], shortLengths: readonly number[]): Columns {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const str = (s: string | null): number => {
    if (s === null) return -1;
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      stringIndex.set(s, i);
    }
    return i;
  };
  const lists: number[][] = [];
  const listIndex = new Map<string, number>();
  const list = (l: readonly string[]): number => {
    const refs = l.map(str);
    const key = refs.join(',');
    let i = listIndex.get(key);
    if (i === undefined) {
      i = lists.push(refs) - 1;
      listIndex.set(key, i);
    }
    return i;
  };
  const c: Columns = {
    strings, lists, path: [], relPath: [], title: [], description: [], url: [],
    publishedAt: [], publishedAtNull: [], updatedAt: [], updatedAtNull: [], score: [], scoreNull: [],
    dateGuessed: [], draft: [], stickyWeight: [], source: [], sourceKey: [], sentiment: [], lang: [], format: [],
    categories: [], tags: [], notes: [], warnings: [], coinFields: [], size: [], mtimeMs: [], dev: [], ino: [], bodyLength: [],
    shortLength: [...shortLengths],
  };
  const nullable = (values: number[], nulls: number[], v: number | null, i: number): void => {
    values.push(v ?? 0);
    if (v === null) nulls.push(i);
  };
  records.forEach((r, i) => {
    c.path.push(r[0]); c.relPath.push(r[1]); c.title.push(r[2]); c.description.push(r[3]);
    nullable(c.publishedAt, c.publishedAtNull, r[4], i);
    c.dateGuessed.push(r[5]);
    nullable(c.updatedAt, c.updatedAtNull, r[6], i);
    c.source.push(str(r[7])); c.sourceKey.push(str(r[8]));
    c.categories.push(list(r[9])); c.tags.push(list(r[10]));
    c.sentiment.push(str(r[11]));
    nullable(c.score, c.scoreNull, r[12], i);
    c.lang.push(str(r[13])); c.draft.push(r[14]); c.stickyWeight.push(r[15]); c.url.push(r[16]);
    c.format.push(str(r[17])); c.size.push(r[18]); c.mtimeMs.push(r[19]); c.notes.push(list(r[20]));
    const [dev, ino] = splitInode(r[21]);
    c.dev.push(dev); c.ino.push(ino);
    c.bodyLength.push(r[22]); c.warnings.push(list(r[23])); c.coinFields.push(list(r[24]));
  });
  return c;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): boolean => isNumber(v) && Number.isInteger(v) && v >= 0;

function arrayOf(v: unknown, n: number, ok: (x: unknown) => boolean): boolean {
  if (!Array.isArray(v) || v.length !== n) return false;
  for (let i = 0; i < n; i++) if (!ok(v[i])) return false;
  return true;
}

// A sorted, duplicate-free list of indices below n, made into a lookup table.
function nullFlags(v: unknown, n: number): Uint8Array | null {
  if (!Array.isArray(v)) return null;
  const flags = new Uint8Array(n);
  let last = -1;
  for (const i of v) {
    if (!Number.isInteger(i) || (i as number) <= last || (i as number) >= n) return null;
    flags[i as number] = 1;
    last = i as number;
  }
  return flags;
}

/** Checked, read-only access to the columns of a cache file; built only by `readColumns`. */
export class CachedRecords {
  /** Byte offset of each article's lower-cased body in the bodies file (after the generation). */
  private readonly offsets: Float64Array;
  /** Byte offset of each article's short text after the last body. */
  private readonly shortOffsets: Float64Array;
  // Built only when a path is not where the hint says (see indexOf).
  private byPath: Map<string, number> | null = null;
  private readonly lists: Array<string[] | undefined> = [];

  private constructor(
    private readonly c: Columns,
    private readonly nulls: { publishedAt: Uint8Array; updatedAt: Uint8Array; score: Uint8Array },
    /** Number of articles. */
    readonly size: number,
  ) {
    this.offsets = new Float64Array(size + 1);
    this.shortOffsets = new Float64Array(size + 1);
    for (let i = 0; i < size; i++) {
      this.offsets[i + 1] = this.offsets[i] + c.bodyLength[i];
      this.shortOffsets[i + 1] = this.shortOffsets[i] + c.shortLength[i];
    }
  }

  /**
   * The records of a parsed metadata value, or null when anything in it is malformed. `isText`
   * decides which strings may be displayed (cache.ts passes a type check alone when it has shown
   * that the whole file holds no control character).
   */
  static from(v: unknown, isText: (s: unknown) => boolean): CachedRecords | null {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
    const c = v as Record<keyof Columns, unknown>;
    const n = Array.isArray(c.path) ? c.path.length : -1;
    if (n < 0 || !arrayOf(c.strings, (c.strings as unknown[] | undefined)?.length ?? -1, isText)) return null;
    const strings = c.strings as string[];
    if (!Array.isArray(c.lists) || !c.lists.every((l) => Array.isArray(l) && l.every((s) => Number.isInteger(s) && s >= 0 && s < strings.length))) return null;
    const lists = c.lists.length;
    const ref = (x: unknown): boolean => Number.isInteger(x) && (x as number) >= 0 && (x as number) < strings.length;
    const refOrNull = (x: unknown): boolean => x === -1 || ref(x);
    const listRef = (x: unknown): boolean => Number.isInteger(x) && (x as number) >= 0 && (x as number) < lists;
    const textOrNull = (x: unknown): boolean => x === null || isText(x);
    const bool = (x: unknown): boolean => typeof x === 'boolean';
    // The path is a file name, not display text: it may hold anything but NUL.
    const filePath = (x: unknown): boolean => typeof x === 'string' && x !== '' && !x.includes('\0');
    const ok =
      arrayOf(c.path, n, filePath) && arrayOf(c.relPath, n, isText) && arrayOf(c.title, n, isText) &&
      arrayOf(c.description, n, isText) && arrayOf(c.url, n, textOrNull) &&
      arrayOf(c.publishedAt, n, isNumber) && arrayOf(c.updatedAt, n, isNumber) && arrayOf(c.score, n, isNumber) &&
      arrayOf(c.dateGuessed, n, bool) && arrayOf(c.draft, n, bool) && arrayOf(c.stickyWeight, n, isNumber) &&
      arrayOf(c.source, n, ref) && arrayOf(c.sourceKey, n, ref) && arrayOf(c.sentiment, n, refOrNull) &&
      arrayOf(c.lang, n, refOrNull) && arrayOf(c.format, n, (x) => ref(x) && FORMATS.has(strings[x as number])) &&
      arrayOf(c.categories, n, listRef) && arrayOf(c.tags, n, listRef) && arrayOf(c.notes, n, listRef) && arrayOf(c.warnings, n, listRef) && arrayOf(c.coinFields, n, listRef) &&
      arrayOf(c.size, n, isCount) && arrayOf(c.mtimeMs, n, isNumber) && arrayOf(c.dev, n, isNumber) && arrayOf(c.ino, n, isNumber) &&
      arrayOf(c.bodyLength, n, isCount) && arrayOf(c.shortLength, n, isCount);
    if (!ok) return null;
    const publishedAt = nullFlags(c.publishedAtNull, n);
    const updatedAt = nullFlags(c.updatedAtNull, n);
    const score = nullFlags(c.scoreNull, n);
    if (!publishedAt || !updatedAt || !score) return null;
    return new CachedRecords(v as Columns, { publishedAt, updatedAt, score }, n);
  }

  /** Index of the article cached for this path, if any; `hint` is where it probably is. */
  // The cache lists files in the order the last load walked them, which is usually this load's
  // order too, so the caller's guess is checked first; a 100k-entry map of paths cost ~80 ms.
  indexOf(filePath: string, hint = -1): number | undefined {
    if (hint >= 0 && hint < this.size && this.c.path[hint] === filePath) return hint;
    if (this.byPath === null) {
      this.byPath = new Map();
      for (let i = 0; i < this.size; i++) this.byPath.set(this.c.path[i], i);
    }
    return this.byPath.get(filePath);
  }

  /** Total bytes of lower-cased bodies. */
  get bodyBytes(): number {
    return this.offsets[this.size];
  }

  /** Total bytes of lower-cased short texts. */
  get shortBytes(): number {
    return this.shortOffsets[this.size];
  }

  /** Where article i's short text starts and ends, counted from the end of the bodies. */
  shortRange(i: number): [number, number] {
    return [this.shortOffsets[i], this.shortOffsets[i + 1]];
  }

  /** Where article i's short text starts (shortRange without an array per call, for loops over every article). */
  shortStart(i: number): number {
    return this.shortOffsets[i];
  }

  /** Where article i's body starts; it ends where article i + 1's starts (bodyRange without an array). */
  bodyStart(i: number): number {
    return this.offsets[i];
  }

  /** Where article i's body starts and ends in the bodies (after the generation bytes). */
  bodyRange(i: number): [number, number] {
    return [this.offsets[i], this.offsets[i + 1]];
  }

  /** True when the file on disk still has the size, mtime and identity it was cached with. */
  unchanged(i: number, size: number, mtimeMs: number, dev: number, ino: number): boolean {
    const c = this.c;
    return c.size[i] === size && c.mtimeMs[i] === mtimeMs && c.dev[i] === dev && c.ino[i] === ino;
  }

  /** The device of article i's file (with `ino`, its identity). */
  dev(i: number): number {
    return this.c.dev[i];
  }

  /** The inode number of article i's file. */
  ino(i: number): number {
    return this.c.ino[i];
  }

  /** The parse warnings stored for article i. */
  warnings(i: number): string[] {
    return this.list(this.c.warnings[i]);
  }

  // Each distinct list is made once and shared by every article that has it (most share a few tag
  // sets and the empty list); frozen, so an accidental write fails loudly instead of editing others.
  private list(ref: number): string[] {
    let l = this.lists[ref];
    if (l === undefined) {
      l = Object.freeze(this.c.lists[ref].map((s) => this.c.strings[s])) as string[];
      this.lists[ref] = l;
    }
    return l;
  }

  private str(ref: number): string | null {
    return ref === -1 ? null : this.c.strings[ref];
  }

  /** Copies article i's metadata onto `a` (the fields of an ArticleMeta but `id`). */
  fill(a: Omit<ArticleMeta, 'id'>, i: number): void {
    const c = this.c;
    a.path = c.path[i];
    a.relPath = c.relPath[i];
    a.title = c.title[i];
    a.description = c.description[i];
    a.publishedAt = this.nulls.publishedAt[i] ? null : c.publishedAt[i];
    a.dateGuessed = c.dateGuessed[i];
    a.updatedAt = this.nulls.updatedAt[i] ? null : c.updatedAt[i];
    a.source = c.strings[c.source[i]];
    a.sourceKey = c.strings[c.sourceKey[i]];
    a.categories = this.list(c.categories[i]);
    a.tags = this.list(c.tags[i]);
    a.sentiment = this.str(c.sentiment[i]);
    a.score = this.nulls.score[i] ? null : c.score[i];
    a.lang = this.str(c.lang[i]);
    a.draft = c.draft[i];
    a.stickyWeight = c.stickyWeight[i];
    a.url = c.url[i];
    a.format = c.strings[c.format[i]] as FrontMatterFormat;
    a.size = c.size[i];
    a.mtimeMs = c.mtimeMs[i];
    a.notes = this.list(c.notes[i]);
    a.coinFields = this.list(c.coinFields[i]);
  }

  /** Article i as a record, for rewriting the cache (the columns were checked when read). */
  record(i: number): ArticleRecord {
    const c = this.c;
    return [
      c.path[i], c.relPath[i], c.title[i], c.description[i],
      this.nulls.publishedAt[i] ? null : c.publishedAt[i], c.dateGuessed[i], this.nulls.updatedAt[i] ? null : c.updatedAt[i],
      c.strings[c.source[i]], c.strings[c.sourceKey[i]], this.list(c.categories[i]), this.list(c.tags[i]),
      this.str(c.sentiment[i]), this.nulls.score[i] ? null : c.score[i], this.str(c.lang[i]), c.draft[i], c.stickyWeight[i],
      c.url[i], c.strings[c.format[i]] as FrontMatterFormat, c.size[i], c.mtimeMs[i], this.list(c.notes[i]),
      `${c.dev[i]}:${c.ino[i]}`, c.bodyLength[i], this.warnings(i), this.list(c.coinFields[i]),
    ];
  }
}
