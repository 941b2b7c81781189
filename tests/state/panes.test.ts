// Which panes show across resizes of the terminal: widening only adds room (a pane shown stays
// shown, the focus stays), narrowing keeps the focused pane where the smaller layout has a place
// for it, and coming back shows what was there, the focus included; the inspector's cursor and
// folds ride along.
import { describe, expect, it } from 'vitest';
import type { Command, PaneId } from '../../src/state/keymap.js';
import type { PaneChoice } from '../../src/state/layout.js';
import { initialState, reducer, type Action, type AppState } from '../../src/state/reducer.js';
import { layoutOf, maxBodyScroll, visiblePanes } from '../../src/state/selectors.js';
import { hits } from '../ui/factory.js';

const ROWS = Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, depth: 0, label: `k${i}`, value: 'v', foldable: false, expanded: false }));

function at(width: number, height: number, over: Partial<AppState> = {}): AppState {
  const s = reducer(initialState({ width, height }), { type: 'results', hits: hits(50), total: 50, sort: 'date', query: '' });
  return { ...s, inspector: ROWS, ...over };
}
const cmd = (command: Command): Action => ({ type: 'command', command });
const resize = (width: number, height: number): Action => ({ type: 'resize', width, height });
const run = (s: AppState, ...actions: Action[]) => actions.reduce(reducer, s);
const shown = (s: AppState): PaneId[] => visiblePanes(layoutOf(s));

describe('widening', () => {
  it('80 columns with the inspector focused, to 200: the inspector stays, with the focus, its cursor and its folds', () => {
    const narrow = run(at(80, 24), cmd('focusNext'), cmd('focusNext'), cmd('down'), cmd('down'), cmd('down'));
    const folds = new Set(['source']);
    const before = { ...narrow, expanded: folds };
    expect([shown(before), before.focus, before.inspectorCursor]).toEqual([['list', 'inspector'], 'inspector', 3]);
    const wide = run(before, resize(200, 50));
    expect(shown(wide)).toEqual(['list', 'body', 'inspector']);
    expect([wide.focus, wide.inspectorCursor, wide.expanded]).toEqual(['inspector', 3, folds]);
  });

  it('from any narrow layout, any choice and focus, to any wider one: every pane shown stays shown and the focus stays', () => {
    const choices: PaneChoice[] = [
      { inspectorHidden: false, slot: 'body' },
      { inspectorHidden: false, slot: 'inspector' },
      { inspectorHidden: true, slot: 'body' },
      { inspectorHidden: true, slot: 'inspector' },
    ];
    const sizes: Array<[number, number]> = [[60, 8], [60, 30], [80, 24], [100, 30], [139, 40], [140, 40], [200, 50]];
    for (const [w, h] of sizes) {
      for (const panes of choices) {
        for (const focus of shown(at(w, h, { panes }))) {
          const before = at(w, h, { panes, focus });
          for (const [w2, h2] of sizes.filter(([x, y]) => x >= w && y >= h)) {
            const after = run(before, resize(w2, h2));
            const where = `${w}x${h} ${JSON.stringify(panes)} focus ${focus} -> ${w2}x${h2}`;
            expect(shown(after).filter((p) => shown(before).includes(p)), where).toEqual(shown(before));
            expect(after.focus, where).toBe(focus);
          }
        }
      }
    }
  });
});

