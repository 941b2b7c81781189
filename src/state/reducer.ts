// The one pure reducer that changes the dashboard's UI state (app-state.ts). App maps keys to
// commands (keymap.ts) and feeds search results and measured sizes in as actions; the reducer
// decides what every command means for the focused pane and mode.
import type { InspectorRow } from '../core/render/index.js';
import type { Action, AppState, ListSort } from './app-state.js';
import { arrived, askOpen, dailyCommand, dismissPrompt, newsTold, rememberQuery } from './daily-commands.js';
import { followsEdit, latestVersion } from './index-swap.js';
import type { Command, PaneId } from './keymap.js';
import { paneAt } from './layout.js';
import { bodyRows, clamp, effectiveQuery, effectiveSort, freshArrivals, hasFreeText, resultsBehind, inspectorRowsVisible, layoutOf, listRows, maxBodyScroll } from './selectors.js';
import { foldStory, pulseCommand, pulseGoBack, withResults } from './story-transitions.js';
import { choose, click, keptRow, mark, moveCursor, nearestSurvivor, scroll, toBottom } from './transitions.js';
import { cycleFocus, resized, toggleInspector, toggleListAlone } from './panes.js';
import { fold } from './inspector-fold.js';
import { followHeld, holdRows, releaseOnNewAsk } from './held-rows.js';

export { initialState, type Action, type AppState, type InitOptions, type ListSort, type Outcome } from './app-state.js';

/** Sort order `s` cycles through. */
export const SORT_CYCLE: readonly ListSort[] = ['relevance', 'date', 'title', 'score', 'hot'];

// What the user does; once an outcome is set these are ignored. Results, measurements and sizes
// still update: App mirrors them during render, and a mirror that could not catch up would make
// it dispatch again on every render (React's "too many re-renders") in the frame that ends.
const USER_ACTIONS: ReadonlySet<Action['type']> = new Set(['command', 'insert', 'click', 'wheel', 'closeOverlay', 'dismissPrompt', 'askOpen']);

/** The UI reducer. Pure; once an outcome is set, user input no longer changes anything. */
export function reducer(state: AppState, action: Action): AppState {
  if (state.outcome && USER_ACTIONS.has(action.type)) return state;
  const next = releaseOnNewAsk(state, step(state, action));
  // A focus the user moves themselves (Tab, a click) replaces the one a resize took away: a later
  // resize must not take it back to the pane they have since left (panes.ts resized).
  return next.focusToRestore !== null && next.focus !== state.focus && action.type !== 'resize' ? { ...next, focusToRestore: null } : next;
}

