// What the facts worker reads of the loaded articles from the on-disk index itself: each
// article's file and stamp, and the facts inputs of the articles whose facts it must compute.
// The UI thread then posts only the articles' index row ids (a typed array) instead of building
// a FactsInput or a stamp per article and posting them (at 100k articles that was 2-3 s of the UI
// thread in slices, and a second of garbage collection, right after the list appeared). An
// article the index holds no row for (its write failed) is still sent by the UI thread. Runs on
// the facts worker.
import { isRecord, type ArticleRecord } from '../article-record.js';
import { articleRows } from '../index/index.js';
import { fileStamp, type FactsInput } from './facts.js';
import type { Stamp } from './facts-store.js';

/**
 * The facts input of an article from its stored record: what factsInput gives for the article the
 * record loads as. Its lead is '' as factsInput's is (a loaded article's body stays on disk):
 * with the lead the index keeps, the dashboard over an index grouped other stories than
 * `--filter` and `--no-cache` (and leads of one template chained unrelated news into one story).
 */
export function inputOfRecord(r: ArticleRecord): FactsInput {
  return {
    publishedAt: r[4], source: r[8], title: r[2], description: r[3], lead: '',
    path: r[0], sourceLabel: r[7], tags: r[10], coinFields: r[24], sentiment: r[11], score: r[12], stickyWeight: r[15], dateGuessed: r[5],
    stamp: fileStamp(r[18], r[19]),
  };
}

/**
 * The stamps of articles 0..n-1 (`rowIds[id]`: the article's index row, -1 for none), from the
 * index at `file`; `sent` holds those of the articles without a row. Null when the index cannot
 * be read or some article has neither (the UI thread then sends everything, as without rows).
 */
export function stampsFromIndex(file: string, rowIds: Int32Array, sent: ReadonlyMap<number, Stamp>): Stamp[] | null {
  const rows = articleRows(file, rowIds, false);
  if (!rows) return null;
  const out: Stamp[] = new Array(rowIds.length);
  for (let id = 0; id < rowIds.length; id++) {
    const row = rows[id];
    const stamp = row ? ([row[0], fileStamp(row[1], row[2])] as const) : sent.get(id);
    if (!stamp) return null;
    out[id] = stamp;
  }
  return out;
}

/**
 * The facts inputs of the articles `ids` (each with its row in `rowIds`) read from the index at
 * `file`, by id; an article whose row is gone, or whose stored record does not validate or names
 * another file, is left out (the caller asks the UI thread for it).
 */
export function inputsFromIndex(file: string, rowIds: Int32Array, ids: readonly number[]): Map<number, FactsInput> {
  const out = new Map<number, FactsInput>();
  const withRow = ids.filter((id) => rowIds[id] >= 0);
  if (withRow.length === 0) return out;
  const rows = articleRows(file, withRow.map((id) => rowIds[id]), true);
  if (!rows) return out;
  withRow.forEach((id, k) => {
    const row = rows[k];
    if (!row) return;
    let record: unknown;
    try {
      record = JSON.parse(row[3]);
    } catch {
      return;
    }
    if (isRecord(record) && record[0] === row[0]) out.set(id, inputOfRecord(record));
  });
  return out;
}