describe('narrowing', () => {
  it('200 columns with the inspector focused, to 80: the inspector takes the place beside the list, focused; back to 200 all three show', () => {
    const wide = run(at(200, 50), cmd('focusPrev'), cmd('down'), cmd('down'));
    expect([wide.focus, wide.inspectorCursor]).toEqual(['inspector', 2]);
    const narrow = run(wide, resize(80, 24));
    expect([shown(narrow), narrow.focus, narrow.inspectorCursor]).toEqual([['list', 'inspector'], 'inspector', 2]);
    const back = run(narrow, resize(200, 50));
    expect([shown(back), back.focus, back.inspectorCursor]).toEqual([['list', 'body', 'inspector'], 'inspector', 2]);
  });

  it('with the list focused the body takes the place; i there shows the inspector, which stays once wide, its cursor kept', () => {
    const wide = { ...at(200, 50), inspectorCursor: 4 };
    const narrow = run(wide, resize(80, 24));
    expect([shown(narrow), narrow.focus]).toEqual([['list', 'body'], 'list']);
    const swapped = run(narrow, cmd('toggleInspector'));
    expect(shown(swapped)).toEqual(['list', 'inspector']);
    const back = run(swapped, resize(200, 50));
    expect([shown(back), back.focus, back.inspectorCursor]).toEqual([['list', 'body', 'inspector'], 'list', 4]);
  });

  it('an inspector hidden with i on a wide terminal stays hidden through a narrow one, and the body shows there', () => {
    const wide = run(at(200, 50, { panes: { inspectorHidden: false, slot: 'inspector' } }), cmd('toggleInspector'));
    expect(shown(wide)).toEqual(['list', 'body']);
    const narrow = run(wide, resize(80, 24));
    expect(shown(narrow)).toEqual(['list', 'body']);
    expect(shown(run(narrow, resize(200, 50)))).toEqual(['list', 'body']);
  });

  it('too short for a second pane: the list takes the focus; taller again, the inspector is back in its place, and wider, beside the body', () => {
    const stacked = run(at(60, 30), cmd('focusNext'), cmd('focusNext'), cmd('down'));
    expect([shown(stacked), stacked.focus]).toEqual([['list', 'inspector'], 'inspector']);
    const short = run(stacked, resize(60, 8));
    expect([shown(short), short.focus]).toEqual([['list'], 'list']);
    const tall = run(short, resize(60, 30));
    expect([shown(tall), tall.inspectorCursor]).toEqual([['list', 'inspector'], 1]);
    expect(shown(run(tall, resize(200, 50)))).toEqual(['list', 'body', 'inspector']);
  });

  it('too short for a second pane and back: the pane that had the focus has it again (it stayed on the list once)', () => {
    const split = run(at(120, 35), cmd('focusNext'));
    expect([shown(split), split.focus]).toEqual([['list', 'body'], 'body']);
    const short = run(split, resize(60, 8));
    expect([shown(short), short.focus]).toEqual([['list'], 'list']);
    expect(run(short, resize(120, 35)).focus).toBe('body');
    // Through two sizes with no room for it, then a wide one: still the body's.
    expect(run(short, resize(50, 7), resize(200, 50)).focus).toBe('body');
  });

  it('from any layout, choice and focus, to the list alone and back: the same panes show and the same one is focused', () => {
    const choices: PaneChoice[] = [
      { inspectorHidden: false, slot: 'body' },
      { inspectorHidden: false, slot: 'inspector' },
      { inspectorHidden: true, slot: 'body' },
    ];
    for (const [w, h] of [[60, 30], [80, 24], [120, 35], [200, 50]] as Array<[number, number]>) {
      for (const panes of choices) {
        for (const focus of shown(at(w, h, { panes }))) {
          const before = at(w, h, { panes, focus });
          const short = run(before, resize(60, 8));
          expect(shown(short)).toEqual(['list']);
          const back = run(short, resize(w, h));
          const where = `${w}x${h} ${JSON.stringify(panes)} focus ${focus}`;
          expect([shown(back), back.focus], where).toEqual([shown(before), focus]);
        }
      }
    }
  });

  it('a focus moved by the user after the list took it is not taken back by a later resize', () => {
    // The inspector had the focus; at 60x8 `i` puts the body in the shared place, so 60x30 shows
    // the body and the list keeps the focus; Tab moves it to the body, and widening keeps it there.
    const stacked = run(at(60, 30), cmd('focusNext'), cmd('focusNext'));
    const tall = run(stacked, resize(60, 8), cmd('toggleInspector'), resize(60, 30));
    expect([shown(tall), tall.focus]).toEqual([['list', 'body'], 'list']);
    const tabbed = run(tall, cmd('focusNext'));
    expect(tabbed.focus).toBe('body');
    expect(run(tabbed, resize(200, 50)).focus).toBe('body');
  });
});


