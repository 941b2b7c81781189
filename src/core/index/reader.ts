// The read side of the on-disk index: what a run asks of it before (or instead of) loading every
// article. Opened read-only, so a second dashboard or a `--filter` never waits on a writer (WAL)
// and nothing here can damage the file. Like the loader, it trusts nothing it reads: a file of
// another program, format or parser build answers nothing (`open` gives null), and every stored
// article must pass isRecord before it is handed out.

import type Database from 'better-sqlite3';
import { openDatabase } from '../sqlite.js';
import { isRecord, type ArticleRecord } from '../article-record.js';
import { APPLICATION_ID, INDEX_FORMAT } from './database.js';
import type { MatchedStamps, StampRow } from './freshness.js';
import { LISTED_NOW, listedParams, type QueryPlan } from './query-plan.js';
import { STAMP_SQL, type Vocabulary } from './vocabulary.js';
import { matchSnapshot, readSnapshot, readSnapshotRaw, type Snapshot } from './stamp-snapshot.js';

/**
 * A page cache for a reader that reads each page about once (a `--filter`: the stamp snapshot's
 * overflow pages, then the matching rows): with SQLite's default cache every page read takes a
 * slot of fresh memory, and on this project's machines a first touch of a memory page costs
 * ~17 us (a page fault). 64 slots are reused instead: at 10k files the snapshot's read went from
 * ~1,030 to ~700 page faults and 27 to 17 ms, the rows' from ~1,180 to ~310 faults and 40 to 15 ms.
 * The B-tree's interior pages, read for every row, stay in it.
 */
export const ONE_PASS_CACHE_PAGES = 64;

/** A read-only view of one index file; `close()` when done. Methods throw only on SQLite errors. */
export class IndexReader {
  private constructor(private readonly db: Database.Database) {}

  /**
   * Opens `file` read-only when it is this program's index in the current format, built by the
   * parser named by `stamp` (see the loader's parserStamp); null otherwise or on any error
   * (missing, damaged, locked): the caller then loads as if there were no index.
   * `cachePages`: SQLite's page cache in pages (openDatabase's PAGE_CACHE_KIB when not given); see ONE_PASS_CACHE_PAGES.
   */
  static open(file: string, stamp: string, cachePages?: number): IndexReader | null {
    let db: Database.Database | null = null;
    try {
      db = openDatabase(file, { readonly: true, fileMustExist: true });
      if (cachePages !== undefined) db.pragma(`cache_size = ${Math.max(1, Math.floor(cachePages))}`);
      const ok =
        db.pragma('application_id', { simple: true }) === APPLICATION_ID &&
        db.pragma('user_version', { simple: true }) === INDEX_FORMAT &&
        db.prepare("SELECT value FROM meta WHERE key = 'parser'").pluck().get() === stamp;
      if (ok) return new IndexReader(db);
    } catch {
      // fall through: no usable index
    }
    db?.close();
    return null;
  }

  /**
   * Number of indexed articles, drafts (and articles outside their publication window at `now`,
   * epoch ms) only with `includeDrafts`: COUNT(*), exact. Without drafts
   * it is every row less the rows that are drafts (or whose draft flag is unreadable): those are
   * few, found by seeks into the list index, while counting `draft = 0` walks that index's every
   * entry (1M rows: 15-25 ms against 260-800 ms).
   */
  count(includeDrafts: boolean, now = Date.now()): number {
    if (includeDrafts) return this.db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    // Less, likewise by seeks, the rows outside their publication window (query-plan.ts
    // LISTED_NOW): dated later than now, with a later publish date, or expired (counted once).
    // `+draft`: not a term an index may serve, so SQLite seeks by the dates (articles_published,
    // the partial listed_ indexes) instead of walking every entry of articles_list's draft = 0.
    const sql =
      'SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM articles WHERE draft > 0) - (SELECT count(*) FROM articles WHERE draft < 0) - (SELECT count(*) FROM articles WHERE draft IS NULL)' +
      ' - (SELECT count(*) FROM articles WHERE published > @now AND listed_from IS NULL AND +draft = 0) - (SELECT count(*) FROM articles WHERE listed_from > @now AND +draft = 0)' +
      ' - (SELECT count(*) FROM articles WHERE listed_until <= @now AND coalesce(listed_from, published, 0) <= @now AND +draft = 0)';
    return this.db.prepare(sql).pluck().get({ now }) as number;
  }

  /**
   * The first `limit` articles in the list's default order (sticky weight, then newest first,
   * undated last, then index id), without drafts and articles outside their publication window at
   * `now` (epoch ms) unless `includeDrafts`. Rows that fail the
   * record check are left out. Reads only those rows (the articles_list index), whatever the size.
   * `rowIds`, when given, receives each returned record's row id, in the same order.
   */
  firstPage(limit: number, includeDrafts: boolean, rowIds?: number[], now = Date.now()): ArticleRecord[] {
    const where = includeDrafts ? '' : `WHERE ${LISTED_NOW}`;
    const params = includeDrafts ? [] : listedParams(now);
    const rows = this.db.prepare(`SELECT id, article FROM articles ${where} ORDER BY sticky DESC, published DESC, id LIMIT ?`).raw().all(...params, Math.max(0, Math.floor(limit))) as Array<[number, string]>;
    const out: ArticleRecord[] = [];
    for (const [id, json] of rows) {
      try {
        const record: unknown = JSON.parse(json);
        if (!isRecord(record)) continue;
        out.push(record);
        // Each record's row id beside it, when asked: what the facts snapshot names articles by.
        rowIds?.push(id);
      } catch {
        // A row that does not parse is not shown; the load re-reads its file.
      }
    }
    return out;
  }

