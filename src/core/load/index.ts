// The loader's public face: the size limits, loading a corpus (through the on-disk index when
// there is one; files/ walks and reads) and a warm start's first page, an article whose body
// stays on disk until read, and the parse threads that read bodies in bulk. Its closure holds the index and the
// front-matter parsers: the CLI and the skeleton import it with import(), once they need it.
export { LIMITS } from './limits.js';
export { loadCorpus, warmStart, type LoadOptions, type LoadResult } from './load.js';
export { LazyArticle, lowerBodyOf } from './lazy-article.js';
export { ArticleTable } from './article-table.js';
export { parseAll, type ParseJob } from './parse-pool.js';
export { refreshIndex, type Refreshed } from './refresh.js';
export { answersWord, LocalIndex } from './local-index.js';
