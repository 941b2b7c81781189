// Input -> actions. The pure `inputActions` walks one Ink input event token by token, applying
// the reducer as it goes, because a chunk can change mode midway ("/bitfarms" in one write must
// start search, then type "bitfarms"). The hook wires it to Ink's useInput.
import { useInput, useStdin, type Key } from 'ink';
import { useCallback, useEffect, useRef, type MutableRefObject } from 'react';
import { keymap as defaultKeymap, keyNames, lookup, switchesView, type Binding, type InkKey, type KeyToken } from '../../state/keymap.js';
import { reducer, type Action, type AppState } from '../../state/reducer.js';
import { panesBehind, resultsBehind } from '../../state/selectors.js';
import { collectYoungNow } from '../../core/collect-garbage.js';
import { whenScreenStill } from '../frame/screen-version.js';
import { BODY_FOLLOW_MS } from './after-input.js';
import { AHEAD_MS, drawAheadFor, drawsAhead, type DrawAhead } from './draw-ahead.js';
import type { HeldActions } from './held-actions.js';
import { tapKeys, type TappableStream } from './key-tap.js';
import { parseMouse } from './mouse.js';

/**
 * How long React's render of a key whose answer is already drawn waits (ms): long enough for the
 * terminal to read and parse the rows while this process is idle (tmux: 0.3 ms when idle, 1-2 ms
 * beside a render, on two loaded cores), and the body's usual delay, so the body follows at once
 * after it (use-shown-article.ts) and appears when it did before.
 */
export const HOLD_MS = BODY_FOLLOW_MS;

const OVERLAY_NEXT = new Set(['space', 'pgdn']);
// Commands that edit or leave the query, change the sort (`s s` in one read cycles on from the
// sort asked for, its answer not needed), or end the program, rather than act on its results.
const QUERY_COMMANDS: ReadonlySet<string> = new Set(['startSearch', 'deleteChar', 'deleteWord', 'clearQuery', 'endSearch', 'cycleSort', 'cancel', 'quit']);

/** Whether `action` acts on the list's results (chooses, moves, marks, opens), not on the query or sort (a view switch changes them). */
export function actsOnResults(action: Action): boolean {
  if (action.type === 'command') return !QUERY_COMMANDS.has(action.command) && !switchesView(action.command);
  return action.type !== 'insert';
}
const OVERLAY_BACK = new Set(['pgup']);

/** The actions one input event produces, given the state it arrives in. */
export function inputActions(state: AppState, input: string, key: InkKey, mouse: boolean, table: readonly Binding[] = defaultKeymap): Action[] {
  return inputStep(state, input, key, mouse, table).actions;
}

/**
 * The actions one input event produces and the state they lead to (the reducer applied once each).
 * `results(state)`, when given, is asked for the query's results before an action that acts on
 * them (actsOnResults) while the state's results are of another query: `/bitfarm` and Enter in
 * one burst choose from bitfarm's results, not from the list before it. When it has none to give
 * (an answer that comes later: the `hot` order waits for its aggregate) and `waits(state)` says
 * the answer will come, the step ends before that command: `rest` holds the keys from it on, to
 * be read again once the answer is there (`2 j j m` into a hot view marks that view's third row);
 * so do the keys after one that left the focused body or inspector behind the selection (`j Tab
 * Tab l`: the inspector's `l` acts on the rows of the article `j` moved to).
 * `tokens`: the keys already split (a `rest` read again) instead of `input` and `key`.
 */
