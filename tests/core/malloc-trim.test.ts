// Freed C-heap memory given back to the system (malloc-trim.ts). In a child process: typed arrays
// allocated in turn with ones that are kept, then the others freed, leave holes in the malloc
// arena that glibc keeps resident after V8 has collected them; returnFreeMemory, and
// collectGarbageNow (which calls it after its collection), must give them back. Where the C
// library has no malloc_trim (musl, macOS, Windows) the call says so and nothing else changes.
import { describe, expect, it } from 'vitest';
import { nodeOutput } from '../helpers/run-child.js';

const COLLECT = new URL('../../dist/core/collect-garbage.js', import.meta.url).href;
const TRIM = new URL('../../dist/core/malloc-trim.js', import.meta.url).href;

const CHILD = `
const { returnFreeMemory } = await import(${JSON.stringify(TRIM)});
const { collectGarbageNow } = await import(${JSON.stringify(COLLECT)});
const rss = () => process.memoryUsage().rss;
const kept = [];
// 2,000 arrays of 64 KB (under glibc's mmap threshold, so in the arena), every other one kept.
function holes() {
  let dropped = [];
  for (let i = 0; i < 2000; i++) (i % 2 ? kept : dropped).push(new Uint8Array(65536).fill(1));
  dropped = null;
}
holes();
globalThis.gc();
// V8 frees dead array buffers' memory on a background task after the collection.
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
await settle();
const collected = rss();
// The trim runs on libuv's pool; its callback says it is done.
const trimmed = await new Promise((resolve) => { if (!returnFreeMemory(() => resolve(true))) resolve(false); });
const afterTrim = rss();
holes();
const beforeCollect = rss();
collectGarbageNow();
// collect-garbage.ts trims a moment after its collection, once those buffers are freed.
await settle();
const afterCollect = rss();
const glibc = Boolean(process.report.getReport().header.glibcVersionRuntime);
process.stdout.write(JSON.stringify({ trimmed, glibc, kept: kept.length, byTrim: collected - afterTrim, byCollect: beforeCollect - afterCollect }));
`;

describe('returnFreeMemory', () => {
  it("gives the arena's freed memory back to the system where glibc can, and says whether it could", async () => {
    const out = JSON.parse(await nodeOutput(['--expose-gc', '--input-type=module', '-e', CHILD], { timeout: 120_000 })) as { trimmed: boolean; glibc: boolean; kept: number; byTrim: number; byCollect: number };
    expect(out.kept).toBe(2000);
    expect(out.trimmed).toBe(out.glibc);
    // ~64 MB of freed arrays sat in the arena after V8 collected them; with glibc most of it
    // leaves the resident set, by the call itself and by a collection asked of collect-garbage.ts.
    if (out.glibc) {
      expect(out.byTrim).toBeGreaterThan(30_000_000);
      expect(out.byCollect).toBeGreaterThan(30_000_000);
    } else {
      expect(out.byTrim).toBeLessThan(30_000_000);
    }
  }, 150_000);
});
