// The one-line status bar. Pieces are dropped lowest-priority first until the line fits, so the
// count and any notice survive on the narrowest terminal.
import { Box } from 'ink';
import { memo, useEffect } from 'react';
import { countText, sanitizeLine } from '../core/text/index.js';
import type { Prompt } from '../state/effects.js';
import type { AppState } from '../state/reducer.js';
import { foldedArrivals, freshArrivals } from '../state/selectors.js';
import type { Mode, PaneId } from '../state/keymap.js';
import { DEFAULT_HINTS, statusHelpHint, type KeyHints } from '../state/keymap-remap.js';
import { columns, fitWidth } from '../core/width/index.js';
import { paint } from './frame/paint.js';
import { PaintedRows, useSlotBlock } from './Lines.js';
import type { ListLane } from './list/list-lane.js';
import { shownCount } from './ArticleList.js';
import { theme, type ThemeRole } from './theme.js';

/** Progress of the load (files read), or with `what: 'text'`, of the index's full text built after it. */
export interface LoadProgress {
  done: number;
  total: number;
  what?: 'files' | 'text';
  /** Files the walk has found so far, while `total` is still 0. */
  found?: number;
}

/** Props of StatusBar. */
export interface StatusBarProps {
  shown: number;
  /** `shown` is a lower bound: the search stopped early on a large corpus. */
  shownIsLowerBound?: boolean;
  /** The exact count of the results is coming (AppState.totalCounting): `counting…` stands for it. */
  shownCounting?: boolean;
  total: number;
  query: string;
  /** The list's sort (the engine's, or `hot`). */
  sort: string;
  focus: PaneId;
  /** The list alone (`z`): said beside the focus, the other panes being off screen. */
  zoomed?: boolean;
  mode: Mode;
  loading: LoadProgress | null;
  warnings: number;
  marked: number;
  message: string | null;
  /** A notice that holds until what it says changes (a watched folder gone: AppProps.liveNotice); never dropped. */
  notice?: string | null;
  /** Why marks are not written yet (AppState.unsaved): kept on the line until they are. */
  unsaved?: string | null;
  width: number;
  /** The status line's question (`open https://… ? y/n`); shown first, never dropped. */
  prompt?: string | null;
  /** Unread articles among the results, when reading state is on. */
  unread?: number | null;
  /** The unread count covers only the matches the search could find (bodies past its depth unread): show it as `N+`. */
  unreadIsLowerBound?: boolean;
  /** Articles that arrived while open, that the list shows and `r` has not shown yet (freshArrivals). */
  fresh?: number;
  /** How many of `fresh` joined a story folded into one row: `r` unfolds it (foldedArrivals). */
  freshInStories?: number;
  /** The keys the hints name (keymap-remap.ts keyHints; absent: the default keymap's). */
  hints?: KeyHints;
  /** Where the status line registers how it paints itself, for a typed key drawn before React renders it (list/list-lane.ts). */
  lane?: ListLane;
}

/** The status line's props that come from the UI state (App adds the counts, the load and the size). */
export function statusOf(s: AppState): Pick<StatusBarProps, 'shown' | 'shownIsLowerBound' | 'shownCounting' | 'query' | 'sort' | 'focus' | 'zoomed' | 'mode' | 'marked' | 'message' | 'unsaved' | 'prompt' | 'fresh' | 'freshInStories'> {
  const fresh = freshArrivals(s);
  return { shown: s.total, shownIsLowerBound: s.totalApproximate, shownCounting: s.totalCounting, query: s.query, sort: s.usedSort, focus: s.focus, zoomed: s.panes.listAlone ?? false, mode: s.mode, marked: s.marked.length, message: s.message, unsaved: s.unsaved, prompt: promptText(s.prompt), fresh: fresh.length, freshInStories: foldedArrivals(s, fresh) };
}

/**
 * `2 new · r to show`; with arrivals that joined a folded story (no row of their own, the story's
 * `+N` grown instead) it says where they are: `1 new in a story`, `3 new (2 in stories)`. `key`:
 * the key that shows them (keymap-remap.ts hintKey; null: none bound, no hint).
 */
export function freshText(fresh: number, inStories = 0, key: string | null = DEFAULT_HINTS.showNew): string {
  const stories = inStories === 1 ? 'a story' : 'stories';
  const where = inStories === 0 ? '' : inStories === fresh ? ` in ${stories}` : ` (${countText(inStories)} in ${stories})`;
  return `${countText(fresh)} new${where}${key === null ? '' : ` · ${key} to show`}`;
}

interface Piece {
  text: string;
  /** Lower numbers are dropped last. */
  priority: number;
  /** Never dropped for room: cut short instead (a message the user just caused must be seen). */
  keep?: boolean;
  role?: ThemeRole;
}

