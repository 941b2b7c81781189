// One load's use of the on-disk index: which walked files it still describes (same path, size,
// mtime, device and inode), their records, the freshly parsed files written back in large
// transactions, and the rows of files that are gone removed at the end. A stored row is data from
// disk, never trusted: its record must pass isRecord and name its own path, else the file is parsed
// again. An index that cannot be opened or written (read-only or full disk) costs speed only: the
// load goes on in memory and the next run starts cold.

import { isRecord, R, splitInode, type ArticleRecord } from './article-record.js';
import { isDamage, openIndex, removeIndex, type OpenedIndex } from './database.js';
import { ArticleStore, type IndexedArticle } from './store.js';

// Articles per write transaction: one WAL commit per few MB of text, not one per file.
const WRITE_BATCH = 2_000;

interface Row {
  id: number;
  size: number;
  mtime: number;
  dev: number;
  ino: number;
}

/** The index as one load sees it; `finish()` must be called once the load is done. */
export class IndexSession {
  private readonly rows = new Map<string, Row>();
  private pending: IndexedArticle[] = [];
  private writable = true;
  private wrote = false;

  private constructor(
    private readonly opened: OpenedIndex,
    private readonly store: ArticleStore,
  ) {}

  /**
   * Opens the index at `file` (null: in memory) and reads its rows' stamps. `stamp` names what
   * built the rows (parser build, read cap): rows built by anything else are dropped first.
   */
  static open(file: string | null, stamp: string): IndexSession {
    try {
      return IndexSession.start(openIndex(file), stamp);
    } catch (error) {
      if (file !== null && isDamage(error)) {
        // Damage found past the header (a corrupt page read while listing rows): start over.
        removeIndex(file);
        try {
          return IndexSession.start(openIndex(file), stamp);
        } catch {
          // fall through to memory
        }
      }
      return IndexSession.start(openIndex(null), stamp);
    }
  }

  private static start(opened: OpenedIndex, stamp: string): IndexSession {
    try {
      const store = new ArticleStore(opened.db);
      store.ensureStamp(stamp);
      const session = new IndexSession(opened, store);
      for (const r of store.rows()) session.rows.set(r.path, { id: r.id, size: r.size, mtime: r.mtime, dev: r.dev, ino: r.ino });
      return session;
    } catch (error) {
      opened.db.close();
      throw error;
    }
  }

  /** Whether the index holds any rows (a cold run needs no stat of the walked files). */
  get hasRows(): boolean {
    return this.rows.size > 0;
  }

  /** Where a damaged, foreign or future-version file was moved to when opening, else null. */
  get setAside(): string | null {
    return this.opened.setAside;
  }

  /**
   * The stored record of `filePath` when the file on disk still has this size, mtime, device and
   * inode (statPaths' numbers) and its row reads back well; null otherwise (then parse the file).
   */
  fresh(filePath: string, size: number, mtime: number, dev: number, ino: number): ArticleRecord | null {
    const row = this.rows.get(filePath);
    if (row === undefined || row.size !== size || row.mtime !== mtime || row.dev !== dev || row.ino !== ino) return null;
    let record: unknown;
    try {
      record = JSON.parse(this.store.articleJson(row.id) ?? 'null');
    } catch {
      return null;
    }
    if (!isRecord(record) || record[R.path] !== filePath) return null;
    // Kept: not among the rows removed by finish().
    this.rows.delete(filePath);
    return record;
  }

  /** Queues a freshly parsed article for writing; `lowerBody` is its lower-cased body, for FTS. */
  add(record: ArticleRecord, lowerBody: Buffer): void {
    if (!this.writable) return;
    const [dev, ino] = splitInode(record[R.inode]);
    this.pending.push({
      path: record[R.path],
      size: record[R.size],
      mtime: record[R.mtimeMs],
      dev,
      ino,
      // A date guessed from the file time has a fraction of a millisecond; the column holds whole ms.
      published: record[4] === null ? null : Math.floor(record[4]),
      article: record,
      text: {
        title: record[2],
        description: record[3],
        tags: record[R.tags].join('\n'),
        source: `${record[R.source]}\n${record[R.sourceKey]}`,
        category: record[R.categories].join('\n'),
        body: lowerBody.toString('utf8'),
      },
    });
    if (this.pending.length >= WRITE_BATCH) this.flush();
  }

  /** Writes what is queued, removes the rows of files not seen again, closes; true when anything was written. */
  finish(): boolean {
    this.flush();
    if (this.writable && this.rows.size > 0) {
      try {
        this.store.remove([...this.rows.values()].map((r) => r.id));
        this.wrote = true;
      } catch {
        this.writable = false;
      }
    }
    this.rows.clear();
    this.opened.db.close();
    return this.wrote && this.writable;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    if (!this.writable) return;
    try {
      this.store.put(batch);
      this.wrote = true;
      // A re-parsed file's old row was replaced by path: it is not a row of a file gone.
      for (const it of batch) this.rows.delete(it.path);
    } catch {
      this.writable = false;
    }
  }
}
