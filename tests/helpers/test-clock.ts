// A session clock (ui/use-session-clock.ts) whose time moves only by `advance`, firing the timers
// then due: tests of what the dashboard does as time passes, without waiting for it.
import type { SessionClock } from '../../src/ui/use-session-clock.js';

/** The clock, `advance(to)` (ms since the epoch), and how many timers are still waiting. */
export function testClock(start: number): { clock: SessionClock; advance: (to: number) => void; pending: () => number } {
  let time = start;
  let timers: Array<{ at: number; fn: () => void }> = [];
  const clock: SessionClock = {
    now: () => time,
    after(ms, fn) {
      const timer = { at: time + ms, fn };
      timers.push(timer);
      return () => void (timers = timers.filter((t) => t !== timer));
    },
  };
  const advance = (to: number): void => {
    time = to;
    const due = timers.filter((t) => t.at <= to);
    timers = timers.filter((t) => t.at > to);
    for (const t of due) t.fn();
  };
  return { clock, advance, pending: () => timers.length };
}
