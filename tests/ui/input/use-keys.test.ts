import { describe, expect, it } from 'vitest';
import { initialState, reducer, type Action, type AppState } from '../../../src/state/reducer.js';
import { inputActions, inputStep } from '../../../src/ui/input/use-keys.js';
import { hits } from '../factory.js';

const base = reducer(initialState({ width: 80, height: 24, multi: true }), { type: 'results', hits: hits(10), total: 10, sort: 'date', query: '' });
const apply = (s: AppState, input: string, key = {}, mouse = true) => inputActions(s, input, key, mouse).reduce(reducer, s);

describe('inputActions', () => {
  const cases: Array<[string, Partial<AppState>, string, Record<string, boolean>, Partial<AppState>]> = [
    ['"/bitfarms" in one chunk starts search and types the rest', {}, '/bitfarms', {}, { mode: 'search', query: 'bitfarms' }],
    ['a chunk in search mode is inserted whole', { mode: 'search' }, 'etf sec', {}, { query: 'etf sec' }],
    ['"jjk" in browse moves twice down, once up', {}, 'jjk', {}, { cursor: 1 }],
    ['search keys are text: j types j', { mode: 'search' }, 'j', {}, { query: 'j', cursor: 0 }],
    ['text then Enter in one chunk ends search', { mode: 'search' }, 'btc\r', {}, { mode: 'browse', query: 'btc' }],
    ['DEL deletes in search mode', { mode: 'search', query: 'abc' }, '', { delete: true }, { query: 'ab' }],
    ['any key closes help and is consumed', { overlay: 'help' }, 'j', {}, { overlay: null, cursor: 0 }],
    ['ctrl-c cancels even with help open', { overlay: 'help' }, 'c', { ctrl: true }, { outcome: { kind: 'cancelled' } }],
    ['space pages help instead of closing it', { overlay: 'help' }, ' ', {}, { overlay: 'help', overlayPage: 1 }],
    ['PgUp pages back, never below the first page', { overlay: 'help' }, '', { pageUp: true }, { overlay: 'help', overlayPage: 0 }],
    ['space marks in browse mode', {}, ' ', {}, { marked: [0] }],
    ['G goes to the bottom', {}, 'G', { shift: true }, { cursor: 9 }],
    ['keys after the outcome are ignored', {}, 'q/x', {}, { outcome: { kind: 'cancelled' }, mode: 'browse' }],
    // Row 6 (1-based): search line, top border, pulse strip, then list row 3 (0-based 2).
    ['a mouse click selects a row', {}, '[<0;3;6M', {}, { cursor: 2 }],
    ['a mouse report in search mode is not typed', { mode: 'search' }, '[<0;3;6M', {}, { query: '' }],
    // Found by a tester: in the focused pulse strip `/`, `s`, `z` and `?` did nothing.
    ['the focused pulse strip leaves for / and the rest is typed', { mode: 'pulse' }, '/sol', {}, { mode: 'search', query: 'sol' }],
    ['the focused pulse strip leaves for ?', { mode: 'pulse' }, '?', {}, { mode: 'browse', overlay: 'help' }],
    ['the focused pulse strip keeps its own keys', { mode: 'pulse', pulseCursor: 0 }, 'l', {}, { mode: 'pulse' }],
  ];
  it.each(cases)('%s', (_l, over, input, key, want) => {
    expect(apply({ ...base, ...over }, input, key)).toMatchObject(want);
  });

  it('with mouse off, reports are dropped, not typed', () => {
    const s = { ...base, mode: 'search' as const };
    const actions: Action[] = inputActions(s, '[<0;3;6M', {}, false);
    expect(actions).toEqual([]);
  });
});

