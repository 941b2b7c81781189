// After a cold load's bulk write the index session collects the heap's garbage once, on the next
// turn: the parse garbage must not sit beside the text build's threads (load-garbage.ts).
import { describe, expect, it } from 'vitest';
import { collectLoadGarbage } from '../../../src/core/index/load-garbage.js';

describe('collectLoadGarbage', () => {
  it('frees unreachable objects on the next turn, without exposing gc to the program', async () => {
    let junk: Array<{ n: number; s: string }> | null = Array.from({ length: 400_000 }, (_, n) => ({ n, s: `item ${n}` }));
    const withJunk = process.memoryUsage().heapUsed;
    expect(junk.length).toBe(400_000);
    junk = null;
    collectLoadGarbage();
    await new Promise((resolve) => setImmediate(resolve));
    // ~30 MB of objects gone; nothing else this test holds comes near that.
    expect(withJunk - process.memoryUsage().heapUsed).toBeGreaterThan(15_000_000);
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
