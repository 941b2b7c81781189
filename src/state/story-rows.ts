// One row per story: the search's hits folded so that the articles of one story share a row (its
// earliest article in the result, the scoop, at the place of the story's best-ranked article),
// unfolded stories followed by their other articles. Pure; the reducer applies it to each result.
import type { Hit } from '../core/search/index.js';
import { countText } from '../core/text/index.js';

/** The story of each article id (`story[id]` names the story by its earliest article) and its size. */
export interface StoryView {
  story: ArrayLike<number>;
  size: ArrayLike<number>;
}

/** What a list row is, besides its hit: a folded or open story, or an article inside an open one. */
export interface RowInfo {
  story: number;
  /**
   * The story's other articles (the row's `+N`): its size as grouped at load, whatever the query
   * matches or the list window holds, so a story's badge never changes as rows load; 0 for a child row.
   */
  others: number;
  open: boolean;
  child: boolean;
  /**
   * The article whose place in the result's order the row takes (the story's first there): in a
   * date sort its date, not the scoop's, is the row's, so the dates read in order.
   */
  placedBy: number;
}

/** The rows to show and what each is; `info` has an entry only for rows of multi-article stories. */
export interface FoldedRows {
  hits: readonly Hit[];
  info: ReadonlyMap<number, RowInfo>;
  /**
   * Per row, the 1-based place of its first article among the result's articles, for the list's
   * `Articles 4/75` (a folded row stands for its story's articles in the result, so the row after
   * a folded story of three is the fourth article); null when every row is one article.
   */
  ordinals: Int32Array | null;
}

const NO_INFO: ReadonlyMap<number, RowInfo> = new Map();

// Folds made, by result: a result is folded where the key is read and again when React applies
// the same action, and a query typed again (a backspace, a word retyped) brings back a result
// already folded (1,000 hits: ~0.1-0.2 ms each time, 0.3-0.4 ms on code run once per keystroke).
const folds = new WeakMap<readonly Hit[], { stories: StoryView | null; unfolded: ReadonlySet<number>; rows: FoldedRows }>();

/** Folds `hits` by story; stories in `unfolded` list their articles below their row (the same object for the same three arguments). */
export function foldRows(hits: readonly Hit[], stories: StoryView | null, unfolded: ReadonlySet<number>): FoldedRows {
  const last = folds.get(hits);
  if (last && last.stories === stories && last.unfolded === unfolded) return last.rows;
  const rows = fold(hits, stories, unfolded);
  folds.set(hits, { stories, unfolded, rows });
  return rows;
}

function fold(hits: readonly Hit[], stories: StoryView | null, unfolded: ReadonlySet<number>): FoldedRows {
  if (!stories) return { hits, info: NO_INFO, ordinals: null };
  // The articles of multi-article stories, by story, in result order. An article alone in its
  // story gets no group: this runs on every result of every keystroke (1,000 hits).
  let groups: Map<number, Hit[]> | null = null;
  for (const h of hits) {
    if ((stories.size[h.id] ?? 1) <= 1) continue;
    const s = stories.story[h.id];
    const g = (groups ??= new Map()).get(s);
    if (g) g.push(h);
    else groups.set(s, [h]);
  }
  // No row belongs to a bigger story: the hits stand as they are.
  if (!groups) return { hits, info: NO_INFO, ordinals: null };
  const out: Hit[] = [];
  const info = new Map<number, RowInfo>();
  // At most one entry per hit; trimmed to the rows below.
  const ordinals = new Int32Array(hits.length);
  let articles = 0;
  for (const h of hits) {
    const size = stories.size[h.id] ?? 1;
    if (size <= 1) {
      ordinals[out.length] = ++articles;
      out.push(h);
      continue;
    }
    const s = stories.story[h.id];
    const g = groups.get(s)!;
    // A story's row stands where its first article in the result is.
    if (g[0] !== h) continue;
    // The scoop: the story's earliest article when it is in the result, else its best-ranked one.
    const lead = g.find((m) => m.id === s) ?? h;
    // Open only with articles to show under it: a story unfolded, then a query that leaves only
    // its lead, reads `+2` as any folded story does, not `▾2` over nothing (found by a tester).
    const open = unfolded.has(s) && g.length > 1;
    ordinals[out.length] = articles + 1;
    // A folded row stands for all of its story's articles in the result; an open one for its lead.
    articles += open ? 1 : g.length;
    out.push(lead);
    // The badge counts the story as grouped, not the hits: with the list's window of the newest
    // 1,000 matches, counting hits gave a story +1 or +3 depending on how far one had scrolled.
    info.set(lead.id, { story: s, others: Math.max(size, g.length) - 1, open, child: false, placedBy: h.id });
    if (!open) continue;
    for (const m of g) {
      if (m === lead) continue;
      ordinals[out.length] = ++articles;
      out.push(m);
      info.set(m.id, { story: s, others: 0, open, child: true, placedBy: m.id });
    }
  }
  return { hits: out, info, ordinals: out.length === hits.length ? null : ordinals.subarray(0, out.length) };
}