  /** Every row's stamp [id, path, size, mtime, dev, ino], iterated in the table's order (freshness.ts); no article JSON is read. */
  stamps(): IterableIterator<StampRow> {
    return this.db.prepare('SELECT id, path, size, mtime, dev, ino FROM articles ORDER BY id').raw().iterate() as IterableIterator<StampRow>;
  }

  /** The rows' stamp (vocabulary.ts STAMP_SQL): equal twice, no row changed between. */
  rowsStamp(): string {
    return this.db.prepare(STAMP_SQL).pluck().get() as string;
  }

  /** Every row's stamp from the snapshot kept for them (stamp-snapshot.ts) when it is current, else null (then read stamps()). */
  snapshot(): StampRow[] | null {
    return readSnapshot(this.db);
  }

  /**
   * The snapshot's stamps matched to the walked `paths` (`joined`: them joined by NUL) when it is
   * current (stamp-snapshot.ts matchSnapshot), else null (then match stamps()). `stamp`: rowsStamp(), just read.
   */
  snapshotMatched(paths: readonly string[], joined: string, stamp: string): MatchedStamps | null {
    const s = readSnapshotRaw(this.db, stamp);
    return s && matchSnapshot(paths, joined, s);
  }

  /**
   * The stamp snapshot as stored, not yet matched to a walk, when it is current (`stamp`:
   * rowsStamp(), just read), else null: read while another thread walks, then matched with
   * matchSnapshot (what snapshotMatched does in one call).
   */
  storedSnapshot(stamp: string): Snapshot | null {
    return readSnapshotRaw(this.db, stamp);
  }

  /** How many rows still wait for their full text (built after the list); FTS5 answers for all rows only at 0. */
  pendingText(): number {
    return this.db.prepare('SELECT count(*) FROM text_pending').pluck().get() as number;
  }

  /**
   * The vocabulary kept in the index (vocabulary.ts) when it is current, else null (then read it
   * on a thread: startVocabulary). `rowsStamp`: rowsStamp() when the caller read it and no row changed since.
   */
  storedVocabulary(rowsStamp?: string): Vocabulary | null {
    // The rows' stamp counts every row: at 100k a few ms, not spent twice when the caller has it.
    const stamp = rowsStamp ?? (this.db.prepare(STAMP_SQL).pluck().get() as string);
    const kept = this.db.prepare("SELECT value FROM meta WHERE key = 'vocabulary'").pluck().get();
    return typeof kept === 'string' && kept.startsWith(stamp) ? { stamp, text: kept.slice(stamp.length) } : null;
  }

  /** Row ids the FTS5 table gives for a MATCH `expression` (built from quoted strings: fts.ts), ascending. */
  matching(expression: string): number[] {
    return this.db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid').pluck().all(expression) as number[];
  }

  /** Ids (ascending) of the rows a plan (query-plan.ts) selects. */
  planned(plan: QueryPlan): number[] {
    return this.db.prepare(`SELECT id FROM articles ${planWhere(plan)} ORDER BY id`).pluck().all(...planParams(plan)) as number[];
  }

  /** How many rows a plan selects: COUNT(*); with `upTo`, at most that many (the count stops there). */
  plannedCount(plan: QueryPlan, upTo?: number): number {
    if (upTo === undefined) return this.db.prepare(`SELECT count(*) FROM articles ${planWhere(plan)}`).pluck().get(...planParams(plan)) as number;
    return this.db.prepare(`SELECT count(*) FROM (SELECT 1 FROM articles ${planWhere(plan)} LIMIT ?)`).pluck().get(...planParams(plan), Math.max(0, Math.floor(upTo))) as number;
  }

  /**
   * [id, article JSON] of the rows a plan selects, in id order, one at a time as the caller takes
   * them (the caller ends the iteration or reads it through before using this reader again).
   */
  plannedArticles(plan: QueryPlan): IterableIterator<[number, string]> {
    return this.db.prepare(`SELECT id, article FROM articles ${planWhere(plan)} ORDER BY id`).raw().iterate(...planParams(plan)) as IterableIterator<[number, string]>;
  }

  /** [id, article JSON] of the rows with these ids (those still there), in id order: one statement, the ids bound as a JSON array. */
  articles(ids: readonly number[]): Array<[number, string]> {
    return this.db.prepare('SELECT id, article FROM articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').raw().all(JSON.stringify(ids)) as Array<[number, string]>;
  }

  /**
   * [id, warnings JSON] of every row whose stored article carries load warnings (ArticleRecord
   * position 23), so a run that reads only its matches still reports them as a full load does.
   * Found by their `warned` column (its partial index), the warnings read from the JSON; rows
   * whose JSON is no longer valid (edited in the file) are skipped.
   */
  warned(): Array<[number, string]> {
    return this.db.prepare("SELECT id, json_extract(article, '$[23]') FROM articles WHERE warned AND json_valid(article) AND json_array_length(article, '$[23]') > 0").raw().all() as Array<[number, string]>;
  }

  /** Closes the file. */
  close(): void {
    this.db.close();
  }
}

// A plan's conditions as a WHERE clause: the FTS5 match first (its rowids), then the columns.
function planWhere(plan: QueryPlan): string {
  const where = plan.match === null ? plan.where : ['id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)', ...plan.where];
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

function planParams(plan: QueryPlan): Array<string | number> {
  return plan.match === null ? plan.params : [plan.match, ...plan.params];
}
