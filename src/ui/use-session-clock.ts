// The time the dashboard reads dates and publication windows by. It holds still (one `now` keeps
// each search's remembered lists and the rows' dates steady) and moves only when an article's
// publish date comes or its expiry passes (SearchIndex.nextListedChange): a scheduled article is
// then listed, an expired one dropped, while the dashboard runs, with no file changing.
import { useEffect, useState } from 'react';
import type { SearchIndex } from '../core/search/index.js';

/** A clock (epoch ms) and a one-shot timer: the real ones (realClock), or a test's. */
export interface SessionClock {
  now(): number;
  /** Calls `fn` once, about `ms` milliseconds from now; returns what cancels it. */
  after(ms: number, fn: () => void): () => void;
}

// setTimeout's longest delay (~24.8 days): a change further off is waited for in steps.
const LONGEST_WAIT = 2 ** 31 - 1;

/** Date.now and setTimeout; the timer does not keep the process alive (the terminal's input does). */
export const realClock: SessionClock = {
  now: () => Date.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, Math.min(Math.max(0, ms), LONGEST_WAIT));
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/**
 * The session's `now` (epoch ms) for App: `fixed` when given without a clock (a test's still
 * time), else `clock`'s time at mount (`fixed` when given), moved to the clock's time once the
 * next change of `index`'s listed articles comes. `version`: the index's articles changed.
 */
export function useSessionClock(index: SearchIndex, version: number, fixed: number | undefined, clock: SessionClock | undefined): number {
  const ticking = clock ?? (fixed === undefined ? realClock : null);
  const [now, setNow] = useState(() => fixed ?? ticking!.now());
  useEffect(() => {
    if (!ticking) return;
    const next = index.nextListedChange(now);
    if (next === Infinity) return;
    let cancel = (): void => {};
    const wait = (): void => {
      const t = ticking.now();
      if (t >= next) setNow(t);
      else cancel = ticking.after(next - t, wait);
    };
    wait();
    return () => cancel();
  }, [index, version, now, ticking]);
  return ticking ? now : fixed!;
}