describe('a key that acts on the results of a query typed just before it', () => {
  // The query's results, as App's key step makes them: hits 5.. for any non-empty query.
  const asked: string[] = [];
  const results = (s: AppState): Action => (asked.push(s.query), { type: 'results', hits: hits(10).slice(5), total: 5, sort: 'relevance', query: s.query });

  it('gets them first: "/ab", Enter, Enter in one chunk choose from the results of "ab"', () => {
    asked.length = 0;
    const { actions, state } = inputStep(base, '/ab\r\r', {}, false, undefined, results);
    expect(asked).toEqual(['ab']);
    expect(actions.map((a) => (a.type === 'command' ? a.command : a.type))).toEqual(['startSearch', 'insert', 'endSearch', 'results', 'choose']);
    expect(state.outcome).toEqual({ kind: 'chosen', ids: [5] });
  });

  it('asks nothing while the results are the query’s own, or for keys that only edit the query', () => {
    asked.length = 0;
    inputStep(base, 'jj', {}, false, undefined, results);
    inputStep(base, '/abc', {}, false, undefined, results);
    const typed = { ...base, mode: 'search' as const, query: 'abc' };
    inputStep(typed, 'w', { ctrl: true }, false, undefined, results);
    expect(asked).toEqual([]);
    // A move over a list whose query changed since its results: the results come first.
    inputStep({ ...typed, mode: 'browse' }, 'j', {}, false, undefined, results);
    expect(asked).toEqual(['abc']);
  });
});

describe('keys read with a view switch', () => {
  const views = [{ name: 'Bitcoin', query: 'tag:btc' }];
  const inAll = { ...base, views };
  // The view's results (hits 5..), made at once, as App's key step makes them for a date order.
  const atOnce = (s: AppState): Action => ({ type: 'results', hits: hits(10).slice(5), total: 5, sort: 'date', query: 'tag:btc' });
  const kinds = (actions: Action[]) => actions.map((a) => (a.type === 'command' ? a.command : a.type));

  it("act on the view's rows when its answer can be made at once: `1 j m` marks the view's second row", () => {
    const { actions, state, rest } = inputStep(inAll, '1jm', {}, false, undefined, atOnce, () => true);
    expect(kinds(actions)).toEqual(['view1', 'results', 'down', 'toggleRead']);
    expect(rest).toBeUndefined();
    expect(state.selectedId).toBe(6);
  });

  it('stop before the first key that needs an answer still to come, handing back the rest to read once it is there', () => {
    const { actions, state, rest } = inputStep(inAll, '1jm', {}, false, undefined, () => null, () => true);
    expect(kinds(actions)).toEqual(['view1']);
    expect(rest).toEqual([{ text: 'jm' }]);
    expect(state.cursor).toBe(0);
    // Read again once the view's answer is in: the moves and the mark act on its rows.
    const answered = reducer(state, atOnce(state));
    const again = inputStep(answered, '', {}, false, undefined, () => null, () => true, rest);
    expect(kinds(again.actions)).toEqual(['down', 'toggleRead']);
    expect(again.state.selectedId).toBe(6);
  });

  it('`] ] j` switches twice before waiting: `]` changes the query in force, like a digit, and acts on no row', () => {
    const two = { ...base, views: [...views, { name: 'Gloom', query: 'sentiment:negative' }] };
    const { actions, state, rest } = inputStep(two, ']]j', {}, false, undefined, () => null, () => true);
    expect(kinds(actions)).toEqual(['viewNext', 'viewNext']);
    expect(state.view).toBe(2);
    expect(rest).toEqual([{ text: 'j' }]);
  });

  it('act on the list there is when no answer will come (a query that does not parse)', () => {
    const { actions, rest } = inputStep(inAll, '1jm', {}, false, undefined, () => null, () => false);
    expect(kinds(actions)).toEqual(['view1', 'down', 'toggleRead']);
    expect(rest).toBeUndefined();
  });
});

