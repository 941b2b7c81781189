import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/state/keymap.js';
import { initialState, reducer, type Action, type AppState } from '../../src/state/reducer.js';
import { listRows } from '../../src/state/selectors.js';
import { hit, hits } from '../ui/factory.js';

// 80x24 split layout: panes are 21 rows tall (24 - search - status - spare), so 19 visible list rows.
function make(over: Partial<AppState> = {}, n = 100): AppState {
  const s = reducer(initialState({ width: 80, height: 24, multi: true, warningsCount: 1 }), {
    type: 'results',
    hits: hits(n),
    total: n,
    sort: 'date',
    query: '',
  });
  return { ...s, ...over };
}
const cmd = (command: Command): Action => ({ type: 'command', command });
const run = (s: AppState, ...actions: Action[]) => actions.reduce(reducer, s);

const ROWS = [
  { key: 'src', depth: 0, label: 'source', value: '', foldable: true, expanded: false },
  { key: 'src.name', depth: 1, label: 'name', value: 'x', foldable: false, expanded: false },
  { key: 'title', depth: 0, label: 'title', value: 't', foldable: false, expanded: false },
];

describe('list movement', () => {
  const cases: Array<[string, Partial<AppState>, Action[], Partial<AppState>]> = [
    ['down moves the cursor', {}, [cmd('down')], { cursor: 1, selectedId: 1 }],
    ['up at the top stays', {}, [cmd('up')], { cursor: 0 }],
    ['bottom goes to the last row and scrolls it into view', {}, [cmd('bottom')], { cursor: 99, listTop: 82 }],
    ['top from the bottom', { cursor: 99, listTop: 80, selectedId: 99 }, [cmd('top')], { cursor: 0, listTop: 0 }],
    ['page down moves by visible rows', {}, [cmd('pageDown')], { cursor: 18, listTop: 1 }],
    ['half page down', {}, [cmd('halfDown')], { cursor: 9, listTop: 0 }],
    ['half page up clamps at 0', { cursor: 3, selectedId: 3 }, [cmd('halfUp')], { cursor: 0 }],
    ['page up', { cursor: 50, listTop: 40, selectedId: 50 }, [cmd('pageUp')], { cursor: 32, listTop: 32 }],
    ['search mode moves the list whatever has focus', { mode: 'search', focus: 'body' }, [cmd('down')], { cursor: 1 }],
  ];
  it.each(cases)('%s', (_l, over, actions, want) => {
    expect(run(make(over), ...actions)).toMatchObject(want);
  });

  it('resets body scroll and inspector cursor when the article changes', () => {
    expect(run(make({ bodyScroll: 7, inspectorCursor: 2 }), cmd('down'))).toMatchObject({ bodyScroll: 0, inspectorCursor: 0 });
  });

  it('keeps an empty list at cursor 0 with nothing selected', () => {
    expect(run(make({}, 0), cmd('down'), cmd('bottom'))).toMatchObject({ cursor: 0, selectedId: null });
  });
});

describe('body and inspector scrolling', () => {
  const cases: Array<[string, Partial<AppState>, Action[], Partial<AppState>]> = [
    ['j scrolls the body', { focus: 'body', bodyLines: 100 }, [cmd('down'), cmd('down')], { bodyScroll: 2, cursor: 0 }],
    ['body scroll stops at the end', { focus: 'body', bodyLines: 30 }, [cmd('bottom')], { bodyScroll: 11 }],
    ['body shorter than the pane does not scroll', { focus: 'body', bodyLines: 5 }, [cmd('pageDown')], { bodyScroll: 0 }],
    ['inspector cursor moves and clamps', { focus: 'inspector', inspector: ROWS }, [cmd('bottom'), cmd('down')], { inspectorCursor: 2 }],
    ['measure clamps a stale body scroll', { bodyScroll: 50 }, [{ type: 'measure', bodyLines: 25, inspector: ROWS, article: null, id: null }], { bodyScroll: 6 }],
  ];
  it.each(cases)('%s', (_l, over, actions, want) => {
    expect(run(make(over), ...actions)).toMatchObject(want);
  });
});

