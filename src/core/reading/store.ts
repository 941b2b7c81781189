// Read and saved marks, when each article was first seen, when dashboard sessions ended, and the
// search history: one SQLite database in the state folder (never the cache). SQLite in WAL mode
// with every change in a transaction is what makes the guarantees hold: a crash or `kill -9`
// mid-write leaves the last committed state, and two dashboards writing at once each change only
// the rows they mean to (row upserts, never a rewrite of the whole state). A write never waits
// long for the lock: marks another program keeps out are queued and retried (mark-writer.ts).
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../sqlite.js';
import { KeyMarks } from './key-marks.js';
import { EXIT_TRY_MS, isBusy, MarkWriter, TRY_MS, type MarkColumn } from './mark-writer.js';
import { READ_PAGE, ReadPages } from './read-pages.js';
import { addQuery, queries } from './search-history.js';

export { HISTORY_SIZE } from './search-history.js';
export { READ_PAGE } from './read-pages.js';

/** One article's stored marks. */
export interface Marks {
  read: boolean;
  saved: boolean;
  /** Epoch ms when any run first saw the article. */
  firstSeen: number;
}

/** The database's file name inside the state folder. */
export const STATE_FILE = 'state.db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS articles (
  key TEXT PRIMARY KEY,
  read INTEGER NOT NULL DEFAULT 0,
  saved INTEGER NOT NULL DEFAULT 0,
  first_seen INTEGER NOT NULL,
  changed INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS history (id INTEGER PRIMARY KEY AUTOINCREMENT, query TEXT NOT NULL, at INTEGER NOT NULL);
