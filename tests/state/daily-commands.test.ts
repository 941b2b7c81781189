import { describe, expect, it } from 'vitest';
import { freshArrivals } from '../../src/state/selectors.js';
import { markdownLink, MARK_ALL_ASK, NOTHING_NEW } from '../../src/state/daily-commands.js';
import { initialState, reducer, type Action, type AppState } from '../../src/state/reducer.js';
import { effectiveQuery } from '../../src/state/selectors.js';
import { tabAt, tabSpans } from '../../src/state/view-tabs.js';
import { inputActions } from '../../src/ui/input/use-keys.js';
import { hits } from '../ui/factory.js';

const refs: Record<number, { url: string | null; title: string; path: string }> = {
  0: { url: 'https://news.test/a?x=1', title: 'First [draft]', path: '/n/a.md' },
  1: { url: 'javascript:alert(1)', title: 'Bad', path: '/n/b.md' },
  2: { url: null, title: 'No link', path: '/n/c.md' },
};
const views = [{ name: 'BTC', query: 'tag:btc' }, { name: 'Bad', query: 'sentiment:negative', sort: 'date' as const }];

function base(over: Partial<Parameters<typeof initialState>[0]> = {}, n = 3): AppState {
  const s = initialState({ width: 200, height: 50, describe: (id) => refs[id] ?? { url: null, title: '', path: '' }, views, ...over });
  return reducer(s, { type: 'results', hits: hits(n), total: n, sort: 'date', query: '' });
}
const run = (s: AppState, ...actions: Action[]) => actions.reduce(reducer, s);
const cmd = (command: Parameters<typeof reducer>[1] extends infer A ? (A extends { type: 'command'; command: infer C } ? C : never) : never): Action => ({ type: 'command', command });
const keys = (s: AppState, input: string) => inputActions(s, input, {}, false).reduce(reducer, s);

describe('read and saved commands', () => {
  it('m and * ask to toggle the selected article; with --multi every marked one', () => {
    expect(run(base(), cmd('toggleRead')).effects).toEqual([{ kind: 'toggleRead', ids: [0] }]);
    expect(run(base(), cmd('toggleSaved')).effects).toEqual([{ kind: 'toggleSaved', ids: [0] }]);
    const multi = run(base({ multi: true }), cmd('mark'), cmd('mark'), cmd('toggleRead'));
    expect(multi.effects).toEqual([{ kind: 'toggleRead', ids: [0, 1] }]);
  });
  it('moving does not mark read; Enter does', () => {
    expect(run(base(), cmd('down'), cmd('down')).effects).toEqual([]);
    const chosen = run(base(), cmd('down'), cmd('choose'));
    expect(chosen.effects).toEqual([{ kind: 'markRead', ids: [1] }]);
  });
  it(`M marks at once up to ${MARK_ALL_ASK}, asks above; y confirms, another key cancels`, () => {
    expect(run(base(), cmd('markAllRead')).effects).toEqual([{ kind: 'markAllRead' }]);
    const big = run(base({}, 150), cmd('markAllRead'));
    expect(big.mode).toBe('confirm');
    expect(big.prompt).toEqual({ kind: 'markAll', count: 150 });
    expect(keys(big, 'y').effects).toEqual([{ kind: 'markAllRead' }]);
    const no = keys(big, 'j');
    expect(no.effects).toEqual([]);
    expect(no.mode).toBe('browse');
    expect(no.cursor).toBe(0);
    expect(run(base(), cmd('undoMarkAll')).effects).toEqual([{ kind: 'undo' }]);
  });
});

