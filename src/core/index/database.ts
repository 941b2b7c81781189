// The on-disk index's SQLite file: where it lives, how it is opened, and what makes it trusted.
// One database per set of folder arguments under $XDG_CACHE_HOME/crypto-news-tui (WAL mode, so a
// second reader never blocks on a writer). A file this program did not write (another
// application_id), one written by a newer version (user_version above ours), or one SQLite calls
// damaged is never read: it is renamed aside (`.broken`) and a fresh one is built in its place.
// `--no-cache` opens a private in-memory database instead, with the same schema.

import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../sqlite.js';
import { walkListingFile } from './location.js';

export { cacheDirectory, indexFile } from './location.js';

/** SQLite's application_id for this program's index files: "CNTI". */
export const APPLICATION_ID = 0x434e5449;
/** Bump when the schema or what is stored per article changes; older files are rebuilt. */
export const INDEX_FORMAT = 12;

/**
 * How long a statement waits for another connection's write lock before failing, in ms: a second
 * instance building the same index waits for the first one's transaction (at most a batch of
 * a few thousand rows) instead of failing.
 */
export const BUSY_TIMEOUT_MS = 30_000;

/** An open index database and, when a bad file was found, where it was moved. */
export interface OpenedIndex {
  db: Database.Database;
  /** The path a damaged, foreign or future-version file was renamed to, else null. */
  setAside: string | null;
}

/** Deletes the index file at `file` with its WAL and shared-memory files and its kept walk; never throws for a missing one. */
export function removeIndex(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.rmSync(walkListingFile(file), { force: true });
}

// The articles table's indexes besides its key and path. A cold load drops them before writing its
// rows and they are built again in one pass once the rows are in (ensureSecondaryIndexes): kept up
// to date row by row, the list index made each insert 2-3x dearer (10k rows: ~40 us a row without
// them against ~100-150 with, under load, and ~8 us a row to build them afterwards). A writer that
// opens the file builds any that are missing (a load killed half-way), so a reader finds them
// again on the next run. Their columns are plain ones, written with the row: read from the JSON
// (generated columns, json_valid + json_extract per row) the build took ~2x the CPU (100k under
// load: 376 against 196 ms), at the end of a cold load's full text.
const SECONDARY_INDEXES = `
  CREATE INDEX IF NOT EXISTS articles_published ON articles (published);
  -- The few rows whose article carries load warnings (ArticleRecord position 23), so a run that
  -- reads only its matches finds them without parsing every row's JSON (index/reader.ts warned()).
  CREATE INDEX IF NOT EXISTS articles_warned ON articles (id) WHERE warned;
  -- The list's first page and its count without reading every row (the warm start, index/reader.ts),
  -- and every column a query plan's conditions read (index/query-plan.ts): a filter is one pass
  -- over this index (tens of bytes a row), not over the table, whose rows hold the article JSON
  -- (measured at 100k: source:/sentiment: 400-600 ms over the table, 12-30 ms over the index).
  CREATE INDEX IF NOT EXISTS articles_list ON articles (draft, sticky DESC, published DESC, sentiment, lang, source_match, listed_from, listed_until);
  -- The few rows a publish or expiry date (or a guessed date) sets apart, so the list's count finds
  -- those outside their window by seeks (index/reader.ts count()).
  CREATE INDEX IF NOT EXISTS articles_listed_from ON articles (listed_from) WHERE listed_from IS NOT NULL;
  CREATE INDEX IF NOT EXISTS articles_listed_until ON articles (listed_until) WHERE listed_until IS NOT NULL;
`;

/** Drops the secondary indexes (see SECONDARY_INDEXES) before a bulk write into an empty table. */
export function dropSecondaryIndexes(db: Database.Database): void {
  db.exec('DROP INDEX IF EXISTS articles_published; DROP INDEX IF EXISTS articles_warned; DROP INDEX IF EXISTS articles_list; DROP INDEX IF EXISTS articles_listed_from; DROP INDEX IF EXISTS articles_listed_until;');
}

