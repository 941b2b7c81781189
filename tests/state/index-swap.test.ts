// The index swap (warm start's first page -> loaded index): ids follow their article by path,
// whether answered by a scan (the first few lookups) or by the path table built after them.
import { describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../src/core/search/index.js';
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
});
