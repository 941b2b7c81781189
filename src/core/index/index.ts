// The on-disk index's public face: where index files live, opening and writing one (the session
// the loader drives, the reader of a warm start's first page), the full-text build, and what the
// search engine and the facts worker read back (words, body candidates, leads, stored facts).
// Everything here but location.ts loads better-sqlite3's native module: an importer that must
// start without it (the CLI's first lines, the skeleton) imports this face with import().
export { cacheDirectory, indexFile, walkListingFile } from './location.js';
export { APPLICATION_ID, BUSY_TIMEOUT_MS, INDEX_FORMAT, removeIndex } from './database.js';
export { IndexReader, ONE_PASS_CACHE_PAGES } from './reader.js';
export { IndexSession } from './session/session.js';
export type { Pause } from './session/pause.js';
export { buildText, isOurIndex, TEXT_BATCH, type TextReader, type TextBuildResult, type TextProgress } from './text-build.js';
export { makeRows, packTexts, pendingText, unpackTexts, type PackedTexts } from './article-text.js';
export type { ArticleText, HandedBatch, HandedRow, MadeRow, PendingRow } from './store.js';
export { RowWriter, ROWS_HELD, ROWS_HANDED, ROW_BYTES_HELD } from './text-build.js';
export { MIN_LENGTH, nearestTokens, startVocabulary, WordIndex, type Interim, type ThreadReads, type WordAnswer, type WordSource } from './word-index.js';
export { INDEX_WORD, MAX_TOKENS, MIN_WORD, planQuery, wordGroup, type QueryPlan } from './query-plan.js';
export type { ArticleIndex, Candidates, IndexedRow, IndexQuery, IndexTerm } from './article-index.js';
export { anyMark, ftsString, hasMark, newMarks, setMark, tokenGroup, type Marks } from './fts.js';
export { keepVocabulary, tokensContaining } from './vocabulary.js';
export { assumeUnchanged, checkFreshness, duplicatePositions, compareStamps, matchedRows, matchStamps, sameAsStamps, type Freshness, type MatchedStamps, type StampRow } from './freshness.js';
export { matchSnapshot, writeSnapshot, type Snapshot } from './stamp-snapshot.js';
export { bodyWordsByPath } from './body-candidates.js';
export { articleRows, leadsFromIndex, type ArticleRowText } from './leads.js';
export { FactsTable, type RowWrite, type StoredRow } from './stories-table.js';
