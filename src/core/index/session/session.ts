// One load's use of the on-disk index: which walked files it still describes (same path, size,
// mtime, device and inode), their records, the freshly parsed files written back in large
// transactions, and the rows of files that are gone removed at the end. A stored row is data from
// disk, never trusted: its record must pass isRecord and name its own path, else the file is parsed
// again. An index that cannot be opened or written (read-only or full disk) costs speed only: the
// load goes on in memory (`failure` says why) and the next run starts cold.

import { collectGarbageSoon } from '../../collect-garbage.js';
import { errorMessage } from '../../error-message.js';
import { R, splitInode, type ArticleRecord } from '../../article-record.js';
import { dropSecondaryIndexes, ensureSecondaryIndexes, isDamage, openIndex, removeIndex, type OpenedIndex } from '../database.js';
import { ArticleStore, type HandedBatch, type IndexedArticle } from '../store.js';
import { freshRecords } from './fresh-records.js';
import { HandOff } from './hand-off.js';
import { noPause, PAUSE_EVERY, type Pause } from './pause.js';
import { articleText } from '../article-text.js';
import { articleFields } from '../columns.js';
import { RowStamps } from '../freshness.js';

// Articles per write transaction: one WAL commit per few MB of text, not one per file.
const WRITE_BATCH = 2_000;

/** The index as one load sees it; `finish()` must be called once the load is done. */
export class IndexSession {
  private readonly rows = new RowStamps();
  // Row ids of add()'s articles by turn (a Map by path held ~150 MB of paths at a million files): written
  // in turn order, none after a write fails, so those written are the first turns'.
  private readonly written: number[] = [];
  private added = 0;
  private pending: IndexedArticle[] = [];
  /** Why the index on disk is not used, or was not written in full (the load went on in memory); null when it is. */
  failure: string | null = null;
  private wrote = false;
  private textPending = false;
  // The secondary indexes were dropped for this load's bulk write (see start).
  private bulk = false;
  // Rows handed to another thread, not written here (handOff).
  private handed: HandOff | null = null;

  private constructor(
    private readonly opened: OpenedIndex,
    private readonly store: ArticleStore,
    private readonly onDisk: boolean,
  ) {}

  /**
   * Opens the index at `file` (null: in memory) and reads its rows' stamps. `stamp` names what
   * built the rows (parser build, read cap): rows built by anything else are dropped first.
   * With `only`, the session covers those paths alone (a load of a few files into the index of
   * a whole folder): finish() then removes the rows of those of them the load did not see.
   * `pause` lets the event loop run during the long loops (see Pause).
   */
  static async open(file: string | null, stamp: string, only?: readonly string[], pause: Pause = noPause): Promise<IndexSession> {
    try {
      return await IndexSession.start(openIndex(file), stamp, only, file !== null, pause);
    } catch (error) {
      if (file !== null && isDamage(error)) {
        // Damage found past the header (a corrupt page read while listing rows): start over.
        removeIndex(file);
        try {
          return await IndexSession.start(openIndex(file), stamp, only, true, pause);
        } catch (again) {
          error = again; // in memory, saying why
        }
      }
      const session = await IndexSession.start(openIndex(null), stamp, only, false, pause);
      if (file !== null) session.failure = errorMessage(error);
      return session;
    }
  }

  private static async start(opened: OpenedIndex, stamp: string, only: readonly string[] | undefined, onDisk: boolean, pause: Pause): Promise<IndexSession> {
    try {
      const store = new ArticleStore(opened.db);
      store.ensureStamp(stamp);
      const session = new IndexSession(opened, store, onDisk);
      if (only) {
        for (const r of store.rowsOfPaths(only)) session.rows.set(r.path, r.id, r.size, r.mtime, r.dev, r.ino);
      } else {
        let n = 0;
        for (const [id, p, size, mtime, dev, ino] of store.rowTuples()) {
          session.rows.set(p, id, size, mtime, dev, ino);
          if ((++n & PAUSE_EVERY) === 0) await pause();
        }
        // A cold load into an empty table: its rows go in without the secondary indexes, which
        // the text build (or finish(), when no text follows) builds again in one pass.
        if (n === 0 && onDisk) {
          dropSecondaryIndexes(opened.db);
          session.bulk = true;
        }
      }
      return session;
    } catch (error) {
      opened.db.close();
      throw error;
    }
  }

  /**
   * From now on, rows are handed to `sink` (hand()) for another thread to write, under ids
   * reserved here for `count` articles (text-build.ts), instead of written by this session. Only
   * for a cold load into an empty index on disk; false (nothing changes) otherwise.
   */
  handOff(count: number, sink: (batch: HandedBatch) => void): boolean {
    if (!this.bulk || this.failure !== null || this.handed || count <= 0) return false;
    this.handed = HandOff.reserve(this.opened.db, count, sink);
    return this.handed !== null;
  }

