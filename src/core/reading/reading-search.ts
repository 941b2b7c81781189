// The search engine with the reading terms applied: the one way both the dashboard and --filter
// run a query, so `is:unread` means the same in both.
import type { SearchIndex, SearchResult, SortKey } from '../search/index.js';
import type { Reading } from './reading.js';
import { readingPredicate, splitReadingTerms } from './terms.js';

/**
 * Runs `query` on the index with its reading terms (`is:unread` ...) applied as an id predicate,
 * leaving out the `hidden` ids. The `held` ids pass the reading terms whatever their marks: the
 * dashboard's rows whose marks changed since the result was asked (a row read by `m` in an
 * `is:unread` list stays listed until the query, the sort or `r` asks it again); the rest of the
 * query still applies to them.
 * Throws QueryError for a malformed query, and an Error when reading terms are used without state.
 */
export function searchWithReading(
  index: SearchIndex,
  query: string,
  opts: { sort?: SortKey; includeDrafts?: boolean; now?: number; limit?: number; idsOnly?: boolean },
  reading: Reading | null,
  readingVersion = 0,
  hidden: ReadonlySet<number> | null = null,
  held: ReadonlySet<number> | null = null,
): SearchResult {
  const { rest, terms } = splitReadingTerms(query);
  if (terms.length && !reading) throw new Error('is:read, is:unread, is:saved and is:new need the reading state, which could not be opened');
  const marks = reading
    ? readingPredicate(terms, {
        isRead: (id) => reading.isRead(index.article(id)),
        isSaved: (id) => reading.isSaved(index.article(id)),
        isNew: (id) => reading.isNew(index.article(id)),
      })
    : null;
  const keep = marks && held && held.size > 0 ? (id: number) => held.has(id) || marks(id) : marks;
  // Articles whose files were removed or replaced while the dashboard was open (live updates).
  const shown = hidden && hidden.size > 0 ? (id: number) => !hidden.has(id) && (keep === null || keep(id)) : keep;
  return index.search(rest, { ...opts, keep: shown, keepKey: `${JSON.stringify(terms)}|${readingVersion}|${hidden?.size ?? 0}|${held && held.size > 0 ? setName(held) : 0}` });
}

// A name for each set of held ids, for keepKey: two searches with the same key must keep the same
// ids, and sets of one size (a row held, then another after the list was asked again) do not.
const names = new WeakMap<ReadonlySet<number>, number>();
let lastName = 0;
function setName(held: ReadonlySet<number>): number {
  let name = names.get(held);
  if (name === undefined) names.set(held, (name = ++lastName));
  return name;
}
