// The index's full text, built after the list: a load writes every article's row first (the list
// and field filters need only those) and leaves the row in text_pending; this fills in the FTS5
// text of those rows, newest first. The load side (load/text-worker.ts) runs it on a thread of its
// own, so a UI on the main thread never waits on it, and gives it each batch's texts made from
// their files read again (the page cache still holds them) on a second thread, which makes the
// next batch while this one is written: keeping every body of a cold load in memory until the
// text is written would cost the corpus's size in RAM. The short fields come from the stored row,
// so the text always describes the row it belongs to; a file that changed since its row was
// written stays pending (the next load parses it again and replaces the row). Writes are
// IMMEDIATE transactions of TEXT_BATCH articles: a second process, or the live updater, waits at
// most one batch.

import type Database from 'better-sqlite3';
import { APPLICATION_ID, ensureSecondaryIndexes, INDEX_FORMAT } from './database.js';
import { ArticleStore, type ArticleText, type HandedBatch, type HandedRow, type PendingRow } from './store.js';
import { handedRows, madeRows } from './article-text.js';

/**
 * The FTS5 texts (article-text.ts's pendingText) of a batch of pending rows, made from their
 * files read again, in the rows' order; null for a row whose file is no longer the one it was
 * written from (size, mtime, device, inode), no longer parses, or whose stored JSON does not read
 * back. It may work on another thread: the build asks for the next batch before writing this one.
 */
export type TextReader = (rows: readonly PendingRow[]) => Promise<ReadonlyArray<ArticleText | null>>;

/**
 * Articles per text transaction (~0.05 s of work: short enough for another writer to wait on).
 * Fewer, larger segments are less merging: at 100k, 256 took 13.0-13.5 s of CPU, 512 11.0-11.3 s
 * and 1,024 10.4-11.0 s, but each doubling held ~35 MB more at the peak (the batches read
 * ahead and the one being written).
 */
export const TEXT_BATCH = 512;

/**
 * How a text build ended: rows given their text; rows left pending (when complete: rows whose file
 * changed since the row was written; when stopped: every pending row); whether it ran to the end.
 */
export interface TextBuildResult {
  written: number;
  left: number;
  complete: boolean;
}

/** Progress of a text build: rows done (written or skipped) of `total` found pending at its start. */
export type TextProgress = (done: number, total: number) => void;

/** True when `db` is this program's index in the current format (a text build writes nowhere else). */
export function isOurIndex(db: Database.Database): boolean {
  return db.pragma('application_id', { simple: true }) === APPLICATION_ID && db.pragma('user_version', { simple: true }) === INDEX_FORMAT;
}

// FTS5 merges its segments as they pile up: by default once 4 share a level (automerge), and at
// once, within the writing transaction, at 16 (crisismerge). A build writes a segment per ~1 MB
// of text, so at 100k those merges rewrote the index several times over; merging at 16 a level
// (64 in a crisis) took a third less CPU (synthetic 100k: 3.2 -> 2.0 s) for 15-25 segments
// instead of ~10, which a MATCH reads in the same few ms. Kept in the table's own settings, so
// the live updater's writes merge the same way.
function mergeLess(db: Database.Database): void {
  db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16); INSERT INTO articles_fts (articles_fts, rank) VALUES ('crisismerge', 64);");
}

// SQLite's automatic checkpoint (every 1,000 WAL pages by default) copies the WAL into the file
// and syncs both after the commit that passes it: at 100k a build writes ~130 MB of FTS5 pages,
// so ~35 of those, each a wait on the disk between two transactions (synthetic 100k: 6.4 s of
// wall for the inserts with them, 3.9 s with one every 16,384 pages, for the same CPU). Bounded,
// not off: the WAL then never grows past ~64 MB plus a transaction, even at a million files.
// The connection's own setting (the build's thread closes it when done), left alone when a
// RowWriter turned the checkpoint off on it.
const BUILD_CHECKPOINT_PAGES = 16_384;
function checkpointLess(db: Database.Database): void {
  const pages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  if (pages > 0 && pages < BUILD_CHECKPOINT_PAGES) db.pragma(`wal_autocheckpoint = ${BUILD_CHECKPOINT_PAGES}`);
}

