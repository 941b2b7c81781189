// Rows of the index: one per article file, keyed by path and trusted while the file's size,
// mtime and inode are what was recorded, plus the article's searchable text in the contentless
// FTS5 table (the body is tokenised, never stored: the UI reads the one on screen from its file).
// The whole normalised article except the body is stored as JSON, so fields other parts of the
// loader add flow through without a schema change. A row's text may come later (text_pending
// lists the rows still without it; index/text-build.ts fills them in). Every write is an
// IMMEDIATE transaction: it takes the write lock before reading, so a second process writing the
// same file waits for it (busy timeout) instead of failing half-way with SQLITE_BUSY.

import type Database from 'better-sqlite3';
import { articleFields, type ArticleFields } from './columns.js';
import type { ArticleRecord } from '../article-record.js';

/** What the freshness check compares with the file on disk. */
export interface FileStamp {
  size: number;
  mtime: number;
  dev: number;
  ino: number;
}

/** The searchable text of one article, one string per FTS5 column, already folded (text/fold.ts) where it is the body. */
export interface ArticleText {
  title: string;
  description: string;
  tags: string;
  source: string;
  category: string;
  /** The folded body, as a string or as its UTF-8 bytes (bound as a BLOB, which SQLite reads as the same text). */
  body: string | Uint8Array;
  /** The coins `coin:` finds the article by (columns.ts articleCoinSymbols), kept in article_coins. */
  coins: readonly string[];
}

/** One article to write: the file's stamp, the article as JSON-able data, its lead paragraph, and its text when already at hand. */
export interface IndexedArticle extends FileStamp {
  path: string;
  /** Milliseconds since the epoch, or null when the article has no date. */
  published: number | null;
  /** The normalised article without its body or front matter, as stored JSON (`articleJson`: that JSON's text, when a parse thread made it). */
  article: unknown;
  articleJson?: string;
  /** The body's lead paragraph (text/lead.ts), '' for none. */
  lead: string;
  /** The field filters' columns (columns.ts articleFields). */
  fields: ArticleFields;
  /** The FTS5 text; null leaves the row in text_pending for the background text build. */
  text: ArticleText | null;
}

/** One article row as a cold load hands it to the index's thread (text-build.ts): its reserved id, the file's stamp, the record, the lead paragraph and its text when the parse sent its body. */
export interface HandedRow extends FileStamp {
  id: number;
  path: string;
  /** Milliseconds since the epoch (whole), or null. */
  published: number | null;
  /** The record and its JSON text (when the batch carried it: HandedBatch spans), or, for a row made ready (article-text.ts madeRows), the JSON and the filter columns. */
  record?: ArticleRecord;
  recordJson?: string;
  fields?: ArticleFields;
  lead: string;
  /** The FTS5 text, made from the body the parse read (article-text.ts handedText); null leaves the row pending. */
  text: ArticleText | null;
}

/** A cold load's rows as handed over: the parse outcomes as JSON (load's FileOutcome), each one's reserved row id (-1 for none; article-text.ts handedRows), where each record sits in the JSON when known (`spans`, load/parse-worker.ts outcomesJson), and the folded bodies when the parse kept them. */
export interface HandedBatch {
  json: string;
  ids: Int32Array;
  spans?: Int32Array;
  /** Transferable: each article outcome's folded body (UTF-8, record[R.bodyLength] bytes), back to back in outcome order. */
  bodies?: ArrayBuffer;
  /** The rows made ready by the handing thread (article-text.ts makeRows): json, ids and spans are then unused. */
  made?: MadeRow[];
}

/** A handed row made ready for its insert (article-text.ts makeRows): its row's columns, the FTS5 text's short fields and coins, where its body sits in the batch's bodies. */
export type MadeRow = [id: number, path: string, size: number, mtime: number, dev: number, ino: number, published: number | null, json: string, lead: string, sourceMatch: string, lang: string, sentiment: string, draft: number, sticky: number, warned: number, listedFrom: number | null, listedUntil: number | null, title: string, description: string, tags: string, source: string, category: string, coins: readonly string[], bodyAt: number, bodyBytes: number];

/** A stored row as read back for the freshness check. */
export interface StoredRow extends FileStamp {
  id: number;
  path: string;
}

/** A row still without text, as the text build needs it: where to read it, what file it was, and its stored article JSON. */
export interface PendingRow extends StoredRow {
  article: string;
}

