// What the list's title counts: the cursor's row among the rows the reader moves through, and
// those rows' total, beside the matching articles' total when stories fold them into fewer rows.
// Pure, and cheap on every keystroke: no pass over the result (a 1M result's rows are counted on
// the facts worker with its pulse: AppState.storyTotal).
import type { AppState } from './app-state.js';

/** The list's counts for its title (ui/ArticleList.ts listTitle). */
export interface ListCounts {
  /** The cursor's row, 1-based; 0 with no rows. */
  position: number;
  /** Rows over every match (a folded story is one row, an open one a row per article); null while not known yet. */
  rows: number | null;
  /** Matching articles (AppState.total). */
  articles: number;
  /** The totals are lower bounds (AppState.totalApproximate). */
  approximate: boolean;
  /** `rows` is a lower bound: the search stopped early, or an open story may have more matching articles than the rows loaded. */
  rowsAtLeast: boolean;
  /** The article total is coming (AppState.totalCounting). */
  counting: boolean;
  /** Rows and articles differ, or may: stories are grouped and the rows are not known to be one article each. */
  folds: boolean;
}

/** The list's counts for the title, from the state. */
export function listCounts(s: Pick<AppState, 'hits' | 'rawHits' | 'cursor' | 'total' | 'totalApproximate' | 'totalCounting' | 'stories' | 'storyTotal' | 'unfolded' | 'rowInfo'>): ListCounts {
  const rows = rowTotal(s);
  return {
    position: s.hits.length === 0 ? 0 : s.cursor + 1,
    rows: rows?.n ?? null,
    articles: s.total,
    approximate: s.totalApproximate,
    rowsAtLeast: s.totalApproximate || (rows?.atLeast ?? false),
    counting: s.totalCounting,
    folds: !!s.stories && rows?.n !== s.total,
  };
}

// The rows over every match, when known: every article its own row before the stories are grouped
// (or with --no-group); the folded hits when the list holds every match; else the stories the
// facts worker counted plus the rows open stories add: known for an open story whose articles are
// all listed, else the count is a lower bound (its other articles may match beyond the rows loaded).
function rowTotal(s: Parameters<typeof listCounts>[0]): { n: number; atLeast: boolean } | null {
  if (!s.stories) return s.totalCounting ? null : { n: s.total, atLeast: false };
  if (s.rawHits.length >= s.total && !s.totalApproximate && !s.totalCounting) return { n: s.hits.length, atLeast: false };
  if (s.storyTotal === null) return null;
  if (s.unfolded.size === 0) return { n: s.storyTotal, atLeast: false };
  const listed = new Map<number, number>();
  for (const row of s.rowInfo.values()) if (row.open) listed.set(row.story, (listed.get(row.story) ?? 0) + 1);
  let n = s.storyTotal;
  let atLeast = false;
  for (const story of s.unfolded) {
    const rows = listed.get(story) ?? 0;
    n += Math.max(0, rows - 1);
    if (rows < (s.stories.size[story] ?? 1)) atLeast = true;
  }
  return { n, atLeast };
}