export function inputStep(
  state: AppState,
  input: string,
  key: InkKey,
  mouse: boolean,
  table: readonly Binding[] = defaultKeymap,
  results?: (state: AppState) => Action | null,
  waits?: (state: AppState) => boolean,
  tokens?: readonly KeyToken[],
): { actions: Action[]; state: AppState; rest?: KeyToken[] } {
  const reports = tokens ? null : parseMouse(input);
  // Mouse reports are never typed text; with mouse off they are dropped.
  if (reports) {
    const actions = mouse && !state.overlay ? mouseActions(reports) : [];
    return { actions, state: actions.reduce(reducer, state) };
  }
  const actions: Action[] = [];
  let s = state;
  // False when `a` must wait for the answer of the query in force (see above): nothing is done.
  const push = (a: Action): boolean => {
    // The focused body or inspector still shows the article selected before (a move earlier in
    // this read): the keys from here on wait for it to follow (selectors.ts panesBehind).
    if (results !== undefined && a.type === 'command' && panesBehind(s)) return false;
    const behind = results !== undefined && resultsBehind(s) && actsOnResults(a);
    const ready = behind ? results(s) : null;
    if (behind && !ready && a.type === 'command' && waits?.(s)) return false;
    if (ready) {
      actions.push(ready);
      s = reducer(s, ready);
    }
    actions.push(a);
    s = reducer(s, a);
    return true;
  };
  const all = tokens ?? splitUnboundAlt(keyNames(input, key), (name) => lookup(name, s.mode, s.focus, s.multi, table) !== undefined);
  for (let t = 0; t < all.length; t++) {
    const token = all[t];
    if (s.outcome) break;
    if ('text' in token && (s.mode === 'search' || s.mode === 'link') && !s.overlay) {
      push({ type: 'insert', text: token.text });
      continue;
    }
    const chars = 'name' in token ? [token.name] : Array.from(token.text);
    for (let i = 0; i < chars.length; i++) {
      if (s.outcome) break;
      if ('text' in token && (s.mode === 'search' || s.mode === 'link') && !s.overlay) {
        // A key earlier in this chunk started search (or a link number): the rest is typed text.
        push({ type: 'insert', text: chars.slice(i).join('') });
        break;
      }
      const name = 'text' in token && chars[i] === ' ' ? 'space' : chars[i];
      if (s.overlay && name !== 'ctrl+c') {
        // An overlay that does not fit pages: Space or PgDn onward, PgUp back; any other key closes.
        const page = OVERLAY_NEXT.has(name) ? 1 : OVERLAY_BACK.has(name) ? -1 : 0;
        push(page ? { type: 'overlayPage', delta: page } : { type: 'closeOverlay' });
        continue;
      }
      let command = lookup(name, s.mode, s.focus, s.multi, table);
      // A key the focused pulse strip does not take but the list does (`/`, `s`, `?`, `z`, a view's
      // digit) leaves the strip and acts: found by a tester, they did nothing there.
      const outside = command === undefined && s.mode === 'pulse' ? lookup(name, 'browse', s.focus, s.multi, table) : undefined;
      if (outside !== undefined) {
        push({ type: 'command', command: 'leavePulse' });
        command = outside;
      }
      // A question in the status line: its answer, Ctrl-C, or any other key says no.
      if (s.mode === 'confirm' && command !== 'confirmYes' && command !== 'cancel') push({ type: 'dismissPrompt' });
      else if (command && !push({ type: 'command', command })) {
        const here: KeyToken = 'text' in token ? { text: chars.slice(i).join('') } : token;
        return { actions, state: s, rest: [here, ...all.slice(t + 1)] };
      }
    }
  }
  return { actions, state: s };
}

/**
 * Esc and a key read in one chunk (a slow frame, `tmux send-keys Escape q`) arrive as `alt+q`:
 * when nothing is bound to that alt key, it is the two keys it was typed as.
 */
export function splitUnboundAlt(tokens: KeyToken[], isBound: (name: string) => boolean): KeyToken[] {
  return tokens.flatMap((t): KeyToken[] => {
    if (!('name' in t) || !t.name.startsWith('alt+') || t.name.length < 5 || isBound(t.name)) return [t];
    const rest = t.name.slice(4);
    return [{ name: 'esc' }, rest.length === 1 || /^[^a-z]/.test(rest) ? { text: rest } : { name: rest }];
  });
}

