// The index's full text, built after the list: a load writes every article's row first (the list
// and field filters need only those) and leaves the row in text_pending; this fills in the FTS5
// text of those rows, newest first. The load side (load/text-worker.ts) runs it on a thread of its
// own, so a UI on the main thread never waits on it, and gives it each article's folded body read
// from its file again (the page cache still holds it): keeping every body of a cold load in memory
// until the text is written would cost the corpus's size in RAM. The short fields come from the
// stored row, so the text always describes the row it belongs to; a file that changed since its
// row was written stays pending (the next load parses it again and replaces the row). Writes are
// IMMEDIATE transactions of TEXT_BATCH articles: a second process, or the live updater, waits at
// most one batch.

import type Database from 'better-sqlite3';
import { isRecord, R, type ArticleRecord } from '../article-record.js';
import { APPLICATION_ID, INDEX_FORMAT } from './database.js';
import { ArticleStore, type ArticleText, type PendingRow } from './store.js';

/**
 * The folded body (text/fold.ts) of the file a pending row describes, read and parsed again;
 * null when the file is no longer the one the row was written from (size, mtime, device, inode)
 * or no longer parses.
 */
export type BodyReader = (row: PendingRow, record: ArticleRecord) => string | null;

/** Articles per text transaction (~0.1-0.3 s of work: short enough for another writer to wait on). */
export const TEXT_BATCH = 256;

/** The FTS5 text of an article: its short fields as stored, and its folded body. */
export function articleText(record: ArticleRecord, foldedBody: string): ArticleText {
  return {
    title: record[2],
    description: record[3],
    tags: record[R.tags].join('\n'),
    source: `${record[R.source]}\n${record[R.sourceKey]}`,
    category: record[R.categories].join('\n'),
    body: foldedBody,
  };
}

/** How a text build ended: rows given their text, rows left pending (changed files), and whether it ran to the end. */
export interface TextBuildResult {
  written: number;
  left: number;
  complete: boolean;
}

/** Progress of a text build: rows done (written or skipped) of `total` found pending at its start. */
export type TextProgress = (done: number, total: number) => void;

/** True when `db` is this program's index in the current format (a text build writes nowhere else). */
export function isOurIndex(db: Database.Database): boolean {
  return db.pragma('application_id', { simple: true }) === APPLICATION_ID && db.pragma('user_version', { simple: true }) === INDEX_FORMAT;
}

// The text of one pending row when its stored record reads back well and its file still is the
// one the row describes; else null.
function textOf(store: ArticleStore, row: PendingRow, readBody: BodyReader): { id: number; text: ArticleText } | null {
  let record: unknown;
  try {
    record = JSON.parse(store.articleJson(row.id) ?? 'null');
  } catch {
    return null;
  }
  if (!isRecord(record) || record[R.path] !== row.path) return null;
  const body = readBody(row, record);
  return body === null ? null : { id: row.id, text: articleText(record, body) };
}

/**
 * Writes the text of every row pending in `db` (bodies from `readBody`), TEXT_BATCH per transaction, calling `onProgress`
 * after each batch and `yieldBetween` (when given) between batches, so it can run in slices on a
 * thread that has other work. Rows another process adds meanwhile (a second instance loading the
 * same folders) are taken too, so every instance's build ends with the whole index done; rows whose
 * file changed since they were written are left pending. Stops early, incomplete, when
 * `stopped()` says so. Throws on SQLite errors (the caller reports the build as incomplete).
 */
export async function buildText(db: Database.Database, readBody: BodyReader, onProgress: TextProgress = () => {}, stopped: () => boolean = () => false, yieldBetween?: () => Promise<void>): Promise<TextBuildResult> {
  const store = new ArticleStore(db);
  const skipped = new Set<number>();
  let written = 0;
  let done = 0;
  let total = 0;
  for (let ids = store.pendingIds(); ids.length > 0; ids = store.pendingIds().filter((id) => !skipped.has(id))) {
    total += ids.length;
    for (let start = 0; start < ids.length; start += TEXT_BATCH) {
      if (stopped()) return { written, left: store.pendingCount(), complete: false };
      const rows = store.rowsOf(ids.slice(start, start + TEXT_BATCH));
      const texts = [];
      for (const row of rows) {
        const t = textOf(store, row, readBody);
        if (t) texts.push(t);
        else skipped.add(row.id);
      }
      written += store.putText(texts);
      done += Math.min(TEXT_BATCH, ids.length - start);
      onProgress(done, total);
      if (yieldBetween) await yieldBetween();
    }
  }
  return { written, left: store.pendingCount(), complete: true };
}
