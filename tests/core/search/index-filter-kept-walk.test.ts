// A warm `--filter` without a walk thread (walk-start.ts: a small kept walk, or no thread can
// start): load/refresh.ts walks on the main thread and keeps the walk beside the index, as the walk
// thread does, and the next check takes the kept walk for the walk while every folder stats as it
// did, then stats each file here. A file added, changed or removed since is still seen.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RACY_MS } from '../../../src/core/files/walk-listing.js';
import { loadCorpus } from '../../../src/core/load/load.js';
import { indexFile, walkListingFile } from '../../../src/core/index/location.js';
import { preloadBodies } from '../../../src/core/search/body-preload.js';
import { filterFromIndex } from '../../../src/core/search/index-filter.js';
import { SearchIndex } from '../../../src/core/search/search.js';
import { article, cleanup, makeTempDir, write } from '../load/loader-fs.js';

const NOW = Date.UTC(2026, 10, 21);
let root: string;
let corpus: string;
let cacheDir: string;
let listing: string;

async function withoutIndex(query: string): Promise<string[]> {
  const { articles } = await loadCorpus([corpus], { cache: false });
  await preloadBodies(articles);
  const index = new SearchIndex(articles);
  return index.search(query, { now: NOW }).hits.map((h) => index.article(h.id).path);
}

// --filter from the index with no walk thread (the walk and stat calls made on this thread).
async function fromIndex(query: string): Promise<string[] | undefined> {
  return (await filterFromIndex([corpus], query, { cacheDir, now: NOW, pathsOnly: true, walk: null }))?.paths;
}

beforeAll(async () => {
  root = makeTempDir();
  corpus = path.join(root, 'news');
  cacheDir = path.join(root, 'cache');
  for (let i = 0; i < 30; i++) write(corpus, `f${i % 3}/a-${String(i).padStart(3, '0')}.md`, article(i % 3 === 0 ? `Solana note ${i}` : `Ledger note ${i}`));
  const loaded = await loadCorpus([corpus], { cacheDir });
  expect(await loaded.fullText).toBe(true);
  listing = walkListingFile(indexFile(cacheDir, [corpus]));
  // A walk is kept only once every folder's last change is RACY_MS old (walk-listing.ts).
  await new Promise((r) => setTimeout(r, RACY_MS + 200));
}, 120_000);

afterAll(() => cleanup(root));

describe('a warm --filter without a walk thread', () => {
  it('keeps its walk beside the index, then answers from the kept walk as from a walk', async () => {
    fs.rmSync(listing, { force: true });
    expect(await fromIndex('solana')).toEqual(await withoutIndex('solana'));
    expect(fs.readFileSync(listing, 'utf8')).toContain(path.join(corpus, 'f0', 'a-000.md'));
    const got = await fromIndex('solana');
    expect(got).toEqual(await withoutIndex('solana'));
    expect(got!.length).toBe(10);
  });

  it('sees a file changed in place, added or removed since the walk was kept', async () => {
    await fromIndex('solana');
    expect(fs.existsSync(listing)).toBe(true);
    // Changed in place: its folder's times do not change (the kept walk stands), its own stat does.
    const changed = path.join(corpus, 'f1', 'a-001.md');
    fs.writeFileSync(changed, article('Solana now, a longer title than before'));
    let got = await fromIndex('solana');
    expect(got).toContain(changed);
    expect(got).toEqual(await withoutIndex('solana'));
    const added = write(corpus, 'f1/zz-added.md', article('Solana added later'));
    got = await fromIndex('solana');
    expect(got).toContain(added);
    expect(got).toEqual(await withoutIndex('solana'));
    fs.rmSync(added);
    got = await fromIndex('solana');
    expect(got).not.toContain(added);
    expect(got).toEqual(await withoutIndex('solana'));
  });
});
