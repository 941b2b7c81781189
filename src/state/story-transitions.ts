// The reducer's steps for stories and the pulse: folding results into one row per story,
// unfolding and folding a story in the list, and the focused pulse strip's commands. Pure.
import type { Hit } from '../core/search/index.js';
import type { Command } from './keymap.js';
import { pulseEntries } from './pulse-line.js';
import { countText } from '../core/text/index.js';
import type { AppState } from './app-state.js';
import { foldRows, notLoaded, othersNotLoaded, type StoryView } from './story-rows.js';
import { clamp } from './selectors.js';
import { applyEntry, moveCursor } from './transitions.js';

/** The state with a new search result: raw hits kept, rows folded by story, the pulse marked stale. */
export function withResults(s: AppState, raw: readonly Hit[], stories: StoryView | null, rest: Partial<AppState>): AppState {
  const unfolded = openedAfter(s, stories);
  const folded = foldRows(raw, stories, unfolded);
  return { ...s, ...rest, rawHits: raw, stories, unfolded, hits: folded.hits, rowInfo: folded.info, rowOrdinals: folded.ordinals, resultsSeq: s.resultsSeq + 1 };
}

// AppState.unfolded for the stories `stories`: a story is named by its earliest article, so one
// grouped again (that article deleted, an earlier one joined) has another name; an open one stays
// open under it. The same set when nothing was regrouped (most results: a key typed).
function openedAfter(s: AppState, stories: StoryView | null): ReadonlySet<number> {
  if (s.unfolded.size === 0 || !stories || !s.stories || stories === s.stories) return s.unfolded;
  const before = s.stories.story;
  let out: Set<number> | null = null;
  for (const h of s.rawHits) {
    const was = before[h.id];
    const now = stories.story[h.id];
    if (now !== undefined && now !== was && s.unfolded.has(was) && !s.unfolded.has(now)) (out ??= new Set(s.unfolded)).add(now);
  }
  return out ?? s.unfolded;
}

// Re-folds the current result after `unfolded` changed, keeping the cursor on `keepId`.
function refold(s: AppState, unfolded: ReadonlySet<number>, keepId: number | null): AppState {
  const folded = foldRows(s.rawHits, s.stories, unfolded);
  const next = { ...s, unfolded, hits: folded.hits, rowInfo: folded.info, rowOrdinals: folded.ordinals };
  const at = keepId === null ? -1 : folded.hits.findIndex((h) => h.id === keepId);
  return moveCursor(next, at >= 0 ? at : s.cursor);
}

/**
 * Gives each of `ids` (articles the result lists) a row of its own, unfolding every folded story
 * that hides one, and selects the last; where none has a row, the cursor stays.
 */
export function revealArticles(s: AppState, ids: readonly number[]): AppState {
  const last = ids.at(-1) ?? null;
  const stories = s.stories;
  let unfolded: Set<number> | null = null;
  for (const id of ids) {
    // Alone in its story, or its story's row (open or folded), or a row of an open story: shown already.
    if (!stories || (stories.size[id] ?? 1) <= 1 || s.rowInfo.has(id)) continue;
    (unfolded ??= new Set(s.unfolded)).add(stories.story[id]);
  }
  if (unfolded) return refold(s, unfolded, last);
  const at = last === null ? -1 : s.hits.findIndex((h) => h.id === last);
  return at >= 0 ? moveCursor(s, at) : s;
}

/** `→`/`l` on a story row unfolds it; `←`/`h` folds it (from its row or any of its articles). */
export function foldStory(s: AppState, c: 'unfold' | 'fold'): AppState {
  const id = s.selectedId;
  const info = id === null ? undefined : s.rowInfo.get(id);
  if (!info) return s;
  if (c === 'unfold') {
    if (info.open || info.child) return s;
    // A story whose other articles the query does not match (or the list has not loaded yet) has
    // nothing to unfold into; its badge still counts them, and the body pane lists them.
    const story = s.stories?.story;
    if (story && !s.rawHits.some((h) => h.id !== id && story[h.id] === info.story)) {
      // The list holds the result's first rows only (two pages past the cursor): with more to come
      // the others may be further down, so "not in this result" would not be known (found by a
      // tester: a pinned article's story, its other reports a year down the date order).
      const where = s.rawHits.length < s.total ? `not among the ${countText(s.rawHits.length)} rows loaded` : 'not in this result';
      return { ...s, message: `the story's other ${info.others === 1 ? 'article is' : `${info.others} articles are`} ${where} (the body lists them)` };
    }
    const open = refold(s, new Set(s.unfolded).add(info.story), id);
    const missing = othersNotLoaded(s.rawHits, s.total, s.stories, info);
    return missing > 0 ? { ...open, message: notLoaded(missing, s.rawHits.length) } : open;
  }
  if (!info.open) return s;
  const unfolded = new Set(s.unfolded);
  unfolded.delete(info.story);
  // Folding from inside the story puts the cursor on the story's row.
  const lead = s.hits.find((h) => s.rowInfo.get(h.id)?.story === info.story && !s.rowInfo.get(h.id)?.child);
  return refold(s, unfolded, lead?.id ?? id);
}

/** `f` and the keys of the focused pulse strip. */
export function pulseCommand(s: AppState, c: Command): AppState {
  const entries = pulseEntries(s.pulse);
  switch (c) {
    case 'focusPulse':
      return entries.length ? { ...s, mode: 'pulse', pulseCursor: clamp(s.pulseCursor, 0, entries.length - 1) } : { ...s, message: 'nothing to count yet' };
    case 'pulseNext':
      return { ...s, pulseCursor: clamp(s.pulseCursor + 1, 0, entries.length - 1) };
    case 'pulsePrev':
      return { ...s, pulseCursor: clamp(s.pulseCursor - 1, 0, entries.length - 1) };
    case 'pulseAdd':
    case 'pulseExclude':
      return applyEntry(s, s.pulseCursor, c === 'pulseExclude');
    case 'leavePulse':
      return { ...s, mode: 'browse' };
    default:
      return s;
  }
}

/** Esc after an entry was added: the query before it, the strip focused on that entry again. */
export function pulseGoBack(s: AppState): AppState {
  if (!s.pulseBack) return s;
  return { ...s, query: s.pulseBack.before, mode: 'pulse', focus: 'list', pulseCursor: s.pulseBack.cursor, pulseBack: null };
}
