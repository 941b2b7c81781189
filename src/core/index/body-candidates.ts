// Which articles' bodies hold a query's words, asked of the index instead of reading every body.
// A free word matches a body when the folded body (foldText) contains it as a substring. The FTS5
// body column holds exactly that folded text, split by unicode61 at every character that is not a
// letter or digit; so for a word of ASCII letters and digits, the body contains it if and only if
// one of the body's tokens contains it. The vocabulary (fts5vocab) names those tokens, FTS5 the
// articles whose body column has one: the same answer as reading the bodies, without reading them.

import type Database from 'better-sqlite3';
import { openDatabase } from '../sqlite.js';
import { APPLICATION_ID, INDEX_FORMAT } from './database.js';
import { tokenGroup } from './fts.js';

/** Words this prefilter can answer for: ASCII letters and digits, already folded. */
export const CANDIDATE_WORD = /^[a-z0-9]+$/;

// Past this many vocabulary tokens for one word (a two-letter word), reading every body is cheaper.
const MAX_TOKENS = 2000;

/**
 * For each indexed article whose body holds at least one of `words` (each matching CANDIDATE_WORD),
 * its path -> the words its body holds; or null when the index cannot answer: no file, not this
 * program's current format, a row count other than `expected` (the load did not write every
 * article), rows still waiting for their text, too broad a word, or any SQLite error. Opens the file read-only and closes it.
 */
export function bodyWordsByPath(file: string, words: readonly string[], expected: number): Map<string, string[]> | null {
  if (words.length === 0 || !words.every((w) => CANDIDATE_WORD.test(w))) return null;
  let db: Database.Database | null = null;
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true });
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) return null;
    if (db.pragma('user_version', { simple: true }) !== INDEX_FORMAT) return null;
    if (db.prepare('SELECT count(*) FROM articles').pluck().get() !== expected) return null;
    // Rows whose text the background build has not written yet: FTS5 cannot speak for them.
    if (db.prepare('SELECT EXISTS (SELECT 1 FROM text_pending)').pluck().get() !== 0) return null;
    const tokens = db.prepare('SELECT term FROM articles_vocab WHERE instr(term, ?) > 0').pluck();
    const paths = db.prepare('SELECT path FROM articles WHERE id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)').pluck();
    const out = new Map<string, string[]>();
    for (const word of new Set(words)) {
      const found = tokens.all(word) as string[];
      if (found.length > MAX_TOKENS) return null;
      if (found.length === 0) continue;
      for (const p of paths.all(`body : ${tokenGroup(found)}`) as string[]) {
        const held = out.get(p);
        if (held) held.push(word);
        else out.set(p, [word]);
      }
    }
    return out;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}