  /**
   * After handOff, parse outcomes for the other thread: `json` the outcomes as JSON and `spans` each
   * record's place in it, if known (load/parse-worker.ts outcomesJson), `records` each one's record
   * (null: failed; each given the next reserved id), `bodies` their folded bodies. Returns each
   * one's id (-1: none) for the caller to keep (writtenIds() does not know them: a Map of 100k paths
   * was ~0.1-0.2 s of the load's thread). Null without handOff.
   */
  hand(json: { json: string; spans: Int32Array | null }, records: ReadonlyArray<ArticleRecord | null>, bodies?: ArrayBuffer): Int32Array | null {
    if (!this.handed) return null;
    const ids = this.handed.hand(json, records, bodies);
    this.wrote = true;
    return ids;
  }

  /** Whether the index holds any rows (a cold run needs no stat of the walked files). */
  get hasRows(): boolean {
    return this.rows.size > 0;
  }

  /**
   * fresh() for every path at once, `stats` holding `fields` numbers per path (statPaths): calls
   * `each(i, record, id)` for every paths[i] whose row `id` still describes its file and whose
   * record is usable, in no particular order (fresh-records.ts). The caller keeps `id`:
   * writtenIds() does not name these rows. `matched` is told first which positions are fresh (1).
   */
  freshEach(paths: readonly string[], stats: Float64Array, fields: number, each: (i: number, record: ArticleRecord, id: number) => void, pause: Pause = noPause, matched?: (fresh: Uint8Array) => void): Promise<void> {
    return freshRecords(this.rows, this.store, paths, stats, fields, each, pause, matched);
  }

  /**
   * Queues a freshly parsed article for writing, with its lead paragraph; `lowerBody` is its
   * folded body for FTS, or null to leave its text to the background build (text-build.ts);
   * `recordJson`, when given, is JSON.stringify(record)'s text, stored as it is. Returns the
   * article's turn (0, 1, 2, ... in the order of the calls), by which writtenIds() gives its row id.
   */
  add(record: ArticleRecord, lead: string, lowerBody: Buffer | null, recordJson?: string): number {
    const turn = this.added++;
    // An index in memory (`--no-cache`, or a cache folder that cannot be written) is closed at
    // the end of the load with nothing reading it: its rows would cost memory (~0.6 GB per
    // million articles) and time for nothing.
    if (this.failure !== null || !this.onDisk) return turn;
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
      articleJson: recordJson,
      lead,
      fields: articleFields(record),
      text: lowerBody === null ? null : articleText(record, lowerBody.toString('utf8')),
    });
    if (this.pending.length >= WRITE_BATCH) this.flush();
    return turn;
  }

  /** After finish(): the row id of each article add() queued, by its turn; -1 for one without a row (a failed write, an index in memory). */
  writtenIds(): Int32Array {
    const ids = new Int32Array(this.added).fill(-1);
    ids.set(this.written);
    return ids;
  }

  /**
   * Writes what is queued, removes the rows of files not seen again (unless `keepUnseen`: a load of some files
   * only, the live updater's), closes (once `closeAfter` settles: text-thread.ts `opened`); true when anything was written.
   */
  finish(keepUnseen = false, closeAfter?: Promise<void>): boolean {
    this.flush();
    if (this.failure === null && this.rows.size > 0 && !keepUnseen) {
      try {
        this.store.remove(this.rows.ids());
        this.wrote = true;
      } catch (error) {
        this.failure ??= errorMessage(error);
      }
    }
    try {
      // Handed rows are on their way to the text build's thread, which writes them, then their text.
      this.textPending = this.handed ? this.wrote : this.failure === null && this.store.pendingCount() > 0;
    } catch {
      this.textPending = false;
    }
    // With text to build, the text build makes the indexes first, off this thread (text-build.ts).
    if (this.bulk && !this.textPending) {
      try {
        ensureSecondaryIndexes(this.opened.db);
      } catch {
        // The next writer to open the file builds them (database.ts openIndex).
      }
    }
    this.rows.clear();
    void (closeAfter ? closeAfter.then(() => this.opened.db.close()) : this.opened.db.close());
    // A cold load's parse garbage would sit beside the text build's threads (core/collect-garbage.ts).
    if (this.bulk && this.wrote) collectGarbageSoon();
    return this.wrote && this.failure === null;
  }

  /** After finish(): whether rows on disk wait for their text (start the text build, text-thread.ts). */
  get needsText(): boolean {
    return this.onDisk && this.textPending;
  }

  /** After finish(): whether the index on disk holds every row and every row's text. */
  get complete(): boolean {
    return this.onDisk && this.failure === null && !this.textPending;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    if (this.failure !== null) return;
    try {
      const ids = this.store.put(batch);
      this.wrote = true;
      for (const id of ids) this.written.push(id);
      // A re-parsed file's old row was replaced by path: it is not a row of a file gone.
      for (const it of batch) this.rows.delete(it.path);
    } catch (error) {
      this.failure ??= errorMessage(error);
    }
  }
}
