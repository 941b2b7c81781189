// The dashboard's free words from the index (index-words.ts): on a warm start they are opened
// while the load makes its articles (openWordsEarly, by the row ids told early) and attached after
// the list from that opening; when that opening cannot serve, they are opened after the load.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/core/load/load.js';
import type { WordIndex } from '../src/core/index/index.js';
import type { SearchIndex } from '../src/core/search/index.js';
import { attachWords, openWordsEarly } from '../src/index-words.js';
import { article, cleanup, makeTempDir, write } from './core/load/loader-fs.js';

let root = '';
let corpus = '';
const cacheHome = process.env.XDG_CACHE_HOME;
beforeEach(() => {
  root = makeTempDir();
  corpus = path.join(root, 'news');
  process.env.XDG_CACHE_HOME = path.join(root, 'cache');
  for (let i = 0; i < 30; i++) write(corpus, `a-${String(i).padStart(3, '0')}.md`, article(`Story ${i} zyxword${i % 3}`));
});
afterEach(() => {
  if (cacheHome === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = cacheHome;
  cleanup(root);
});

// attachWords' answer: the words given to the search index, or 'unavailable'.
const attach = (result: Parameters<typeof attachWords>[2], early: Promise<WordIndex | null> | null): Promise<WordIndex | 'unavailable'> =>
  new Promise((resolve) => {
    let used: WordIndex | null = null;
    const index = { useWords: (w: WordIndex) => (used = w) } as unknown as SearchIndex;
    attachWords(index, [corpus], result, () => false, () => resolve(used!), () => resolve('unavailable'), () => {}, early);
  });

describe('the index words on a warm start', () => {
  it('are opened by the row ids told early and attached from that opening, answering as the ones opened after the load', async () => {
    const cold = await loadCorpus([corpus]);
    expect(await cold.fullText).toBe(true);
    let early: Promise<WordIndex | null> | null = null;
    const warm = await loadCorpus([corpus], { onRowIds: (ids) => (early = openWordsEarly([corpus], ids)) });
    expect(early).not.toBeNull();
    const opened = await early!;
    expect(opened).not.toBeNull();
    const words = await attach(warm, early);
    expect(words).toBe(opened);
    const after = await attach(warm, null);
    expect(after).not.toBe('unavailable');
    const ids = (w: WordIndex | 'unavailable'): unknown => (w === 'unavailable' ? w : w.containing(['zyxword1']));
    expect(ids(words)).toEqual(ids(after));
    expect(ids(words)).not.toBeNull();
    for (const w of [words, after]) if (w !== 'unavailable') w.close();
  });

  it('are opened after the load when the early opening could not serve', async () => {
    const cold = await loadCorpus([corpus]);
    expect(await cold.fullText).toBe(true);
    const words = await attach(cold, Promise.resolve(null));
    expect(words).not.toBe('unavailable');
    if (words !== 'unavailable') words.close();
  });
});
