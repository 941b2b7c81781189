// When the dashboard's index is replaced (the warm start's first page by the loaded index), the
// same article has another id: the selection and the marks follow it by path.
import type { SearchIndex } from '../core/search/index.js';
import { hashesIdentity } from '../core/article.js';
import { hashText } from '../core/text/index.js';

// Lookups answered by a scan of `next` before a path table is built: the swap asks for the
// selection and the few marked articles, and a table of 100k paths cost 0.3-0.9 s of the UI
// thread at the moment the loaded list is first drawn, where a scan costs a few ms.
const SCANS = 8;

/** Old index id -> the id of the article with the same path in `next`, or null. */
export function idsByPath(old: SearchIndex, next: SearchIndex): (id: number) => number | null {
  let byPath: Map<string, number> | null = null;
  let scans = 0;
  return (id) => {
    const path = id < old.size ? old.article(id).path : null;
    if (path === null) return null;
    if (byPath === null && scans < SCANS) {
      scans += 1;
      // A loaded article's path hash comes from its bytes: its string is made only where the hash is the same (a million made otherwise, per scan).
      const h = hashText(path);
      for (let k = 0; k < next.size; k++) {
        const a = next.article(k);
        if ((!hashesIdentity(a) || a.identityHash('path', false) === h) && a.path === path) return k;
      }
      return null;
    }
    if (byPath === null) {
      byPath = new Map();
      for (let k = 0; k < next.size; k++) if (!byPath.has(next.article(k).path)) byPath.set(next.article(k).path, k);
    }
    return byPath.get(path) ?? null;
  };
}