function mouseActions(reports: NonNullable<ReturnType<typeof parseMouse>>): Action[] {
  const out: Action[] = [];
  for (const e of reports) {
    if (e.kind === 'wheelUp' || e.kind === 'wheelDown') out.push({ type: 'wheel', x: e.x, y: e.y, delta: e.kind === 'wheelUp' ? -3 : 3 });
    else if (e.kind === 'press' && e.button === 0) out.push({ type: 'click', x: e.x, y: e.y });
  }
  return out;
}

/**
 * Reads keyboard (and mouse) input and hands the resulting actions to `held` (held-actions.ts).
 * `latest` holds the state as of the last render; it is advanced here as actions are made, so
 * keys read before the next render see their predecessors' effect. `after(state)` may add one
 * action once the keys read together are applied (App: the results of the query they typed): it
 * runs once per turn of the event loop, in a microtask after ink has handed over every key it read
 * (a paste or a burst of arrow keys is several input events), before React renders them, so App
 * renders once for the keys and their results. A key that acts on the results (Enter to choose, a
 * move) while the query typed before it still waits for its own (typed in the same burst, or a
 * search deferred behind waiting keys, use-search.ts) first gets them from `after(state, true)`. `drawn(before, state)` then gets the state before
 * those keys and after them; it returns true when it drew their answer on the terminal itself
 * (App: a cursor move's rows, a typed key's search line and rows, fast-frame.ts). Then React gets the actions HOLD_MS later, once the
 * terminal has taken the rows in; otherwise at once. The handler given to ink stays the same object
 * across renders: ink subscribes it again whenever it changes. While `notYet(state)` holds (by
 * default: no answer yet) keys are held, and applied in order after the first render where it no
 * longer does. `plan(before, after)`, when given, works out ahead the draw of a key from `before`
 * to `after` (App: a cursor move's, list-lane.ts planCursorMove): while the screen holds still the
 * draws of the likely next keys are worked out, and such a key's is written as it is read,
 * before its actions are made (draw-ahead.ts).
 */
