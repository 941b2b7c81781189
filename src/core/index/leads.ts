// The lead paragraphs the index keeps (text/lead.ts), for story grouping: reading them back is one
// query, where reading them from the files is a file read and a parse per article. Opened
// read-only; a lead is data from disk, used only to compare articles, never displayed.

import Database from 'better-sqlite3';
import { APPLICATION_ID, INDEX_FORMAT } from './database.js';

// From this many paths on, one pass over every row beats a lookup per path.
const SCAN_FROM = 2_000;

/**
 * The lead paragraph of each of `paths` (absolute, as the loader names articles) in the index at
 * `file`, in the same order; '' for a path the index has no row for. Null when there is no usable
 * index (missing, another program's or format, damaged). Never throws.
 */
export function leadsFromIndex(file: string, paths: readonly string[]): string[] | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID || db.pragma('user_version', { simple: true }) !== INDEX_FORMAT) return null;
    if (paths.length >= SCAN_FROM) {
      const byPath = new Map<string, string>();
      for (const row of db.prepare('SELECT path, lead FROM articles').raw().iterate() as IterableIterator<[string, string]>) byPath.set(row[0], row[1]);
      return paths.map((p) => byPath.get(p) ?? '');
    }
    const one = db.prepare('SELECT lead FROM articles WHERE path = ?').pluck();
    return paths.map((p) => (one.get(p) as string | undefined) ?? '');
  } catch {
    return null;
  } finally {
    db?.close();
  }
}
