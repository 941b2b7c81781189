// Tokens read on a thread (index/token-reads.ts): a thread that cannot read gives up cleanly, its
// batch dropped and reported once, so the caller reads tokens itself. Reads that succeed are
// checked against the index read on this thread in word-index.test.ts.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { TokenReads } from '../../../../src/core/index/words/token-reads.js';

describe('TokenReads', () => {
  it('gives up on an index it cannot open: the batch reported once with no token, nothing read after', async () => {
    let wake: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (wake = resolve));
    const reads = new TokenReads({ file: '/nonexistent/index.sqlite', sqliteModule: createRequire(import.meta.url).resolve('better-sqlite3'), articleOf: new Int32Array(4).fill(-1), size: 4 }, () => wake());
    expect(reads.take()).toBeNull();
    reads.read(['bitcoin', 'bitcoin', 'etf'], 0);
    expect(reads.has('bitcoin')).toBe(true);
    // A word left to the caller is coming while a token of it is read; once answered elsewhere (no tokens), not.
    reads.leave('bitcoin', ['bitcoin']);
    reads.leave('etf', ['etf']);
    expect(reads.coming('bitcoin')).toBe(true);
    reads.leave('etf', []);
    expect(reads.coming('etf')).toBe(false);
    await arrived;
    expect(reads.take()).toEqual([]);
    expect(reads.usable).toBe(false);
    expect(reads.has('bitcoin')).toBe(false);
    expect(reads.coming('bitcoin')).toBe(false);
    expect(reads.take()).toBeNull();
    reads.read(['solana'], 0);
    expect(reads.has('solana')).toBe(false);
    reads.close();
  });

  it('starts its thread on warm(), once, and reads the first batch on that same thread', async () => {
    let wake: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (wake = resolve));
    const reads = new TokenReads({ file: '/nonexistent/index.sqlite', sqliteModule: createRequire(import.meta.url).resolve('better-sqlite3'), articleOf: new Int32Array(4).fill(-1), size: 4 }, () => wake());
    const thread = (): unknown => (reads as unknown as { worker: unknown }).worker;
    expect(thread()).toBeNull();
    reads.warm();
    const warmed = thread();
    expect(warmed).not.toBeNull();
    reads.warm();
    reads.read(['bitcoin'], 0);
    expect(thread()).toBe(warmed);
    // The warmed thread answers the batch (here: it cannot open the index, so it gives up).
    await arrived;
    expect(reads.take()).toEqual([]);
    expect(reads.usable).toBe(false);
    // A thread given up is not started again.
    reads.warm();
    expect(thread()).toBeNull();
  });
});
