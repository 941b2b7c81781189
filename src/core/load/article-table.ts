// The metadata of a loaded corpus as columns, one row per article: what a LazyArticle
// (lazy-article.ts) reads through its getters. At a million articles one JS object per article
// with 26 fields, its numbers boxed and its lists each an array of their own, cost ~880 bytes of
// heap an article (BENCHMARKS.md, the load side's third round); here the numbers and flags are
// typed arrays, the values many articles repeat (source, sentiment, language) and whole lists
// (tags, categories, coins, notes) are stored once and referred to by number. The text that is
// each article's own is kept as UTF-8 bytes outside the heap (text/text-column.ts: URL, external
// id, and the path's file name, its folder held once as a value); the title and description as the
// search's folded text with what restores them (text/folded-texts.ts), which the haystacks share.

import type { FrontMatterFormat, IdentityField } from '../article.js';
import type { ArticleRecord } from '../article-record.js';
import { FoldedTexts, RowHashes, TextColumn, textState } from '../text/index.js';

// Number columns, NaN for null (a record's numbers are finite: article-record.ts refuses others).
const PUBLISHED = 0;
const UPDATED = 1;
const SCORE = 2;
const MTIME = 3;
const NUMBERS = 4;
// A file size in a 32-bit column; one of 4 GiB or more (never read whole: the read cap) is kept in `bigSizes`.
const BIG_SIZE = 0xffffffff;
// Reference columns: an index into `values` or `lists`, and the relPath's length.
const SOURCE = 0;
const SOURCE_KEY = 1;
const SENTIMENT = 2;
const LANG = 3;
const CATEGORIES = 4;
const TAGS = 5;
const NOTES = 6;
const COINS = 7;
const REL_LENGTH = 8;
const FOLDER = 9;
const REFS = 10;
// Flag bits; the format takes the two lowest.
const FORMATS: readonly FrontMatterFormat[] = ['yaml', 'toml', 'json', 'none'];
const GUESSED = 4;
const DRAFT = 8;
// The record's calendarDates (4 bits: core/calendar-date.ts) are the flags' top four.
const CALENDAR_SHIFT = 4;
// A relPath that is not its path's tail (a file named on its own) is kept whole, in `odd`.
const NOT_A_TAIL = -1;

const NONE: readonly string[] = Object.freeze([]);

/** Rows of article metadata; `add` appends one, the getters read one by row number. */
export class ArticleTable {
  private rows = 0;
  private capacity: number;
  private numbers: Float64Array;
  private sizes: Uint32Array;
  private readonly bigSizes = new Map<number, number>();
  // Sticky weights but 0, by row: nearly every article has none (8 bytes a row as a column).
  private readonly stickies = new Map<number, number>();
  private refs: Int32Array;
  private flags: Uint8Array;
  /** Each row's title and description, and their folded text that the search's haystacks share. */
  readonly texts: FoldedTexts;
  // The path's file name (after its last `/`); its folder is a value (FOLDER).
  private readonly names: TextColumn;
  private readonly urls: TextColumn;
  private readonly externalIds: TextColumn;
  // Each distinct value once; 0 is null. Distinct lists once, keyed by their joined items.
  private readonly values: Array<string | null> = [null];
  private readonly valueIds = new Map<string, number>();
  private readonly lists: Array<readonly string[]> = [NONE];
  private readonly listIds = new Map<string, number>();
  private readonly odd = new Map<number, string>();
  readonly windows = new Map<number, NonNullable<ArticleRecord[26]>>(); // publish and expiry dates of the few rows with either
  // The hash state (text/byte-hash.ts) after each folder value a path's hash has started from, by value id.
  private readonly folderHashes = new Map<number, number>();
  // The identity fields' hashes from their bytes; kept by row once asked for (ReadProbe asks on every unread count).
  private readonly hashers: Record<IdentityField, (row: number) => number> = {
    externalId: (row) => this.externalIds.hash(row),
    url: (row) => this.urls.hash(row),
    path: (row) => this.pathHash(row),
  };
  private readonly identityHashes: Record<IdentityField, RowHashes> = {
    externalId: new RowHashes(this.hashers.externalId, () => this.rows),
    url: new RowHashes(this.hashers.url, () => this.rows),
    path: new RowHashes(this.hashers.path, () => this.rows),
  };

