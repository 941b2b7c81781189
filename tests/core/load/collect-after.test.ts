// A load of at least `collectAfter` articles collects its garbage before it returns (load.ts), so
// that the caller's first use of the whole list (the dashboard's first full render) does not
// allocate on top of it: a full collection is seen while the load ends, and the articles are the
// same as without it. Below the count, or without the option (a `--filter`), none is asked for.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/load/load.js';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-collect-after-'));
  fs.mkdirSync(path.join(root, 'news'));
  for (let i = 0; i < 12; i++) fs.writeFileSync(path.join(root, 'news', `s${i}.md`), `---\ntitle: Story ${i}\n---\nBody ${i}.\n`);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

// The full (major) collections while `run` goes on, and its result.
async function majorCollections<T>(run: () => Promise<T>): Promise<{ majors: number; result: T }> {
  let majors = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if ((e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors += 1;
  });
  observer.observe({ entryTypes: ['gc'] });
  try {
    const result = await run();
    // GC entries are delivered on a later turn.
    await new Promise((r) => setTimeout(r, 100));
    return { majors, result };
  } finally {
    observer.disconnect();
  }
}

describe('a load with collectAfter', () => {
  it('collects once it has made that many articles, and gives the same articles', async () => {
    const dir = path.join(root, 'news');
    const opts = { cacheDir: path.join(root, 'cache'), workers: 0 };
    await loadCorpus([dir], opts); // cold: the index written, and its garbage collected on a later turn (session.ts)
    await new Promise((r) => setTimeout(r, 300));
    const plain = await majorCollections(() => loadCorpus([dir], opts));
    const above = await majorCollections(() => loadCorpus([dir], { ...opts, collectAfter: 13 }));
    const collected = await majorCollections(() => loadCorpus([dir], { ...opts, collectAfter: 12 }));
    expect(collected.majors).toBeGreaterThanOrEqual(1);
    expect(collected.majors).toBeGreaterThan(Math.max(plain.majors, above.majors));
    const shape = (r: typeof plain.result): unknown => r.articles.map((a) => [a.id, a.path, a.title]);
    expect(shape(collected.result)).toEqual(shape(plain.result));
    expect(collected.result.articles).toHaveLength(12);
  });
});
