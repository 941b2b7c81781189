// The lead paragraphs the index keeps (text/lead.ts; stories are not grouped on them, so that every
// mode groups alike: stories/indexed-inputs.ts), and the article rows the
// facts worker reads (articleRows): reading them back is one query, where reading them from the
// files is a file read and a parse per article. Opened read-only; a lead is data from disk, used
// only to compare articles, never displayed.

import type Database from 'better-sqlite3';
import { openDatabase } from '../sqlite.js';
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
    db = openDatabase(file, { readonly: true, fileMustExist: true });
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

/** One article row as the facts worker reads it: the file, its stamp's parts, the stored article JSON (unvalidated) and '' (the lead, not read). */
export type ArticleRowText = [path: string, size: number, mtime: number, article: string, lead: string];

/**
 * The rows with ids `rowIds` of the index at `file`, in the same order (null for an id it holds no
 * row for); the lead is left out (''), and with `withArticle` false the article JSON too. So the
 * facts worker reads what it needs of the loaded articles from the index itself instead of
 * having the UI thread build and post it (2-3 s of that thread at 100k articles). Opened
 * read-only; null when there is no usable index. Never throws.
 */
export function articleRows(file: string, rowIds: ArrayLike<number>, withArticle: boolean): Array<ArticleRowText | null> | null {
  let db: Database.Database | null = null;
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true });
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID || db.pragma('user_version', { simple: true }) !== INDEX_FORMAT) return null;
    // The lead is not read: stories are grouped without it (stories/indexed-inputs.ts).
    const columns = withArticle ? "id, path, size, mtime, article, ''" : "id, path, size, mtime, '', ''";
    const out: Array<ArticleRowText | null> = new Array(rowIds.length).fill(null);
    if (rowIds.length >= SCAN_FROM) {
      const at = new Map<number, number[]>();
      for (let k = 0; k < rowIds.length; k++) {
        const id = rowIds[k];
        if (id < 0) continue;
        const list = at.get(id);
        if (list) list.push(k);
        else at.set(id, [k]);
      }
      for (const row of db.prepare(`SELECT ${columns} FROM articles`).raw().iterate() as IterableIterator<[number, ...ArticleRowText]>) {
        const ks = at.get(row[0]);
        if (!ks) continue;
        const value: ArticleRowText = [row[1], row[2], row[3], row[4], row[5]];
        for (const k of ks) out[k] = value;
      }
      return out;
    }
    const one = db.prepare(`SELECT ${columns} FROM articles WHERE id = ?`).raw();
    for (let k = 0; k < rowIds.length; k++) {
      const row = rowIds[k] < 0 ? undefined : (one.get(rowIds[k]) as [number, ...ArticleRowText] | undefined);
      if (row) out[k] = [row[1], row[2], row[3], row[4], row[5]];
    }
    return out;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}