export function useKeys(
  latest: MutableRefObject<AppState>,
  held: HeldActions,
  mouse: boolean,
  table: readonly Binding[] = defaultKeymap,
  after?: (state: AppState, now?: boolean) => Action | null,
  drawn?: (before: AppState, state: AppState) => boolean,
  notYet: (state: AppState) => boolean = (state) => state.resultsSeq === 0,
  plan?: (before: AppState, after: AppState) => (() => boolean) | null,
  answerComing: (state: AppState) => boolean = () => true,
): void {
  const now = useRef({ held, mouse, table, after, drawn, notYet, plan, answerComing });
  now.current = { held, mouse, table, after, drawn, notYet, plan, answerComing };
  const ahead = useRef<DrawAhead[]>([]);
  // The state before this turn's first key, while its microtask is queued.
  const turn = useRef<AppState | null>(null);
  // Keys waiting, in the order read: as ink gave them, or the rest of a read that stopped for an answer (inputStep).
  const typedAhead = useRef<Array<{ input: string; key: Key; tokens?: KeyToken[] }>>([]);
  const handler = useCallback((input: string, key: Key, tokens?: KeyToken[]) => {
    // Keys read before the list has anything to act on (`notYet`: type-ahead, typed while the
    // program started and read once ink puts the terminal in raw mode) wait for it, Ctrl-C
    // excepted: `j Enter` typed ahead then moves and chooses over the list the user is about to
    // see, as it would a moment later, instead of moving over nothing and choosing nothing (exit 1
    // with no screen). Keys read while others wait join them, in order.
    if ((typedAhead.current.length > 0 || now.current.notYet(latest.current)) && !(key.ctrl && input === 'c')) {
      typedAhead.current.push({ input, key, tokens });
      return;
    }
    const { held: out, mouse: withMouse, table: keys, after: then, drawn: drawNow, answerComing } = now.current;
    const before = latest.current;
    // A draw worked out for this key in this state goes out first (once: the key changes the state).
    const early = ahead.current;
    ahead.current = [];
    if (!tokens) drawAheadFor(early, input, key, before);
    const { actions, state: next, rest } = inputStep(before, input, key, withMouse, keys, then && ((s) => then(s, true)), answerComing, tokens);
    latest.current = next;
    // Keys that need an answer still to come wait for it (read again after the render that brings it).
    if (rest) typedAhead.current.push({ input: '', key, tokens: rest });
    for (const a of actions) out.hold(a);
    if (actions.length === 0 || turn.current) return;
    turn.current = before;
    // The turn's first key is drawn now, not after the turn's microtask and the query's step
    // there: a cursor move not drawn ahead (no draw worked out yet, or the screen changed since)
    // ~0.6-0.8 ms sooner, measured in tmux on a loaded machine; one drawn ahead finds its rows
    // drawn. A typed key's results come in that step: its rows are drawn there, as before.
    const drawnNow = drawNow ? drawNow(before, next) : false;
    queueMicrotask(() => {
      const start = turn.current!;
      turn.current = null;
      const { held: out, after: then, drawn: draw } = now.current;
      const more = then ? then(latest.current) : null;
      if (more) {
        latest.current = reducer(latest.current, more);
        out.hold(more);
      }
      // Drawn already when nothing came after the key in this turn; else the turn's other keys
      // are drawn from the rows on screen (`j` then `k` in one turn: the rows `j` drew go back).
      if ((drawnNow && latest.current === next) || draw?.(drawnNow ? next : start, latest.current)) out.releaseAfter(HOLD_MS);
      else out.release();
    });
  }, [latest]);
  useInput(handler);
  // A lone printable key reaches the handler as the terminal's read returns, not after Node's
  // stream and ink's parser (key-tap.ts): what ink would hand over, sooner.
  const { stdin } = useStdin();
  // A key taken so whose draw was worked out ahead goes out before anything else is made for it.
  const first = useCallback((input: string) => {
    if (ahead.current.length > 0 && drawAheadFor(ahead.current, input, null, latest.current)) ahead.current = [];
  }, [latest]);
  useEffect(() => tapKeys(stdin as unknown as TappableStream, handler, first), [stdin, handler, first]);
  // While the screen holds still, the likely next keys' draws are worked out for the state then.
  useEffect(() => {
    whenScreenStill(() => {
      const { mouse: withMouse, table: keys, notYet: waiting, plan: planDraw } = now.current;
      const before = latest.current;
      // Not while keys wait for a list, a key's turn is open, or the results are of another query or
      // stand in for an order still coming (a key would fetch them first, or wait for them).
      if (!planDraw || waiting(before) || turn.current || resultsBehind(before) || typedAhead.current.length > 0) {
        ahead.current = [];
        return;
      }
      // Keys that make the same actions (`j` and Down in the list) lead to one state, planned once.
      const led = new Map<string, AppState>();
      const step = (input: string, key: Key): AppState | null => {
        const { actions, state } = inputStep(before, input, key, withMouse, keys);
        if (actions.length === 0) return null;
        const same = JSON.stringify(actions);
        if (!led.has(same)) led.set(same, state);
        return led.get(same)!;
      };
      ahead.current = drawsAhead(before, step, planDraw);
      // The screen is still and the next key's draw is made: its young garbage (and the key's and
      // the body's before it) goes now, not in a scavenge run as the next key is read.
      collectYoungNow();
    }, AHEAD_MS);
    return () => whenScreenStill(null);
  }, [latest]);
  // After every render: once there is a list to act on, the keys typed ahead are applied in order.
  useEffect(() => {
    if (typedAhead.current.length === 0 || now.current.notYet(latest.current)) return;
    const keys = typedAhead.current;
    typedAhead.current = [];
    for (const k of keys) handler(k.input, k.key, k.tokens);
  });
}