describe('keys read with a sort change', () => {
  // The results of the sort asked for: the list reversed (hits 9..0), as App's key step makes them for a search-engine sort.
  const resorted = (s: AppState): Action => ({ type: 'results', hits: hits(10).reverse(), total: 10, sort: 'title', query: '', asked: s.sort });
  const kinds = (actions: Action[]) => actions.map((a) => (a.type === 'command' ? a.command : a.type));

  it('act on the re-sorted rows: `s j m` marks the second row of the new order, not of the old', () => {
    const { actions, state, rest } = inputStep(base, 'sjm', {}, false, undefined, resorted, () => true);
    expect(kinds(actions)).toEqual(['cycleSort', 'results', 'down', 'toggleRead']);
    expect(rest).toBeUndefined();
    expect(state.selectedId).toBe(8);
  });

  it('`s s s Enter` chooses the first row of the order the three presses lead to', () => {
    const { actions, state } = inputStep(base, 'sss\r', {}, false, undefined, resorted, () => true);
    expect(kinds(actions)).toEqual(['cycleSort', 'cycleSort', 'cycleSort', 'results', 'choose']);
    expect(state.sort).toBe('hot');
    expect(state.outcome).toEqual({ kind: 'chosen', ids: [9] });
  });

  it('wait for an order whose answer comes later (the hot order waits for its aggregate), then act on it', () => {
    const toScore = { ...base, usedSort: 'score' as const, resultsSort: 'score' as const, sort: 'score' as const };
    const { actions, rest } = inputStep(toScore, 'sjm', {}, false, undefined, () => null, () => true);
    expect(kinds(actions)).toEqual(['cycleSort']);
    expect(rest).toEqual([{ text: 'jm' }]);
  });

  it('ask nothing when the presses lead back to the sort the rows answer (`s` four times: no relevance step without free text)', () => {
    const asked: AppState[] = [];
    const byDate = { ...base, sort: 'date' as const, resultsSort: 'date' as const };
    const { actions, state } = inputStep(byDate, 'ssssj', {}, false, undefined, (s) => (asked.push(s), null), () => true);
    expect(asked).toEqual([]);
    expect(kinds(actions)).toEqual(['cycleSort', 'cycleSort', 'cycleSort', 'cycleSort', 'down']);
    expect(state.selectedId).toBe(1);
  });
});

describe('Esc and a key in one chunk', () => {
  it('an unbound alt+key is Esc then the key; a bound one stays', async () => {
    const { splitUnboundAlt } = await import('../../../src/ui/input/use-keys.js');
    expect(splitUnboundAlt([{ name: 'alt+?' }], () => false)).toEqual([{ name: 'esc' }, { text: '?' }]);
    expect(splitUnboundAlt([{ name: 'alt+p' }], (n) => n === 'alt+p')).toEqual([{ name: 'alt+p' }]);
  });
});

// The body and inspector follow the selection a moment after the list's frame (use-shown-article.ts):
// keys in the same read that move the list and then act in a pane wait for the pane to follow.
describe('keys that act in a pane still showing the article selected before', () => {
  const single = reducer(initialState({ width: 80, height: 24 }), { type: 'results', hits: hits(10), total: 10, sort: 'date', query: '' });
  const shown = { ...single, shownId: 0 };
  const names = (actions: Action[]) => actions.map((a) => (a.type === 'command' ? a.command : a.type));

  it('stop before the first key read in the pane once the selection moved, handing back the rest', () => {
    const { actions, state, rest } = inputStep(shown, 'j\tjj', {}, false, undefined, () => null, () => true);
    expect(names(actions)).toEqual(['down', 'focusNext']);
    expect(state).toMatchObject({ focus: 'body', selectedId: 1, shownId: 0 });
    expect(rest).toEqual([{ text: 'jj' }]);
    // Once the pane shows article 1 the rest scrolls its body.
    const followed = reducer(state, { type: 'measure', bodyLines: 100, inspector: [], article: null, id: 1 });
    expect(followed.bodyScroll).toBe(0);
    const again = inputStep(followed, '', {}, false, undefined, () => null, () => true, rest);
    expect(names(again.actions)).toEqual(['down', 'down']);
    expect(again.state).toMatchObject({ bodyScroll: 2, selectedId: 1 });
    expect(again.rest).toBeUndefined();
  });

  it('do not stop while the pane shows the selection, or with the list focused', () => {
    expect(inputStep({ ...shown, focus: 'body' }, 'jj', {}, false, undefined, () => null, () => true).rest).toBeUndefined();
    expect(inputStep(shown, 'jjk', {}, false, undefined, () => null, () => true).rest).toBeUndefined();
  });
});