/** Builds the secondary indexes that are missing (SECONDARY_INDEXES), each in one pass; a no-op when all are there. */
export function ensureSecondaryIndexes(db: Database.Database): void {
  db.exec(SECONDARY_INDEXES);
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS articles (
    -- AUTOINCREMENT: an id is never reused, so one held across an update cannot name another article.
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime REAL NOT NULL,
    dev INTEGER NOT NULL,
    ino INTEGER NOT NULL,
    published INTEGER,
    article TEXT NOT NULL,
    -- The body's lead paragraph (text/lead.ts), so story grouping needs no file read.
    lead TEXT NOT NULL DEFAULT '',
    -- The stored article's draft flag (1/0), sticky weight and whether it carries load warnings
    -- (ArticleRecord positions 14, 15 and 23; index/columns.ts): what the list's default order
    -- (sticky first, newest first), the draft filter and warned() need in SQL, written with the row.
    draft INTEGER,
    sticky REAL,
    warned INTEGER NOT NULL DEFAULT 0,
    -- What source:, lang: and sentiment: compare, in the form they compare it (index/columns.ts),
    -- so SQL decides them exactly; '' for none (never NULL: a negated term must not meet NULL).
    source_match TEXT NOT NULL DEFAULT '',
    lang TEXT NOT NULL DEFAULT '',
    sentiment TEXT NOT NULL DEFAULT '',
    -- When the article is listed (core/publication-window.ts), as index/columns.ts writes them:
    -- from (null: its \`published\`; 0: always) until (null: no expiry), tested against the
    -- clock at each query (query-plan.ts LISTED_NOW), so an expiry passes without a rewrite.
    listed_from INTEGER,
    listed_until INTEGER
  ) STRICT;
  ${SECONDARY_INDEXES}
  -- The coins coin: finds each article by (index/columns.ts), written with the full text.
  CREATE TABLE IF NOT EXISTS article_coins (
    symbol TEXT NOT NULL,
    id INTEGER NOT NULL,
    PRIMARY KEY (symbol, id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS article_coins_id ON article_coins (id);
  -- detail = column: which column holds a token, no positions. Measured at 100k: half the build
  -- time and half the bytes of detail = full, while the query language's phrases are checked
  -- against the text anyway. A MATCH may therefore not hold a phrase of two or more tokens
  -- (FTS5 refuses it): split a word into unicode61 tokens first. No prefix indexes: at 100k they
  -- doubled the build (11 -> 20 s) and the file (97 -> 231 MB) while a prefix query ("bit"*)
  -- answered as fast without them (3-15 ms).
  CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (
    title, description, tags, source, category, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    detail = column
  );
  CREATE VIRTUAL TABLE IF NOT EXISTS articles_vocab USING fts5vocab (articles_fts, 'row');
  -- Article rows whose text is not in articles_fts yet: the load writes rows first (the list and
  -- field filters), the full text follows in the background (index/text-build.ts). While an id is
  -- here, the FTS table cannot say anything about that article.
  CREATE TABLE IF NOT EXISTS text_pending (id INTEGER PRIMARY KEY) STRICT;
  -- Every row's stamp in one row (index/stamp-snapshot.ts), valid while \`stamp\` is current.
  CREATE TABLE IF NOT EXISTS stamp_snapshot (stamp TEXT NOT NULL, paths TEXT NOT NULL, numbers BLOB NOT NULL) STRICT;
`;

// What makes a file untrustworthy before anything is read from it.
function verdict(db: Database.Database): 'fresh' | 'ours' | 'old' | 'foreign' | 'future' {
  const app = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
  if (app === 0 && version === 0 && tables === 0) return 'fresh';
  if (app !== APPLICATION_ID) return 'foreign';
  if (version > INDEX_FORMAT) return 'future';
  return version === INDEX_FORMAT ? 'ours' : 'old';
}

function create(db: Database.Database): void {
  db.exec(SCHEMA);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma(`user_version = ${INDEX_FORMAT}`);
}

// The verdict, and for a fresh file its schema, under one write lock (BEGIN IMMEDIATE): two
// instances opening a new index at the same moment must not see each other's half-made schema
// (tables, no application_id yet), which reads as a foreign file and was set aside and rebuilt
// under the first instance's feet. The second waits for the first's schema (busy timeout), then
// finds it whole.
function verdictOrCreate(db: Database.Database): ReturnType<typeof verdict> {
  return db
    .transaction((): ReturnType<typeof verdict> => {
      const v = verdict(db);
      if (v === 'fresh') create(db);
      return v;
    })
    .immediate();
}

// Switching a new file from its rollback journal to WAL deletes the journal; another instance
// making the same switch at the same moment may have deleted it first (SQLITE_IOERR_DELETE_NOENT)
// or hold the lock the switch needs (SQLITE_BUSY). Both pass: the switch is tried again for up to
// the busy timeout, and once one instance made it the file is in WAL for every connection.
function toWal(db: Database.Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      if (db.pragma('journal_mode = WAL', { simple: true }) === 'wal') return;
    } catch (error) {
      const code = String((error as { code?: unknown } | null)?.code ?? '');
      if (!code.startsWith('SQLITE_IOERR') && !code.startsWith('SQLITE_BUSY')) throw error;
    }
    if (Date.now() > deadline) throw new Error('the index could not be switched to WAL mode (another process holds it)');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  }
}

// A new file is made in rollback mode (its schema, then the switch to WAL), where every commit
// syncs the journal and the file: ten syncs before a cold load's parse could start (~60 ms under
// load). Until tune() sets NORMAL nothing is synced: a file cut short by a crash then is foreign or
// damaged to the next run, which sets it aside and builds a new one, as for any other.
function unsynced(db: Database.Database): Database.Database {
  db.pragma('synchronous = OFF');
  return db;
}

function tune(db: Database.Database, onDisk: boolean): void {
  if (onDisk) toWal(db);
  // The index can always be rebuilt from the files: a crash may lose the last transaction, never
  // the file's consistency (WAL), so fsync per commit buys nothing here.
  db.pragma('synchronous = NORMAL');
  db.pragma('temp_store = MEMORY');
}

function setAside(file: string): string {
  const aside = `${file}.broken`;
  removeIndex(aside);
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      fs.renameSync(file + suffix, aside + suffix);
    } catch {
      fs.rmSync(file + suffix, { force: true });
    }
  }
  return aside;
}

