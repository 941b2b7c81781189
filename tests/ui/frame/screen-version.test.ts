import { afterEach, describe, expect, it, vi } from 'vitest';
import { screenChanged, screenVersion, whenScreenStill } from '../../../src/ui/frame/screen-version.js';

afterEach(() => {
  whenScreenStill(null);
  vi.useRealTimers();
});

describe('screen version', () => {
  it('counts every change', () => {
    const v = screenVersion();
    screenChanged();
    screenChanged();
    expect(screenVersion()).toBe(v + 2);
  });

  it('runs the still callback once the screen has not changed for the given time, and again after the next change', () => {
    vi.useFakeTimers();
    const runs: number[] = [];
    whenScreenStill(() => runs.push(screenVersion()), 40);
    vi.advanceTimersByTime(39);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([screenVersion()]);
    // Changes keep putting it off until 40 ms pass without one.
    screenChanged();
    vi.advanceTimersByTime(30);
    screenChanged();
    vi.advanceTimersByTime(30);
    expect(runs).toHaveLength(1);
    vi.advanceTimersByTime(50);
    expect(runs).toEqual([runs[0], screenVersion()]);
    // Off: changes run nothing.
    whenScreenStill(null);
    screenChanged();
    vi.advanceTimersByTime(100);
    expect(runs).toHaveLength(2);
  });
});