describe("the body's scroll while another pane has its place", () => {
  // App measures a body not on screen as no rows (no width to lay it out in); these steps feed the
  // reducer as App does: a measure after each change of what shows.
  const measure = (bodyLines: number): Action => ({ type: 'measure', bodyLines, inspector: ROWS, article: null, id: null });
  const read = run(at(80, 24), measure(200), cmd('focusNext'), cmd('pageDown'), cmd('down'));

  it('80 columns, i and i again: the same article comes back where it was read to', () => {
    expect([read.focus, read.bodyScroll > 0]).toEqual(['body', true]);
    const swapped = run(read, cmd('toggleInspector'), measure(0));
    expect([shown(swapped), swapped.focus]).toEqual([['list', 'inspector'], 'inspector']);
    const back = run(swapped, cmd('toggleInspector'), measure(200));
    expect([shown(back), back.focus, back.bodyScroll]).toEqual([['list', 'body'], 'body', read.bodyScroll]);
  });

  it('80 columns, Tab round the panes (the inspector takes the place, then the body again): the scroll is kept', () => {
    const inspector = run(read, cmd('focusNext'), measure(0));
    expect(shown(inspector)).toEqual(['list', 'inspector']);
    const back = run(inspector, cmd('focusPrev'), measure(200));
    expect([back.focus, back.bodyScroll]).toEqual(['body', read.bodyScroll]);
    // Round to the list, `i` puts the body back in the place, and Tab focuses it there.
    const listed = run(inspector, cmd('focusNext'), cmd('toggleInspector'), cmd('focusNext'), measure(200));
    expect([listed.focus, listed.bodyScroll]).toEqual(['body', read.bodyScroll]);
  });

  it('80 columns, `i` then Tab: the focus goes to the inspector on screen, either way round; Tab again back to the list', () => {
    const toggled = run(at(80, 24), cmd('toggleInspector'));
    expect([shown(toggled), toggled.focus]).toEqual([['list', 'inspector'], 'list']);
    for (const way of ['focusNext', 'focusPrev'] as const) {
      const tabbed = run(toggled, cmd(way));
      expect([shown(tabbed), tabbed.focus], way).toEqual([['list', 'inspector'], 'inspector']);
    }
    expect(run(toggled, cmd('focusNext'), cmd('focusNext')).focus).toBe('list');
    // The body in the place (the default): Tab, Tab shows the inspector as before, Shift-Tab from the list the body.
    expect(run(at(80, 24), cmd('focusNext'), cmd('focusNext')).focus).toBe('inspector');
    expect(run(at(80, 24), cmd('focusPrev')).focus).toBe('body');
  });

  it('too short for the body and back: kept; bounded by the rows measured when it shows again', () => {
    const short = run(read, resize(60, 8), measure(0));
    expect(shown(short)).toEqual(['list']);
    expect(run(short, resize(80, 24), measure(200)).bodyScroll).toBe(read.bodyScroll);
    // Fewer rows at the new size than the scroll had: the last page shows, no blank rows past it.
    const fewer = run(short, resize(80, 24), measure(read.bodyScroll));
    expect(fewer.bodyScroll).toBe(maxBodyScroll(fewer));
  });

  it('another article selected while the body is hidden starts at its top', () => {
    const swapped = run(read, cmd('toggleInspector'), measure(0), cmd('focusNext'), cmd('down'));
    expect(shown(swapped)).toEqual(['list', 'inspector']);
    expect(swapped.focus).toBe('list');
    expect(run(swapped, cmd('toggleInspector'), measure(200)).bodyScroll).toBe(0);
  });
});

describe('z: the list alone', () => {
  it.each([[200, 50], [100, 30], [60, 30]])('at %dx%d the list takes the whole width, the focus with it; z again gives back the panes as they were', (width, height) => {
    const before = run(at(width, height), cmd('focusNext'));
    const alone = run(before, cmd('toggleListAlone'));
    expect(shown(alone)).toEqual(['list']);
    expect(layoutOf(alone).list.width).toBe(width);
    expect(layoutOf(alone).list.height).toBe(layoutOf(before).paneHeight);
    expect(alone.focus).toBe('list');
    const back = run(alone, cmd('toggleListAlone'));
    expect(shown(back)).toEqual(shown(before));
    // A resize keeps the list alone.
    expect(shown(run(alone, resize(120, 40)))).toEqual(['list']);
  });
  it('Tab brings the panes back and moves on to the next; i brings them back with the inspector on screen', () => {
    const alone = run(at(80, 24), cmd('toggleListAlone'));
    const tabbed = run(alone, cmd('focusNext'));
    expect(shown(tabbed)).toEqual(['list', 'body']);
    expect(tabbed.focus).toBe('body');
    expect(shown(run(alone, cmd('toggleInspector')))).toEqual(['list', 'inspector']);
    expect(shown(run(at(200, 50), cmd('toggleListAlone'), cmd('toggleInspector')))).toEqual(['list', 'body', 'inspector']);
  });
});

describe('Esc with the list alone', () => {
  it('brings the panes back instead of quitting; Esc again quits (found by a tester)', () => {
    const alone = run(at(80, 24), cmd('toggleListAlone'));
    const back = run(alone, cmd('back'));
    expect(shown(back)).toEqual(['list', 'body']);
    expect(back.outcome).toBeNull();
    expect(run(back, cmd('back')).outcome).toEqual({ kind: 'cancelled' });
  });
});
