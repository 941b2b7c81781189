// Rows whose marks changed stay listed until the result is asked again, as newsboat and mutt keep
// them: `m` in an `is:unread` list leaves the row in place, drawn read, so a second `m` toggles
// that same article back (and does not read the next one), and `*` under `is:saved` the same. The
// result is asked again when the query in force changes (typed, recalled, a view, a pulse entry),
// when the sort does, and on `r`; a live update's new search keeps them (a row must not leave
// under the cursor for a file that arrived). Only the reading terms are waived for a held row
// (core/reading/reading-search.ts): the rest of the query still applies.
import { NONE_HELD, type AppState } from './app-state.js';
import type { Effect } from './effects.js';
import { effectiveQuery, effectiveSort } from './selectors.js';

// Only a query with reading terms can drop a row for its marks (the same test the list's search
// request makes: ui/use-search.ts searchRequest); `is:` inside a phrase only holds rows for nothing.
const hasReadingTerms = (s: AppState): boolean => /is:/i.test(effectiveQuery(s));

/** `s` with the article ids `ids` held in the list (AppState.held) while the query in force has reading terms. */
export function holdRows(s: AppState, ids: readonly number[]): AppState {
  if (ids.length === 0 || !hasReadingTerms(s) || ids.every((id) => s.held.has(id))) return s;
  return { ...s, held: new Set([...s.held, ...ids]) };
}

// An `M` or `u` not run yet holds its rows when it runs (ui/use-effects.ts: only then are its ids
// known); one asked again before that (`M r` typed at once) must not hold them after the `r`.
const holds = (e: Effect): e is Extract<Effect, { kind: 'markAllRead' | 'undo' }> => e.kind === 'markAllRead' || e.kind === 'undo';
const holdsLater = (s: AppState): boolean => s.effects.some((e) => holds(e) && e.hold !== false);

/** `s` with no rows held, nor any held by an effect still to run: the result is asked again (`r`). */
export function releaseRows(s: AppState): AppState {
  const effects = holdsLater(s) ? s.effects.map((e) => (holds(e) ? { ...e, hold: false as const } : e)) : s.effects;
  if (s.held.size === 0 && effects === s.effects) return s;
  return { ...s, held: NONE_HELD, effects };
}

/** `next` with no rows held when it asks another result than `before`: another query in force or another sort. */
export function releaseOnNewAsk(before: AppState, next: AppState): AppState {
  if (before === next || (next.held.size === 0 && !holdsLater(next))) return next;
  return effectiveQuery(before) !== effectiveQuery(next) || effectiveSort(before) !== effectiveSort(next) ? releaseRows(next) : next;
}

/** The held ids followed to new ids (a replaced index, an edited file's next version); ids with none are let go. */
export function followHeld(held: ReadonlySet<number>, follow: (id: number) => number | null): ReadonlySet<number> {
  if (held.size === 0) return held;
  const next = new Set<number>();
  for (const id of held) {
    const to = follow(id);
    if (to !== null) next.add(to);
  }
  return next;
}