// Batches asked of the text reader ahead of the one being written: the reader (another thread)
// makes the next while this one is written, and never waits for the writer.
const READ_AHEAD = 2;

/**
 * Writes the text of every row pending in `db` (texts from `readTexts`), TEXT_BATCH per transaction, calling `onProgress`
 * after each batch and `yieldBetween` (when given) between batches, so it can run in slices on a
 * thread that has other work. Rows another process adds meanwhile (a second instance loading the
 * same folders) are taken too, so every instance's build ends with the whole index done; rows whose
 * file changed since they were written are left pending. Stops early, incomplete, when
 * `stopped()` says so. Throws on SQLite errors (the caller reports the build as incomplete).
 */
export async function buildText(db: Database.Database, readTexts: TextReader, onProgress: TextProgress = () => {}, stopped: () => boolean = () => false, yieldBetween?: () => Promise<void>): Promise<TextBuildResult> {
  // A cold load writes its rows without the secondary indexes (database.ts): built here first, in
  // one pass, off the load's thread (a no-op when they are there).
  ensureSecondaryIndexes(db);
  mergeLess(db);
  checkpointLess(db);
  // Reserved ids no row took (a file that failed to parse, a load that ended before its rows
  // were written) would keep the index incomplete for ever.
  db.prepare('DELETE FROM text_pending WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = text_pending.id)').run();
  const store = new ArticleStore(db);
  const skipped = new Set<number>();
  let written = 0;
  let done = 0;
  let total = 0;
  for (let ids = store.pendingIds(); ids.length > 0; ids = store.pendingIds().filter((id) => !skipped.has(id))) {
    total += ids.length;
    const ahead: Array<{ count: number; rows: PendingRow[]; texts: Promise<ReadonlyArray<ArticleText | null>> }> = [];
    let next = 0;
    while (next < ids.length || ahead.length > 0) {
      if (stopped()) return { written, left: store.pendingCount(), complete: false };
      while (ahead.length < READ_AHEAD && next < ids.length) {
        const slice = ids.slice(next, next + TEXT_BATCH);
        next += slice.length;
        const rows = store.rowsOf(slice);
        ahead.push({ count: slice.length, rows, texts: readTexts(rows) });
      }
      const batch = ahead.shift() as (typeof ahead)[number];
      const made = await batch.texts;
      if (stopped()) return { written, left: store.pendingCount(), complete: false };
      const texts = [];
      for (let k = 0; k < batch.rows.length; k++) {
        const text = made[k] ?? null;
        if (text) texts.push({ id: batch.rows[k].id, text });
        else skipped.add(batch.rows[k].id);
      }
      written += store.putText(texts);
      done += batch.count;
      onProgress(done, total);
      if (yieldBetween) await yieldBetween();
    }
  }
  // Left: the rows this build found pending and could not do (their files changed), if still
  // pending. Rows a second instance adds after the last look are its own build's to do; counting
  // them here made a finished build report itself unfinished when two instances loaded at once.
  return { written, left: store.pendingIds().filter((id) => skipped.has(id)).length, complete: true };
}

// A cold load's rows, written by the index's own thread instead of the load's. The list needs
// the articles in memory, not on disk: writing 10k rows on the load's thread took ~0.3-0.4 s of
// CPU (the JSON, the filter columns, SQLite's inserts) while the parse threads had both cores'
// work to do, and the list waited for it. The load's session (session.ts handOff) reserves the
// rows' ids in the table's AUTOINCREMENT sequence, so each article's row id is known at once
// (the load's indexIds) and no other writer can take it, and hands the rows to the text build's
// thread (load/text-worker.ts), which holds them while the parse runs and writes them (a
// RowWriter) before it builds their full text, or as it goes past a bound on what it holds.
// The parse threads keep each handed article's folded body (they had the file's bytes in hand),
// so each row is written with its text in the same transaction: reading 10k rows back, their
// files again and parsing both was ~60% of the full text's CPU after the list (and bodies held
// until then are bounded by ROWS_HELD: ~35 MB at 10k).

