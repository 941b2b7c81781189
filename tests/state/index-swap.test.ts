// The index swap (warm start's first page -> loaded index): ids follow their article by path,
// whether answered by a scan (the first few lookups) or by the path table built after them.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article.js';
import type { SearchIndex } from '../../src/core/search/index.js';
import { loadCorpus } from '../../src/core/load/load.js';
import { idsByPath } from '../../src/state/index-swap.js';

const indexOf = (paths: readonly string[]): SearchIndex => ({ size: paths.length, article: (id: number) => ({ path: paths[id] }) }) as unknown as SearchIndex;

describe('idsByPath', () => {
  it('maps every old id to the id of its path in the new index, null where the path is gone', () => {
    const next = Array.from({ length: 5_000 }, (_, i) => `/news/${i}.md`);
    const old = Array.from({ length: 30 }, (_, i) => (i === 4 ? '/news/gone.md' : `/news/${(i * 157) % 5_000}.md`));
    const map = idsByPath(indexOf(old), indexOf(next));
    // More lookups than the scans: the later ones come from the path table.
    const got = old.map((_, id) => map(id));
    expect(got).toEqual(old.map((p) => (p === '/news/gone.md' ? null : next.indexOf(p))));
    expect(map(99)).toBeNull();
  });

  it("finds loaded articles by their paths' hashes from their bytes, as by their paths", async () => {
    const { articles } = await loadCorpus([fileURLToPath(new URL('../../data', import.meta.url))], { cache: false, workers: 0 });
    const loaded = { size: articles.length, article: (id: number): Article => articles[id] } as unknown as SearchIndex;
    // The old index lists some of them in another order, and a path the loaded one lacks.
    const old = [articles[5].path, '/elsewhere/none.md', articles[0].path, articles.at(-1)!.path];
    const map = idsByPath(indexOf(old), loaded);
    expect(old.map((_, id) => map(id))).toEqual([5, null, 0, articles.length - 1]);
  });
});