describe('inspector folding', () => {
  const base = make({ focus: 'inspector', inspector: ROWS });
  it.each([
    ['toggle unfolds a folded node', base, 'foldToggle', ['src']],
    ['unfold', base, 'unfold', ['src']],
    ['toggle folds an expanded node', { ...base, inspector: [{ ...ROWS[0], expanded: true }, ...ROWS.slice(1)], expanded: new Set(['src']) }, 'foldToggle', []],
    ['toggle on a leaf does nothing', { ...base, inspectorCursor: 2 }, 'foldToggle', []],
  ] as Array<[string, AppState, Command, string[]]>)('%s', (_l, s, c, want) => {
    expect([...reducer(s, cmd(c)).expanded]).toEqual(want);
  });

  it('folding a row that is open by default records its key (the set holds flips from the default)', () => {
    const openByDefault = { ...base, inspector: [{ ...ROWS[0], expanded: true }, ...ROWS.slice(1)] };
    expect([...reducer(openByDefault, cmd('fold')).expanded]).toEqual(['src']);
    expect(reducer(openByDefault, cmd('unfold')).expanded).toBe(openByDefault.expanded);
  });

  it('fold on a leaf jumps to its parent', () => {
    expect(reducer({ ...base, inspectorCursor: 1 }, cmd('fold')).inspectorCursor).toBe(0);
  });
});

describe('focus and inspector toggle', () => {
  const cases: Array<[string, number, Partial<AppState>, Command[], Partial<AppState>]> = [
    ['wide: tab cycles list -> body', 200, {}, ['focusNext'], { focus: 'body' }],
    ['wide: tab cycles to inspector then list', 200, {}, ['focusNext', 'focusNext', 'focusNext'], { focus: 'list' }],
    ['wide: shift-tab goes back to the inspector', 200, {}, ['focusPrev'], { focus: 'inspector' }],
    ['wide: hidden inspector is skipped', 200, { panes: { inspectorHidden: true, slot: 'body' } }, ['focusNext', 'focusNext'], { focus: 'list' }],
    ['wide: i hides the inspector and moves focus off it', 200, { focus: 'inspector' }, ['toggleInspector'], { focus: 'list', panes: { inspectorHidden: true, slot: 'body' } }],
    ['wide: i again shows it', 200, {}, ['toggleInspector', 'toggleInspector'], { panes: { inspectorHidden: false, slot: 'body' } }],
    ['narrow: tab to the inspector shows it in the body slot', 80, {}, ['focusNext', 'focusNext'], { focus: 'inspector', panes: { inspectorHidden: false, slot: 'inspector' } }],
    ['narrow: tab past the inspector back to list', 80, {}, ['focusNext', 'focusNext', 'focusNext'], { focus: 'list' }],
    ['narrow: tab from the inspector to the list and on focuses the inspector still on screen', 80, {}, ['focusNext', 'focusNext', 'focusNext', 'focusNext'], { focus: 'inspector', panes: { inspectorHidden: false, slot: 'inspector' } }],
    ['narrow: i, then tab focuses the inspector on screen', 80, {}, ['toggleInspector', 'focusNext'], { focus: 'inspector', panes: { inspectorHidden: false, slot: 'inspector' } }],
    ['narrow: i with body focused swaps to the inspector', 80, { focus: 'body' }, ['toggleInspector'], { focus: 'inspector', panes: { inspectorHidden: false, slot: 'inspector' } }],
    ['narrow: i twice with body focused swaps back', 80, { focus: 'body' }, ['toggleInspector', 'toggleInspector'], { focus: 'body', panes: { inspectorHidden: false, slot: 'body' } }],
    ['narrow: i with the list focused keeps focus', 80, {}, ['toggleInspector'], { focus: 'list', panes: { inspectorHidden: false, slot: 'inspector' } }],
  ];
  it.each(cases)('%s', (_l, width, over, commands, want) => {
    const s = run({ ...make(over), width, height: 40 }, ...commands.map(cmd));
    expect(s).toMatchObject(want);
  });

  it('resize to a size without the focused pane moves focus to the list', () => {
    const s = run({ ...make({ focus: 'body' }), width: 60, height: 40 }, { type: 'resize', width: 60, height: 6 });
    expect(s.focus).toBe('list');
  });

  it('resize keeps the cursor in view', () => {
    const s = run(make({ cursor: 90, listTop: 80, selectedId: 90 }), { type: 'resize', width: 80, height: 10 });
    expect(s.cursor).toBe(90);
    expect(s.listTop).toBeGreaterThan(90 - listRows(s));
    expect(s.listTop).toBeLessThanOrEqual(90);
  });
});

