// The facts worker's heap is a few MB and its arrays live off it, so V8 alone seldom collects
// them: each count over a large result leaves its arrays (the ids, hot order's scores, dates and
// order) until the external-memory limit forces a collection. At a million articles that was
// 80-130 MB of the dashboard's RSS after typing a word. The worker collects after such a count
// (facts-worker.ts COLLECT_FROM). Measured in a program of its own: its peak RSS while the built
// worker counts a 2M-id result twelve times (measured here: ~21 MB with the collections, ~136 MB
// without).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/run-child.js';

const data = fileURLToPath(new URL('../../../data', import.meta.url));
const built = (file: string): string => {
  const url = new URL(`../../../dist/core/${file}`, import.meta.url);
  if (!fs.existsSync(fileURLToPath(url))) throw new Error('run `npm run build` first: this test starts the built worker');
  return url.href;
};
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-facts-garbage-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the facts worker and the garbage of its counts', () => {
  it("collects a large count's arrays: twelve counts of 2M ids raise the peak RSS by far less than they allocate", async () => {
    const script = `
      import fs from 'node:fs';
      const { loadCorpus } = await import(${JSON.stringify(built('load/load.js'))});
      const { FactsService } = await import(${JSON.stringify(built('stories/facts-background.js'))});
      const { articles } = await loadCorpus([${JSON.stringify(data)}], { cache: false });
      const service = new FactsService({ worker: new URL(${JSON.stringify(built('stories/facts-worker.js'))}) });
      await service.load((id) => articles[id % articles.length], 3000);
      const peak = () => Number(/VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
      // The 3,000 articles' ids over and over: ~48 MB of arrays a count.
      const ids = Int32Array.from({ length: 2_000_000 }, (_, i) => i % 3000);
      const first = await service.count(ids.slice(), true, Date.now());
      const before = peak();
      let ordered = 0;
      for (let k = 0; k < 12; k++) {
        ordered += (await service.count(ids.slice(), true, Date.now())).hot.length;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      service.close();
      process.stdout.write(JSON.stringify({ total: first.pulse.total, ordered, grew: peak() - before }));
    `;
    const file = path.join(dir, 'count-peak.mjs');
    fs.writeFileSync(file, script);
    const r = await runNode([file], { timeout: 120_000 });
    expect(r.stderr).toBe('');
    const { total, ordered, grew } = JSON.parse(r.stdout) as { total: number; ordered: number; grew: number };
    // The counts did run over the whole result.
    expect(total).toBe(2_000_000);
    expect(ordered).toBe(12 * 2_000_000);
    // 12 x ~48 MB allocated; V8 alone lets ~64 MB of it or more pile up before collecting.
    expect(grew).toBeLessThan(70);
  });
});