/** Reads and writes the article rows of one open index database. */
export class ArticleStore {
  private readonly insertRow: Database.Statement;
  private readonly insertRowAt: Database.Statement;
  private readonly insertText: Database.Statement;
  private readonly deleteRow: Database.Statement;
  private readonly deleteText: Database.Statement;
  private readonly byPath: Database.Statement;
  private readonly articleOf: Database.Statement;
  private readonly insertPending: Database.Statement;
  private readonly deletePending: Database.Statement;
  private readonly isPending: Database.Statement;
  private readonly insertCoin: Database.Statement;
  private readonly deleteCoins: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insertRow = db.prepare('INSERT INTO articles (path, size, mtime, dev, ino, published, article, lead, source_match, lang, sentiment, draft, sticky, warned, listed_from, listed_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    this.insertRowAt = db.prepare('INSERT INTO articles (id, path, size, mtime, dev, ino, published, article, lead, source_match, lang, sentiment, draft, sticky, warned, listed_from, listed_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    this.insertText = db.prepare('INSERT INTO articles_fts (rowid, title, description, tags, source, category, body) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.deleteRow = db.prepare('DELETE FROM articles WHERE id = ?');
    this.deleteText = db.prepare('DELETE FROM articles_fts WHERE rowid = ?');
    this.byPath = db.prepare('SELECT id FROM articles WHERE path = ?').pluck();
    this.articleOf = db.prepare('SELECT article FROM articles WHERE id = ?').pluck();
    // OR IGNORE: a handed row's id is listed from its reservation on (text-build.ts reserveRowIds).
    this.insertPending = db.prepare('INSERT OR IGNORE INTO text_pending (id) VALUES (?)');
    this.deletePending = db.prepare('DELETE FROM text_pending WHERE id = ?');
    this.isPending = db.prepare('SELECT 1 FROM text_pending WHERE id = ?').pluck();
    this.insertCoin = db.prepare('INSERT OR IGNORE INTO article_coins (symbol, id) VALUES (?, ?)');
    this.deleteCoins = db.prepare('DELETE FROM article_coins WHERE id = ?');
  }

  /** Every stored file with its stamp, in id order; iterated, never all materialised by the store. */
  *rows(): IterableIterator<StoredRow> {
    yield* this.db.prepare('SELECT id, path, size, mtime, dev, ino FROM articles ORDER BY id').iterate() as IterableIterator<StoredRow>;
  }

  /** rows() as arrays [id, path, size, mtime, dev, ino]: no object per row (a warm load reads every row). */
  rowTuples(): IterableIterator<[number, string, number, number, number, number]> {
    return this.db.prepare('SELECT id, path, size, mtime, dev, ino FROM articles').raw().iterate() as IterableIterator<[number, string, number, number, number, number]>;
  }

  /** Every row's [id, article JSON], in the table's order: one sequential read instead of a lookup per row. */
  articleTuples(): IterableIterator<[number, string]> {
    return this.db.prepare('SELECT id, article FROM articles').raw().iterate() as IterableIterator<[number, string]>;
  }

  /** The stored rows of these paths (those that have one), with their stamps, in the paths' order. */
  rowsOfPaths(paths: readonly string[]): StoredRow[] {
    const one = this.db.prepare('SELECT id, path, size, mtime, dev, ino FROM articles WHERE path = ?');
    const out: StoredRow[] = [];
    for (const key of paths) {
      const row = one.get(key) as StoredRow | undefined;
      if (row) out.push(row);
    }
    return out;
  }

  /**
   * Makes the rows match `stamp` (what built them: parser build and read cap): when the stored stamp
   * differs, every row is dropped, since the same bytes may now parse differently; true when dropped.
   */
  ensureStamp(stamp: string): boolean {
    const stored = this.db.prepare("SELECT value FROM meta WHERE key = 'parser'").pluck().get() as string | undefined;
    if (stored === stamp) return false;
    return this.db.transaction((): boolean => {
      const stored = this.db.prepare("SELECT value FROM meta WHERE key = 'parser'").pluck().get() as string | undefined;
      if (stored === stamp) return false;
      this.db.prepare('DELETE FROM articles').run();
      // A contentless table forgets its rows only through its own delete-all command.
      this.db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')").run();
      this.db.prepare('DELETE FROM text_pending').run();
      this.db.prepare('DELETE FROM article_coins').run();
      this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('parser', ?)").run(stamp);
      return stored !== undefined;
    }).immediate();
  }

  /** The stored article's JSON text with this id, or undefined. */
  articleJson(id: number): string | undefined {
    return this.articleOf.get(id) as string | undefined;
  }

  /** Number of stored articles. */
  count(): number {
    return this.db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  }

  /** The stored article (parsed JSON) with this id, or null. */
  article(id: number): unknown {
    const json = this.articleOf.get(id) as string | undefined;
    return json === undefined ? null : JSON.parse(json);
  }

  /**
   * Writes articles in one transaction, replacing any row with the same path; returns their ids.
   * An article without text is listed in text_pending. Callers batch thousands per call: a
   * transaction per file costs a WAL commit each.
   */
  put(items: readonly IndexedArticle[]): number[] {
    return this.db.transaction((batch: readonly IndexedArticle[]) => {
      const ids: number[] = [];
      for (const it of batch) {
        const old = this.byPath.get(it.path) as number | undefined;
        if (old !== undefined) this.removeOne(old);
        const f = it.fields;
        const id = Number(this.insertRow.run(it.path, it.size, it.mtime, it.dev, it.ino, it.published, it.articleJson ?? JSON.stringify(it.article), it.lead, f.source, f.lang, f.sentiment, f.draft, f.sticky, f.warned, f.listedFrom, f.listedUntil).lastInsertRowid);
        if (it.text) this.insertFts(id, it.text);
        else this.insertPending.run(id);
        ids.push(id);
      }
      return ids;
    }).immediate(items);
  }

  /**
   * Writes rows handed over by a load's thread (text-build.ts) under the ids it reserved for
   * them, in one transaction, each with its text when it has one (in ascending id order, one
   * FTS5 segment: see putText), else listed in text_pending; a row of the same path written
   * meanwhile (a second instance loading the same folders) is replaced, as put() does.
   */
  putHanded(rows: readonly HandedRow[]): void {
    this.db.transaction((batch: readonly HandedRow[]) => {
      for (const r of batch) {
        const old = this.byPath.get(r.path) as number | undefined;
        if (old !== undefined) this.removeOne(old);
        const f = r.fields ?? articleFields(r.record as ArticleRecord);
        this.insertRowAt.run(r.id, r.path, r.size, r.mtime, r.dev, r.ino, r.published, r.recordJson ?? JSON.stringify(r.record), r.lead, f.source, f.lang, f.sentiment, f.draft, f.sticky, f.warned, f.listedFrom, f.listedUntil);
        if (r.text === null) this.insertPending.run(r.id);
        else {
          this.insertFts(r.id, r.text);
          this.deletePending.run(r.id);
        }
      }
    }).immediate(rows);
  }

  /** Removes the rows with these ids (files gone or changed), in one transaction. */
  remove(ids: readonly number[]): void {
    this.db.transaction((list: readonly number[]) => {
      for (const id of list) this.removeOne(id);
    }).immediate(ids);
  }

  /** Removes the row of this path, if any; true when there was one. */
  removePath(filePath: string): boolean {
    return this.db.transaction((p: string): boolean => {
      const id = this.byPath.get(p) as number | undefined;
      if (id === undefined) return false;
      this.removeOne(id);
      return true;
    }).immediate(filePath);
  }

  /**
   * Ids of the rows still without text, ascending: no reader uses the full text before none is pending, and FTS5
   * segments whose id ranges do not overlap cost far less (synthetic 100k: 2.1 s of CPU, newest first 3.5 s).
   */
  pendingIds(): number[] {
    return this.db.prepare('SELECT p.id FROM text_pending p JOIN articles a ON a.id = p.id ORDER BY p.id').pluck().all() as number[];
  }

  /** Those of these rows still there and pending, ascending, with their article JSON: one range read (a lookup per id: ~0.4 s at 100k). */
  rowsOf(ids: readonly number[]): PendingRow[] {
    if (ids.length === 0) return [];
    const wanted = new Set(ids);
    const range = this.db.prepare('SELECT a.id, a.path, a.size, a.mtime, a.dev, a.ino, a.article FROM text_pending p JOIN articles a ON a.id = p.id WHERE p.id BETWEEN ? AND ? ORDER BY p.id');
    return (range.all(Math.min(...ids), Math.max(...ids)) as PendingRow[]).filter((row) => wanted.has(row.id));
  }

  /** How many rows are still without text. */
  pendingCount(): number {
    return this.db.prepare('SELECT count(*) FROM text_pending').pluck().get() as number;
  }

  /**
   * Writes the text of rows still pending, in one transaction, and takes them off text_pending; a
   * row no longer pending (removed, replaced, or done by another process meanwhile) is skipped,
   * so no text is ever written twice. Returns how many were written. In ascending id order
   * whatever the order given: FTS5 keeps a transaction's terms in
   * memory and writes them out as one segment at commit, but only while each rowid is larger than
   * the last. Rows given in no id order each became a segment, and merging them was most of the
   * insert's cost (10k rows: 1.6 s of FTS5 time, 0.3-0.5 s sorted).
   */
  putText(items: ReadonlyArray<{ id: number; text: ArticleText }>): number {
    const ascending = [...items].sort((a, b) => a.id - b.id);
    return this.db.transaction((batch: ReadonlyArray<{ id: number; text: ArticleText }>) => {
      let done = 0;
      for (const { id, text } of batch) {
        if (this.isPending.get(id) === undefined) continue;
        this.insertFts(id, text);
        this.deletePending.run(id);
        done += 1;
      }
      return done;
    }).immediate(ascending);
  }

  private insertFts(id: number, t: ArticleText): void {
    this.insertText.run(id, t.title, t.description, t.tags, t.source, t.category, t.body);
    for (const symbol of t.coins) this.insertCoin.run(symbol, id);
  }

  private removeOne(id: number): void {
    this.deleteRow.run(id);
    this.deleteText.run(id);
    this.deletePending.run(id);
    this.deleteCoins.run(id);
  }
}
