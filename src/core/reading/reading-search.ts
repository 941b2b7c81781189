// The search engine with the reading terms applied: the one way both the dashboard and --filter
// run a query, so `is:unread` means the same in both.
import type { SearchIndex, SearchResult, SortKey } from '../search.js';
import type { Reading } from './reading.js';
import { readingPredicate, splitReadingTerms } from './terms.js';

/**
 * Runs `query` on the index with its reading terms (`is:unread` ...) applied as an id predicate.
 * Throws QueryError for a malformed query, and an Error when reading terms are used without state.
 */
export function searchWithReading(
  index: SearchIndex,
  query: string,
  opts: { sort?: SortKey; includeDrafts?: boolean; now?: number; limit?: number },
  reading: Reading | null,
  readingVersion = 0,
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
  return index.search(rest, { ...opts, keep, keepKey: `${JSON.stringify(terms)}|${readingVersion}` });
}
