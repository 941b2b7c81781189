// Inspector folds applied one after another with no render between them, as the keys of one
// burst are (use-keys.ts inputStep): each acts on the tree the one before it left.
import { describe, expect, it } from 'vitest';
import { inspectorRows } from '../../src/core/render/index.js';
import type { Command } from '../../src/state/keymap.js';
import { inspectorRowsOf } from '../../src/state/inspector-fold.js';
import { initialState, reducer, type Action, type AppState } from '../../src/state/reducer.js';
import { inputActions } from '../../src/ui/input/use-keys.js';
import { makeArticle } from '../helpers/make-article.js';
import { hits } from '../ui/factory.js';

// `meta` and `meta.links` have four children each: both are folded by default (inspector-tree.ts).
const ARTICLE = makeArticle({
  frontMatter: {
    title: 'T',
    meta: { links: { a: 1, b: 2, c: 3, d: 4 }, x: 1, y: 2, z: 3 },
    more: { p: 1, q: 2, r: 3, s: 4 },
  },
});

const cmd = (command: Command): Action => ({ type: 'command', command });

// The inspector focused on `meta` (row 1), its rows measured as the render measures them.
function onMeta(): AppState {
  const s = reducer(initialState({ width: 200, height: 40 }), { type: 'results', hits: hits(3), total: 3, sort: 'date', query: '' });
  const measured = reducer(s, { type: 'measure', bodyLines: 10, inspector: inspectorRowsOf(ARTICLE, s.expanded), article: ARTICLE, id: 0 });
  return { ...measured, focus: 'inspector', inspectorCursor: 1 };
}

const keysOf = (s: AppState): string[] => [...s.expanded].sort();

describe('inspector folds in one burst', () => {
  it('l j l unfolds meta, then its first child links: the second l sees the rows the first made', () => {
    const start = onMeta();
    expect(start.inspector[1]).toMatchObject({ key: 'meta', foldable: true, expanded: false });
    const s = [cmd('unfold'), cmd('down'), cmd('unfold')].reduce(reducer, start);
    expect(keysOf(s)).toEqual(['meta', 'meta.links']);
    expect(s.inspector[s.inspectorCursor]).toMatchObject({ key: 'meta.links', expanded: true });
    // The rows are the ones the render draws for that state (the same array: no measure follows).
    expect(s.inspector).toBe(inspectorRows(ARTICLE, s.expanded));
  });

  it('the keys typed as one chunk do the same', () => {
    const start = onMeta();
    const s = inputActions(start, 'ljl', {}, false).reduce(reducer, start);
    expect(keysOf(s)).toEqual(['meta', 'meta.links']);
  });

  it('h after l folds again, and G goes to the last row of the tree as it is now', () => {
    const start = onMeta();
    const folded = [cmd('unfold'), cmd('fold')].reduce(reducer, start);
    expect(keysOf(folded)).toEqual([]);
    expect(folded.inspector).toHaveLength(start.inspector.length);
    const opened = [cmd('unfold'), cmd('bottom')].reduce(reducer, start);
    expect(opened.inspectorCursor).toBe(start.inspector.length - 1 + 4);
  });

  it('without an article the rows are left as measured', () => {
    const start = { ...onMeta(), inspectorArticle: null };
    const s = reducer(start, cmd('unfold'));
    expect(keysOf(s)).toEqual(['meta']);
    expect(s.inspector).toBe(start.inspector);
  });

  it('a front matter that cannot be walked gives no rows rather than throwing', () => {
    const hostile = makeArticle({ frontMatter: { get boom() { throw new Error('boom'); } } as Record<string, unknown> });
    expect(inspectorRowsOf(hostile, new Set())).toEqual([]);
    expect(inspectorRowsOf(null, new Set())).toEqual([]);
  });
});
