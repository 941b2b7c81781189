// The loader's public face. What is light is here at once: the size limits, the read cap and the
// name of the parser that built the index's rows, and the on-disk index of some folders checked
// against their files (LocalIndex: walk, stat, compare; the parser is loaded only when a file
// changed). The loader proper (loading a corpus through the index, a warm start's first page, an
// article whose body stays on disk until read, the parse threads) is behind importLoader: it
// brings every front-matter, date and text parser (~0.1 s of module loading), which a warm
// `--filter` answered from the index never needs.
export { LIMITS, effectiveCap, parserStamp } from './limits.js';
export { completeUtf8Length, decodeArticleBytes } from './decode.js';
export { refreshIndex, type Refreshed, type RefreshOptions } from './refresh.js';
export { answersWord, LocalIndex } from './local-index.js';
export type { LoadOptions, LoadResult } from './load.js';
export type { LazyArticle } from './lazy-article.js';
export type { ParseJob } from './parse-pool.js';

/** The loader proper: loadCorpus, warmStart, LazyArticle, lowerBodyOf, parseAll (see the header). */
export const importLoader = (): Promise<typeof import('./load.js')> => import('./load.js');
