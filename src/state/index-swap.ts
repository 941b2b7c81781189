// When the dashboard's index is replaced (the warm start's first page by the loaded index), the
// same article has another id: the selection and the marks follow it by path. So they do when a
// live update reads an article's file again (an edit): by the new id it was given.
import type { SearchIndex } from '../core/search/index.js';
import type { AppState } from './app-state.js';
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

/** `id` followed through `replaced` (an edited article's old id -> its file's next version's id) to the article its file is now. */
export function latestVersion(replaced: ReadonlyMap<number, number>, id: number): number {
  let at = id;
  // New ids are always past the old ones (appended to the index): the chain ends.
  for (let next = replaced.get(at); next !== undefined; next = replaced.get(at)) at = next;
  return at;
}

/** Whether the selection is an edited article's new version that the rows do not list yet (AppState.replaced followed, its results to come). */
export function followsEdit(s: Pick<AppState, 'hits' | 'cursor' | 'selectedId' | 'replaced'>): boolean {
  if (s.selectedId === null || s.hits[s.cursor]?.id === s.selectedId) return false;
  for (const id of s.replaced.values()) if (id === s.selectedId) return true;
  return false;
}
