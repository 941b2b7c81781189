import { describe, expect, it } from 'vitest';
import { computeLayout, DEFAULT_PANES, paneAt, type Layout, type PaneChoice } from '../../src/state/layout.js';

function widths(l: Layout) {
  return [l.list.width, l.body?.width ?? 0, l.inspector?.width ?? 0];
}

describe('computeLayout', () => {
  const hidden: PaneChoice = { inspectorHidden: true, slot: 'body' };
  const inspector: PaneChoice = { inspectorHidden: false, slot: 'inspector' };
  const cases: Array<[string, number, number, PaneChoice, Layout['kind'], [number, number, number]]> = [
    ['wide shows three panes 35/40/25', 200, 50, DEFAULT_PANES, 'wide', [70, 80, 50]],
    ['wide with the inspector hidden', 200, 50, hidden, 'wide', [70, 130, 0]],
    ['wide: the narrow layouts\' choice of the inspector changes nothing', 200, 50, inspector, 'wide', [70, 80, 50]],
    ['80 cols: list and body side by side', 80, 24, DEFAULT_PANES, 'split', [40, 40, 0]],
    ['80 cols: the wide layout\'s hidden inspector changes nothing', 80, 24, hidden, 'split', [40, 40, 0]],
    ['80 cols with i: inspector replaces the body', 80, 24, inspector, 'split', [40, 0, 40]],
    ['narrow stacks full width', 60, 30, DEFAULT_PANES, 'stacked', [60, 60, 0]],
    ['narrow stacked with the inspector', 60, 30, inspector, 'stacked', [60, 0, 60]],
    ['narrow and short: list alone', 60, 8, DEFAULT_PANES, 'stacked', [60, 0, 0]],
  ];
  it.each(cases)('%s', (_l, w, h, panes, kind, want) => {
    const l = computeLayout(w, h, panes);
    expect(l.kind).toBe(kind);
    expect(widths(l)).toEqual(want);
  });

  it.each([
    [200, 50],
    [80, 24],
    [60, 30],
    [20, 5],
    [0, 0],
  ])('panes fill exactly the rows between search and status lines at %dx%d', (w, h) => {
    for (const panes of [DEFAULT_PANES, { inspectorHidden: true, slot: 'inspector' } as const]) {
      const l = computeLayout(w, h, panes);
      expect(l.paneHeight).toBe(Math.max(0, h - 3));
      const rects = [l.list, l.body, l.inspector].filter((r) => r !== null);
      if (l.kind === 'stacked') expect(rects.reduce((n, r) => n + r.height, 0)).toBe(l.paneHeight);
      else expect(rects.reduce((n, r) => n + r.width, 0)).toBe(Math.max(0, w));
      for (const r of rects) expect(r.y + r.height).toBeLessThanOrEqual(1 + l.paneHeight);
    }
  });

  it('paneAt finds the pane under a cell', () => {
    const l = computeLayout(200, 50);
    expect([paneAt(l, 0, 1), paneAt(l, 75, 20), paneAt(l, 199, 47), paneAt(l, 10, 0), paneAt(l, 10, 48)]).toEqual([
      'list',
      'body',
      'inspector',
      null,
      null,
    ]);
  });
});