describe('search editing', () => {
  const cases: Array<[string, Partial<AppState>, Action[], Partial<AppState>]> = [
    ['/ enters search mode', {}, [cmd('startSearch')], { mode: 'search' }],
    ['insert appends a whole chunk', { mode: 'search', query: 'bit' }, [{ type: 'insert', text: 'farms' }], { query: 'bitfarms' }],
    ['insert is ignored outside search mode', { query: 'x' }, [{ type: 'insert', text: 'y' }], { query: 'x' }],
    ['backspace removes one code point', { mode: 'search', query: 'ab😀' }, [cmd('deleteChar')], { query: 'ab' }],
    ['ctrl-w deletes the last word and its space', { mode: 'search', query: 'foo bar  ' }, [cmd('deleteWord')], { query: 'foo ' }],
    ['ctrl-w on a single word clears it', { mode: 'search', query: 'foo' }, [cmd('deleteWord')], { query: '' }],
    ['ctrl-u clears', { mode: 'search', query: 'foo bar' }, [cmd('clearQuery')], { query: '' }],
    ['enter/esc leave search keeping the query', { mode: 'search', query: 'q' }, [cmd('endSearch')], { mode: 'browse', query: 'q' }],
  ];
  it.each(cases)('%s', (_l, over, actions, want) => {
    expect(run(make(over), ...actions)).toMatchObject(want);
  });
});

describe('sort, marks, choose, overlays', () => {
  const cases: Array<[string, Partial<AppState>, Action[], Partial<AppState>]> = [
    ['s cycles from the sort in use', { usedSort: 'date' }, [cmd('cycleSort')], { sort: 'title' }],
    ['s goes score -> hot', { usedSort: 'score' }, [cmd('cycleSort')], { sort: 'hot' }],
    ['s wraps hot -> relevance with free text', { usedSort: 'hot', query: 'bitcoin', resultsQuery: 'bitcoin' }, [cmd('cycleSort')], { sort: 'relevance' }],
    // Relevance without free text is the date order (the engine's rule): not a step of its own.
    ['s wraps hot -> date without free text', { usedSort: 'hot' }, [cmd('cycleSort')], { sort: 'date' }],
    ['s four times comes round without free text', { usedSort: 'date' }, Array(4).fill(cmd('cycleSort')), { sort: 'date' }],
    // Keys in one read after a view switch or a query typed: from the sort the rows are about to be in.
    ['s after a view switch cycles from the view sort', { usedSort: 'date', views: [{ name: 'Hot', query: 'since:1y', sort: 'hot' }] }, [cmd('view1'), cmd('cycleSort')], { sort: 'date' }],
    ['s after a query typed cycles from relevance', { usedSort: 'date', query: 'bitcoin' }, [cmd('cycleSort')], { sort: 'date' }],
    // `ss` in one read of the terminal: the second s before the first one's results are in.
    ['s twice before the results moves two steps', { usedSort: 'date' }, [cmd('cycleSort'), cmd('cycleSort')], { sort: 'score' }],
    ['s after the results cycles from the sort they used', { usedSort: 'date' }, [cmd('cycleSort'), { type: 'results', hits: [], total: 0, sort: 'date', query: '' }, cmd('cycleSort')], { sort: 'title' }],
    ['space marks and moves down', {}, [cmd('mark')], { marked: [0], cursor: 1 }],
    ['space again unmarks', { marked: [3], cursor: 3, selectedId: 3 }, [cmd('mark')], { marked: [] }],
    ['marking needs multi', { multi: false }, [cmd('mark')], { marked: [], message: 'marking needs --multi' }],
    ['enter chooses marked in marking order', { marked: [5, 2, 9] }, [cmd('choose')], { outcome: { kind: 'chosen', ids: [5, 2, 9] } }],
    ['enter chooses the current row when none marked', { cursor: 4, selectedId: 4 }, [cmd('choose')], { outcome: { kind: 'chosen', ids: [4] } }],
    ['q cancels', {}, [cmd('quit')], { outcome: { kind: 'cancelled' } }],
    ['esc cancels', {}, [cmd('cancel')], { outcome: { kind: 'cancelled' } }],
    ['the outcome is final', {}, [cmd('quit'), cmd('choose')], { outcome: { kind: 'cancelled' } }],
    ['after the outcome, input changes nothing', { cursor: 2, selectedId: 2 }, [cmd('quit'), cmd('down'), { type: 'insert', text: 'x' }], { cursor: 2, query: '' }],
    // App mirrors measurements during render; if the final state refused them it would dispatch forever.
    ['after the outcome, measurements still land', {}, [cmd('quit'), { type: 'measure', bodyLines: 42, inspector: [], article: null, id: 7 }], { bodyLines: 42, shownId: 7 }],
    ['? toggles help', {}, [cmd('help')], { overlay: 'help' }],
    ['? twice closes help', {}, [cmd('help'), cmd('help')], { overlay: null }],
    ['closeOverlay', { overlay: 'help' }, [{ type: 'closeOverlay' }], { overlay: null }],
    ['w opens warnings', {}, [cmd('warnings')], { overlay: 'warnings' }],
    ['w with no warnings says so', { warningsCount: 0 }, [cmd('warnings')], { overlay: null, message: 'no warnings' }],
    ['the next command clears a message', { message: 'x' }, [cmd('down')], { message: null }],
  ];
  it.each(cases)('%s', (_l, over, actions, want) => {
    expect(run(make(over), ...actions)).toMatchObject(want);
  });

  it('enter with nothing to choose ends with an empty choice (the CLI exits 1, as fzf does)', () => {
    const s = run(make({}, 0), cmd('choose'));
    expect(s.outcome).toEqual({ kind: 'chosen', ids: [] });
  });
});