function step(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'command':
      // Esc goes back to the pulse strip only as the next key after an entry was added (README): any other key first, and Esc quits again.
      return command({ ...state, message: null, pulseBack: action.command === 'back' ? state.pulseBack : null }, action.command);
    case 'insert':
      if (state.mode === 'link' && state.prompt?.kind === 'link') {
        // Only digits make a link number; anything else typed there is ignored.
        const digits = (state.prompt.digits + action.text.replace(/\D/g, '')).slice(0, 4);
        return { ...state, prompt: { kind: 'link', digits } };
      }
      return state.mode === 'search' ? { ...state, query: state.query + action.text, message: null, historyAt: null } : state;
    case 'results': {
      const next = newsTold(withResults(state, action.hits, action.stories === undefined ? state.stories : action.stories, {
        total: action.total,
        totalApproximate: action.approximate ?? false,
        totalCounting: action.counting ?? false,
        storyTotal: action.storyTotal ?? null,
        usedSort: action.sort,
        resultsQuery: action.query,
        resultsSort: action.asked === undefined ? effectiveSort(state) : action.asked,
        resultsFinal: action.final ?? true,
        ...(action.pulse === undefined ? {} : { pulse: action.pulse, pulseAt: action.pulseAt ?? null }),
      }));
      // Like fzf, a new query starts again from the best match; the same query with more
      // articles (streamed in) or another sort keeps the reader on the article they were on.
      // At the top, stay at the top: while a big corpus streams in, newer articles keep arriving
      // above the first row, and the reader expects to see the newest.
      // Articles that arrived while open (live updates) never move the reader: they wait for `r`.
      // Nor does saving the article the reader is on: its new version stays selected.
      const live = freshArrivals(next).length > 0 || followsEdit(state);
      if (action.query !== state.resultsQuery) return moveCursor({ ...next, bottomWanted: 0 }, 0);
      // `G` asked for the last row of more matches than were loaded: it is there once they all are.
      if (state.bottomWanted > 0 && action.bottom) return moveCursor({ ...next, bottomWanted: 0 }, next.hits.length - 1);
      if (state.cursor === 0 && !live) return moveCursor(next, 0);
      const idx = state.selectedId === null ? -1 : next.hits.findIndex((h) => h.id === state.selectedId);
      // Its article gone from the result (its file deleted): the nearest row still listed, not the row number.
      return moveCursor(next, idx >= 0 ? keptRow(state, next, idx) : nearestSurvivor(state, next));
    }
    case 'measure': {
      const next = { ...state, bodyLines: action.bodyLines, inspector: action.inspector, inspectorArticle: action.article, shownId: action.id };
      // A body not on screen (the inspector in its place, a terminal too short) is measured as no
      // rows: its scroll is kept for when it shows again, and bounded by the rows measured then.
      const bodyShown = layoutOf(next).body !== null;
      return {
        ...next,
        bodyScroll: bodyShown ? clamp(next.bodyScroll, 0, maxBodyScroll(next)) : next.bodyScroll,
        inspectorCursor: clamp(sameField(state, action.id, action.inspector), 0, action.inspector.length - 1),
      };
    }
    case 'resize':
      return resized(state, action.width, action.height);
    case 'warnings':
      return { ...state, warningsCount: action.count };
    case 'grouping':
      return { ...state, grouping: action.percent };
    case 'pulse':
      // A pulse counted for an older result arrives late: drop it.
      return action.seq === state.resultsSeq ? { ...state, pulse: action.pulse, pulseAt: action.at ?? null } : state;
    case 'click':
      return click(state, action.x, action.y);
    case 'wheel': {
      const pane = paneAt(layoutOf(state), action.x, action.y);
      return pane ? scroll(state, pane, action.delta) : state;
    }
    case 'closeOverlay':
      return { ...state, overlay: null, overlayPage: 0 };
    case 'overlayPage':
      return state.overlay ? { ...state, overlayPage: Math.max(0, state.overlayPage + action.delta) } : state;
    case 'dismissPrompt':
      return dismissPrompt(state);
    case 'effectsDone':
      return { ...state, effects: state.effects.slice(action.count) };
    case 'notice':
      return { ...state, message: action.message };
    case 'unsaved':
      return { ...state, unsaved: action.message };
    case 'askOpen':
      return askOpen({ ...state, message: null }, action.id, action.url);
    case 'arrived':
      return arrived(state, action.ids);
    case 'replaced': {
      // A file read again is the article the reader was on: the same row, the body's scroll and the
      // inspector's cursor kept (moveCursor resets them only for another article; `measure` clamps
      // them). A story is named by its earliest article: one open stays open when that one is saved.
      const follow = (id: number) => latestVersion(action.map, id);
      const unfolded = state.unfolded.size === 0 ? state.unfolded : new Set([...state.unfolded].map(follow));
      return { ...state, replaced: action.map, selectedId: state.selectedId === null ? null : follow(state.selectedId), marked: state.marked.map(follow), unfolded, held: followHeld(state.held, follow) };
    }
    case 'reindex': {
      const selectedId = state.selectedId === null ? null : action.map(state.selectedId);
      return { ...state, selectedId, marked: state.marked.flatMap((id) => action.map(id) ?? []), held: followHeld(state.held, action.map) };
    }
    case 'hold':
      return holdRows(state, action.ids);
  }
}

// The inspector cursor's row in `rows` (of article `id`): the row of the same field (key path) when
// the rows are the same article's again (a fold, its file saved: `author:` added above the cursor
// must not move it onto another field), else the row number as it was (`measure` clamps it).
function sameField(s: AppState, id: number | null, rows: readonly InspectorRow[]): number {
  const key = s.inspector[s.inspectorCursor]?.key;
  if (key === undefined || id === null || s.shownId === null || latestVersion(s.replaced, s.shownId) !== id) return s.inspectorCursor;
  const at = rows.findIndex((r) => r.key === key);
  return at >= 0 ? at : s.inspectorCursor;
}

