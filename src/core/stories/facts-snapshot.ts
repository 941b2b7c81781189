// Every article's facts and story kept in the on-disk index as one blob (index/stories-table.ts
// `facts_snapshot`), named by the articles' index row ids. A row id is never reused and a changed
// file is written under a new one, so the facts stored under a row id stay that row's facts: a
// start finds each loaded article's facts by its row id (LoadResult.indexIds), computes only those
// of rows the snapshot does not hold (files added or edited since), and groups again only the
// stories that lost or gained a member (facts-store.ts checkedStories). At a million articles the
// per-file rows (article_facts: a JSON text per article) took minutes and gigabytes to read back;
// the snapshot is ~70 bytes an article, read in one piece. Runs on the facts worker. Nothing read
// is trusted: a blob that does not decode to facts of its row count is not used.
import v8 from 'node:v8';
import { FACTS_COLUMNS, isFacts, type ArticleFacts, type Facts } from './facts.js';
import { FactsBuilder } from './facts-builder.js';
import type { FactsEngine } from './facts-engine.js';
import { checkedStories, regroupIds } from './facts-store.js';

/** A decoded snapshot: facts of `rows.length` articles, article k being the index row `rows[k]` (ascending); stories name positions. */
export interface FactsSnapshot {
  rows: Int32Array;
  facts: Facts;
}

// Bumped when what a snapshot holds changes shape; other versions are not used.
const VERSION = 1;

/** The snapshot of `facts` (articles 0..n-1, article id's index row `rowIds[id]`, -1 for none: left out), as bytes to store. */
export function encodeSnapshot(facts: Facts, rowIds: Int32Array): Buffer {
  const ids: number[] = [];
  for (let id = 0; id < facts.n; id++) if (rowIds[id] >= 0) ids.push(id);
  ids.sort((x, y) => rowIds[x] - rowIds[y]);
  const at = new Int32Array(facts.n).fill(-1);
  ids.forEach((id, k) => (at[id] = k));
  const b = new FactsBuilder(facts, true);
  const story = new Int32Array(ids.length);
  const size = new Int32Array(ids.length);
  ids.forEach((id, k) => {
    b.pushFrom(facts, id);
    const root = at[facts.story[id]];
    // A story whose earliest member has no row is kept as the article alone with the story's
    // size: the size check of the next start then groups it again.
    story[k] = root >= 0 ? root : k;
    size[k] = facts.size[id];
  });
  b.story = story;
  b.size = size;
  const rows = Int32Array.from(ids, (id) => rowIds[id]);
  return v8.serialize({ version: VERSION, rows, facts: b.snapshot() });
}

/** The snapshot in `data` when it is one (this version, ascending rows, facts of that many articles), else null. */
export function decodeSnapshot(data: Uint8Array | null): FactsSnapshot | null {
  if (!data) return null;
  let v: unknown;
  try {
    v = v8.deserialize(data);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const { version, rows, facts } = v as { version?: unknown; rows?: unknown; facts?: unknown };
  if (version !== VERSION || !(rows instanceof Int32Array)) return null;
  for (let k = 1; k < rows.length; k++) if (rows[k] <= rows[k - 1]) return null;
  return isFacts(facts, rows.length) ? { rows: ownBuffer(rows), facts: ownBuffers(facts) } : null;
}

// Node's deserializer makes each typed array whose offset in `data` suits its element size a view
// into `data`'s whole buffer, and copies the others: so the snapshot's few aligned columns kept the
// whole blob alive beside the copies (at 1M: 58 MB of blob under ~47 MB of copies, held by the
// facts worker through the load, its peak). Each column gets a buffer of its own; the blob goes.
function ownBuffer<T extends Int32Array | Uint8Array | Float64Array>(a: T): T {
  return a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? a : (a.slice() as T);
}

function ownBuffers(f: Facts): Facts {
  return { ...f, ...Object.fromEntries(FACTS_COLUMNS.map((k) => [k, ownBuffer(f[k])])) };
}

/** The articles `positionsOf` found no row for (ascending ids). */
export function staleIds(pos: Int32Array): number[] {
  const stale: number[] = [];
  for (let id = 0; id < pos.length; id++) if (pos[id] < 0) stale.push(id);
  return stale;
}

/** Each article's position in the snapshot (`rowIds[id]`: its index row, -1 for none), -1 when the snapshot does not hold it. */
export function positionsOf(snap: FactsSnapshot, rowIds: ArrayLike<number>, n: number): Int32Array {
  const pos = new Int32Array(n).fill(-1);
  const rows = snap.rows;
  const taken = new Uint8Array(rows.length);
  for (let id = 0; id < n; id++) {
    const row = rowIds[id];
    if (row < 0) continue;
    let lo = 0;
    let hi = rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid] < row) lo = mid + 1;
      else if (rows[mid] > row) hi = mid - 1;
      else {
        // Two articles on one row (never from one load) would share facts: the second is computed.
        if (!taken[mid]) {
          taken[mid] = 1;
          pos[id] = mid;
        }
        break;
      }
    }
  }
  return pos;
}

/**
 * Loads the engine with the facts of articles 0..n-1: those at `pos[id]` >= 0 copied from the
 * snapshot, the `computed` ones (every article with pos -1 must be there) as given. With grouping,
 * stories come from the snapshot where they still hold; returns the ids to group again (ascending).
 */
export function assembleSnapshot(snap: FactsSnapshot, pos: Int32Array, computed: ReadonlyMap<number, ArticleFacts>, engine: FactsEngine): number[] {
  const n = pos.length;
  // The builder's exact room, so its columns are made once and become the engine's as they are.
  const f = snap.facts;
  let tags = 0;
  let coins = 0;
  for (let id = 0; id < n; id++) {
    const mine = computed.get(id);
    const i = pos[id];
    if (mine || i < 0) {
      tags += mine!.tags.length;
      coins += mine!.coins.length;
    } else {
      tags += f.tagStart[i + 1] - f.tagStart[i];
      coins += f.coinStart[i + 1] - f.coinStart[i];
    }
  }
  const b = new FactsBuilder(snap.facts, true, { articles: n, tags, coins });
  for (let id = 0; id < n; id++) {
    const mine = computed.get(id);
    if (mine || pos[id] < 0) b.push(mine!);
    else b.pushFrom(snap.facts, pos[id]);
  }
  if (!engine.grouping) {
    engine.adoptBuilder(b, null);
    return [];
  }
  const idAt = new Int32Array(snap.rows.length).fill(-1);
  for (let id = 0; id < n; id++) if (pos[id] >= 0) idAt[pos[id]] = id;
  const storedSize = Int32Array.from({ length: n }, (_, id) => (pos[id] >= 0 ? snap.facts.size[pos[id]] : 1));
  const stories = checkedStories(n, (id) => (pos[id] >= 0 ? idAt[snap.facts.story[pos[id]]] : -1), storedSize, computed);
  engine.adoptBuilder(b, stories);
  return regroupIds(engine, stories.touched);
}
