// The records of the rows that still describe their walked files (session.ts freshEach), read
// back from the index. A stored row is data from disk, never trusted: its record must pass
// isRecord and name its own path, else the file is parsed again.

import { isRecord, R, type ArticleRecord } from '../../article-record.js';
import type { RowStamps } from '../freshness.js';
import { noPause, PAUSE_EVERY, type Pause } from './pause.js';
import type { ArticleStore } from '../store.js';

/**
 * For every paths[i] whose row (in `rows`, the stamps read from `store`) still describes its
 * file, `stats` holding `fields` numbers per path (statPaths): calls `each(i, record, id)`, in no
 * particular order, holding no record itself (at 100k, holding every record peaked ~130 MB of heap
 * above what the load keeps); most rows wanted, their JSON is read in one sequential pass (a lookup
 * per row took over a second at 100k). A matched path's stamp leaves `rows` (its row is no file
 * gone), and comes back when its record is not usable (its file is then parsed again). `matched`
 * is told first which positions are fresh (1).
 */
export async function freshRecords(rows: RowStamps, store: ArticleStore, paths: readonly string[], stats: Float64Array, fields: number, each: (i: number, record: ArticleRecord, id: number) => void, pause: Pause = noPause, matched?: (fresh: Uint8Array) => void): Promise<void> {
  if (stats.length === 0) return;
  // Each wanted row's path index by row id (from the smallest: every row written again, as a new
  // parser does, starts the ids past the last ones): an Int32Array when the ids are dense (a Map of
  // a million held ~50 MB more, the peak of a warm 1M load once its index had been written again), else a Map.
  const [[minId, maxId], stored] = [rows.idRange(), rows.size];
  const byId = Number.isSafeInteger(maxId) && maxId - minId < 2 * stored + 65_536 ? new Int32Array(maxId - minId + 1).fill(-1) : null;
  const sparse = byId ? null : new Map<number, number>();
  const fresh = new Uint8Array(paths.length);
  let count = 0;
  for (let i = 0; i < paths.length; i++) {
    if ((i & PAUSE_EVERY) === PAUSE_EVERY) await pause();
    const o = i * fields;
    const id = stats[o] < 0 ? -1 : rows.fresh(paths[i], stats, o);
    if (!(id >= 0)) continue;
    // Its stamp is not needed again (at a million, ~110 MB of path strings that a collection in `matched` can take).
    rows.delete(paths[i]);
    fresh[i] = 1;
    if (byId) count += byId[id - minId] < 0 ? 1 : 0;
    if (byId) byId[id - minId] = i;
    else sparse?.set(id, i);
  }
  if (sparse) count = sparse.size;
  matched?.(fresh);
  const found = (i: number, id: number, json: string | undefined): void => {
    const [record, o] = [recordOf(paths[i], json), i * fields];
    if (record !== null) return each(i, record, id);
    rows.set(paths[i], id, stats[o], stats[o + 1], stats[o + 2], stats[o + 3]); // its stamp back (the stat's, which matched): its file is parsed again, its row replaced or removed
  };
  if (count * 4 < stored) {
    if (sparse) for (const [id, i] of sparse) found(i, id, store.articleJson(id));
    else if (byId) for (let k = 0; k < byId.length; k++) if (byId[k] >= 0) found(byId[k], k + minId, store.articleJson(k + minId));
    return;
  }
  let n = 0;
  for (const [id, json] of store.articleTuples()) {
    const i = byId ? (id >= minId && id - minId < byId.length ? byId[id - minId] : -1) : (sparse?.get(id) ?? -1);
    if (i >= 0) found(i, id, json);
    if ((++n & PAUSE_EVERY) === 0) await pause();
  }
}

// The record in `json` when it is well formed and names `filePath`.
function recordOf(filePath: string, json: string | undefined): ArticleRecord | null {
  try {
    const record: unknown = JSON.parse(json ?? 'null');
    return isRecord(record) && record[R.path] === filePath ? record : null;
  } catch {
    return null;
  }
}