/**
 * Opens (creating when missing) the index at `file`, or a private in-memory one for null.
 * Throws only when a fresh file cannot be created either (read-only cache folder); callers fall
 * back to an in-memory index then.
 */
export function openIndex(file: string | null): OpenedIndex {
  if (file === null) {
    const db = openDatabase(':memory:');
    tune(db, false);
    create(db);
    return { db, setAside: null };
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  let aside: string | null = null;
  try {
    const db = unsynced(openDatabase(file, { fileMustExist: false, timeout: BUSY_TIMEOUT_MS }));
    try {
      const v = verdictOrCreate(db);
      if (v === 'fresh' || v === 'ours' || v === 'old') {
        if (v === 'old') {
          // An older layout: its rows cannot be read as today's; start over in the same file.
          db.close();
          removeIndex(file);
          return openIndex(file);
        }
        tune(db, true);
        if (v === 'ours') ensureSecondaryIndexes(db);
        return { db, setAside: null };
      }
      db.close();
    } catch (error) {
      db.close();
      throw error;
    }
    aside = setAside(file);
  } catch (error) {
    if (!isDamage(error)) throw error;
    aside = setAside(file);
  }
  const db = unsynced(openDatabase(file, { timeout: BUSY_TIMEOUT_MS }));
  verdictOrCreate(db);
  tune(db, true);
  return { db, setAside: aside };
}

/** True for the errors SQLite gives for a file that is not a database or is damaged. */
export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'));
}
