// The search history's table in state.db: the queries submitted, oldest first, the last
// HISTORY_SIZE kept. A convenience, not the user's marks: a write the lock keeps out (another
// program holding state.db, see mark-writer.ts) is dropped, not retried, and the session's own
// history (the reducer's) still has the query.
import type Database from 'better-sqlite3';
import { isBusy } from './mark-writer.js';

/** How many queries the search history keeps. */
export const HISTORY_SIZE = 100;

/** Adds a query to the history in `db` (a repeat moves to the end), keeps the last HISTORY_SIZE; nothing when the lock is held elsewhere; throws other SQLite errors. */
export function addQuery(db: Database.Database, query: string, now: number): void {
  const q = query.trim();
  if (!q) return;
  try {
    db.transaction(() => {
      db.prepare('DELETE FROM history WHERE query = ?').run(q);
      db.prepare('INSERT INTO history (query, at) VALUES (?, ?)').run(q, now);
      db.prepare('DELETE FROM history WHERE id NOT IN (SELECT id FROM history ORDER BY id DESC LIMIT ?)').run(HISTORY_SIZE);
    })();
  } catch (error) {
    if (!isBusy(error)) throw error;
  }
}

/** The history in `db`, oldest first. */
export function queries(db: Database.Database): string[] {
  return (db.prepare('SELECT query FROM history ORDER BY id').all() as Array<{ query: string }>).map((r) => r.query);
}
