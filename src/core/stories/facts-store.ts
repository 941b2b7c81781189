// The corpus's facts against what the index keeps per article file (index/stories-table.ts): which
// articles' stored facts are missing or of another version of their file, the facts of the
// corpus assembled from the stored rows and those computed now, and which stories must be grouped
// again: those of the articles computed now (added or edited files) and those that lost a member
// (a removed file shows as a story whose stored size no longer adds up), each with every article
// within the story window of them (regroup.ts). A start after nothing changed computes nothing; one
// file changed costs its own facts and the grouping of a few hundred articles, not the corpus.
// Runs on the facts worker.
import type { FactsTable, RowWrite } from '../index/index.js';
import { articleFacts, storedArticleFacts, type ArticleFacts, type Facts, type FactsInput } from './facts.js';
import type { FactsChange, FactsEngine } from './facts-engine.js';
import { touchedStories } from './regroup.js';

/** An article's file as the corpus has it now: [path, stamp]. */
export type Stamp = readonly [path: string, stamp: string];

/** A fresh stored row: facts (JSON text, parsed when assembled), story path and size. */
export type StoredRow = readonly [factsJson: string, story: string | null, storySize: number];

/**
 * The stored rows of the corpus's files in one pass over the table: the fresh ones (stamp as the
 * file's now) by id, and the ids whose stored facts are missing or were computed from another
 * version of their file.
 */
export function readStored(table: FactsTable, stamps: readonly Stamp[]): { stale: number[]; rows: Map<number, StoredRow> } {
  const idOf = new Map<string, number>();
  for (let id = 0; id < stamps.length; id++) idOf.set(stamps[id][0], id);
  const rows = new Map<number, StoredRow>();
  table.eachRow((path, stamp, json, story, size) => {
    const id = idOf.get(path);
    if (id !== undefined && stamp === stamps[id][1]) rows.set(id, [json, story, size]);
  });
  const stale: number[] = [];
  for (let id = 0; id < stamps.length; id++) if (!rows.has(id)) stale.push(id);
  return { stale, rows };
}

/** What assembling gave: ids whose stored rows proved unusable (their inputs are needed), or the ids to group again. */
export type Assembled = { unreadable: number[] } | { regroup: number[] };

/**
 * Loads the engine with the facts of articles 0..n-1: `computed` ones (computed now), the others
 * from their fresh stored rows (readStored). With grouping, stories come from the rows (the earliest member's path)
 * and the ids to group again are returned.
 */
export function assemble(rows: ReadonlyMap<number, StoredRow>, stamps: readonly Stamp[], computed: ReadonlyMap<number, ArticleFacts>, engine: FactsEngine): Assembled {
  const n = stamps.length;
  const unreadable: number[] = [];
  const storyPath: Array<string | null> = new Array(n).fill(null);
  const storedSize = new Int32Array(n);
  const fromRows = new Map<number, ArticleFacts>();
  // Parsed first (a row may be unreadable), then laid out in id order.
  const factsOf = (id: number): ArticleFacts => computed.get(id) ?? fromRows.get(id)!;
  for (let id = 0; id < n; id++) {
    if (computed.has(id)) continue;
    const row = rows.get(id);
    let facts: ArticleFacts | null = null;
    try {
      facts = row ? storedArticleFacts(JSON.parse(row[0])) : null;
    } catch {
      // Unreadable: computed again.
    }
    if (!row || !facts) {
      unreadable.push(id);
      continue;
    }
    fromRows.set(id, facts);
    storyPath[id] = row[1];
    storedSize[id] = row[2];
  }
  if (unreadable.length) return { unreadable };
  if (!engine.grouping) {
    engine.adoptEach(n, factsOf, null);
    return { regroup: [] };
  }
  const idOf = new Map<string, number>();
  for (let id = 0; id < n; id++) idOf.set(stamps[id][0], id);
  const stories = checkedStories(n, (id) => (storyPath[id] === null ? -1 : idOf.get(storyPath[id]!) ?? -1), storedSize, computed);
  engine.adoptEach(n, factsOf, stories);
  return { regroup: regroupIds(engine, stories.touched) };
}

