// The body pane's read position (its title's `NN%`, ui/ArticleBody.tsx bodyTitle): 100 exactly when the article's last row is
// on screen, below it otherwise, and nothing without an article.
import { describe, expect, it } from 'vitest';
import { initialState, type AppState } from '../../src/state/app-state.js';
import { bodyPercent, bodyRows, maxBodyScroll } from '../../src/state/selectors.js';

// 80x24: the body pane beside the list, bodyRows(s) rows tall.
const at = (bodyLines: number, bodyScroll: number): AppState => ({ ...initialState({ width: 80, height: 24 }), bodyLines, bodyScroll });

describe('bodyPercent', () => {
  const rows = bodyRows(at(100, 0));

  it('is null with nothing measured', () => {
    expect(bodyPercent(at(0, 0))).toBeNull();
  });

  it('is 100 for an article that fits the pane, and at the top of one that only just fits', () => {
    expect(bodyPercent(at(3, 0))).toBe(100);
    expect(bodyPercent(at(rows, 0))).toBe(100);
  });

  it('counts the rows down to the pane bottom: one row past the pane is not the end', () => {
    expect(bodyPercent(at(rows + 1, 0))).toBe(Math.floor((rows / (rows + 1)) * 100));
    expect(bodyPercent(at(rows + 1, 1))).toBe(100);
    expect(bodyPercent(at(200, 0))).toBe(Math.floor((rows / 200) * 100));
  });

  it('stays below 100 until the last row shows, even where rounding would reach it', () => {
    const long = 10_000;
    expect(bodyPercent(at(long, maxBodyScroll(at(long, 0)) - 1))).toBe(99);
    expect(bodyPercent(at(long, maxBodyScroll(at(long, 0))))).toBe(100);
  });

  it('reads a scroll past the end (a shorter article measured since) as the end', () => {
    expect(bodyPercent(at(50, 10_000))).toBe(100);
  });

  it('grows with every page down to 100', () => {
    const seen: number[] = [];
    for (let scroll = 0; scroll < maxBodyScroll(at(300, 0)); scroll += rows) seen.push(bodyPercent(at(300, scroll))!);
    seen.push(bodyPercent(at(300, maxBodyScroll(at(300, 0))))!);
    for (let i = 1; i < seen.length - 1; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
    expect(seen.slice(0, -1).every((p) => p < 100)).toBe(true);
    expect(seen.at(-1)).toBe(100);
  });
});
