// The dashboard's facts (core/stories/facts.ts: coins, sentiment, date, source, tags, and the
// story) kept in the on-disk index one row per article file, so that a start after some files
// changed computes only those files' facts and regroups only the stories they touch (a start
// after nothing changed computes nothing). A row is named by the file's path and stamped with
// the size and mtime its facts were computed from; the build of the code that computed them is
// kept once per table (`facts_meta`), and rows of another build are never used. The facts are
// JSON, validated by the reader before use (core/stories/facts.ts isArticleFacts): this module
// neither knows nor trusts their shape. A story is kept as the path of its earliest article and
// its size, so a member that went away shows as a size that no longer adds up.
// Used from the facts worker thread only. Never creates an index file, never writes into a file
// that is not this program's index, and never throws: a cache that cannot be used costs time only.
import type Database from 'better-sqlite3';
import { openDatabase } from '../sqlite.js';
import { APPLICATION_ID } from './database.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS article_facts (
  path TEXT PRIMARY KEY,
  stamp TEXT NOT NULL,
  facts TEXT NOT NULL,
  story TEXT,
  story_size INTEGER
) STRICT;
CREATE TABLE IF NOT EXISTS facts_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
-- Every article's facts and story in one row (core/stories/facts-snapshot.ts), by article row id:
-- read back in one piece where a million rows above take minutes and gigabytes.
CREATE TABLE IF NOT EXISTS facts_snapshot (one INTEGER PRIMARY KEY CHECK (one = 1), data BLOB NOT NULL) STRICT;
DROP TABLE IF EXISTS story_facts;`;

/** One article's stored row: facts (unvalidated JSON value), story (earliest member's path, null when never grouped) and size. */
export interface StoredRow {
  facts: unknown;
  story: string | null;
  storySize: number;
}

/** A row to write: facts replaced when given; the story replaced when `story` is given (undefined: kept). */
export interface RowWrite {
  path: string;
  stamp: string;
  facts?: unknown;
  story?: { path: string; size: number } | null;
}

/** The per-article facts of one index file, open for a session of reads and writes. */
export class FactsTable {
  private readonly stampOf: Database.Statement;
  private readonly rowOf: Database.Statement;

  private constructor(private readonly db: Database.Database, private readonly code: string) {
    this.stampOf = db.prepare('SELECT stamp FROM article_facts WHERE path = ?').pluck();
    this.rowOf = db.prepare('SELECT facts, story, story_size FROM article_facts WHERE path = ?').raw();
  }

  /** The table in the index at `file` (made when missing), for facts computed by the build `code`; null when there is no usable index. */
  static open(file: string, code: string): FactsTable | null {
    let db: Database.Database | null = null;
    try {
      db = openDatabase(file, { fileMustExist: true, timeout: 10_000 });
      if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) {
        db.close();
        return null;
      }
      db.exec(SCHEMA);
      const stored = db.prepare("SELECT value FROM facts_meta WHERE key = 'code'").pluck().get() as string | undefined;
      if (stored !== code) {
        // Facts of another build may differ from this one's: none of them is used again.
        db.transaction(() => {
          db!.exec('DELETE FROM article_facts; DELETE FROM facts_snapshot');
          db!.prepare("INSERT OR REPLACE INTO facts_meta (key, value) VALUES ('code', ?)").run(code);
        }).immediate();
      }
      return new FactsTable(db, code);
    } catch {
      db?.close();
      return null;
    }
  }

  /** Whether the stored facts of `path` were computed from the file as stamped now. */
  isFresh(path: string, stamp: string): boolean {
    try {
      return this.stampOf.get(path) === stamp;
    } catch {
      return false;
    }
  }

  /** Every stored file's stamp by path (one pass over the table: ~3x faster than a lookup per file at 100k). */
  stamps(): Map<string, string> {
    const out = new Map<string, string>();
    try {
      for (const [path, stamp] of this.db.prepare('SELECT path, stamp FROM article_facts').raw().iterate() as IterableIterator<[string, string]>) out.set(path, stamp);
    } catch {
      // A table that cannot be read has no fresh rows.
    }
    return out;
  }

  /** Calls `each` with every stored row (facts as JSON text, not parsed), in one pass. */
  eachRow(each: (path: string, stamp: string, factsJson: string, story: string | null, storySize: number) => void): void {
    try {
      for (const r of this.db.prepare('SELECT path, stamp, facts, story, story_size FROM article_facts').raw().iterate() as IterableIterator<[string, string, string, string | null, number | null]>) {
        each(r[0], r[1], r[2], r[3], r[4] ?? 1);
      }
    } catch {
      // Rows not read are computed again.
    }
  }

  /** The stored row of `path`, or null. */
  row(path: string): StoredRow | null {
    try {
      const r = this.rowOf.get(path) as [string, string | null, number | null] | undefined;
      return r ? { facts: JSON.parse(r[0]) as unknown, story: r[1], storySize: r[2] ?? 1 } : null;
    } catch {
      return null;
    }
  }

  /** Writes rows and deletes the rows of `removed` paths, in one transaction; false when it could not. */
  write(rows: readonly RowWrite[], removed: readonly string[] = []): boolean {
    try {
      const del = this.db.prepare('DELETE FROM article_facts WHERE path = ?');
      const put = this.db.prepare('INSERT INTO article_facts (path, stamp, facts, story, story_size) VALUES (?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET stamp = excluded.stamp, facts = excluded.facts, story = excluded.story, story_size = excluded.story_size');
      const story = this.db.prepare('UPDATE article_facts SET story = ?, story_size = ? WHERE path = ? AND stamp = ?');
      this.db.transaction(() => {
        for (const p of removed) del.run(p);
        for (const r of rows) {
          if (r.facts !== undefined) put.run(r.path, r.stamp, JSON.stringify(r.facts), r.story?.path ?? null, r.story?.size ?? null);
          else if (r.story !== undefined) story.run(r.story?.path ?? null, r.story?.size ?? null, r.path, r.stamp);
        }
      }).immediate();
      return true;
    } catch {
      return false;
    }
  }

  /** Deletes the rows of files not among `paths` (gone since they were stored), when there are such rows. */
  keepOnly(paths: readonly string[]): void {
    try {
      const count = this.db.prepare('SELECT count(*) FROM article_facts').pluck().get() as number;
      if (count <= paths.length) return;
      this.db.transaction(() => {
        this.db.exec('CREATE TEMP TABLE IF NOT EXISTS kept (path TEXT PRIMARY KEY) STRICT; DELETE FROM kept');
        const add = this.db.prepare('INSERT OR IGNORE INTO kept (path) VALUES (?)');
        for (const p of paths) add.run(p);
        this.db.exec('DELETE FROM article_facts WHERE path NOT IN (SELECT path FROM kept); DROP TABLE kept');
      }).immediate();
    } catch {
      // Stale rows cost disk only; they are never used for another file.
    }
  }

  /** The stored snapshot of every article's facts (an opaque blob, validated by its reader), or null. */
  snapshot(): Buffer | null {
    try {
      const data = this.db.prepare('SELECT data FROM facts_snapshot WHERE one = 1').pluck().get();
      return Buffer.isBuffer(data) ? data : null;
    } catch {
      return null;
    }
  }

  /** Replaces the stored snapshot; false when it could not be written. */
  writeSnapshot(data: Uint8Array): boolean {
    try {
      this.db.prepare('INSERT OR REPLACE INTO facts_snapshot (one, data) VALUES (1, ?)').run(data);
      return true;
    } catch {
      return false;
    }
  }

  /** The build stamp this table's rows are of. */
  get build(): string {
    return this.code;
  }

  close(): void {
    try {
      this.db.close();
    } catch {
      // Already closed.
    }
  }
}
