// The sleep after a key's answer drawn ahead (frame/terminal-yield.ts): the thread waits on a
// cell nobody notifies, for YIELD_MS, so no JavaScript of this process runs meanwhile.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pauseWith, YIELD_MS, yieldToTerminal } from '../../../src/ui/frame/terminal-yield.js';

afterEach(() => {
  vi.restoreAllMocks();
  pauseWith(null);
});

describe('yieldToTerminal', () => {
  it('sleeps the thread until the timeout: a wait on a zero cell of shared memory for YIELD_MS', () => {
    const wait = vi.spyOn(Atomics, 'wait');
    yieldToTerminal();
    expect(wait).toHaveBeenCalledTimes(1);
    const [cell, index, value, ms] = wait.mock.calls[0]!;
    expect(cell.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([index, value, ms]).toEqual([0, 0, YIELD_MS]);
    expect(wait.mock.results[0]).toEqual({ type: 'return', value: 'timed-out' });
  });

  it('takes a stand-in for the sleep, and the sleep back', () => {
    const seen: number[] = [];
    const wait = vi.spyOn(Atomics, 'wait');
    pauseWith((ms) => void seen.push(ms));
    yieldToTerminal();
    expect(seen).toEqual([YIELD_MS]);
    expect(wait).not.toHaveBeenCalled();
    pauseWith(null);
    yieldToTerminal();
    expect(wait).toHaveBeenCalledTimes(1);
  });
});