`;
type Row = { key: string; read: number; saved: number; first_seen: number };

// A key's marks in memory as one small integer: the read and saved bits and the index of its
// first-sight time among the distinct times stored (a run records every article it sees at one
// time, so there are few). At a million articles an object per key (and its boxed time) cost
// ~60 bytes more per article than this. NONE: the key has no row (asked before, so not asked again).
const READ = 1;
const SAVED = 2;
const NONE = -1;

/**
 * The reading-state database. Nothing is read whole: a key's row is looked up by its primary key
 * the first time it is asked for (see() asks for a slice's keys in one go) and kept in memory for
 * the session's later asks, so what is held grows with the articles the session shows, never with
 * the rows every earlier run left (a million after one look at a big archive: reading them all
 * cost every later start 4 s CPU before its first frame, issue 10). The read keys, which the read
 * probe needs whole, come a page at a time from an index of the read rows (readKeyPage).
 */
export class ReadingStore {
  private readonly marks = new Map<string, number>();
  // The rows loadRowPage read, as they were then (a mark made since is in `marks`, asked first).
  private readonly loaded = new KeyMarks();
  private readonly times: number[] = [];
  private readonly timeIds = new Map<number, number>();
  private readonly lookup: Database.Statement;
  /** When the previous dashboard session ended (epoch ms), or null on the very first run. */
  readonly previousEnd: number | null;
  /** Told of every key whose read mark this store sets or clears from now on (Reading's ReadProbe). */
  onRead: ((key: string, read: boolean) => void) | null = null;
  /** The mark changes on their way to the file (queued while another program holds its lock). */
  readonly writer: MarkWriter;

  private constructor(private readonly db: Database.Database) {
    this.writer = new MarkWriter(db, STATE_FILE);
    this.readPages = new ReadPages(db);
    this.lookup = db.prepare('SELECT read, saved, first_seen FROM articles WHERE key = ?');
    const end = db.prepare("SELECT value FROM meta WHERE name = 'lastEnded'").get() as { value: number } | undefined;
    this.previousEnd = end ? end.value : null;
  }

  private pack(read: boolean, saved: boolean, firstSeen: number): number {
    let t = this.timeIds.get(firstSeen);
    if (t === undefined) {
      t = this.times.length;
      this.times.push(firstSeen);
      this.timeIds.set(firstSeen, t);
    }
    return t * 4 + (read ? READ : 0) + (saved ? SAVED : 0);
  }

  private unpack(m: number): Marks {
    return { read: (m & READ) !== 0, saved: (m & SAVED) !== 0, firstSeen: this.times[m >>> 2] };
  }

  // The key's packed marks, NONE without a row: from memory (a key asked for, or a row loadRowPage
  // read: ~0.2 us by its bytes), else from its row (~2-5 us), kept.
  private packed(key: string): number {
    let m = this.marks.get(key) ?? this.loaded.get(key);
    if (m === undefined) {
      m = this.row(key);
      this.marks.set(key, m);
    }
    return m;
  }

  // The key's packed marks as its row has them now, NONE without one.
  private row(key: string): number {
    const r = this.lookup.get(key) as Omit<Row, 'key'> | undefined;
    return r ? this.pack(r.read === 1, r.saved === 1, r.first_seen) : NONE;
  }

  // The key's marks from memory, else from its row, not kept: for keys asked about once.
  private peek(key: string): Marks | undefined {
    const m = this.marks.get(key) ?? this.loaded.get(key) ?? this.row(key);
    return m === NONE ? undefined : this.unpack(m);
  }

  /** The database file's path. */
  get file(): string {
    return this.db.name;
  }

  /** How many keys' marks are held in memory (each asked-for key's, and every row loadRowPage read). */
  get heldKeys(): number {
    return this.marks.size + this.loaded.size;
  }

  /** Opens (creating if needed) the database in `dir`; throws when the folder or file cannot be used. */
  static open(dir: string): ReadingStore {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const db = openDatabase(path.join(dir, STATE_FILE), { timeout: 5000 });
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed transaction survives the process dying; only a power cut
    // may lose the last one, and nothing is ever left half-written.
    db.pragma('synchronous = NORMAL');
    db.exec(SCHEMA);
    // The open may wait (a state being created by another run); every later statement waits
    // at most TRY_MS on the dashboard's thread (mark-writer.ts).
    db.pragma(`busy_timeout = ${TRY_MS}`);
    return new ReadingStore(db);
  }

  /** The marks stored for a key, if any. */
  get(key: string): Marks | undefined {
    const m = this.packed(key);
    return m === NONE ? undefined : this.unpack(m);
  }

  /** Up to `limit` read keys after `after` (null: from the first), in key order (ReadPages.page: fewer when they are all given). */
  readKeyPage(after: string | null, limit = READ_PAGE): string[] {
    return this.readPages.page(after, limit);
  }

  private readonly readPages: ReadPages;

  /** How many rows the state holds (a count over the table: ~0.1-0.3 s at a million rows). */
  rowCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  }

  /**
   * Reads the next `limit` rows (in key order) into memory, as lookups would have: for a first
   * sight of about as many articles as the state has rows, where reading them in order costs a
   * third of looking each up. False once every row is in. A page of 2,000 rows is ~10-30 ms at a
   * million rows: keys typed meanwhile wait for the page under way (5,000 took 20-80 ms).
   */
  loadRowPage(limit = 2_000): boolean {
    this.rowPage ??= this.db.prepare('SELECT key, read, saved, first_seen FROM articles WHERE key > ? ORDER BY key LIMIT ?');
    const rows = this.rowPage.all(this.rowsAfter, limit) as Row[];
    this.loaded.append(rows.map((r) => r.key), rows.map((r) => this.pack(r.read === 1, r.saved === 1, r.first_seen)));
    if (rows.length > 0) this.rowsAfter = rows[rows.length - 1].key;
    return rows.length === limit;
  }

  private rowPage: Database.Statement | null = null;
  private rowsAfter = '';

  /** Every read key, a page at a time (the whole set: for tests and small states; Reading pages it between turns). */
  readKeys(): IterableIterator<string> {
    return this.readPages.all();
  }

  /** Whether the key has a row. */
  has(key: string): boolean {
    return this.packed(key) !== NONE;
  }

  isRead(key: string): boolean {
    const m = this.packed(key);
    return m !== NONE && (m & READ) !== 0;
  }

  isSaved(key: string): boolean {
    const m = this.packed(key);
    return m !== NONE && (m & SAVED) !== 0;
  }

  /** First seen after the previous dashboard session ended, or not seen yet at all (never on the first run). */
  isNew(key: string): boolean {
    if (this.previousEnd === null) return false;
    const m = this.packed(key);
    return m === NONE || this.times[m >>> 2] > this.previousEnd;
  }

  /**
   * Records first sight of the keys not seen before (at `now`); returns how many were new to the
   * store. A key without a row starts from the first of `earlierOf(i)` (i: its place in `keys`;
   * keys it was stored under before, identity.ts) that has one: its marks and first sight. Asked
   * for keys without a row only (made for all, ~40 MB of garbage as a warm 100k list filled).
   */
  see(keys: readonly string[], now: number, earlierOf: (i: number) => readonly string[] = () => []): number {
    const fresh: { key: string; from: Marks | undefined }[] = [];
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (this.has(key)) continue;
      const earlier = earlierOf(i);
      // The earlier keys are asked about here alone (a first sight), so their answers are not
      // kept: at a first look at a folder every article's earlier key has no row, and keeping
      // each (`path:` and the file's path) held ~100 bytes an article for the session (14 MB of
      // the 100k dashboard's heap, BENCHMARKS.md's twenty-seventh round).
      const from = earlier.map((e) => this.peek(e)).find((m) => m !== undefined);
      fresh.push({ key, from });
    }
    if (fresh.length === 0) return 0;
    // The row as inserted (RETURNING: one statement, not an insert and a select), or as another
    // dashboard that saw it first wrote it (nothing inserted): its time and marks are kept.
    const insert = this.db.prepare('INSERT INTO articles (key, read, saved, first_seen, changed) VALUES (?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING RETURNING read, saved, first_seen');
    const select = this.db.prepare('SELECT key, read, saved, first_seen FROM articles WHERE key = ?');
    try {
      if (this.writer.busy) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      this.db.transaction(() => {
        for (const { key, from } of fresh) {
          const r = (insert.get(key, from?.read ? 1 : 0, from?.saved ? 1 : 0, from?.firstSeen ?? now, now) ?? select.get(key)) as Row;
          this.marks.set(key, this.pack(r.read === 1, r.saved === 1, r.first_seen));
          if (r.read === 1) this.onRead?.(key, true);
        }
      })();
    } catch (error) {
      if (!isBusy(error)) throw error;
      this.writer.noteFailure(error);
      // Locked by another program: first sight is held in memory only (a later session sees these
      // articles again, as new), but marks carried over from an earlier key are marks: queued.
      for (const { key, from } of fresh) this.marks.set(key, this.pack(false, false, from?.firstSeen ?? now));
      for (const column of ['read', 'saved'] as const) this.setFlag(column, fresh.filter((f) => f.from?.[column]).map((f) => f.key), true, now);
    }
    return fresh.length;
  }

  /** Sets read on every key, in one transaction. */
  setRead(keys: readonly string[], read: boolean, now = Date.now()): void {
    this.setFlag('read', keys, read, now);
  }

  /** Sets saved on every key, in one transaction. */
  setSaved(keys: readonly string[], saved: boolean, now = Date.now()): void {
    this.setFlag('saved', keys, saved, now);
  }

  // In memory first, so the change shows at once whatever becomes of the write; then written, or
  // queued when the lock is held elsewhere (MarkWriter: never thrown, never lost).
  private setFlag(column: MarkColumn, keys: readonly string[], value: boolean, now: number): void {
    if (keys.length === 0) return;
    const bit = column === 'read' ? READ : SAVED;
    for (const key of keys) {
      const had = this.packed(key);
      const m = had === NONE ? this.pack(false, false, now) : had;
      this.marks.set(key, value ? m | bit : m & ~bit);
      if (bit === READ) this.onRead?.(key, value);
    }
    this.writer.set(column, keys, value, (key) => this.times[this.marks.get(key)! >>> 2], now);
  }

  /**
   * Ends a dashboard session at `now` (with two open, the later end wins) in one transaction with
   * the marks still queued, waiting for the lock up to EXIT_TRY_MS when there are any (else TRY_MS:
   * the end alone is dropped when locked). Returns how many articles' marks are still not written.
   */
  endSession(now = Date.now()): number {
    const end = this.db.prepare("INSERT INTO meta (name, value) VALUES ('lastEnded', ?) ON CONFLICT(name) DO UPDATE SET value = max(value, excluded.value)");
    this.writer.flush(this.writer.state.unsaved > 0 ? EXIT_TRY_MS : TRY_MS, () => end.run(now));
    return this.writer.state.unsaved;
  }

  /** Adds a query to the history (a repeat moves to the end); keeps the last HISTORY_SIZE; dropped when locked (search-history.ts). */
  addHistory(query: string, now = Date.now()): void {
    addQuery(this.db, query, now);
  }

  /** The history, oldest first. */
  history(): string[] {
    return queries(this.db);
  }

  /** Closes the database, marks still queued given a last try first, waiting up to `waitMs` for the lock. */
  close(waitMs = EXIT_TRY_MS): void {
    if (this.db.open && this.writer.state.unsaved > 0) this.writer.flush(waitMs);
    this.writer.stopRetry();
    if (this.db.open) this.db.close();
  }
}
