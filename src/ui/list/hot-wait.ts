// How long keys wait for the hot order: the list's own order stands in (listedHits) until the
// aggregate's, counted over every match with story sizes, is in; keys that act on the rows
// (`j`, a mark, Enter) wait for it, so they act on the rows the settled screen shows. At start-up
// under `--sort hot` the stand-in has no story sizes yet: Enter typed ahead chose an article the
// settled list did not show first.
import { useEffect, useReducer, useRef } from 'react';

/**
 * The longest the keys wait for one hot order (ms): its facts may never come (the facts worker
 * failed) or come late (a loaded machine); the keys then act on the order shown. A start-up on
 * the bundled folder has it ~0.3 s after the first list.
 */
export const HOT_WAIT_MS = 3000;

/**
 * Whether keys wait for the hot order now: `coming` (hotOrderComing) and not for HOT_WAIT_MS
 * since it started to be. The wait ends with a render (its answer, or the time up), after which
 * keys held for it are read again (use-keys.ts). Once the time is up it stays so until the hot
 * order comes: a list whose facts never come waits once, not for every query typed.
 */
export function useHotWait(coming: boolean, ms = HOT_WAIT_MS): boolean {
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
