// An Article whose body and raw front matter stay on disk until something reads them. At 100k
// files those two fields are most of the corpus (~600 MB as UTF-16 strings); only the article
// on screen, the inspector and `--print json|markdown` ever look at them. The metadata comes from
// the on-disk index (src/core/index/) or a parse worker; what a substring search needs from the
// body is read from the file on first use and kept as folded (text/fold.ts) UTF-8 bytes (`lowerBody`), half
// the size, outside the JS heap, matched with Buffer.includes.

import path from 'node:path';
import type { Article, FrontMatterFormat } from '../article.js';
import { toRecord, type ArticleRecord } from '../index/article-record.js';
import { parseArticle } from './parse.js';
import { readCappedSync } from './read-sync.js';
import { foldText } from '../text/fold.js';

// What is read back from the file: the big fields only the open article needs.
interface Full {
  body: string;
  frontMatter: Record<string, unknown>;
  coverImage: string | null;
}

// The few articles read back most recently; the body pane reads `body` on every frame, so a
// re-read per access would cost a file read per keystroke.
const RECENT_MAX = 16;
const recent = new Map<LazyArticle, Full>();

function readBack(a: LazyArticle): Full {
  const hit = recent.get(a);
  if (hit) {
    recent.delete(a);
    recent.set(a, hit);
    return hit;
  }
  let full: Full = { body: '', frontMatter: Object.create(null) as Record<string, unknown>, coverImage: null };
  const read = readCappedSync(a.path, a.maxFileSize);
  if (read.kind === 'read') {
    const info = { path: a.path, relPath: a.relPath, size: read.size, mtimeMs: read.mtimeMs, folderName: path.basename(path.dirname(a.path)) };
    const outcome = parseArticle(read.bytes, info, a.id);
    if (outcome.ok) full = { body: outcome.article.body, frontMatter: outcome.article.frontMatter, coverImage: outcome.article.coverImage };
  }
  // A file deleted or broken since it was indexed shows an empty body rather than failing.
  recent.set(a, full);
  if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value as LazyArticle);
  return full;
}

// Strings many articles repeat (source names, categories, tags, coins, language) are kept once:
// every record arrives as its own copy (JSON.parse of an index row, or a worker's message), and
// at 100k articles those copies were about a third of the heap's strings. Only short strings,
// and at most MAX_SHARED of them, so a corpus of unique tags cannot grow the table without bound.
const MAX_SHARED = 65_536;
const MAX_SHARED_LENGTH = 64;
const shared = new Map<string, string>();

function share(s: string): string;
function share(s: string | null): string | null;
function share(s: string | null): string | null {
  if (s === null || s.length > MAX_SHARED_LENGTH) return s;
  const known = shared.get(s);
  if (known !== undefined) return known;
  if (shared.size < MAX_SHARED) shared.set(s, s);
  return s;
}

// One empty list for every article that has none (most have no notes and many no coin fields);
// frozen, since it is shared. Nothing edits an article's lists in place.
const NONE: string[] = Object.freeze([]) as unknown as string[];

function shareList(list: string[]): string[] {
  if (list.length === 0) return NONE;
  for (let i = 0; i < list.length; i++) list[i] = share(list[i]);
  return list;
}

// The path relative to its folder argument is the path's tail: kept as a slice of the path
// (V8 shares the characters) instead of a second copy of them.
function tailOf(full: string, rel: string): string {
  return rel.length > 0 && rel.length < full.length && full.endsWith(rel) ? full.slice(full.length - rel.length) : rel;
}

/** An Article loaded from the index or a parse worker; body, front matter and cover image are read from the file on first use. */
export class LazyArticle implements Article {
  // Fields are set by fromRecord below, so a load makes no intermediate object per article.
  id: number;
  path!: string;
  relPath!: string;
  title!: string;
  description!: string;
  publishedAt!: number | null;
  dateGuessed!: boolean;
  updatedAt!: number | null;
  source!: string;
  sourceKey!: string;
  categories!: string[];
  tags!: string[];
  coinFields!: string[];
  sentiment!: string | null;
  score!: number | null;
  lang!: string | null;
  draft!: boolean;
  stickyWeight!: number;
  url!: string | null;
  externalId!: string | null;
  format!: FrontMatterFormat;
  size!: number;
  mtimeMs!: number;
  notes!: string[];
  // The folded body once read; null until a search asks for it.
  private bytes: Buffer | null;
  /** The read cap the article was loaded with, so a read-back parses the same bytes. */
  readonly maxFileSize: number;
  private override: Partial<Full> | null = null;