/**
 * The stories of articles 0..n-1 as stored (`rootOf(id)`: the stored earliest member's id, -1
 * when it is not among them; `storedSize[id]`: the stored story size), and which articles must be
 * grouped again: the `computed` ones, those whose story's earliest member is gone or computed,
 * and those whose story no longer holds as many members as stored (a member went away).
 */
export function checkedStories(n: number, rootOf: (id: number) => number, storedSize: Int32Array, computed: ReadonlyMap<number, unknown>): { story: Int32Array; size: Int32Array; touched: Set<number> } {
  const story = Int32Array.from({ length: n }, (_, id) => id);
  const touched = new Set<number>(computed.keys());
  for (let id = 0; id < n; id++) {
    if (computed.has(id)) continue;
    const root = rootOf(id);
    // A story whose earliest article is gone, or never grouped: grouped again.
    if (root < 0 || computed.has(root)) touched.add(id);
    else story[id] = root;
  }
  const size = new Int32Array(n);
  for (let id = 0; id < n; id++) size[story[id]]++;
  for (let id = 0; id < n; id++) {
    // A member went away (or the row names a root that is not its own root): grouped again.
    if (!touched.has(id) && (story[story[id]] !== story[id] || size[story[id]] !== storedSize[id])) touched.add(id);
  }
  for (let id = 0; id < n; id++) size[id] = size[story[id]];
  return { story, size, touched };
}

/** The ids to group again (ascending) once the engine holds checkedStories' stories: the touched ones and every article within the story window of them (regroup.ts). */
export function regroupIds(engine: FactsEngine, touched: ReadonlySet<number>): number[] {
  if (touched.size === 0) return [];
  const f = engine.facts;
  const regroup = new Set(touchedStories([...touched].map((id) => f.time[id]), f.time, f.story, () => false));
  // Undated articles never join a story; touched ones are set alone again.
  for (const id of touched) regroup.add(id);
  return [...regroup].sort((a, b) => a - b);
}

/** The rows to write after assembling: facts of the `computed` ids, stories of the `regrouped` ones (every row when `all`). */
export function rowsToWrite(facts: Facts, stamps: readonly Stamp[], computed: ReadonlyMap<number, ArticleFacts>, regrouped: readonly number[], grouped: boolean): RowWrite[] {
  const storyOf = (id: number): RowWrite['story'] => (grouped ? { path: stamps[facts.story[id]][0], size: facts.size[id] } : undefined);
  const rows: RowWrite[] = [];
  for (const [id, f] of computed) rows.push({ path: stamps[id][0], stamp: stamps[id][1], facts: f, story: storyOf(id) ?? null });
  if (grouped) for (const id of regrouped) if (!computed.has(id)) rows.push({ path: stamps[id][0], stamp: stamps[id][1], story: storyOf(id) });
  return rows;
}

/**
 * The rows a live update writes: the added articles' facts and stories (ids from `first`), the
 * stories of the other `touched` ids (regrouped; their inputs are the change's context), and the
 * paths of removed files (a file changed is gone and added: its row is kept).
 */
export function changeRows(change: FactsChange, touched: readonly number[], first: number, facts: Facts, grouped: boolean): [rows: RowWrite[], removed: string[]] {
  const byId = new Map<number, FactsInput>(change.context.map((c) => [c.id, c.input]));
  change.added.forEach((input, k) => byId.set(first + k, input));
  const storyOf = (id: number): RowWrite['story'] => {
    const root = byId.get(facts.story[id]);
    return grouped && root ? { path: root.path, size: facts.size[id] } : undefined;
  };
  const rows = touched.flatMap((id) => {
    const input = byId.get(id);
    if (!input) return [];
    return [{ path: input.path, stamp: input.stamp, facts: id >= first ? articleFacts(input) : undefined, story: storyOf(id) }];
  });
  const kept = new Set(change.added.map((a) => a.path));
  return [rows, change.gone.map((g) => g.path).filter((p) => !kept.has(p))];
}
