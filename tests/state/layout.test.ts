import { describe, expect, it } from 'vitest';
import { computeLayout, paneAt, type Layout } from '../../src/state/layout.js';

function widths(l: Layout) {
  return [l.list.width, l.body?.width ?? 0, l.inspector?.width ?? 0];
}

describe('computeLayout', () => {
  const cases: Array<[string, number, number, boolean, Layout['kind'], [number, number, number]]> = [
    ['wide shows three panes 35/40/25', 200, 50, false, 'wide', [70, 80, 50]],
    ['wide with the inspector hidden', 200, 50, true, 'wide', [70, 130, 0]],
    ['80 cols: list and body side by side', 80, 24, false, 'split', [40, 40, 0]],
    ['80 cols with i: inspector replaces the body', 80, 24, true, 'split', [40, 0, 40]],
    ['narrow stacks full width', 60, 30, false, 'stacked', [60, 60, 0]],
    ['narrow and short: list alone', 60, 8, false, 'stacked', [60, 0, 0]],
  ];
  it.each(cases)('%s', (_l, w, h, toggled, kind, want) => {
    const l = computeLayout(w, h, toggled);
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
    for (const toggled of [false, true]) {
      const l = computeLayout(w, h, toggled);
      expect(l.paneHeight).toBe(Math.max(0, h - 3));
      const rects = [l.list, l.body, l.inspector].filter((r) => r !== null);
      if (l.kind === 'stacked') expect(rects.reduce((n, r) => n + r.height, 0)).toBe(l.paneHeight);
      else expect(rects.reduce((n, r) => n + r.width, 0)).toBe(Math.max(0, w));
      for (const r of rects) expect(r.y + r.height).toBeLessThanOrEqual(1 + l.paneHeight);
    }
  });

  it('paneAt finds the pane under a cell', () => {
    const l = computeLayout(200, 50, false);
    expect([paneAt(l, 0, 1), paneAt(l, 75, 20), paneAt(l, 199, 47), paneAt(l, 10, 0), paneAt(l, 10, 48)]).toEqual([
      'list',
      'body',
      'inspector',
      null,
      null,
    ]);
  });
});
