// An Article whose body and raw front matter stay on disk until something reads them. At 100k
// files those two fields are most of the corpus (~600 MB as UTF-16 strings); only the article on
// screen, the inspector and `--print json|markdown` ever look at them. The metadata comes from the
// on-disk index (src/core/index/) or a parse worker; what a substring search needs from the body is
// read on first use and kept as folded (text/fold.ts) UTF-8 bytes (`lowerBody`), half the size,
// outside the JS heap, matched with Buffer.includes.

import path from 'node:path';
import type { Article, ArticleMeta, FoldedShortFields, FrontMatterFormat, HashedIdentity, HaystackSlots, HayLists, HayMeta, IdentityField } from '../article.js';
import { ArticleTable } from './article-table.js';
import { toRecord, type ArticleRecord } from '../article-record.js';
import { parseArticle } from './parse.js';
import { readCappedSync } from '../files/index.js';
import { foldedBytes } from '../text/index.js';

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
const overrides = new WeakMap<LazyArticle, Partial<Full>>();

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

/**
 * An article loaded from the index or a parse worker: a row of an ArticleTable (article-table.ts),
 * whose columns its getters read; body, front matter and cover image are read from the file on first use.
 */
export class LazyArticle implements Article, FoldedShortFields, HashedIdentity, HaystackSlots {
  id: number;
  // The folded body once read; null until a search asks for it.
  private bytes: Buffer | null;
  // The search's slots (article.ts HaystackSlots): the article is its own haystack. Set in the
  // constructor, so V8 gives every article room for them in the object itself.
  hayLists: HayLists | null;
  hayMeta: HayMeta | null;
  hayMask: number;

  private constructor(
    private readonly table: ArticleTable,
    private readonly row: number,
    id: number,
    lowerBody: Buffer | null,
  ) {
    this.id = id;
    this.bytes = lowerBody;
    this.hayLists = null;
    this.hayMeta = null;
    this.hayMask = 0;
  }

  /**
   * An article from a record (a parse worker's output or an index row), added as a row of
   * `table` (the load's table; a table of its own when none is given); `lowerBody` if already at hand.
   */
  static fromRecord(r: ArticleRecord, id: number, lowerBody: Buffer | null, maxFileSize: number, table = new ArticleTable(maxFileSize, 1)): LazyArticle {
    return new LazyArticle(table, table.add(r), id, lowerBody);
  }

  /** The article of a row already in `table` (added by the load as its record was read). */
  static ofRow(table: ArticleTable, row: number, id: number): LazyArticle {
    return new LazyArticle(table, row, id, null);
  }

  get path(): string {
    return this.table.path(this.row);
  }

  get relPath(): string {
    return this.table.relPath(this.row);
  }

  get title(): string {
    return this.table.texts.title(this.row);
  }

  get description(): string {
    return this.table.texts.description(this.row);
  }

  /** Title and description folded as search compares them (see FoldedShortFields in article.ts). */
  get foldedShort(): string {
    return this.table.texts.folded(this.row);
  }

  get foldedTitleLength(): number {
    return this.table.texts.foldedTitleLength(this.row);
  }

  /** The article itself, which reads its folded body from its file on first use (lowerBody). */
  get foldedBody(): this {
    return this;
  }

  get publishedAt(): number | null {
    return this.table.publishedAt(this.row);
  }

  get dateGuessed(): boolean {
    return this.table.dateGuessed(this.row);
  }

  get updatedAt(): number | null {
    return this.table.updatedAt(this.row);
  }

  get calendarDates(): number {
    return this.table.calendarDates(this.row);
  }

  get source(): string {
    return this.table.source(this.row);
  }

  get sourceKey(): string {
    return this.table.sourceKey(this.row);
  }

  get categories(): string[] {
    return this.table.categories(this.row);
  }

  get tags(): string[] {
    return this.table.tags(this.row);
  }

  get coinFields(): string[] {
    return this.table.coinFields(this.row);
  }

  get sentiment(): string | null {
    return this.table.sentiment(this.row);
  }

  get score(): number | null {
    return this.table.score(this.row);
  }

  get lang(): string | null {
    return this.table.lang(this.row);
  }

  get draft(): boolean {
    return this.table.draft(this.row);
  }

  get scheduledAt(): number | null {
    return this.table.windows.get(this.row)?.[0] ?? null;
  }

  get expiresAt(): number | null {
    return this.table.windows.get(this.row)?.[1] ?? null;
  }

  get stickyWeight(): number {
    return this.table.stickyWeight(this.row);
  }

  get url(): string | null {
    return this.table.url(this.row);
  }

  get externalId(): string | null {
    return this.table.externalId(this.row);
  }

  /** hashText of the externalId, URL or path from the bytes the table holds (NO_HASH for null): what ReadProbe looks up. */
  identityHash(field: IdentityField, keep = true): number {
    return this.table.identityHash(this.row, field, keep);
  }

  get format(): FrontMatterFormat {
    return this.table.format(this.row);
  }

  get size(): number {
    return this.table.fileSize(this.row);
  }

  get mtimeMs(): number {
    return this.table.mtimeMs(this.row);
  }

  get notes(): string[] {
    return this.table.notes(this.row);
  }

  /** The read cap the article was loaded with, so a read-back parses the same bytes. */
  get maxFileSize(): number {
    return this.table.maxFileSize;
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
    return (this.bytes ??= foldedBytes(this.body));
  }

  // A body, front matter or cover image set on the article (tests, a caller that has them), kept
  // beside it rather than in a field every article would carry.
  private get override(): Partial<Full> | undefined {
    return overrides.get(this);
  }

  private set override(value: Partial<Full>) {
    overrides.set(this, value);
  }

  /** True until a body is set here: reading `body` reads the file. */
  get bodyOnDisk(): boolean {
    return this.override?.body === undefined;
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

  /** Every field of the Article as a plain object (JSON.stringify and spreads skip prototype getters). */
  toJSON(): Article {
    return { ...this.meta(), body: this.body, frontMatter: this.frontMatter, coverImage: this.coverImage };
  }

  /** The metadata fields as a plain object. */
  meta(): ArticleMeta {
    return {
      id: this.id, path: this.path, relPath: this.relPath, title: this.title, description: this.description,
      publishedAt: this.publishedAt, dateGuessed: this.dateGuessed, updatedAt: this.updatedAt, calendarDates: this.calendarDates, source: this.source,
      sourceKey: this.sourceKey, categories: this.categories, tags: this.tags, coinFields: this.coinFields,
      sentiment: this.sentiment, score: this.score, lang: this.lang, draft: this.draft, scheduledAt: this.scheduledAt, expiresAt: this.expiresAt, stickyWeight: this.stickyWeight,
      url: this.url, externalId: this.externalId, format: this.format, size: this.size, mtimeMs: this.mtimeMs, notes: this.notes,
    };
  }
}

/** The folded (text/fold.ts) UTF-8 body of any article: kept bytes for a LazyArticle, computed for a plain one. */
export function lowerBodyOf(a: Article): Buffer {
  return a instanceof LazyArticle ? a.lowerBody : foldedBytes(a.body);
}

/** A LazyArticle for a freshly parsed article: keeps its metadata and search bytes, lets the big strings go. */
export function toLazy(a: Article, maxFileSize: number): LazyArticle {
  const lowerBody = foldedBytes(a.body);
  return LazyArticle.fromRecord(toRecord(a, '', lowerBody.length, []), a.id, lowerBody, maxFileSize);
}
