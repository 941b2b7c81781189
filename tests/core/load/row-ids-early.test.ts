// A warm load whose index holds every file's row tells each article's row id before it makes the
// articles (LoadOptions.onRowIds): the facts worker reads by them while the list fills. They must
// be exactly the ids the result gives (indexIds), links and all; a load with a file to parse
// tells nothing early.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/load/load.js';
import { article, cleanup, makeTempDir, write } from './loader-fs.js';

let root = '';
let corpus = '';
let cacheDir = '';
beforeEach(() => {
  root = makeTempDir();
  corpus = path.join(root, 'news');
  cacheDir = path.join(root, 'cache');
  for (let i = 0; i < 40; i++) write(corpus, `f${i % 3}/a-${String(i).padStart(3, '0')}.md`, article(`Story ${i}`));
  // The same file reached again through a folder link: one article, at its first position.
  fs.symlinkSync(path.join(corpus, 'f0'), path.join(corpus, 'z-link'));
  write(corpus, 'broken.md', '---\ntitle: [unclosed\n---\nbody\n');
});
afterEach(() => cleanup(root));

const told = async (): Promise<{ early: Int32Array[]; indexIds: Int32Array | null | undefined; articles: number; before: number }> => {
  const early: Int32Array[] = [];
  let before = -1;
  let made = 0;
  const result = await loadCorpus([corpus], {
    cacheDir,
    onRowIds: (ids) => void (early.push(ids), (before = made)),
    onArticles: (batch) => void (made += batch.length),
  });
  return { early, indexIds: result.indexIds, articles: result.articles.length, before };
};

describe('onRowIds', () => {
  it('tells nothing on a cold load, then on a warm one tells every row id once, before any article, equal to indexIds', async () => {
    const cold = await told();
    expect(cold.early).toEqual([]);
    expect(cold.articles).toBe(40);
    const warm = await told();
    expect(warm.early).toHaveLength(1);
    expect(warm.before).toBe(0);
    expect(warm.indexIds).not.toBeNull();
    expect(Array.from(warm.early[0])).toEqual(Array.from(warm.indexIds!));
    expect(warm.early[0]).toHaveLength(40);
    expect(new Set(warm.early[0]).size).toBe(40);
  });

  it('tells nothing when a file changed since (it is parsed: its row id comes with the load)', async () => {
    await told();
    const file = path.join(corpus, 'f1', 'a-001.md');
    fs.writeFileSync(file, article('Story 1, edited'));
    const later = Date.now() / 1000 + 5;
    fs.utimesSync(file, later, later);
    const edited = await told();
    expect(edited.early).toEqual([]);
    expect(edited.articles).toBe(40);
  });

  it('tells nothing without an index on disk (--no-cache)', async () => {
    const early: Int32Array[] = [];
    await loadCorpus([corpus], { cache: false, onRowIds: (ids) => void early.push(ids) });
    await loadCorpus([corpus], { cache: false, onRowIds: (ids) => void early.push(ids) });
    expect(early).toEqual([]);
  });
});