function command(s: AppState, c: Command): AppState {
  const daily = dailyCommand(s, c);
  if (daily) return daily;
  if (s.mode === 'link') {
    // The link-number entry: Backspace edits it, Esc leaves it; nothing else applies there.
    if (c === 'deleteChar' && s.prompt?.kind === 'link') return { ...s, prompt: { kind: 'link', digits: s.prompt.digits.slice(0, -1) } };
    if (c === 'cancel') return { ...s, mode: 'browse', prompt: null };
  }
  const pane: PaneId = s.mode === 'search' ? 'list' : s.focus;
  const page = pane === 'list' ? listRows(s) : pane === 'body' ? bodyRows(s) : inspectorRowsVisible(s);
  switch (c) {
    case 'down':
      return scroll(s, pane, 1);
    case 'up':
      return scroll(s, pane, -1);
    case 'pageDown':
      return scroll(s, pane, page);
    case 'pageUp':
      return scroll(s, pane, -page);
    case 'halfDown':
      return scroll(s, pane, Math.max(1, Math.floor(page / 2)));
    case 'halfUp':
      return scroll(s, pane, -Math.max(1, Math.floor(page / 2)));
    case 'top':
      return scroll(s, pane, -Infinity);
    case 'bottom':
      return pane === 'list' ? toBottom(s) : scroll(s, pane, Infinity);
    case 'focusNext':
      return cycleFocus(s, 1);
    case 'focusPrev':
      return cycleFocus(s, -1);
    case 'unfold':
    case 'fold':
      return pane === 'list' ? foldStory(s, c) : fold(s, c);
    case 'foldToggle':
      return fold(s, c);
    case 'focusPulse':
    case 'pulseNext':
    case 'pulsePrev':
    case 'pulseAdd':
    case 'pulseExclude':
    case 'leavePulse':
      return pulseCommand(s, c);
    case 'mark':
      return mark(s);
    case 'startSearch':
      return { ...s, mode: 'search' };
    case 'deleteChar':
      return { ...s, query: Array.from(s.query).slice(0, -1).join('') };
    case 'deleteWord':
      return { ...s, query: s.query.replace(/\S+\s*$|\s+$/u, '') };
    case 'clearQuery':
      return { ...s, query: '' };
    case 'endSearch':
      return rememberQuery({ ...s, mode: 'browse' });
    case 'cycleSort':
      return { ...s, sort: nextSort(s) };
    case 'toggleInspector':
      return toggleInspector(s);
    case 'toggleListAlone':
      return toggleListAlone(s);
    case 'choose': {
      // Choosing an article reads it.
      const next = choose(s);
      const ids = next.outcome?.kind === 'chosen' ? next.outcome.ids : [];
      return ids.length ? { ...next, effects: [...next.effects, { kind: 'markRead', ids }] } : next;
    }
    case 'back':
      // Esc right after adding a pulse entry goes back to the strip, not out of the program.
      if (s.pulseBack && s.pulseBack.after === s.query) return pulseGoBack(s);
      // Esc with the list alone (`z`) backs out of the zoom first, as from the strip.
      if (s.panes.listAlone) return toggleListAlone(s);
      return { ...s, outcome: { kind: 'cancelled' } };
    case 'quit':
    case 'cancel':
      return { ...s, outcome: { kind: 'cancelled' } };
    case 'help':
      return { ...s, overlay: s.overlay === 'help' ? null : 'help' };
    case 'warnings':
      return s.warningsCount > 0 ? { ...s, overlay: 'warnings' } : { ...s, message: 'no warnings' };
    default:
      // The daily commands (daily-commands.ts) were handled above.
      return s;
  }
}

// The sort `s` moves to. From the sort shown, or, while the rows are not yet the answer to what
// is in force (a sort, view or query asked for earlier in the same read of the terminal), from the
// sort they are about to be in: `s s`, `2 s` and `/btc Enter s` in one read step as the same keys a
// moment apart do. Relevance without free text is the date order (the engine's rule): never a step
// of its own, or a burst would stop on it where slow presses see date and move on.
function nextSort(s: AppState): ListSort {
  const words = hasFreeText(effectiveQuery(s));
  const coming = resultsBehind(s) ? (effectiveSort(s) ?? (words ? 'relevance' : 'date')) : s.usedSort;
  const after = (sort: ListSort): ListSort => SORT_CYCLE[(SORT_CYCLE.indexOf(sort) + 1) % SORT_CYCLE.length];
  const next = after(coming === 'relevance' && !words ? 'date' : coming);
  return next === 'relevance' && !words ? after(next) : next;
}
