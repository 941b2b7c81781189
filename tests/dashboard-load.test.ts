// The dashboard's load, started before the UI's modules are in (src/dashboard-load.ts): it runs
// while its caller goes on, fills the index, the ids and the progress the UI reads once it is up,
// repaints only through what the UI sets, and keeps a failure for the UI to take later.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PathError } from '../src/core/files/index.js';
import { startDashboardLoad } from '../src/dashboard-load.js';

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-dashboard-load-'));
  for (let i = 0; i < 12; i++) fs.writeFileSync(path.join(root, `a${i}.md`), `---\ntitle: Post ${i}\ndate: 2025-03-${String(i + 1).padStart(2, '0')}\n---\nBody ${i}.\n`);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('startDashboardLoad', () => {
  it('resolves with the load under way, then fills the index, the ids and the progress, repainting through what the UI set', async () => {
    const load = await startDashboardLoad([root], { cache: false, clearCache: false });
    // Nothing of the load has come in yet: the caller goes on while it runs.
    expect([load.version, load.loading, load.index.size]).toEqual([0, { done: 0, total: 0 }, 0]);
    let repaints = 0;
    load.repaint = () => void (repaints += 1);
    const result = await load.loaded;
    expect(result.articles.length).toBe(12);
    expect(load.index.size).toBe(12);
    for (const a of result.articles) expect(load.ids.get(a.path)).toBe(a.id);
    expect(load.version).toBeGreaterThan(0);
    expect(repaints).toBeGreaterThan(0);
  });

  it("keeps the list's progress until the UI took the outcome, the full text's after", async () => {
    const home = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = path.join(root, 'cache');
    try {
      // A load done (its full text too) before the UI is up: the status line still says the list's progress.
      const early = await startDashboardLoad([root], { cache: true, clearCache: true });
      expect(await (await early.loaded).fullText).toBe(true);
      expect(early.loading).toEqual({ done: 12, total: 12 });
      // Taken as it comes: the full text's progress follows, and its end clears the status line.
      const taken = await startDashboardLoad([root], { cache: true, clearCache: true });
      const texts: unknown[] = [];
      taken.repaint = () => void texts.push(taken.loading);
      const result = await taken.loaded;
      taken.taken = true;
      taken.loading = null;
      expect(await result.fullText).toBe(true);
      expect(texts.filter((l) => l === null || (l as { what?: string }).what === 'text').length).toBeGreaterThan(0);
      expect(taken.loading).toBe(null);
    } finally {
      if (home === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = home;
    }
  });

  it('keeps a failure for the UI to take later, not an unhandled rejection meanwhile', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const load = await startDashboardLoad([path.join(root, 'not-there')], { cache: false, clearCache: false });
      // The UI takes a while to load its modules: a few turns of the event loop.
      for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 10));
      expect(unhandled).toEqual([]);
      await expect(load.loaded).rejects.toBeInstanceOf(PathError);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});
