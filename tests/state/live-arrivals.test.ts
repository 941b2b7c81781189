// What the status line's `N new · r to show` counts and what `r` then does, and what an edit of the
// article on screen keeps, as the reducer decides them. The count is of the arrivals the list shows:
// a draft, an article whose publish date is still to come, or one the query leaves out is not in
// the result (the search decides that; here the results say it), so it is not new to show until a
// result lists it. An arrival that joined a folded story is counted and `r` unfolds the story.
import { describe, expect, it } from 'vitest';
import type { InspectorRow } from '../../src/core/render/index.js';
import { NOTHING_NEW } from '../../src/state/daily-commands.js';
import { initialState, reducer, type Action, type AppState } from '../../src/state/reducer.js';
import { foldedArrivals, freshArrivals } from '../../src/state/selectors.js';
import { statusOf, statusRow } from '../../src/ui/StatusBar.js';
import { hit } from '../ui/factory.js';

const run = (s: AppState, ...actions: Action[]) => actions.reduce(reducer, s);
const show: Action = { type: 'command', command: 'showNew' };
/** The list's answer for `query`: these article ids, in list order. */
const results = (ids: readonly number[], query = ''): Action => ({ type: 'results', hits: ids.map((id) => hit(id)), total: ids.length, sort: 'date', query });
/** Articles 0-2 listed, the first selected. */
const listed = (): AppState => run(initialState({ width: 200, height: 50 }), results([0, 1, 2]));
/** The status line's text for `s` (its colours dropped). */
const status = (s: AppState): string => statusRow({ ...statusOf(s), total: 0, loading: null, warnings: 0, width: 200 }).replace(/\x1b\[[\d;]*m/g, '');

describe('arrivals the list does not show', () => {
  it('a draft or an article not yet published is not new, r does not use it up, and it counts once a result lists it', () => {
    // Article 3 arrives but the result leaves it out: a draft, or dated later than now.
    const hidden = run(listed(), { type: 'arrived', ids: [3] }, results([0, 1, 2]));
    expect(freshArrivals(hidden)).toEqual([]);
    expect(status(hidden)).not.toContain('new');
    const pressed = run(hidden, show);
    expect([pressed.message, pressed.selectedId]).toEqual([NOTHING_NEW, 0]);
    // Its publish date comes: the session's clock lists it (use-session-clock.ts), and only now is it news.
    const due = run(pressed, results([3, 0, 1, 2]));
    expect(freshArrivals(due)).toEqual([3]);
    // r's `nothing new` is no longer true: it goes with the result that makes it untrue.
    expect(due.message).toBeNull();
    expect(status(due)).toContain('1 new · r to show');
    // Listed above the cursor, it does not move the reader; r does.
    expect(due.selectedId).toBe(0);
    expect(run(due, show).selectedId).toBe(3);
  });

  it('an arrival the query leaves out is not counted; the query cleared, it is', () => {
    const s = run(initialState({ width: 200, height: 50, query: 'tag:btc' }), results([0, 1], 'tag:btc'));
    const filtered = run(s, { type: 'arrived', ids: [3] }, results([0, 1], 'tag:btc'));
    expect(status(filtered)).not.toContain('new');
    expect(run(filtered, show).message).toBe(NOTHING_NEW);
    const cleared = run(run(filtered, show), { type: 'command', command: 'clearQuery' }, results([3, 0, 1, 2]));
    expect(freshArrivals(cleared)).toEqual([3]);
    expect(status(cleared)).toContain('1 new · r to show');
    const shown = run(cleared, show);
    expect([shown.selectedId, freshArrivals(shown)]).toEqual([3, []]);
  });

  it('r shows the arrivals the list shows and keeps the others for when it shows them', () => {
    // 3 is listed, 4 is not (a draft, or left out by the query).
    const s = run(listed(), { type: 'arrived', ids: [3, 4] }, results([3, 0, 1, 2]));
    expect(freshArrivals(s)).toEqual([3]);
    const shown = run(s, show);
    expect(shown.selectedId).toBe(3);
    expect(freshArrivals(run(shown, results([4, 3, 0, 1, 2])))).toEqual([4]);
  });
});

describe('an arrival that joins a story', () => {
  // Articles 0-2 alone; 3 arrives and joins 1's story (named by 1, its earliest), folded on 1's row.
  const stories = { story: [0, 1, 2, 1], size: [1, 2, 1, 2] };
  const joined = (): AppState => run(listed(), { type: 'arrived', ids: [3] }, { ...results([3, 0, 1, 2]), stories } as Action);

  it('is counted, and the status line says it is in a story (its row is the story’s)', () => {
    const s = joined();
    expect(s.hits.map((h) => h.id)).toEqual([1, 0, 2]);
    expect(freshArrivals(s)).toEqual([3]);
    expect(foldedArrivals(s, freshArrivals(s))).toBe(1);
    expect(status(s)).toContain('1 new in a story · r to show');
  });

  it('r unfolds the story and selects the arrival on its own row', () => {
    const shown = run(joined(), show);
    expect(shown.hits.map((h) => h.id)).toEqual([1, 3, 0, 2]);
    expect(shown.rowInfo.get(3)).toMatchObject({ child: true, story: 1 });
    expect([shown.selectedId, shown.cursor]).toEqual([3, 1]);
    expect(status(shown)).not.toContain('new');
  });

  it('with arrivals in stories and on rows of their own, the count says how many are where', () => {
    const s = run(joined(), { type: 'arrived', ids: [3, 4] }, { ...results([4, 3, 0, 1, 2]), stories: { story: [0, 1, 2, 1, 4], size: [1, 2, 1, 2, 1] } } as Action);
    expect(status(s)).toContain('2 new (1 in a story) · r to show');
    const shown = run(s, show);
    // Both have rows now; the one that arrived last is selected.
    expect(shown.hits.map((h) => h.id)).toEqual([4, 1, 3, 0, 2]);
    expect(shown.selectedId).toBe(4);
  });
});

describe('the article on screen edited', () => {
  const rows = (n: number): InspectorRow[] => Array.from({ length: n }, (_, k) => ({ key: `k${k}`, depth: 0, label: `k${k}`, value: '', foldable: false, expanded: false }));
  // Article 1 selected, its body scrolled to 30 of 100 rows, the inspector's cursor on row 6 of 10.
  const reading = (): AppState => {
    const s = run(listed(), { type: 'command', command: 'down' }, { type: 'measure', bodyLines: 100, inspector: rows(10), article: null, id: 1 });
    return { ...s, bodyScroll: 30, inspectorCursor: 6 };
  };

  it('keeps the body scroll and the inspector cursor when its file is read again (a new id for the same article)', () => {
    // Article 1's file saved: its new version is article 3, and 1 is no longer listed.
    const saved = run(reading(), { type: 'replaced', map: new Map([[1, 3]]) }, results([0, 3, 2]));
    expect([saved.selectedId, saved.cursor, saved.bodyScroll, saved.inspectorCursor]).toEqual([3, 1, 30, 6]);
    // The new version measured: the scroll and the cursor kept where they still fit, clamped where not.
    const longer = run(saved, { type: 'measure', bodyLines: 120, inspector: rows(12), article: null, id: 3 });
    expect([longer.bodyScroll, longer.inspectorCursor]).toEqual([30, 6]);
    const shorter = run(saved, { type: 'measure', bodyLines: 20, inspector: rows(4), article: null, id: 3 });
    expect(shorter.bodyScroll).toBeLessThan(30);
    expect(shorter.inspectorCursor).toBe(3);
  });

  it('keeps the inspector cursor on its field when the save adds a row above it, and on its row number when the field is gone', () => {
    // The cursor on `source` (row 6); the saved file has a line `author:` above it, so `source` is row 7 now.
    const saved = run(reading(), { type: 'replaced', map: new Map([[1, 3]]) }, results([0, 3, 2]));
    const author: InspectorRow = { key: 'author', depth: 0, label: 'author', value: 'X', foldable: false, expanded: false };
    const withAuthor = [...rows(10).slice(0, 6), author, ...rows(10).slice(6)];
    const moved = run(saved, { type: 'measure', bodyLines: 100, inspector: withAuthor, article: null, id: 3 });
    expect([moved.inspectorCursor, moved.inspector[moved.inspectorCursor].key]).toEqual([7, 'k6']);
    // The field removed by the save: its row number, clamped.
    const gone = run(saved, { type: 'measure', bodyLines: 100, inspector: rows(10).filter((r) => r.key !== 'k6'), article: null, id: 3 });
    expect(gone.inspectorCursor).toBe(6);
    // Another article's rows are not matched by key: its cursor starts at its first row.
    const other = run(saved, { type: 'command', command: 'down' }, { type: 'measure', bodyLines: 100, inspector: withAuthor, article: null, id: 2 });
    expect(other.inspectorCursor).toBe(0);
  });

  it('follows an article saved twice, and a mark follows it too', () => {
    // Marked (the cursor moves down as it marks) and selected again.
    const marked = run({ ...reading(), multi: true }, { type: 'command', command: 'mark' }, { type: 'command', command: 'up' });
    expect([marked.marked, marked.selectedId]).toEqual([[1], 1]);
    const twice = run(marked, { type: 'replaced', map: new Map([[1, 3], [3, 4]]) }, results([0, 4, 2]));
    expect([twice.marked, twice.selectedId]).toEqual([[4], 4]);
  });

  it('a story opened stays open when the article it is named by (its earliest) is saved', () => {
    // Articles 1 and 2 are one story named by 1; open, the cursor on 2.
    const stories = { story: [0, 1, 1], size: [1, 2, 2] };
    const open = run(listed(), { ...results([0, 1, 2]), stories } as Action, { type: 'command', command: 'down' }, { type: 'command', command: 'unfold' }, { type: 'command', command: 'down' });
    expect([open.hits.map((h) => h.id), open.selectedId]).toEqual([[0, 1, 2], 2]);
    // 1 saved: its new version 3 names the story now.
    const saved = run(open, { type: 'replaced', map: new Map([[1, 3]]) }, { ...results([0, 3, 2]), stories: { story: [0, 1, 3, 3], size: [1, 2, 2, 2] } } as Action);
    expect([saved.hits.map((h) => h.id), saved.selectedId]).toEqual([[0, 3, 2], 2]);
  });

  it('another article edited leaves the reader where they are', () => {
    const s = run(reading(), { type: 'replaced', map: new Map([[2, 3]]) }, results([0, 1, 3]));
    expect([s.selectedId, s.bodyScroll, s.inspectorCursor]).toEqual([1, 30, 6]);
  });
});

describe('the selected article deleted', () => {
  // Found by a tester: the cursor kept its row number, so a batch of rows deleted above it left it
  // a batch further down (with 200 deleted, on the last row), far from where the reader was.
  const listOf = (n: number): AppState => run(initialState({ width: 200, height: 50 }), results(Array.from({ length: n }, (_, k) => k)));
  const at = (s: AppState, row: number): AppState => run(s, ...Array.from({ length: row }, (): Action => ({ type: 'command', command: 'down' })));

  it('selects the next row that survives, not the row number it was on', () => {
    // On 10 of 0-19; 5-10 deleted at once: 11 follows it (row 10 now holds 16, six rows further on).
    const s = run(at(listOf(20), 10), results([0, 1, 2, 3, 4, 11, 12, 13, 14, 15, 16, 17, 18, 19]));
    expect([s.selectedId, s.cursor]).toEqual([11, 5]);
  });

  it('r on the last of a batch of arrivals, the batch deleted again: the article after it in the list', () => {
    // Arrivals 10-13 sorted in among 0-9 by date; r selects 13, the last to arrive (row 7).
    const mixed = [0, 10, 1, 11, 2, 12, 3, 13, 4, 5, 6, 7, 8, 9];
    const arrived = run(listOf(10), { type: 'arrived', ids: [10, 11, 12, 13] }, results(mixed), show);
    expect([arrived.selectedId, arrived.cursor]).toEqual([13, 7]);
    const gone = run(arrived, results([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect([gone.selectedId, gone.cursor]).toEqual([4, 4]);
  });

  it('the next survivor is the one after it in the rows the reader saw, else the one before, wherever it is now', () => {
    // On 3, rows 3-4 deleted and the order otherwise changed (another article's date edited): 5 follows 3.
    const s = run(at(listOf(10), 3), results([5, 0, 1, 2, 6, 7, 8, 9]));
    expect([s.selectedId, s.cursor]).toEqual([5, 0]);
    // On 3, everything after it deleted and the rest reordered: 2, the row before it, wherever it is.
    const t = run(at(listOf(10), 3), results([2, 1, 0]));
    expect([t.selectedId, t.cursor]).toEqual([2, 0]);
  });

  describe('on a story row named by the article deleted', () => {
    // Found by a tester: the story's row, named by another of its articles now, was still listed,
    // and the next row was selected. Articles 0-5 in date order; 2-4 one story, named by 2 (its
    // earliest), on row 2 of [0, 1, 2 +2, 5].
    const grouped = (ids: readonly number[], stories: { story: number[]; size: number[] }): Action => ({ ...results(ids), stories }) as Action;
    const onStory = (): AppState => {
      const s = run(initialState({ width: 200, height: 50 }), grouped([0, 1, 2, 3, 4, 5], { story: [0, 1, 2, 2, 2, 5], size: [1, 1, 3, 3, 3, 1] }), { type: 'command', command: 'down' }, { type: 'command', command: 'down' });
      expect([s.hits.map((h) => h.id), s.selectedId, s.cursor]).toEqual([[0, 1, 2, 5], 2, 2]);
      return s;
    };
    const row = (s: AppState) => [s.selectedId, s.cursor, s.rowInfo.get(s.selectedId ?? -1)?.others];

    it('stays on the story row, named by the next of its articles, before the stories are grouped again', () => {
      expect(row(run(onStory(), results([0, 1, 3, 4, 5])))).toEqual([3, 2, 2]);
    });

    it('stays on it once they are, under its new name, and on the one article left of a story of two', () => {
      expect(row(run(onStory(), grouped([0, 1, 3, 4, 5], { story: [2, 1, 2, 3, 3, 5], size: [1, 1, 1, 2, 2, 1] })))).toEqual([3, 2, 1]);
      const alone = run(onStory(), grouped([0, 1, 3, 5], { story: [0, 1, 2, 3, 4, 5], size: [1, 1, 1, 1, 1, 1] }));
      expect([alone.selectedId, alone.cursor]).toEqual([3, 2]);
    });

    it('stays on it when an earlier article joins the story and names it', () => {
      // Article 6 arrives, dated before 2: the story's row is named by 6 now.
      const s = run(onStory(), grouped([0, 1, 6, 2, 3, 4, 5], { story: [0, 1, 6, 6, 6, 5, 6], size: [1, 1, 4, 4, 4, 1, 4] }));
      expect(row(s)).toEqual([6, 2, 3]);
    });

    it('an open story stays open under its new name, its row selected', () => {
      const open = run(onStory(), { type: 'command', command: 'unfold' });
      expect(open.hits.map((h) => h.id)).toEqual([0, 1, 2, 3, 4, 5]);
      const s = run(open, grouped([0, 1, 3, 4, 5], { story: [2, 1, 2, 3, 3, 5], size: [1, 1, 1, 2, 2, 1] }));
      expect([s.hits.map((h) => h.id), s.selectedId, s.cursor, s.rowInfo.get(3)?.open]).toEqual([[0, 1, 3, 4, 5], 3, 2, true]);
    });

    it('an open story: its row stays selected through the result before the stories are grouped again and the one after', () => {
      // Before: named by its best-ranked article left (4, ranked above 3); after: by its earliest (3), 4 a row inside it.
      const before = run(onStory(), { type: 'command', command: 'unfold' }, results([0, 1, 4, 3, 5]));
      expect([before.hits.map((h) => h.id), before.selectedId, before.cursor]).toEqual([[0, 1, 4, 3, 5], 4, 2]);
      const after = run(before, grouped([0, 1, 4, 3, 5], { story: [2, 1, 2, 3, 3, 5], size: [1, 1, 1, 2, 2, 1] }));
      expect([after.hits.map((h) => h.id), after.selectedId, after.cursor, after.rowInfo.get(3)?.open]).toEqual([[0, 1, 3, 4, 5], 3, 2, true]);
    });
  });
});
