// The dashboard's facts (core/stories/facts.ts: coins, stories, the pulse's codes) kept in the
// on-disk index beside the articles, so a warm start with no changed file reads them back (a
// few MB, ~0.1 s) instead of computing them again (~15 s of a worker at 100k articles). One row
// per grouping mode, named by a fingerprint of what they were computed from (every article's path,
// size and mtime in load order, and the build of the code that computed them): any changed, added
// or removed file makes a new fingerprint, and the facts are computed again and replace the row.
// Used from the facts worker thread only. Never creates an index file, never writes into a file
// that is not this program's index, and never throws: a cache that cannot be used costs time only.
import { serialize, deserialize } from 'node:v8';
import Database from 'better-sqlite3';
import { APPLICATION_ID } from './database.js';

const TABLE = `CREATE TABLE IF NOT EXISTS story_facts (
  mode TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  facts BLOB NOT NULL
) STRICT`;

// The index file, when it exists and is this program's.
function open(file: string): Database.Database | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 2_000 });
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) {
      db.close();
      return null;
    }
    return db;
  } catch {
    db?.close();
    return null;
  }
}

/** The stored value for `mode` when its fingerprint is `fingerprint`, else null. */
export function readStoredFacts(file: string, mode: string, fingerprint: string): unknown {
  const db = open(file);
  if (!db) return null;
  try {
    const exists = db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'story_facts'").pluck().get() as number;
    if (!exists) return null;
    const row = db.prepare('SELECT fingerprint, facts FROM story_facts WHERE mode = ?').get(mode) as { fingerprint: string; facts: Buffer } | undefined;
    return row && row.fingerprint === fingerprint ? deserialize(row.facts) : null;
  } catch {
    return null;
  } finally {
    db.close();
  }
}

/** Stores `value` for `mode` under `fingerprint`, replacing what was there; false when it could not. */
export function writeStoredFacts(file: string, mode: string, fingerprint: string, value: unknown): boolean {
  const db = open(file);
  if (!db) return false;
  try {
    db.exec(TABLE);
    db.prepare('INSERT OR REPLACE INTO story_facts (mode, fingerprint, facts) VALUES (?, ?, ?)').run(mode, fingerprint, serialize(value));
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}
