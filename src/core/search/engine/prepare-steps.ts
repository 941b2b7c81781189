// What SearchIndex.prepare does ahead of the first keystrokes, as steps a UI can run one per turn
// between keys: the haystacks and the short index, the field columns, the fuse records of the
// newest PREPARED_NEWEST articles (what the first queries' fuse ranking scores), the fuzzy scorer
// compiled (FuseRanker.warm), each search path once for the JIT (a cold first three-letter query
// cost ~60 ms at 10k), and last a full garbage collection. Results never depend on it.
import type { Hay } from '../haystack.js';
import { hayTitle } from '../haystack.js';
import { BODY_DEPTH, FUSE_OPTIONS, PREPARED_NEWEST } from '../search-settings.js';
import type { FilterColumns } from '../filter-columns.js';
import type { ShortIndex } from '../short-index.js';
import type { FuseRanker } from '../fuzzy/fuse-ranker.js';
import { collectGarbageNow } from '../../collect-garbage.js';

// Articles made ready per step (haystacks, which the first query leaves to these steps, and
// short-index bits): ~5-15 ms at 100k, 15-30 ms at a million. A key typed meanwhile waits for the
// step under way at each of the turns it takes (its frame, its search, its answer): with 5,000 a
// step the million's steps took 40-65 ms each.
const PREPARE_CHUNK = 2_000;
// The first steps are smaller: an article costs several times as much in them (at 100k the first
// two steps of 2,000 took ~55 ms each and the later ones 5-10 ms), and a key typed as the list
// appears waited for them. Most of that was the short index's sets allocated one by one (now in
// slabs: short-index.ts newSet); the rest is the code not yet optimised by the JIT.
const FIRST_CHUNKS = [250, 500, 1_000];

/** Where each step's articles end: FIRST_CHUNKS, then PREPARE_CHUNK a step, up to `size`. */
export function stepEnds(size: number): number[] {
  const ends: number[] = [];
  for (let end = 0, k = 0; end < size; k++) {
    end = Math.min(size, end + (FIRST_CHUNKS[k] ?? PREPARE_CHUNK));
    ends.push(end);
  }
  return ends;
}

/** The parts of SearchIndex the steps make ready. */
export interface PrepareParts {
  /** The ids in date order, newest first. */
  readonly order: readonly number[];
  /** The number of articles now. */
  size(): number;
  hay(id: number): Hay;
  /** Makes every haystack (SearchIndex's completeHays). */
  completeHays(): void;
  /** Told once the short index covers every article. */
  covered(): void;
  readonly shorts: ShortIndex;
  readonly columns: FilterColumns;
  readonly ranker: FuseRanker;
  /** Runs a search of `query` for a list of 50, reading no body ahead. */
  search(query: string): void;
}

/**
 * The steps (each at most PREPARE_CHUNK articles, one search or the collection: tens of ms at
 * 100k); the collection only from `collectFrom` articles (COLLECT_PREPARED: what the work left,
 * collected before a key rather than on one).
 */
export function prepareSteps(p: PrepareParts, collectFrom: number): Array<() => void> {
  const { order } = p;
  const word = (): string => /\p{L}{4,}/u.exec(order.length ? hayTitle(p.hay(order[0])) : '')?.[0] ?? 'news';
  // A prefix (exact scan + fuse), the word, and a typo of it (read through the typo rule: typos/typo-rule.ts).
  const searches = [(w: string) => w.slice(0, 3), (w: string) => w, (w: string) => `${w.slice(0, -1)}qx`].map((q) => (): void => p.search(q(word())));
  const size = p.size();
  const ends = stepEnds(size);
  // The short index's sets made once at the corpus's size, not grown at each step (an O(1) call).
  p.shorts.reserve(size);
  const hays = ends.map((end) => (): void => void p.shorts.cover(end, (id) => p.hay(id)));
  // The newest BODY_DEPTH articles' haystacks early, after the first small steps: a limited
  // search of a word reads those first (and a word the index still reads on a thread is answered
  // from them meanwhile), while the short index covers the corpus in id order, which at a million
  // reaches most of them only seconds after the list, and the first words typed made them on their keys.
  const newest = order.slice(0, BODY_DEPTH);
  const newestHays = stepEnds(newest.length).map((end, k, all) => (): void => newest.slice(all[k - 1] ?? 0, end).forEach((id) => void p.hay(id)));
  const first = FIRST_CHUNKS.length;
  const warm = (): void => p.ranker.warm(order.slice(0, 100), [FUSE_OPTIONS]);
  // The newest articles' fuse records and the scorer right after their haystacks, for the same
  // reason: the first word's answer ranks the newest articles that hold it, and at a million the
  // first words typed as the list filled made their records on their keys (the third letter's).
  const newestIds = order.slice(0, PREPARED_NEWEST);
  const records = stepEnds(newestIds.length).map((end, k, all) => (): void => newestIds.slice(all[k - 1] ?? 0, end).forEach((id) => p.ranker.prepare(id)));
  return [...hays.slice(0, first), ...newestHays, ...records, warm, ...hays.slice(first), () => p.covered(), () => p.completeHays(), () => p.columns.cover(), ...searches, () => void (p.size() >= collectFrom && collectGarbageNow())];
}
