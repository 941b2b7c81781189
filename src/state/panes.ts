// Which panes show and which one has the focus: Tab, `i`, and a resize of the terminal. What the
// user chose is kept per kind of layout (PaneChoice: the wide layout's inspector, the narrow
// layouts' second place), so a resize that changes the kind of layout loses neither choice.
import type { PaneId } from './keymap.js';
import type { Layout, PaneChoice } from './layout.js';
import { layoutOf, visiblePanes } from './selectors.js';
import type { AppState } from './app-state.js';
import { moveCursor } from './transitions.js';

/**
 * Tab / Shift-Tab: the next or previous pane that can hold focus. Narrow layouts (body and
 * inspector share one place): from the list to the pane in that place, then list -> body ->
 * inspector -> list, the pane focused taking the place.
 */
export function cycleFocus(s: AppState, dir: 1 | -1): AppState {
  // The list alone (`z`): Tab brings the other panes back and goes on to them.
  if (s.panes.listAlone) s = { ...s, panes: { ...s.panes, listAlone: false } };
  const order: PaneId[] = ['list', 'body', 'inspector'];
  const layout = layoutOf(s);
  // Wide: every visible pane takes a turn. Narrow: body and inspector share a place, so landing
  // on one of them shows it there.
  const candidates = layout.kind === 'wide' ? visiblePanes(layout) : layout.body || layout.inspector ? order : ['list' as const];
  // From the list, either way, the pane on screen beside it takes the focus: after `i` put the
  // inspector there, Tab focuses the inspector, not a body it would have to swap back first (a
  // tester's `i Tab j Enter` chose the article from the body instead of folding a row).
  const onScreen = layout.kind === 'wide' || s.focus !== 'list' ? null : layout.inspector ? 'inspector' : layout.body ? 'body' : null;
  const at = candidates.indexOf(s.focus);
  const focus = onScreen ?? candidates[(at + dir + candidates.length) % candidates.length];
  if (layout.kind === 'wide' || focus === 'list') return { ...s, focus };
  return withSlot({ ...s, focus }, focus);
}

/**
 * `z`: the list alone, the whole width (its titles whole: a terminal tool's zoom, tmux's
 * prefix-z), or the panes back as they were. The list takes the focus.
 */
export function toggleListAlone(s: AppState): AppState {
  return { ...s, panes: { ...s.panes, listAlone: !s.panes.listAlone }, focus: 'list', focusToRestore: null };
}

/**
 * `i`: hides or shows the wide layout's inspector; in a narrow layout, swaps body and inspector in
 * their shared place. With the list alone (`z`), the panes come back with the inspector on screen.
 */
export function toggleInspector(s: AppState): AppState {
  if (s.panes.listAlone) {
    const back = { ...s, panes: { ...s.panes, listAlone: false } };
    const layout = layoutOf(back);
    return layout.inspector || (layout.kind === 'wide' && !back.panes.inspectorHidden) ? back : toggleInspector(back);
  }
  if (layoutOf(s).kind === 'wide') return fixFocus({ ...s, panes: { ...s.panes, inspectorHidden: !s.panes.inspectorHidden } });
  const slot = s.panes.slot === 'inspector' ? 'body' : 'inspector';
  // The pane taking the place takes the focus it had too.
  return fixFocus(withSlot(s.focus === 'list' ? s : { ...s, focus: slot }, slot));
}

/** Moves focus to the list when the focused pane is no longer on screen. */
export function fixFocus(s: AppState): AppState {
  return layoutOf(s)[s.focus] ? s : { ...s, focus: 'list' };
}

/**
 * The state at a new terminal size. Widening only adds room: a pane shown before stays shown
 * (the inspector a narrow layout showed in the body's place shows beside the body), so the focus
 * stays where it was. Narrowing to one place beside the list puts the focused pane there, else
 * the pane the wide layout showed; when nothing but the list fits, the list takes the focus and
 * the focused pane is remembered (focusToRestore), so that growing the terminal again gives it the
 * focus back. The inspector's cursor and folds are the state's own and no layout changes them.
 */
export function resized(s: AppState, width: number, height: number): AppState {
  const before = layoutOf(s);
  const next = { ...s, width, height };
  const after = layoutOf(next);
  // The pane the user focused: the one a smaller terminal took the focus from, if any.
  const wanted = s.focusToRestore ?? s.focus;
  let sized = next;
  if (after.kind === 'wide' && before.inspector && !after.inspector) sized = { ...next, panes: { ...next.panes, inspectorHidden: false } };
  else if (after.kind !== 'wide' && before.kind === 'wide') sized = withSlot(next, narrowSlot(wanted, s.panes, before));
  const moved = moveCursor(sized, s.cursor);
  if (layoutOf(moved)[wanted]) return { ...moved, focus: wanted, focusToRestore: null };
  return { ...moved, focus: 'list', focusToRestore: wanted };
}

// What the narrow layouts' shared place shows after a wide one: the focused pane when it is one
// of the two, else what the user last chose there, unless the wide layout had hidden the inspector.
function narrowSlot(focus: PaneId, panes: PaneChoice, wide: Layout): PaneChoice['slot'] {
  if (focus !== 'list') return focus;
  return wide.inspector ? panes.slot : 'body';
}

// The state with `slot` in the narrow layouts' shared place (the same state when it is there).
function withSlot(s: AppState, slot: PaneChoice['slot']): AppState {
  return s.panes.slot === slot ? s : { ...s, panes: { ...s.panes, slot } };
}