  private constructor(id: number, lowerBody: Buffer | null, maxFileSize: number) {
    this.id = id;
    this.bytes = lowerBody;
    this.maxFileSize = maxFileSize;
  }

  /** An article from a record (a parse worker's output or an index row); `lowerBody` if already at hand. */
  static fromRecord(r: ArticleRecord, id: number, lowerBody: Buffer | null, maxFileSize: number): LazyArticle {
    const a = new LazyArticle(id, lowerBody, maxFileSize);
    a.path = r[0];
    a.relPath = tailOf(r[0], r[1]);
    a.title = r[2];
    a.description = r[3];
    a.publishedAt = r[4];
    a.dateGuessed = r[5];
    a.updatedAt = r[6];
    a.source = share(r[7]);
    a.sourceKey = share(r[8]);
    a.categories = shareList(r[9]);
    a.tags = shareList(r[10]);
    a.sentiment = share(r[11]);
    a.score = r[12];
    a.lang = share(r[13]);
    a.draft = r[14];
    a.stickyWeight = r[15];
    a.url = r[16];
    a.format = share(r[17]) as FrontMatterFormat;
    a.size = r[18];
    a.mtimeMs = r[19];
    a.notes = shareList(r[20]);
    a.coinFields = shareList(r[24]);
    a.externalId = r[25];
    return a;
  }

  /** Whether the folded body is in memory already (see attachLowerBody). */
  get hasLowerBody(): boolean {
    return this.bytes !== null;
  }

  /** Keeps a folded body read elsewhere (a parse worker read the same file), unless one is kept already. */
  attachLowerBody(bytes: Buffer): void {
    this.bytes ??= bytes;
  }

  /** Folded UTF-8 body, for substring search only (never displayed); read on first use. */
  get lowerBody(): Buffer {
    if (this.bytes === null) this.bytes = Buffer.from(foldText(this.body), 'utf8');
    return this.bytes;
  }

  /** The Markdown body, read and parsed from the file when first needed. */
  get body(): string {
    return this.override?.body ?? readBack(this).body;
  }

  set body(value: string) {
    this.override = { ...this.override, body: value };
  }

  /** The front matter as parsed, read from the file when first needed. */
  get frontMatter(): Record<string, unknown> {
    return this.override?.frontMatter ?? readBack(this).frontMatter;
  }

  set frontMatter(value: Record<string, unknown>) {
    this.override = { ...this.override, frontMatter: value };
  }

  /** The cover image URL, read from the file when first needed. */
  get coverImage(): string | null {
    return this.override && 'coverImage' in this.override ? (this.override.coverImage ?? null) : readBack(this).coverImage;
  }

  set coverImage(value: string | null) {
    this.override = { ...this.override, coverImage: value };
  }

  /** JSON.stringify skips prototype getters; this keeps `body` and `frontMatter` in its output. */
  toJSON(): Article {
    const { bytes: _bytes, maxFileSize: _cap, override: _override, ...meta } = this;
    return { ...meta, body: this.body, frontMatter: this.frontMatter, coverImage: this.coverImage };
  }
}

/** The folded (text/fold.ts) UTF-8 body of any article: kept bytes for a LazyArticle, computed for a plain one. */
export function lowerBodyOf(a: Article): Buffer {
  return a instanceof LazyArticle ? a.lowerBody : Buffer.from(foldText(a.body), 'utf8');
}

/** A LazyArticle for a freshly parsed article: keeps its metadata and search bytes, lets the big strings go. */
export function toLazy(a: Article, maxFileSize: number): LazyArticle {
  const lowerBody = Buffer.from(foldText(a.body), 'utf8');
  return LazyArticle.fromRecord(toRecord(a, '', lowerBody.length, []), a.id, lowerBody, maxFileSize);
}
