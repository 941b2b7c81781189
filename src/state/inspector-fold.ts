// The inspector's tree in the reducer: its rows for the shown article and the fold commands on
// them. The reducer rebuilds the rows itself when a fold changes `expanded`, rather than waiting
// for the render to measure them again: keys read in one burst (`l j l`, a paste, a fast typist)
// are applied one after another before any render, and each must act on the tree as the key
// before it left it, as it would if typed a moment apart.
import type { Article } from '../core/article.js';
import { inspectorRows, toggleExpanded, type InspectorRow } from '../core/render/index.js';
import type { AppState } from './app-state.js';

const NO_ROWS: readonly InspectorRow[] = Object.freeze([]);

/**
 * The inspector's rows of `article` with the keys in `expanded` flipped from their default
 * (inspectorRows: the same array for the same article and set, so the reducer and the render
 * agree without comparing rows); none without an article, or when its front matter cannot be
 * walked (the pane's boundary shows that failure, the reducer must not throw on it).
 */
export function inspectorRowsOf(article: Article | null, expanded: ReadonlySet<string>): readonly InspectorRow[] {
  if (!article) return NO_ROWS;
  try {
    return inspectorRows(article, expanded);
  } catch {
    return NO_ROWS;
  }
}

/** Inspector fold commands on the row under the inspector cursor. */
export function fold(s: AppState, c: 'foldToggle' | 'unfold' | 'fold'): AppState {
  const row = s.inspector[s.inspectorCursor];
  if (!row) return s;
  // `expanded` holds keys flipped from the tree's default (inspector-tree.ts), so every change
  // is a toggle; the row's own `expanded` says which way it currently is.
  const wants = c === 'foldToggle' ? !row.expanded : c === 'unfold';
  if (row.foldable && row.expanded !== wants) return withExpanded(s, toggleExpanded(s.expanded, row.key));
  if (c === 'fold') {
    // Folding a leaf (or a folded node) jumps to its parent, as in file-tree browsers.
    for (let i = s.inspectorCursor - 1; i >= 0; i--) {
      if (s.inspector[i].depth < row.depth) return { ...s, inspectorCursor: i };
    }
  }
  return s;
}

// The state with `expanded` and the rows it gives the shown article. Folding removes only rows
// after the cursor's and unfolding adds only rows after it, so the cursor stays on its row.
function withExpanded(s: AppState, expanded: ReadonlySet<string>): AppState {
  const inspector = s.inspectorArticle ? inspectorRowsOf(s.inspectorArticle, expanded) : s.inspector;
  return { ...s, expanded, inspector };
}
