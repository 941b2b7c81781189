import { describe, expect, it } from 'vitest';
import { afterSettled, inputRead, KEYS_FIRST_MS } from '../../../src/ui/input/after-input.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('afterSettled (the body following its selection)', () => {
  it('runs `ms` after it is asked when no input is read meanwhile', async () => {
    await sleep(KEYS_FIRST_MS + 10); // earlier tests' reads out of the way
    const askedAt = performance.now();
    const ran = await new Promise<number>((resolve) => afterSettled(16, () => resolve(performance.now())));
    expect(ran - askedAt).toBeGreaterThanOrEqual(15);
    // Not held for the typing pause: no key came.
    expect(ran - askedAt).toBeLessThan(KEYS_FIRST_MS);
  });

  it('waits for typing to pause when a key is read meanwhile, each key starting the wait again', async () => {
    await sleep(KEYS_FIRST_MS + 10);
    let ranAt = 0;
    afterSettled(16, () => (ranAt = performance.now()));
    // A letter typed into the search line 5 ms after the follow was asked (the selection as it was).
    await sleep(5);
    inputRead();
    await sleep(60);
    expect(ranAt).toBe(0);
    inputRead();
    const lastKeyAt = performance.now();
    await sleep(KEYS_FIRST_MS + 60);
    expect(ranAt).toBeGreaterThan(0);
    expect(ranAt - lastKeyAt).toBeGreaterThanOrEqual(KEYS_FIRST_MS - 2);
  });

  it('never runs once cancelled, before or during the wait for typing to pause', async () => {
    await sleep(KEYS_FIRST_MS + 10);
    let called = 0;
    afterSettled(16, () => called++)();
    const cancel = afterSettled(16, () => called++);
    inputRead();
    await sleep(40);
    cancel();
    await sleep(KEYS_FIRST_MS + 40);
    expect(called).toBe(0);
  });
});