/**
 * Reserves `count` row ids in the articles table's AUTOINCREMENT sequence, in one IMMEDIATE
 * transaction, and returns the first: ids first..first+count-1 are then this caller's (SQLite
 * never gives out an id at or below the sequence, and another process reserving meanwhile gets
 * the next range). Each reserved id is listed in text_pending at once, before its row exists:
 * until the rows are written and their text built, nothing may read the index as complete (a
 * first `--filter` asked the full text for words right after the load, found nothing pending and
 * an empty vocabulary, and printed no match). Ids no row took are cleared by buildText.
 */
export function reserveRowIds(db: Database.Database, count: number): number {
  return db
    .transaction((): number => {
      const seq = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'articles'").pluck().get() as number | undefined;
      const max = (db.prepare('SELECT max(id) FROM articles').pluck().get() as number | null) ?? 0;
      const first = Math.max(seq ?? 0, max) + 1;
      if (seq === undefined) db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('articles', ?)").run(first + count - 1);
      else db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'articles'").run(first + count - 1);
      db.prepare('WITH RECURSIVE r(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM r WHERE i < ?) INSERT OR IGNORE INTO text_pending (id) SELECT i FROM r').run(first, first + count - 1);
      return first;
    })
    .immediate();
}

// Rows per transaction of a RowWriter's flush: one WAL commit per few MB, not one per parse batch.
const WRITE_BATCH = 2_000;
const rowCount = (batch: HandedBatch): number => batch.ids.reduce((n, id) => (id >= 0 ? n + 1 : n), 0);

// A batch as a RowWriter holds it: the JSON as UTF-8, half the memory of the two-byte string a
// batch with one character past Latin-1 (`…`, `—`: most) is (100k: ~86 MB, not ~170), decoded
// back to the same text when written (JSON.stringify's text is well-formed UTF-16). A batch with
// its bodies (a load of up to ROWS_HELD files, ~10 MB of JSON at 10k) keeps its string: its rows
// are written as soon as the list is made, and the encoding and decoding were on that path.
interface HeldBatch extends Omit<HandedBatch, 'json'> { json: Buffer | string; rows: number; bytes: number }

/**
 * Batches held for writing on the index's thread: up to `holdBytes` bytes of them (their JSON
 * as UTF-8 and their bodies) wait while the load's parse has the cores; past it the oldest are
 * written as they come; flush() writes the rest, about WRITE_BATCH rows a transaction. Throws
 * SQLite's errors (the caller reports its rows as not written).
 */
export class RowWriter {
  private held: HeldBatch[] = [];
  private heldRows = 0;
  private heldBytes = 0;
  private conn: { db: Database.Database; store: ArticleStore } | null = null;
  written = 0;

  constructor(
    private readonly open: () => Database.Database,
    private readonly holdBytes: number,
  ) {}

  /**
   * Holds a batch; a batch of rows made ready (HandedBatch made) is written as soon as WRITE_BATCH
   * rows are held: they come after the list, as the load's thread makes them.
   */
  add(batch: HandedBatch): void {
    const json = batch.bodies ? batch.json : Buffer.from(batch.json, 'utf8');
    const bytes = typeof json === 'string' ? Buffer.byteLength(json, 'utf8') : json.length;
    const held: HeldBatch = { json, ids: batch.ids, spans: batch.spans, bodies: batch.bodies, made: batch.made, rows: batch.made?.length ?? rowCount(batch), bytes: bytes + (batch.bodies?.byteLength ?? 0) };
    this.held.push(held);
    this.heldRows += held.rows;
    this.heldBytes += held.bytes;
    while (this.heldBytes > this.holdBytes) this.write(1);
    if (batch.made && this.heldRows >= WRITE_BATCH) this.write(WRITE_BATCH);
  }