describe('new results', () => {
  it('for the same query (more articles, another sort) keep the selection on the same article id', () => {
    const s = run(make({ cursor: 5, selectedId: 5 }), { type: 'results', hits: [hit(9), hit(5), hit(1)], total: 3, sort: 'relevance', query: '' });
    expect(s).toMatchObject({ cursor: 1, selectedId: 5, usedSort: 'relevance', total: 3 });
  });

  it('for the same query, clamp when the selected article is gone', () => {
    const s = run(make({ cursor: 50, listTop: 40, selectedId: 50 }), { type: 'results', hits: hits(3), total: 3, sort: 'date', query: '' });
    expect(s).toMatchObject({ cursor: 2, listTop: 0, selectedId: 2 });
  });

  it('at the top row, stay at the top when more articles stream in above it', () => {
    const s = run(make({ cursor: 0, selectedId: 0 }), { type: 'results', hits: [hit(7), hit(0), hit(1)], total: 3, sort: 'date', query: '' });
    expect(s).toMatchObject({ cursor: 0, selectedId: 7 });
  });

  it('after the index is replaced (warm start), the selection and marks follow their articles to their new ids', () => {
    // Old id k is new id k + 100; old id 3's article is gone.
    const map = (id: number) => (id === 3 ? null : id + 100);
    const s = run(make({ cursor: 5, selectedId: 5, marked: [2, 3, 5] }), { type: 'reindex', map }, { type: 'results', hits: [hit(104), hit(105), hit(102)], total: 3, sort: 'date', query: '' });
    expect(s).toMatchObject({ cursor: 1, selectedId: 105, marked: [102, 105] });
  });

  it('for a new query, go back to the best match (as fzf does)', () => {
    const s = run(make({ cursor: 5, selectedId: 5 }), { type: 'results', hits: [hit(9), hit(5), hit(1)], total: 3, sort: 'relevance', query: 'btc' });
    expect(s).toMatchObject({ cursor: 0, selectedId: 9, resultsQuery: 'btc' });
  });

  it('marked ids survive a query change', () => {
    const s = run(make({ marked: [50] }), { type: 'results', hits: hits(3), total: 3, sort: 'date', query: 'x' });
    expect(s.marked).toEqual([50]);
  });
});

