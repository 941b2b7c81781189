// Read and saved marks, when each article was first seen, when dashboard sessions ended, and the
// search history: one SQLite database in the state folder (never the cache). SQLite in WAL mode
// with every change in a transaction is what makes the guarantees hold: a crash or `kill -9`
// mid-write leaves the last committed state, and two dashboards writing at once each change only
// the rows they mean to (row upserts, never a rewrite of the whole state), waiting on each other
// through the busy timeout instead of failing.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../sqlite.js';

/** One article's stored marks. */
export interface Marks {
  read: boolean;
  saved: boolean;
  /** Epoch ms when any run first saw the article. */
  firstSeen: number;
}

/** How many queries the search history keeps. */
export const HISTORY_SIZE = 100;
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
// ~60 bytes more per article than this.
const READ = 1;
const SAVED = 2;

/** The reading-state database, with every row held in memory for the list's per-row lookups. */
export class ReadingStore {
  private readonly marks = new Map<string, number>();
  private readonly times: number[] = [];
  private readonly timeIds = new Map<number, number>();
  /** When the previous dashboard session ended (epoch ms), or null on the very first run. */
  readonly previousEnd: number | null;
  /** Told of every key whose read mark this store sets or clears from now on (Reading's ReadProbe). */
  onRead: ((key: string, read: boolean) => void) | null = null;

  private constructor(private readonly db: Database.Database) {
    for (const r of db.prepare('SELECT key, read, saved, first_seen FROM articles').iterate() as IterableIterator<Row>) {
      this.marks.set(r.key, this.pack(r.read === 1, r.saved === 1, r.first_seen));
    }
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

  /** Opens (creating if needed) the database in `dir`; throws when the folder or file cannot be used. */
  static open(dir: string): ReadingStore {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const db = openDatabase(path.join(dir, STATE_FILE), { timeout: 5000 });
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed transaction survives the process dying; only a power cut
    // may lose the last one, and nothing is ever left half-written.
    db.pragma('synchronous = NORMAL');
    db.exec(SCHEMA);
    return new ReadingStore(db);
  }

  /** The marks stored for a key, if any. */
  get(key: string): Marks | undefined {
    const m = this.marks.get(key);
    return m === undefined ? undefined : this.unpack(m);
  }

  /** The keys marked read (a snapshot's worth: iterate before the next change). */
  *readKeys(): IterableIterator<string> {
    for (const [key, m] of this.marks) if (m & READ) yield key;
  }

  /** Whether the key has a row. */
  has(key: string): boolean {
    return this.marks.has(key);
  }

  isRead(key: string): boolean {
    return ((this.marks.get(key) ?? 0) & READ) !== 0;
  }

  isSaved(key: string): boolean {
    return ((this.marks.get(key) ?? 0) & SAVED) !== 0;
  }

  /** First seen after the previous dashboard session ended, or not seen yet at all (never on the first run). */
  isNew(key: string): boolean {
    if (this.previousEnd === null) return false;
    const m = this.marks.get(key);
    return m === undefined || this.times[m >>> 2] > this.previousEnd;
  }

  /**
   * Records first sight of the keys not seen before (at `now`); returns how many were new to the
   * store. A key given with `earlier` keys (what the article was stored under before, identity.ts)
   * starts from the first of them that has a row: its read and saved marks and first sight.
   */
  see(keys: Iterable<string | { key: string; earlier: readonly string[] }>, now: number): number {
    const fresh: { key: string; from: Marks | undefined }[] = [];
    for (const k of keys) {
      const { key, earlier } = typeof k === 'string' ? { key: k, earlier: [] } : k;
      if (this.marks.has(key)) continue;
      const from = earlier.map((e) => this.get(e)).find((m) => m !== undefined);
      fresh.push({ key, from });
    }
    if (fresh.length === 0) return 0;
    const insert = this.db.prepare('INSERT INTO articles (key, read, saved, first_seen, changed) VALUES (?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING');
    const select = this.db.prepare('SELECT key, read, saved, first_seen FROM articles WHERE key = ?');
    this.db.transaction(() => {
      for (const { key, from } of fresh) {
        insert.run(key, from?.read ? 1 : 0, from?.saved ? 1 : 0, from?.firstSeen ?? now, now);
        // Another dashboard may have seen it first: keep its time and marks.
        const r = select.get(key) as Row;
        this.marks.set(key, this.pack(r.read === 1, r.saved === 1, r.first_seen));
        if (r.read === 1) this.onRead?.(key, true);
      }
    })();
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

  private setFlag(column: 'read' | 'saved', keys: readonly string[], value: boolean, now: number): void {
    if (keys.length === 0) return;
    const v = value ? 1 : 0;
    const upsert = this.db.prepare(
      `INSERT INTO articles (key, ${column}, first_seen, changed) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET ${column} = excluded.${column}, changed = excluded.changed`,
    );
    this.db.transaction(() => {
      for (const key of keys) upsert.run(key, v, now, now);
    })();
    const bit = column === 'read' ? READ : SAVED;
    for (const key of keys) {
      const m = this.marks.get(key) ?? this.pack(false, false, now);
      this.marks.set(key, value ? m | bit : m & ~bit);
      if (bit === READ) this.onRead?.(key, value);
    }
  }

  /** Ends a dashboard session at `now`; with two open, the later end wins. */
  endSession(now = Date.now()): void {
    this.db
      .prepare("INSERT INTO meta (name, value) VALUES ('lastEnded', ?) ON CONFLICT(name) DO UPDATE SET value = max(value, excluded.value)")
      .run(now);
  }

  /** Adds a query to the history (a repeat moves to the end); keeps the last HISTORY_SIZE. */
  addHistory(query: string, now = Date.now()): void {
    const q = query.trim();
    if (!q) return;
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM history WHERE query = ?').run(q);
      this.db.prepare('INSERT INTO history (query, at) VALUES (?, ?)').run(q, now);
      this.db.prepare('DELETE FROM history WHERE id NOT IN (SELECT id FROM history ORDER BY id DESC LIMIT ?)').run(HISTORY_SIZE);
    })();
  }

  /** The history, oldest first. */
  history(): string[] {
    return (this.db.prepare('SELECT query FROM history ORDER BY id').all() as Array<{ query: string }>).map((r) => r.query);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
