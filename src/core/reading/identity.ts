// Which article a mark belongs to. Marks outlive file names where they can: an article's URL
// survives a rename and a second copy of the same feed; the path is the fallback. (The feed's own
// `externalId` would be better still, but the loader keeps only the record fields in memory and
// front matter is re-read from disk on demand, so keying on it would cost a file read per
// article; it becomes the first choice once the record carries it.)
import type { Article } from '../article.js';

/** The key reading state is stored under: `url:<url>`, else `path:<absolute path>`. */
export function articleKey(a: Pick<Article, 'url' | 'path'>): string {
  return a.url ? `url:${a.url}` : `path:${a.path}`;
}
