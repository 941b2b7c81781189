// search's public face. The query language (parseQuery, the sentiment names, sort keys) and the
// engine's shapes are here at once; the engine itself (SearchIndex over fuse.js, the index's word
// lookups, reading bodies) is behind importSearchEngine and importBodyPreload, so that the CLI
// can check a view's query, and the facts worker read sentiments, without loading it; the
// index-only `--filter` (importIndexFilter) likewise.
export { canonicalSentiment, operatorError, typedQueryError, parseQuery, QueryError, queryErrorOf, type ParsedQuery, type Sentiment, type SortKey, type Term } from './query.js';
export { BODY_DEPTH, EVERY_MATCH, listedMatches, type Hit, type SearchOptions, type SearchResult } from './search-settings.js';
export type { SearchIndex } from './search.js';

/** The search engine: SearchIndex, and what says whether a query reads bodies or the index answers it. */
export const importSearchEngine = (): Promise<typeof import('./search.js')> => import('./search.js');
/** `--filter` answered from the on-disk index, reading only the matching rows. */
export const importIndexFilter = (): Promise<typeof import('./index-filter.js')> => import('./index-filter.js');
/** Reading bodies in bulk before a search that needs them (parse threads, or the index's body words). */
export const importBodyPreload = (): Promise<typeof import('./body-preload.js')> => import('./body-preload.js');
