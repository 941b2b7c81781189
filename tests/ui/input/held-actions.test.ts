import { describe, expect, it } from 'vitest';
import type { Action } from '../../../src/state/reducer.js';
import { HeldActions } from '../../../src/ui/input/held-actions.js';

const move = (n: number): Action => ({ type: 'command', command: n > 0 ? 'down' : 'up' });
const notice = (message: string): Action => ({ type: 'notice', message });
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function recorder() {
  const got: Action[] = [];
  return { got, held: new HeldActions((a) => void got.push(a)) };
}

describe('HeldActions', () => {
  it('holds actions until released, then hands them over in the order they were made', () => {
    const { got, held } = recorder();
    held.hold(move(1));
    held.hold(move(-1));
    expect(got).toEqual([]);
    expect(held.pending).toBe(true);
    held.release();
    expect(got).toEqual([move(1), move(-1)]);
    expect(held.pending).toBe(false);
    expect(held.releasedLate).toBe(false);
  });

  it('releases on its timer, not before, and says the release came late', async () => {
    const { got, held } = recorder();
    const start = performance.now();
    held.hold(move(1));
    held.releaseAfter(15);
    // A key held while the timer runs rides along with it; asking again does not restart the timer.
    held.hold(move(1));
    held.releaseAfter(15);
    while (got.length === 0 && performance.now() - start < 10_000) await wait(1);
    // Timers never fire early (1 ms of rounding allowed).
    expect(performance.now() - start).toBeGreaterThanOrEqual(14);
    expect(got).toEqual([move(1), move(1)]);
    expect(held.releasedLate).toBe(true);
  });

  it('any other action first releases what is held: the reducer sees the keys before it', async () => {
    const { got, held } = recorder();
    held.hold(move(1));
    held.releaseAfter(10);
    held.send(notice('answer'));
    expect(got).toEqual([move(1), notice('answer')]);
    expect(held.releasedLate).toBe(false);
    // The timer was cancelled with the release: nothing is handed over twice.
    await wait(30);
    expect(got).toEqual([move(1), notice('answer')]);
  });

  it('with nothing held, send is the plain dispatch and releaseAfter arms nothing', async () => {
    const { got, held } = recorder();
    held.releaseAfter(5);
    held.send(notice('a'));
    await wait(20);
    expect(got).toEqual([notice('a')]);
  });

  it('dispose drops the timer: nothing reaches a reducer that is gone', async () => {
    const { got, held } = recorder();
    held.hold(move(1));
    held.releaseAfter(5);
    held.dispose();
    await wait(30);
    expect(got).toEqual([]);
  });
});
