// Loads a fixture folder through the real loader (in-process, no worker threads) and indexes it
// for search, with a private cache folder removed after the file's tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { Article, LoadWarning } from '../../../src/core/article.js';
import { loadCorpus } from '../../../src/core/load/load.js';
import { SearchIndex } from '../../../src/core/search/search.js';

export interface Loaded { articles: Article[]; warnings: LoadWarning[]; byFile: Record<string, Article>; index: SearchIndex }

/** A `load(rel, cache?)` over the folders under `casesDir`; `byFile` is keyed by file name. */
export function fixtureLoader(casesDir: string): (rel: string, cache?: boolean) => Promise<Loaded> {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-fixture-cache-'));
  afterAll(() => fs.rmSync(cacheDir, { recursive: true, force: true }));
  return async (rel, cache = false) => {
    const { articles, warnings } = await loadCorpus([path.join(casesDir, rel)], { cache, cacheDir, workers: 0 });
    const byFile = Object.fromEntries(articles.map((a) => [path.basename(a.path), a]));
    return { articles, warnings, byFile, index: new SearchIndex(articles) };
  };
}