/** The pieces of the status line, in display order. */
export function statusPieces(p: StatusBarProps): Piece[] {
  const shown = shownCount(p.shown, p.shownIsLowerBound ?? false, p.shownCounting);
  const pieces: Piece[] = [{ text: `${shown}/${countText(p.total)}`, priority: 0, role: 'accent' }];
  if (p.prompt) return [{ text: sanitizeLine(p.prompt), priority: 0, role: 'warning' }];
  if (p.fresh) pieces.push({ text: freshText(p.fresh, p.freshInStories, (p.hints ?? DEFAULT_HINTS).showNew), priority: 1, role: 'unread' });
  if (p.unread !== undefined && p.unread !== null) pieces.push({ text: `${countText(p.unread)}${p.unreadIsLowerBound ? '+' : ''} unread`, priority: 3, role: 'unread' });
  if (p.notice) pieces.push({ text: sanitizeLine(p.notice), priority: 1, role: 'warning', keep: true });
  if (p.message) pieces.push({ text: sanitizeLine(p.message), priority: 1, role: 'warning', keep: true });
  // Marks not on disk yet must not go unnoticed while they wait (they are lost if the program is killed).
  if (p.unsaved && p.unsaved !== p.message) pieces.push({ text: sanitizeLine(p.unsaved), priority: 1, role: 'warning', keep: true });
  if (p.loading) {
    // Before the walk has counted the files there is no total to show yet.
    const counts = `${countText(p.loading.done)} / ${countText(p.loading.total)}`;
    const finding = p.loading.found ? `finding files… ${countText(p.loading.found)}` : 'finding files…';
    const text = p.loading.what === 'text' ? `indexing text ${counts}` : p.loading.total === 0 ? finding : `loading ${counts}`;
    pieces.push({ text, priority: 2, role: 'accent' });
  }
  if (p.query) pieces.push({ text: `query: ${sanitizeLine(p.query)}`, priority: 7 });
  pieces.push({ text: `sort: ${p.sort}`, priority: 4 });
  // The pulse strip's keys are the only way to know how to use it: at 80 columns they outlast the sort and the unread count (found by a tester: the line showed neither them nor a focus).
  if (p.mode === 'pulse') pieces.push({ text: 'pulse: ←/→ move, Enter add, - exclude, Esc back', priority: 2 });
  else pieces.push({ text: p.mode === 'search' ? 'typing' : `focus: ${p.focus}`, priority: 6 });
  // The other panes are off screen: said where the focus would be dropped at 80 columns.
  if (p.zoomed) pieces.push({ text: 'zoomed (z: panes back)', priority: 3 });
  if (p.marked > 0) pieces.push({ text: `${countText(p.marked)} marked`, priority: 3, role: 'marked' });
  if (p.warnings > 0) {
    // Files that failed to load must not go unnoticed: this outlasts the sort, the focus and the query.
    const key = (p.hints ?? DEFAULT_HINTS).warnings;
    pieces.push({ text: `${countText(p.warnings)} warning${p.warnings === 1 ? '' : 's'}${key === null ? '' : ` — press ${key}`}`, priority: 2, role: 'warning' });
  }
  return pieces;
}

const SEP = ' · ';

/** The status bar, exactly one row of at most `width` columns (memoised). */
export const StatusBar = memo(function StatusBar(p: StatusBarProps) {
  const block = useSlotBlock();
  const { lane } = p;
  if (lane) lane.status = p.width > 0 ? { block, paint: (s) => statusRow({ ...p, ...statusOf(s) }) } : null;
  useEffect(() => () => void (lane && (lane.status = null)), [lane]);
  return (
    <Box height={1} width={Math.max(0, p.width)}>
      {p.width > 0 ? <PaintedRows rows={[statusRow(p)]} width={p.width} block={block} /> : null}
    </Box>
  );
});

/** The status line painted as one row of `p.width` columns. */
export function statusRow(p: StatusBarProps): string {
  const pieces = statusPieces(p);
  // `? help` at the right, naming the key in force (none bound: nothing there).
  const HELP = statusHelpHint(p.hints ?? DEFAULT_HINTS);
  const budget = Math.max(0, p.width - columns(HELP) - 2);
  const lineWidth = (ps: Piece[]) => ps.reduce((n, x, i) => n + columns(x.text) + (i ? SEP.length : 0), 0);
  let kept = pieces;
  while (kept.length > 1 && lineWidth(kept) > budget) {
    const droppable = kept.slice(1).filter((x) => !x.keep);
    if (droppable.length === 0) break;
    const worst = Math.max(...droppable.map((x) => x.priority));
    kept = kept.filter((x, i) => i === 0 || x.keep || x.priority !== worst);
  }
  const showHelp = p.width >= columns(HELP) + 2 + lineWidth(kept.slice(0, 1));
  const left = fitWidth(
    kept.map((x) => x.text).join(SEP),
    showHelp ? p.width - columns(HELP) - 1 : p.width,
  );
  const gap = Math.max(0, p.width - columns(left) - (showHelp ? columns(HELP) : 0));
  // Colour each piece while the joined text is whole; a cut line falls back to one colour.
  const whole = left === kept.map((x) => x.text).join(SEP);
  // One painted, placed row (Lines.tsx): its counts change with every keystroke, and ink would
  // measure each new `·`-separated line grapheme by grapheme.
  return (
    (whole ? kept.map((x, i) => (i ? paint(SEP, { color: theme.dim }) : '') + paint(x.text, { color: x.role ? theme[x.role] : undefined })).join('') : left) +
    ' '.repeat(gap) +
    (showHelp ? paint(HELP, { color: theme.dim }) : '')
  );
}

/** The status line's text for a prompt (`open https://… ? y/n`), or null when none is up. */
export function promptText(p: Prompt | null): string | null {
  if (!p) return null;
  if (p.kind === 'open') return `open ${p.url} ? y/n`;
  if (p.kind === 'markAll') return `mark ${countText(p.count)} articles read? y/n`;
  return `open link #${p.digits}_  (Enter opens, Esc cancels)`;
}
