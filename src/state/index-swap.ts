// When the dashboard's index is replaced (the warm start's first page by the loaded index), the
// same article has another id: the selection and the marks follow it by path.
import type { SearchIndex } from '../core/search/index.js';

/** Old index id -> the id of the article with the same path in `next`, or null; the path table is made on first use. */
export function idsByPath(old: SearchIndex, next: SearchIndex): (id: number) => number | null {
  let byPath: Map<string, number> | null = null;
  return (id) => {
    if (byPath === null) {
      byPath = new Map();
      for (let k = 0; k < next.size; k++) byPath.set(next.article(k).path, k);
    }
    const path = id < old.size ? old.article(id).path : null;
    return path === null ? null : (byPath.get(path) ?? null);
  };
}