describe('open and copy', () => {
  it('o shows the URL and waits; y or Enter asks to open it (marking it read once open) and says it is opening', () => {
    const asked = keys(base(), 'o');
    expect(asked.mode).toBe('confirm');
    expect(asked.prompt).toEqual({ kind: 'open', url: 'https://news.test/a?x=1', id: 0 });
    expect(asked.effects).toEqual([]);
    for (const yes of ['y', '\r']) {
      const opening = keys(asked, yes);
      expect(opening.effects).toEqual([{ kind: 'open', url: 'https://news.test/a?x=1', read: [0] }]);
      // Not `opened`: whether anything opened it is known only once the opener has run.
      expect(opening.message).toBe('opening https://news.test/a?x=1…');
    }
    const cancelled = keys(asked, 'n');
    expect(cancelled.effects).toEqual([]);
    expect(cancelled.message).toBe('not opened');
  });
  it('refuses anything but http(s), and says so', () => {
    const bad = keys(run(base(), cmd('down')), 'o');
    expect(bad.mode).toBe('browse');
    expect(bad.message).toMatch(/refused to open a javascript: URL/);
    const none = keys(run(base(), cmd('down'), cmd('down')), 'o');
    expect(none.message).toBe('this article has no URL');
  });
  it('y copies the URL, or the path without one; Y copies a Markdown link', () => {
    expect(keys(base(), 'y').effects).toEqual([{ kind: 'copy', text: 'https://news.test/a?x=1' }]);
    expect(keys(base(), 'Y').effects).toEqual([{ kind: 'copy', text: '[First \\[draft\\]](https://news.test/a?x=1)' }]);
    expect(keys(run(base(), cmd('down'), cmd('down')), 'y').effects).toEqual([{ kind: 'copy', text: '/n/c.md' }]);
    expect(markdownLink('a (b)', 'https://x.test/p (1)')).toBe('[a (b)](https://x.test/p%20%281%29)');
  });
  it('in the body pane, o then a number and Enter asks for that link', () => {
    const body = { ...base(), focus: 'body' as const };
    const entering = keys(body, 'o12x');
    expect(entering.mode).toBe('link');
    expect(entering.prompt).toEqual({ kind: 'link', digits: '12' });
    const done = keys(entering, '\r');
    expect(done.effects).toEqual([{ kind: 'resolveLink', id: 0, n: 12 }]);
    expect(done.mode).toBe('browse');
    expect(keys(entering, '\x1b').outcome).toBeNull();
  });
  it('e asks for the editor on the selected article', () => {
    expect(keys(base(), 'e').effects).toEqual([{ kind: 'edit', id: 0 }]);
  });
});

