// `--filter` follows one rule at every folder size: when articles hold every free word, they are
// the result (fuse only ranks them); near misses come only from the typo fallback, when none does.
// A small folder (the bundled data, under the search's CAP) once had fuse rank every article, so
// `-f 'bitcoin etf' data` printed `Bitcoin Flash Crash` and lightning-fee stories, while the
// on-disk index's path over a big folder printed only the articles holding both words. Here the
// bundled data is searched alone, and again inside a folder past CAP (fillers that hold none of
// the words) through the index: both must print the same bundled articles.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/load/load.js';
import { preloadBodies } from '../../../src/core/search/body-preload.js';
import { filterFromIndex } from '../../../src/core/search/index-filter.js';
import { CAP, SearchIndex } from '../../../src/core/search/search.js';

const repo = path.resolve(import.meta.dirname, '..', '..', '..');
const NOW = Date.UTC(2026, 10, 21);
let root: string;
let big: string;
let cacheDir: string;
let small: SearchIndex;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-small-filter-'));
  big = path.join(root, 'big');
  fs.cpSync(path.join(repo, 'data', 'news'), path.join(big, 'bundled'), { recursive: true });
  fs.mkdirSync(path.join(big, 'fillers'));
  for (let i = 0; i < CAP + 100; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    fs.writeFileSync(path.join(big, 'fillers', `note-${i}.md`), `---\ntitle: Harbour note ${i}\ndate: 2024-02-${day}\n---\nThe tide came in at ${i}.\n`);
  }
  cacheDir = path.join(root, 'cache');
  expect(await (await loadCorpus([big], { cacheDir })).fullText).toBe(true);
  const alone = await loadCorpus([path.join(repo, 'data', 'news')], { cache: false });
  await preloadBodies(alone.articles);
  small = new SearchIndex(alone.articles);
}, 120_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const names = (paths: readonly string[]): string[] => paths.map((p) => path.basename(p)).sort();

describe('--filter on a small folder and through the index agree', () => {
  it.each(['bitcoin etf', 'spot bitcoin', 'solana fees', 'lightning payments', 'mining', 'bitconi'])('%s', async (query) => {
    const alone = small.search(query, { now: NOW }).hits.map((h) => small.article(h.id));
    const indexed = await filterFromIndex([big], query, { cacheDir, now: NOW });
    expect(indexed).not.toBeNull();
    const bundled = indexed!.paths.filter((p) => p.includes(`${path.sep}bundled${path.sep}`));
    expect(names(alone.map((a) => a.path))).toEqual(names(bundled));
    expect(alone.length).toBeGreaterThan(0);
  }, 180_000);

  it('prints only articles that hold every word when some do', () => {
    const words = ['bitcoin', 'etf'];
    const hits = small.search('bitcoin etf', { now: NOW }).hits.map((h) => small.article(h.id));
    expect(hits.length).toBeGreaterThan(0);
    for (const a of hits) {
      const text = [a.title, a.description, a.tags.join(' '), a.source, a.categories.join(' '), a.body].join(' ').toLowerCase();
      for (const w of words) expect(text, a.title).toContain(w);
    }
    expect(hits.map((a) => a.title)).not.toContain('Bitcoin Flash Crash Wipes Out $2.4B in Leveraged Positions');
  });
});
