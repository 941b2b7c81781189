// The search engine with the reading terms applied: the one way both the dashboard and --filter
// run a query, so `is:unread` means the same in both.
import type { SearchIndex, SearchResult, SortKey } from '../search/index.js';
import type { Reading } from './reading.js';
import { readingPredicate, splitReadingTerms } from './terms.js';

/**
 * Runs `query` on the index with its reading terms (`is:unread` ...) applied as an id predicate,
 * leaving out the `hidden` ids.
 * Throws QueryError for a malformed query, and an Error when reading terms are used without state.
 */
export function searchWithReading(
  index: SearchIndex,
  query: string,
  opts: { sort?: SortKey; includeDrafts?: boolean; now?: number; limit?: number; idsOnly?: boolean },
  reading: Reading | null,
  readingVersion = 0,
  hidden: ReadonlySet<number> | null = null,
): SearchResult {
  const { rest, terms } = splitReadingTerms(query);
  if (terms.length && !reading) throw new Error('is:read, is:unread, is:saved and is:new need the reading state, which could not be opened');
  const keep = reading
    ? readingPredicate(terms, {
        isRead: (id) => reading.isRead(index.article(id)),
        isSaved: (id) => reading.isSaved(index.article(id)),
        isNew: (id) => reading.isNew(index.article(id)),
      })
    : null;
  // Articles whose files were removed or replaced while the dashboard was open (live updates).
  const shown = hidden && hidden.size > 0 ? (id: number) => !hidden.has(id) && (keep === null || keep(id)) : keep;
  return index.search(rest, { ...opts, keep: shown, keepKey: `${JSON.stringify(terms)}|${readingVersion}|${hidden?.size ?? 0}` });
}