  /** `maxFileSize`: the read cap the rows were made with, so a read-back parses the same bytes. */
  constructor(readonly maxFileSize: number, capacity = 1024) {
    this.capacity = Math.max(1, capacity);
    this.numbers = new Float64Array(this.capacity * NUMBERS);
    this.sizes = new Uint32Array(this.capacity);
    this.refs = new Int32Array(this.capacity * REFS);
    this.flags = new Uint8Array(this.capacity);
    this.names = new TextColumn(this.capacity);
    this.texts = new FoldedTexts(this.capacity);
    this.urls = new TextColumn(this.capacity);
    this.externalIds = new TextColumn(this.capacity);
  }

  /** Number of rows. */
  get size(): number {
    return this.rows;
  }

  /** Appends the record's metadata; returns its row. */
  add(r: ArticleRecord): number {
    const row = this.rows;
    if (row === this.capacity) this.grow();
    this.rows += 1;
    const n = row * NUMBERS;
    this.numbers[n + PUBLISHED] = r[4] ?? NaN;
    this.numbers[n + UPDATED] = r[6] ?? NaN;
    this.numbers[n + SCORE] = r[12] ?? NaN;
    this.numbers[n + MTIME] = r[19];
    if (r[15] !== 0) this.stickies.set(row, r[15]);
    const small = r[18] >= 0 && r[18] < BIG_SIZE && Number.isInteger(r[18]);
    this.sizes[row] = small ? r[18] : BIG_SIZE;
    if (!small) this.bigSizes.set(row, r[18]);
    const k = row * REFS;
    this.refs[k + SOURCE] = this.value(r[7]);
    this.refs[k + SOURCE_KEY] = this.value(r[8]);
    this.refs[k + SENTIMENT] = this.value(r[11]);
    this.refs[k + LANG] = this.value(r[13]);
    this.refs[k + CATEGORIES] = this.list(r[9]);
    this.refs[k + TAGS] = this.list(r[10]);
    this.refs[k + NOTES] = this.list(r[20]);
    this.refs[k + COINS] = this.list(r[24]);
    const [full, rel] = [r[0], r[1]];
    const tail = rel.length > 0 && rel.length < full.length && full.endsWith(rel);
    this.refs[k + REL_LENGTH] = tail ? rel.length : NOT_A_TAIL;
    if (!tail) this.odd.set(row, rel);
    this.flags[row] = Math.max(0, FORMATS.indexOf(r[17])) | (r[5] ? GUESSED : 0) | (r[14] ? DRAFT : 0) | (r[27] << CALENDAR_SHIFT);
    // Many articles share a folder: its path is held once, as a value.
    const cut = full.lastIndexOf('/') + 1;
    this.refs[k + FOLDER] = this.value(full.slice(0, cut));
    this.names.push(full.slice(cut));
    this.texts.push(r[2], r[3]);
    this.urls.push(r[16]);
    this.externalIds.push(r[25]);
    if (r[26] !== null) this.windows.set(row, r[26]);
    return row;
  }

  // Doubling keeps appends amortised O(1); the old arrays are garbage at once.
  private grow(): void {
    this.capacity *= 2;
    const numbers = new Float64Array(this.capacity * NUMBERS);
    numbers.set(this.numbers);
    this.numbers = numbers;
    const sizes = new Uint32Array(this.capacity);
    sizes.set(this.sizes);
    this.sizes = sizes;
    const refs = new Int32Array(this.capacity * REFS);
    refs.set(this.refs);
    this.refs = refs;
    const flags = new Uint8Array(this.capacity);
    flags.set(this.flags);
    this.flags = flags;
  }

