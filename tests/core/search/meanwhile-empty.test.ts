// A word read on a thread (WordIndex's TokenReads) is answered meanwhile from the bodies in memory
// only when that answer lists the exact answer's rows. Here the answer meanwhile finds nothing (the
// other word's articles are older than the bodies a limited search reads), and the typo fallback
// that then runs asks the index for the word exactly on this thread: the key must still wait for
// the thread's read and list the exact rows, never an empty list (`no matches`) that fills in
// later. The folder is the e2e test's (tests/e2e/typing-rows-tmux.test.ts), cut to the least size.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeQuokkaFolder } from '../../helpers/quokka-folder.js';
import { indexFile } from '../../../src/core/index/database.js';
import { WordIndex } from '../../../src/core/index/word-index.js';
import { loadCorpus } from '../../../src/core/load/load.js';
import type { LazyArticle } from '../../../src/core/load/lazy-article.js';
import { preloadBodies } from '../../../src/core/search/body-preload.js';
import { BODY_DEPTH, SearchIndex } from '../../../src/core/search/search.js';

// The newest BODY_DEPTH articles (their bodies read ahead), `tollgate` in a quarter of the newest
// 2,000 of them (answered meanwhile: denseAmongNewest); older ones hold `quokka` in their titles and
// `tollgate` in bodies no limited search reads.
const NEWEST = BODY_DEPTH;
const OLDER = 40;
const WORD = 'quokka tollgate';
const LIMIT = 1000;
let root: string;
let roots: string[];
let articles: LazyArticle[];
let indexIds: Int32Array;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-meanwhile-empty-'));
  roots = [writeQuokkaFolder(root, NEWEST, OLDER)];
  const cacheDir = path.join(root, 'cache');
  // The full text is built after the rows; the second load is a warm one, as a later run sees it.
  expect(await (await loadCorpus(roots, { cacheDir })).fullText).toBe(true);
  const loaded = await loadCorpus(roots, { cacheDir });
  expect(await loaded.fullText).toBe(true);
  articles = loaded.articles as LazyArticle[];
  indexIds = loaded.indexIds!;
}, 240_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

it('waits for the thread\'s read when the answer meanwhile finds nothing but the read adds rows', async () => {
  const file = indexFile(path.join(root, 'cache'), roots);
  // Every size reads on the thread, a key not waiting for it (the e2e test's CRYPTO_NEWS_TUI_THREAD_READS=1000:0).
  const threaded = (await WordIndex.open(file, indexIds, undefined, { from: 0, waitMs: 0 }))!;
  const exact = (await WordIndex.open(file, indexIds))!;
  try {
    threaded.answerLater(() => {});
    const typed = new SearchIndex(articles);
    typed.useWords(threaded);
    const settled = new SearchIndex(articles);
    settled.useWords(exact);
    await preloadBodies(typed.newest(BODY_DEPTH));
    let meanwhile = 0;
    for (let k = 1; k <= WORD.length; k++) {
      const key = WORD.slice(0, k);
      const got = typed.search(key, { limit: LIMIT });
      const want = settled.search(key, { limit: LIMIT });
      // Rows listed meanwhile or not, they are the exact answer's, in its order.
      expect(got.hits, key).toEqual(want.hits);
      if (got.counting) meanwhile += 1;
      else expect(got.total, key).toBe(want.total);
    }
    // `quokka t`, `quokka to` were answered meanwhile: the path is exercised.
    expect(meanwhile).toBeGreaterThan(0);
    expect(settled.search('quokka tol', { limit: LIMIT }).hits.length).toBe(OLDER);
  } finally {
    threaded.close();
    exact.close();
  }
}, 120_000);
