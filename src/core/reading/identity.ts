// Which article a mark belongs to. Marks outlive file names where they can: the feed's own
// `externalId` survives a rename, a move and a second copy of the same feed in another folder
// (or with another URL scheme); the URL survives a rename; the path is the last resort. The
// record carries externalId (article-record.ts), so a warm start from the index keys the same
// way as a cold parse.
import type { Article } from '../article.js';

/** What identity reads of an article. */
export type Identified = Pick<Article, 'externalId' | 'url' | 'path'>;

/** The key reading state is stored under: `id:<externalId>`, else `url:<url>`, else `path:<absolute path>`. */
export function articleKey(a: Identified): string {
  if (a.externalId) return `id:${a.externalId}`;
  return a.url ? `url:${a.url}` : `path:${a.path}`;
}

/**
 * The keys an article's marks may have been stored under by a build that keyed less well (before
 * externalId was read, marks went to the URL or the path): consulted once, when the article's own
 * key has no row yet, so marks made before survive the change of key.
 */
export function earlierKeys(a: Identified): string[] {
  const keys: string[] = [];
  if (a.externalId && a.url) keys.push(`url:${a.url}`);
  if (a.externalId || a.url) keys.push(`path:${a.path}`);
  return keys;
}