/**
 * How many of the story of row `id`'s other articles (as grouped: RowInfo.others) are not among
 * the rows loaded while the result has more to load (the list holds its first rows only; in a
 * title or score sort a story's articles lie far apart): 0 when all are, or when all rows are
 * loaded (those missing then do not match the query). What unfolding or marking the row could
 * not reach, for the status line to say.
 */
export function othersNotLoaded(hits: readonly Hit[], total: number, stories: StoryView | null, info: RowInfo | undefined): number {
  if (!stories || !info || info.child || hits.length >= total) return 0;
  let loaded = 0;
  for (const h of hits) if (stories.story[h.id] === info.story && (stories.size[h.id] ?? 1) > 1) loaded++;
  return Math.max(0, info.others + 1 - loaded);
}

/**
 * The folded rows whose story is marked in part (`--multi`): some of its articles in the result
 * marked, not all (found by a tester: a story with one article unmarked looked wholly marked).
 */
export function partlyMarked(s: { marked: readonly number[]; rawHits: readonly Hit[]; stories: StoryView | null; rowInfo: ReadonlyMap<number, RowInfo> }): ReadonlySet<number> {
  const out = new Set<number>();
  if (s.marked.length === 0) return out;
  const marked = new Set(s.marked);
  for (const [lead, members] of foldedMembers(s.rawHits, s.stories, s.rowInfo)) {
    const n = members.filter((m) => marked.has(m)).length;
    if (n > 0 && n < members.length) out.add(lead);
  }
  return out;
}

/** What the status line says of a story's articles the rows loaded do not hold (othersNotLoaded). */
export function notLoaded(missing: number, loaded: number): string {
  return `${missing === 1 ? '1 of the story\'s articles is' : `${missing} of the story's articles are`} not among the ${countText(loaded)} rows loaded (G loads every row)`;
}

/**
 * The articles behind each folded row: lead id -> every article id of its story in `hits` (the
 * raw, unfolded result), lead first. Open stories and single articles have no entry: their rows
 * stand for themselves. `m`, `*` and the row's ◆ / ★ act on these (issue "Read and saved").
 */
export function foldedMembers(hits: readonly Hit[], stories: StoryView | null, info: ReadonlyMap<number, RowInfo>): ReadonlyMap<number, readonly number[]> {
  const out = new Map<number, number[]>();
  if (!stories || info.size === 0) return out;
  const leadOf = new Map<number, number>();
  for (const [id, row] of info) {
    if (row.child || row.open) continue;
    leadOf.set(row.story, id);
    out.set(id, [id]);
  }
  if (leadOf.size === 0) return out;
  for (const h of hits) {
    if ((stories.size[h.id] ?? 1) <= 1) continue;
    const lead = leadOf.get(stories.story[h.id]);
    if (lead !== undefined && lead !== h.id) out.get(lead)!.push(h.id);
  }
  return out;
}
