// The read keys of state.db a page at a time, in key order: what the read probe pages through
// (reading.ts), from a partial index of the read rows, so their cost follows the read marks
// (usually few), not the rows.
import type Database from 'better-sqlite3';
import { isBusy } from './mark-writer.js';

/** Read keys a page gives at most (~3 ms of SQLite's time, ~10 ms more to probe them, quiet). */
export const READ_PAGE = 10_000;

// An earlier build opening the database keeps the index up to date as SQLite keeps any index:
// the schema stays the one it wrote.
const READ_INDEX = 'CREATE INDEX IF NOT EXISTS articles_read ON articles(key) WHERE read = 1';

/** The read keys' pages of one connection (the `articles` table of store.ts). */
export class ReadPages {
  private statement: Database.Statement | null = null;

  constructor(private readonly db: Database.Database) {}

  /**
   * Up to `limit` read keys after `after` (null: from the first), in key order; fewer than
   * `limit` when they are all given. The first call makes the index of read rows when the
   * database has none yet (a state written by an earlier build: ~1 s once at a million rows).
   */
  page(after: string | null, limit = READ_PAGE): string[] {
    if (!this.statement) {
      try {
        this.db.exec(READ_INDEX);
      } catch (error) {
        // Locked by another program (making the index is a write): the same pages, read along
        // every key (slower) until SQLite sees the index made by a later run.
        if (!isBusy(error)) throw error;
      }
      this.statement = this.db.prepare('SELECT key FROM articles WHERE read = 1 AND key > ? ORDER BY key LIMIT ?').pluck();
    }
    return this.statement.all(after ?? '', limit) as string[];
  }

  /** Every read key, a page at a time (the whole set: for tests and small states). */
  *all(): IterableIterator<string> {
    let after: string | null = null;
    for (;;) {
      const keys = this.page(after);
      yield* keys;
      if (keys.length < READ_PAGE) return;
      after = keys[keys.length - 1];
    }
  }
}