describe('views and history', () => {
  it('1-9 switch views, 0 clears, and the view query is ANDed with the typed one', () => {
    const s = keys(base(), '2');
    expect(s.view).toBe(2);
    expect(effectiveQuery({ ...s, query: 'etf' })).toBe('sentiment:negative etf');
    expect(effectiveQuery(s)).toBe('sentiment:negative');
    expect(keys(s, '0').view).toBe(0);
    expect(keys(s, '7').message).toMatch(/no view 7/);
  });
  it('] and [ step through every view, All among them and round the end: views past 9, which have no digit, are reached', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => ({ name: `View ${i + 1}`, query: `tag:t${i + 1}` }));
    const s = base({ views: twelve });
    expect(keys(s, ']').view).toBe(1);
    expect(keys(s, ']'.repeat(10)).view).toBe(10);
    expect(keys(s, ']'.repeat(12)).view).toBe(12);
    expect(keys(s, ']'.repeat(13)).view).toBe(0);
    expect(keys(s, '[').view).toBe(12);
    expect(keys(keys(s, '9'), ']]').view).toBe(11);
    expect(effectiveQuery(keys(s, '[['))).toBe('tag:t11');
    // Only the tabs with a digit are labelled with one.
    expect(tabSpans(twelve, 400, 0).map((t) => t.label.trim()).slice(9)).toEqual(['9 View 9', 'View 10', 'View 11', 'View 12']);
  });
  it('] and [ with no saved views say so', () => {
    expect(keys(base({ views: [] }), ']').message).toBe('no saved views (see [[views]] in the config)');
    expect(keys(base({ views: [] }), '[').view).toBe(0);
  });
  it('tabs are clickable', () => {
    const spans = tabSpans(views, 200, 0);
    expect(spans.map((t) => t.label.trim())).toEqual(['[0 All]', '1 BTC', '2 Bad']);
    expect(tabAt(views, spans[2].x + 1, 200, 0)).toBe(2);
    expect(run(base(), { type: 'click', x: spans[1].x, y: 1 }).view).toBe(1);
  });
  it('tab columns count wide names in columns and sanitised, so a click lands on the tab drawn there', () => {
    const wide = [{ name: 'ビットコイン', query: 'tag:btc' }, { name: 'Evil \x1b[2J', query: 'tag:x' }, { name: 'Gloom', query: 'sentiment:negative' }];
    const spans = tabSpans(wide, 200, 0);
    // ` 1 ビットコイン ` is 4 + 12 columns; ` 2 Evil  ` once the escape sequence is gone.
    expect(spans.map((t) => [t.x, t.width])).toEqual([[0, 7], [8, 16], [25, 9], [35, 9]]);
    expect(spans[2].label).toBe(' 2 Evil  ');
    expect(tabAt(wide, 37, 200, 0)).toBe(3);
    expect(run(base({ views: wide }), { type: 'click', x: 37, y: 1 }).view).toBe(3);
  });
  it('the active tab is always on the row: tabs scroll off to the left of it', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ name: `View number ${i + 1}`, query: 'tag:x' }));
    for (const active of [0, 4, 9, 10]) {
      const spans = tabSpans(many, 80, active);
      const tab = spans.find((t) => t.view === active)!;
      expect(tab, `view ${active}`).toBeDefined();
      expect(tab.label).not.toContain('…');
      expect(tab.x + tab.width).toBeLessThanOrEqual(80);
      expect(spans.at(-1)!.x + spans.at(-1)!.width).toBeLessThanOrEqual(80);
    }
    expect(tabSpans(many, 80, 0)[0].x).toBe(0);
    expect(tabSpans(many, 80, 9)[0].x).toBeGreaterThan(0);
  });
  // Found by a tester: eleven views at 70-71 and 76-77 columns ended on a whole tab, the views
  // after it gone without a mark.
  it('a row that cannot hold every tab ends in … at every width', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `V${i + 1}`, query: 'tag:x' }));
    for (let width = 20; width <= 120; width++) {
      for (const active of [0, 5, 11]) {
        const spans = tabSpans(eleven, width, active);
        const last = spans.at(-1)!;
        expect(last.x + last.width, `width ${width}`).toBeLessThanOrEqual(width);
        if (last.view < 11 && last.view !== active) expect(last.label, `width ${width}, view ${active}`).toMatch(/…$/);
      }
    }
    expect(tabSpans(eleven, 76, 0).at(-1)!.label).toMatch(/…$/);
    expect(tabSpans(eleven, 400, 0).at(-1)!.label).toBe(' V11 ');
  });
  it('Enter in search saves the query; alt+p / alt+n recall it', () => {
    const typed = keys(base(), '/bitcoin\r');
    expect(typed.history).toEqual(['bitcoin']);
    expect(typed.effects).toEqual([{ kind: 'saveHistory', query: 'bitcoin' }]);
    const s = run({ ...base({ history: ['old', 'newer'] }), mode: 'search' }, cmd('historyPrev'));
    expect(s.query).toBe('newer');
    expect(run(s, cmd('historyPrev')).query).toBe('old');
    expect(run(s, cmd('historyNext')).query).toBe('');
  });
});