  /** Rows held, not written yet. */
  get heldCount(): number {
    return this.heldRows;
  }

  /** Bytes held (the batches' JSON as UTF-8 and their bodies), not written yet. */
  get heldByteCount(): number {
    return this.heldBytes;
  }

  /**
   * Writes every row held, calling `onWritten` with the rows written so far after each
   * transaction. When its first write finds every batch held with its texts (a load of up to
   * ROWS_HELD files), its connection stops checkpointing the WAL for good: SQLite's
   * automatic checkpoint (every 1,000 WAL pages) copies the pages into the file and syncs both,
   * a dozen times in a 10k build, each a wait on the disk (~0.15 s in all under load); the one
   * checkpoint is then the connection's close, after the build (load/text-worker.ts), on ~20 MB
   * of WAL at 10k. Rows without their texts (the text build writes all of it after them, ~180 MB
   * at 100k) keep the bounded checkpoint the build uses (checkpointLess).
   */
  flush(onWritten?: (written: number) => void): void {
    while (this.held.length > 0) {
      this.write(WRITE_BATCH);
      onWritten?.(this.written);
    }
  }

  /** The rows of the oldest held batches, at least one batch's, until `rows` rows are taken; [] when none is held. For put(). */
  take(rows: number): HandedRow[] {
    const out: HandedRow[] = [];
    while (this.held.length > 0 && (out.length === 0 || out.length + this.held[0].rows <= rows)) {
      const batch = this.held.shift() as HeldBatch;
      this.heldRows -= batch.rows;
      this.heldBytes -= batch.bytes;
      const rows = batch.made && batch.bodies ? madeRows(batch.made, batch.bodies) : handedRows({ json: typeof batch.json === 'string' ? batch.json : batch.json.toString('utf8'), ids: batch.ids, spans: batch.spans, bodies: batch.bodies });
      for (const row of rows) out.push(row);
    }
    return out;
  }

  /** Writes rows take() gave, each with its text when it has one, in one transaction. */
  put(rows: readonly HandedRow[]): void {
    this.connected().store.putHanded(rows);
    this.written += rows.length;
  }

  /** Whether any batch is held (a batch may hold no row: every file of it failed). */
  get holding(): boolean {
    return this.held.length > 0;
  }

  // Writes the oldest held batches, at least one, until `rows` rows are taken.
  private write(rows: number): void {
    if (this.written === 0 && this.held.length > 0 && this.held.every((b) => b.bodies !== undefined)) this.connected().db.pragma('wal_autocheckpoint = 0');
    this.put(this.take(rows));
  }

  private connected(): { db: Database.Database; store: ArticleStore } {
    if (!this.conn) {
      const db = this.open();
      // The rows' texts go in with them (one segment a write): merged and checkpointed as the text build's.
      mergeLess(db);
      checkpointLess(db);
      this.conn = { db, store: new ArticleStore(db) };
    }
    return this.conn;
  }
}

/**
 * The most files of a cold load whose rows go to the early text thread with their folded bodies
 * (~35 MB at 10k), written with their texts; a larger load's go without (holding every body
 * would cost the corpus's size): the text build reads their files again after them.
 */
export const ROWS_HELD = 12_000;

/**
 * The most files of a cold load whose rows are handed to the early text thread at all (their
 * JSON, ~0.9 KB a file, fits in ROW_BYTES_HELD: written after the list; at 100k their writes on
 * the load's thread were ~1.8 s of the ~6 s before it). A million writes its rows on the load's
 * thread: past the bound, rows handed as they came queued on the writer's port faster than it wrote.
 */
export const ROWS_HANDED = 150_000;

/** The bytes a RowWriter of an early text thread holds before it writes any (100k: ~86 MB of JSON; 10k: ~35 MB with bodies). */
export const ROW_BYTES_HELD = 160 * 1024 * 1024;
