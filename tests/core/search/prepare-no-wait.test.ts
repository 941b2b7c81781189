// Prepare's warm-up searches (engine/prepare-steps.ts) run the search's code for the JIT and drop
// their answers, so they never wait for words the index reads on a thread (WordSource.finishLater):
// at 1M the warm-up's three letters held the UI thread ~200 ms for their tokens just as the list
// filled, and the first key typed then waited behind them. A key's own search still waits.
import { describe, expect, it } from 'vitest';
import { newMarks, type WordSource } from '../../../src/core/index/index.js';
import { searchDeferred } from '../../../src/core/search/index-terms.js';
import type { SearchResult } from '../../../src/core/search/search.js';
import { SearchIndex } from '../../../src/core/search/search.js';
import { BODY_DEPTH } from '../../../src/core/search/search-settings.js';
import { makeCorpus } from '../../helpers/make-article.js';

const N = BODY_DEPTH + 200;
const T0 = Date.UTC(2026, 0, 1);
// Their bodies kept on disk and not read yet (FoldedBodyOnDisk's shape), as on a warm start: no
// answer meanwhile can list a typed word's exact rows, so a key's search waits for the thread.
const articles = makeCorpus(Array.from({ length: N }, (_, i) => ({ title: `Regulator note ${i}`, body: 'plain', publishedAt: T0 - i * 60_000 }))).map((a) =>
  Object.assign(a, { hasLowerBody: false, lowerBody: Buffer.from('plain'), maxFileSize: 0, attachLowerBody: () => {} }),
);

// An index still reading every word on its thread: each ask leaves the words coming, and waiting
// for it (finishLater) is counted.
function readingSource(): WordSource & { waits: number } {
  const source = {
    waits: 0,
    covered: N,
    containing: (words: readonly string[]) => ({ marks: newMarks(N, true), rest: [...words] }),
    later: () => true,
    coming: () => true,
    finishLater: () => void (source.waits += 1),
  };
  return source;
}

const counting = { hits: [], total: 0, counting: true } as unknown as SearchResult;

describe("prepare's warm-up searches", () => {
  it('searchDeferred waits for the thread when asked to, and never with wait false', () => {
    for (const [wait, waits] of [[true, 1], [false, 0]] as const) {
      const source = readingSource();
      const modes: string[] = [];
      searchDeferred(source, true, null, 'regulator', (mode) => (modes.push(mode), counting), () => false, false, wait);
      expect(source.waits, `wait ${wait}`).toBe(waits);
      // Without waiting, the answer meanwhile is the one given (the run that reads no body).
      expect(modes, `wait ${wait}`).toEqual(wait ? [''] : ['unread']);
    }
  });

  it('never wait for the words the index reads on a thread, while a search typed does', () => {
    const index = new SearchIndex(articles);
    const source = readingSource();
    index.useWords(source);
    index.prepare(Infinity);
    expect(source.waits).toBe(0);
    index.search('reg', { limit: 50 });
    expect(source.waits).toBeGreaterThan(0);
  });
});
