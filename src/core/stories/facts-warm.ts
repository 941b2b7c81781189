// The facts of the warm start's first page (the list the index held last time, drawn before any
// file is checked: warm-start.ts), from the facts snapshot (facts-snapshot.ts) by the page's index
// rows, so coins, stories and the pulse are drawn with that list instead of after the load has
// checked every file (a minute and a half at a million articles). Stories are those of the
// snapshot cut to the page: a story's members on the page, named by its earliest one there. An
// article the snapshot does not hold (its file written since) has its facts computed from the
// index's row. Runs on the facts worker.
import { FactsTable } from '../index/index.js';
import { articleFacts, type Facts } from './facts.js';
import { FactsBuilder } from './facts-builder.js';
import { decodeSnapshot, positionsOf, type FactsSnapshot } from './facts-snapshot.js';
import { inputsFromIndex } from './indexed-inputs.js';

/**
 * The facts of the page's articles 0..n-1 (`rowIds[id]`: the article's index row) from the
 * snapshot in the index at `file` (facts of the build `code`), and the snapshot read (kept by the
 * caller for the load that follows). Facts are null without a usable snapshot, or when an article
 * the snapshot lacks has no readable row either.
 */
export function pageFacts(file: string, code: string, rowIds: Int32Array): { facts: Facts | null; snap: FactsSnapshot | null } {
  const table = FactsTable.open(file, code);
  const snap = table ? decodeSnapshot(table.snapshot()) : null;
  table?.close();
  if (!snap) return { facts: null, snap };
  const n = rowIds.length;
  const pos = positionsOf(snap, rowIds, n);
  const missing: number[] = [];
  for (let id = 0; id < n; id++) if (pos[id] < 0) missing.push(id);
  const inputs = inputsFromIndex(file, rowIds, missing);
  if (inputs.size < missing.length) return { facts: null, snap };
  const b = new FactsBuilder(snap.facts, true);
  for (let id = 0; id < n; id++) {
    if (pos[id] >= 0) b.pushFrom(snap.facts, pos[id]);
    else b.push(articleFacts(inputs.get(id)!));
  }
  // The page's members of each stored story, by the story's earliest member (position): the
  // earliest of them on the page names the story here (ties: the lower id, as group.ts names one).
  const time = b.times;
  const root = new Map<number, number>();
  for (let id = 0; id < n; id++) {
    if (pos[id] < 0 || snap.facts.size[pos[id]] < 2) continue;
    const key = snap.facts.story[pos[id]];
    const r = root.get(key);
    if (r === undefined || time[id] < time[r] || (time[id] === time[r] && id < r)) root.set(key, id);
  }
  const story = Int32Array.from({ length: n }, (_, id) => id);
  const size = new Int32Array(n).fill(1);
  for (let id = 0; id < n; id++) if (pos[id] >= 0 && snap.facts.size[pos[id]] >= 2) story[id] = root.get(snap.facts.story[pos[id]])!;
  const members = new Int32Array(n);
  for (let id = 0; id < n; id++) members[story[id]]++;
  for (let id = 0; id < n; id++) size[id] = members[story[id]];
  b.story = story;
  b.size = size;
  return { facts: b.snapshot(), snap };
}