describe('mouse', () => {
  // 80x24 split: list x 0..35, rows start at y=2 (search line, then the pane's top border).
  it('a click on a list row selects it and focuses the list', () => {
    // y: search line, top border, the pulse strip's row, then row 4.
    const s = run(make({ focus: 'body' }), { type: 'click', x: 5, y: 3 + 4 });
    expect(s).toMatchObject({ cursor: 4, focus: 'list' });
  });
  it('a click on the body focuses it', () => {
    expect(run(make(), { type: 'click', x: 60, y: 10 }).focus).toBe('body');
  });
  it('a click below the last hit only focuses', () => {
    expect(run(make({}, 2), { type: 'click', x: 5, y: 12 })).toMatchObject({ cursor: 0, focus: 'list' });
  });
  it('wheel over the body scrolls it', () => {
    expect(run(make({ bodyLines: 100 }), { type: 'wheel', x: 60, y: 10, delta: 3 })).toMatchObject({ bodyScroll: 3, cursor: 0 });
  });
  it('wheel over the list moves the cursor', () => {
    expect(run(make(), { type: 'wheel', x: 5, y: 10, delta: 3 })).toMatchObject({ cursor: 3, selectedId: 3 });
  });
  it('a click on the body while the pulse strip is focused leaves the strip: the body takes the keys (found by a tester)', () => {
    const s = run(make({ mode: 'pulse' }), { type: 'click', x: 60, y: 10 });
    expect(s).toMatchObject({ focus: 'body', mode: 'browse' });
    // Focused, the strip takes two rows: the list's row 4 is one lower.
    expect(run(make({ mode: 'pulse' }), { type: 'click', x: 5, y: 4 + 4 })).toMatchObject({ focus: 'list', mode: 'browse', cursor: 4 });
  });
  it('clicks outside every pane change nothing', () => {
    const s = make();
    expect(reducer(s, { type: 'click', x: 5, y: 0 })).toBe(s);
  });
});

// Found by a tester: Esc still took the pulse entry back after other keys, where README says only
// "Esc just after a pulse entry was added" goes back to the strip; otherwise Esc quits (exit 130).
describe('Esc after a pulse entry', () => {
  const added = (): AppState => make({ query: '-source:coindesk', pulseBack: { before: '', after: '-source:coindesk', cursor: 2 } }, 5);
  it('as the next key: back to the strip, the query as before', () => {
    const s = reducer(added(), { type: 'command', command: 'back' });
    expect(s.outcome).toBeNull();
    expect([s.mode, s.query, s.pulseCursor]).toEqual(['pulse', '', 2]);
  });
  it('after another key (j): quits', () => {
    let s = reducer(added(), { type: 'command', command: 'down' });
    s = reducer(s, { type: 'command', command: 'back' });
    expect(s.outcome).toEqual({ kind: 'cancelled' });
  });
});

// Found by a tester: `G` went ~1,000 rows further each time (the list holds two pages past the cursor).
describe('G with more matches than rows loaded', () => {
  it('asks for the matches counted when it was pressed, and lands on the last once they are in, though a load has counted more since', () => {
    const s = run({ ...make({}, 1000), total: 5000 }, cmd('bottom'));
    expect([s.cursor, s.bottomWanted]).toEqual([999, 5000]);
    const later = reducer(s, { type: 'results', hits: hits(5000), total: 7000, sort: 'date', query: '', bottom: true });
    expect([later.cursor, later.bottomWanted]).toEqual([4999, 0]);
  });
  it('a move of its own or a new query drops the wait; with every match loaded there is none', () => {
    expect(run({ ...make({}, 1000), total: 5000 }, cmd('bottom'), cmd('up')).bottomWanted).toBe(0);
    const asked = run({ ...make({}, 1000), total: 5000 }, cmd('bottom'));
    expect(reducer(asked, { type: 'results', hits: hits(10), total: 10, sort: 'date', query: 'btc' }).bottomWanted).toBe(0);
    expect(run(make({}, 100), cmd('bottom'))).toMatchObject({ cursor: 99, bottomWanted: 0 });
  });
});
