// Rows of the index: one per article file, keyed by path and trusted while the file's size,
// mtime and inode are what was recorded, plus the article's searchable text in the contentless
// FTS5 table (the body is tokenised, never stored: the UI reads the one on screen from its file).
// The whole normalised article except the body is stored as JSON, so fields other parts of the
// loader add flow through without a schema change.

import type Database from 'better-sqlite3';

/** What the freshness check compares with the file on disk. */
export interface FileStamp {
  size: number;
  mtime: number;
  dev: number;
  ino: number;
}

/** One article to write: the file's stamp, the article as JSON-able data, and its searchable text. */
export interface IndexedArticle extends FileStamp {
  path: string;
  /** Milliseconds since the epoch, or null when the article has no date. */
  published: number | null;
  /** The normalised article without its body, as stored JSON (front matter included). */
  article: unknown;
  text: { title: string; description: string; tags: string; source: string; category: string; body: string };
}

/** A stored row as read back for the freshness check. */
export interface StoredRow extends FileStamp {
  id: number;
  path: string;
}

/** Reads and writes the article rows of one open index database. */
export class ArticleStore {
  private readonly insertRow: Database.Statement;
  private readonly insertText: Database.Statement;
  private readonly deleteRow: Database.Statement;
  private readonly deleteText: Database.Statement;
  private readonly byPath: Database.Statement;
  private readonly articleOf: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insertRow = db.prepare('INSERT INTO articles (path, size, mtime, dev, ino, published, article) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.insertText = db.prepare('INSERT INTO articles_fts (rowid, title, description, tags, source, category, body) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.deleteRow = db.prepare('DELETE FROM articles WHERE id = ?');
    this.deleteText = db.prepare('DELETE FROM articles_fts WHERE rowid = ?');
    this.byPath = db.prepare('SELECT id FROM articles WHERE path = ?').pluck();
    this.articleOf = db.prepare('SELECT article FROM articles WHERE id = ?').pluck();
  }

  /** Every stored file with its stamp, in id order; iterated, never all materialised by the store. */
  *rows(): IterableIterator<StoredRow> {
    yield* this.db.prepare('SELECT id, path, size, mtime, dev, ino FROM articles ORDER BY id').iterate() as IterableIterator<StoredRow>;
  }

  /**
   * Makes the rows match `stamp` (what built them: parser build and read cap): when the stored
   * stamp differs, every row is dropped, since the same bytes may now parse differently.
   * Returns true when rows were dropped.
   */
  ensureStamp(stamp: string): boolean {
    return this.db.transaction((): boolean => {
      const stored = this.db.prepare("SELECT value FROM meta WHERE key = 'parser'").pluck().get() as string | undefined;
      if (stored === stamp) return false;
      this.db.prepare('DELETE FROM articles').run();
      // A contentless table forgets its rows only through its own delete-all command.
      this.db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')").run();
      this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('parser', ?)").run(stamp);
      return stored !== undefined;
    })();
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
   * Callers batch thousands per call: a transaction per file costs a WAL commit each.
   */
  put(items: readonly IndexedArticle[]): number[] {
    return this.db.transaction((batch: readonly IndexedArticle[]) => {
      const ids: number[] = [];
      for (const it of batch) {
        const old = this.byPath.get(it.path) as number | undefined;
        if (old !== undefined) this.removeOne(old);
        const id = Number(this.insertRow.run(it.path, it.size, it.mtime, it.dev, it.ino, it.published, JSON.stringify(it.article)).lastInsertRowid);
        const t = it.text;
        this.insertText.run(id, t.title, t.description, t.tags, t.source, t.category, t.body);
        ids.push(id);
      }
      return ids;
    })(items);
  }

  /** Removes the rows with these ids (files gone or changed), in one transaction. */
  remove(ids: readonly number[]): void {
    this.db.transaction((list: readonly number[]) => {
      for (const id of list) this.removeOne(id);
    })(ids);
  }

  private removeOne(id: number): void {
    this.deleteRow.run(id);
    this.deleteText.run(id);
  }
}