describe('live updates', () => {
  it('new articles never move the selection, even at the top; r selects the newest arrival', () => {
    const s0 = base();
    expect(s0.selectedId).toBe(0);
    // Article 3 arrives and sorts first.
    const grown = run(s0, { type: 'arrived', ids: [3] }, { type: 'results', hits: [3, 0, 1, 2].map((id) => ({ id, score: 0, titleMatches: [] })), total: 4, sort: 'date', query: '' });
    expect(grown.selectedId).toBe(0);
    expect(grown.cursor).toBe(1);
    expect(freshArrivals(grown)).toEqual([3]);
    const shown = run(grown, cmd('showNew'));
    expect(shown.selectedId).toBe(3);
    expect(freshArrivals(shown)).toEqual([]);
  });

  it('an arrival whose file is gone again is no longer new, and r with nothing new says so and stays', () => {
    const list = { type: 'results' as const, hits: [4, 3, 0, 1, 2].map((id) => ({ id, score: 0, titleMatches: [] })), total: 5, sort: 'date' as const, query: '' };
    const two = run(base(), { type: 'arrived', ids: [3, 4] }, list);
    expect(freshArrivals(two)).toEqual([3, 4]);
    // Article 4's file is deleted: the dashboard's entry for it says so (-1).
    const one = run(two, { type: 'arrived', ids: [3, -1] });
    expect(freshArrivals(one)).toEqual([3]);
    expect(run(one, cmd('showNew')).selectedId).toBe(3);
    const none = run(one, { type: 'arrived', ids: [-1, -1] });
    expect(freshArrivals(none)).toEqual([]);
    const pressed = run(none, cmd('showNew'));
    expect([pressed.selectedId, pressed.cursor, pressed.message]).toEqual([none.selectedId, none.cursor, 'nothing new']);
    // Once shown, a later arrival is new again (once the list shows it); the shown ones are not.
    const later = run(run(one, cmd('showNew')), { type: 'arrived', ids: [3, -1, 5] }, { ...list, hits: [5, 3, 0, 1, 2].map((id) => ({ id, score: 0, titleMatches: [] })) });
    expect(freshArrivals(later)).toEqual([5]);
  });

  it("r's 'nothing new' goes when new files arrive (never beside '2 new'); other notices, and arrivals that are gone, leave it", () => {
    const said = run(base(), cmd('showNew'));
    expect(said.message).toBe(NOTHING_NEW);
    // An arrival whose file is gone again: still nothing new.
    expect(run(said, { type: 'arrived', ids: [-1] }).message).toBe(NOTHING_NEW);
    const two = run(said, { type: 'arrived', ids: [3, 4] }, { type: 'results', hits: hits(5), total: 5, sort: 'date', query: '' });
    expect([two.message, freshArrivals(two).length]).toEqual([null, 2]);
    // A notice of another kind is not the live updates' business.
    const copied = { ...said, message: 'nothing to copy' };
    expect(run(copied, { type: 'arrived', ids: [3] }).message).toBe('nothing to copy');
  });

  it('an arrival edited before r stays new as its new version; one edited after r does not come back', () => {
    const list = { type: 'results' as const, hits: [6, 3, 0, 1, 2].map((id) => ({ id, score: 0, titleMatches: [] })), total: 5, sort: 'date' as const, query: '' };
    // Article 3's file is edited: the dashboard's entry for it now names its new version, 6.
    const edited = run(base(), { type: 'arrived', ids: [3] }, { type: 'arrived', ids: [6] }, list);
    expect(freshArrivals(edited)).toEqual([6]);
    const shown = run(edited, cmd('showNew'));
    expect(shown.selectedId).toBe(6);
    expect(freshArrivals(run(shown, { type: 'arrived', ids: [7] }))).toEqual([]);
    // Gone (-1): no longer new.
    expect(freshArrivals(run(edited, { type: 'arrived', ids: [-1] }))).toEqual([]);
  });
  it('without live arrivals, a streaming load keeps the top row selected', () => {
    const grown = run(base(), { type: 'results', hits: [3, 0, 1, 2].map((id) => ({ id, score: 0, titleMatches: [] })), total: 4, sort: 'date', query: '' });
    expect(grown.selectedId).toBe(3);
  });
});