  private value(s: string | null): number {
    if (s === null) return 0;
    let id = this.valueIds.get(s);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(s);
      this.valueIds.set(s, id);
    }
    return id;
  }

  private list(items: readonly string[]): number {
    if (items.length === 0) return 0;
    // Items are display text, free of control characters (article-record.ts), so NUL separates them.
    const key = `${items.length}\0${items.join('\0')}`;
    let id = this.listIds.get(key);
    if (id === undefined) {
      id = this.lists.length;
      // Shared by every article holding the same list: frozen, so no one edits them all by editing one.
      this.lists.push(Object.freeze(items.slice()));
      this.listIds.set(key, id);
    }
    return id;
  }

  private num(row: number, column: number): number | null {
    const v = this.numbers[row * NUMBERS + column];
    return Number.isNaN(v) ? null : v;
  }

  private ref(row: number, column: number): number {
    return this.refs[row * REFS + column];
  }

  path(row: number): string {
    return (this.values[this.ref(row, FOLDER)] ?? '') + (this.names.get(row) ?? '');
  }

  relPath(row: number): string {
    const length = this.ref(row, REL_LENGTH);
    if (length === NOT_A_TAIL) return this.odd.get(row) ?? '';
    const full = this.path(row);
    return full.slice(full.length - length);
  }

  url(row: number): string | null {
    return this.urls.get(row);
  }
  externalId(row: number): string | null {
    return this.externalIds.get(row);
  }

  /** hashText of the row's externalId, URL or path (text/byte-hash.ts), from its bytes (no string made) and then kept unless `keep` is false; NO_HASH for null. */
  identityHash(row: number, field: IdentityField, keep = true): number {
    return keep ? this.identityHashes[field].get(row) : this.hashers[field](row);
  }

  private pathHash(row: number): number {
    // The path is the folder's value and then the name: the name's bytes hashed on from the folder's.
    const folder = this.ref(row, FOLDER);
    let state = this.folderHashes.get(folder);
    if (state === undefined) this.folderHashes.set(folder, (state = textState(this.values[folder] ?? '')));
    return this.names.hash(row, state);
  }

  publishedAt(row: number): number | null {
    return this.num(row, PUBLISHED);
  }
  updatedAt(row: number): number | null {
    return this.num(row, UPDATED);
  }
  score(row: number): number | null {
    return this.num(row, SCORE);
  }
  stickyWeight(row: number): number {
    return this.stickies.get(row) ?? 0;
  }
  fileSize(row: number): number {
    const size = this.sizes[row];
    return size === BIG_SIZE ? (this.bigSizes.get(row) ?? size) : size;
  }
  mtimeMs(row: number): number {
    return this.numbers[row * NUMBERS + MTIME];
  }

  source(row: number): string {
    return this.values[this.ref(row, SOURCE)] ?? '';
  }

  sourceKey(row: number): string {
    return this.values[this.ref(row, SOURCE_KEY)] ?? '';
  }

  sentiment(row: number): string | null {
    return this.values[this.ref(row, SENTIMENT)];
  }

  lang(row: number): string | null {
    return this.values[this.ref(row, LANG)];
  }

  // Lists are typed mutable in Article, as a parse makes them; these are shared and frozen.
  categories(row: number): string[] {
    return this.lists[this.ref(row, CATEGORIES)] as string[];
  }

  tags(row: number): string[] {
    return this.lists[this.ref(row, TAGS)] as string[];
  }

  notes(row: number): string[] {
    return this.lists[this.ref(row, NOTES)] as string[];
  }

  coinFields(row: number): string[] {
    return this.lists[this.ref(row, COINS)] as string[];
  }

  format(row: number): FrontMatterFormat {
    return FORMATS[this.flags[row] & 3];
  }

  dateGuessed(row: number): boolean {
    return (this.flags[row] & GUESSED) !== 0;
  }

  calendarDates(row: number): number {
    return this.flags[row] >> CALENDAR_SHIFT;
  }

  draft(row: number): boolean {
    return (this.flags[row] & DRAFT) !== 0;
  }
}
