// How long keys wait for the list's settled order. Two orders stand in for one still coming:
// under `--sort hot` the list's own order (listedHits) until the aggregate's, counted over every
// match with story sizes, is in; and one row per article until the stories are grouped (the facts
// worker's answer, dashboard.tsx). Keys that act on the rows (`j`, a mark, Enter) wait for the
// settled order, so they act on the rows the settled screen shows. Found by testers: Enter typed
// ahead under `--sort hot` chose an article the settled list did not show first, and `j j j j j j
// Enter` typed ahead at a warm start printed another article than the same keys a second later
// (the rows folded into stories in between).
import { useEffect, useReducer, useRef } from 'react';

/**
 * The longest the keys wait for one settled order (ms): its facts may never come (the facts
 * worker failed) or come late (a loaded machine); the keys then act on the order shown. A
 * start-up on the bundled folder has both ~0.3-0.9 s after the first list.
 */
export const ORDER_WAIT_MS = 3000;

/**
 * Whether keys wait for the settled order now: `coming` (hotOrderComing, or the stories being
 * grouped) and not for ORDER_WAIT_MS since it started to be. The wait ends with a render (its
 * answer, or the time up), after which keys held for it are read again (use-keys.ts). Once the
 * time is up it stays so until the order comes: a list whose facts never come waits once, not for
 * every query typed.
 */
export function useOrderWait(coming: boolean, ms = ORDER_WAIT_MS): boolean {
  const since = useRef<number | null>(null);
  const [ticks, timeUp] = useReducer((n: number) => n + 1, 0);
  if (!coming) since.current = null;
  else since.current ??= performance.now();
  const left = since.current === null ? 0 : since.current + ms - performance.now();
  const waiting = left > 0;
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setTimeout(timeUp, left);
    return () => clearTimeout(timer);
    // Set once per wait, not per render (`left` shrinks with each); again after a timer that fired a little early.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [waiting, ticks]);
  return waiting;
}
