// `--filter` answered from the on-disk index instead of a full load: the index is brought up to
// date from the walk and the files' stats alone (load/refresh.ts), FTS5 names the articles
// holding the query's words, and only those rows are read and ranked, by the same engine, in an
// index holding just them (search.ts, told how many articles outside it pass the filters). The
// output is the full load's, byte for byte: same matches, same order (ids follow the walk's order,
// which every tie-break of the ranking ends on), same warnings in the same order.
// Queries it cannot answer this way give null and the caller loads as before: no index yet or
// one that needs a full load, words the index does not answer for (see index/word-index.ts),
// terms other than free words, a corpus small enough that fuse ranks every article, or no exact
// match at all (the typo fallback looks at the newest articles of the whole corpus).

import type { Article, LoadWarning } from '../article.js';
import { isRecord, R, type ArticleRecord } from '../index/article-record.js';
import { ftsString } from '../index/fts.js';
import { tokensContaining } from '../index/vocabulary.js';
import { INDEX_WORD, MAX_TOKENS, MIN_LENGTH, startVocabulary, type WordSource } from '../index/word-index.js';
import { LazyArticle } from '../load/lazy-article.js';
import { refreshIndex, type Refreshed } from '../load/refresh.js';
import { parseQuery, type ParsedQuery, type SortKey } from './query.js';
import { SearchIndex } from './search.js';
import { CAP } from './search-settings.js';

/** What `--filter` prints: the matching articles in order, and the warnings a full load would report. */
export interface IndexFilterResult {
  articles: Article[];
  warnings: LoadWarning[];
}

/** Options of filterFromIndex: the search's, and the load's read cap and cache folder. */
export interface IndexFilterOptions {
  sort?: SortKey;
  includeDrafts?: boolean;
  maxFileSize?: number;
  cacheDir?: string;
  now?: number;
}

/** Whether the index can answer `q` (see the header): positive free words it holds tokens for, nothing else. */
function answerable(q: ParsedQuery): boolean {
  if (q.words.length === 0 || q.phrases.length > 0) return false;
  return q.terms.every((t) => t.kind === 'word' && !t.negate && t.value.length >= MIN_LENGTH && INDEX_WORD.test(t.value));
}

// The FTS5 expression for the words: per word the tokens containing it, ORed; null when a word
// is held by too many tokens (then the full load's scan is the cheaper answer), '' when a word is
// held by none (nothing matches).
function expressionFor(words: readonly string[], vocabulary: string): string | null {
  const groups: string[] = [];
  for (const word of new Set(words)) {
    const tokens = tokensContaining(vocabulary, word, MAX_TOKENS);
    if (tokens === null) return null;
    if (tokens.length === 0) return '';
    groups.push(`(${tokens.map(ftsString).join(' OR ')})`);
  }
  return groups.join(' AND ');
}

/**
 * Runs `query` (reading terms already split off: none allowed here) over the folders `paths`
 * from their on-disk index, as `--filter` without a limit does over a full load. Null when the
 * index cannot answer it exactly (see the header). Throws QueryError for a malformed query and
 * PathError for a missing path argument.
 */
export async function filterFromIndex(paths: string[], query: string, opts: IndexFilterOptions = {}): Promise<IndexFilterResult | null> {
  const now = opts.now ?? Date.now();
  const q = parseQuery(query, now);
  if (!answerable(q)) return null;
  const refreshed = await refreshIndex(paths, { maxFileSize: opts.maxFileSize, cacheDir: opts.cacheDir });
  if (!refreshed) return null;
  try {
    return await answer(refreshed, q, query, opts, now);
  } finally {
    refreshed.reader.close();
  }
}

async function answer(r: Refreshed, q: ParsedQuery, query: string, opts: IndexFilterOptions, now: number): Promise<IndexFilterResult | null> {
  const includeDrafts = opts.includeDrafts ?? false;
  const duplicate = r.duplicate;
  // fuse ranks every eligible article of a corpus of CAP or fewer (fuzzy matches too): only a
  // full load knows those. Duplicates (links) load once, so they do not count.
  const eligible = r.reader.count(includeDrafts) - duplicate.size;
  if (eligible <= CAP) return null;
  const vocabulary = r.reader.storedVocabulary() ?? (await startVocabulary(r.file));
  if (!vocabulary) return null;
  const expression = expressionFor(q.words, vocabulary.text);
  if (expression === null) return null;
  const positionOf = new Map<number, number>();
  r.rowOf.forEach((id, i) => {
    if (id >= 0 && !duplicate.has(i)) positionOf.set(id, i);
  });
  const matches: Array<{ at: number; record: ArticleRecord }> = [];
  if (expression !== '') {
    for (const [id, json] of r.reader.articles(r.reader.matching(expression))) {
      const at = positionOf.get(id);
      if (at === undefined) continue;
      let record: unknown;
      try {
        record = JSON.parse(json);
      } catch {
        return null;
      }
      // A row that does not read back well is parsed again by a full load.
      if (!isRecord(record) || record[R.path] !== r.files[at].path) return null;
      matches.push({ at, record });
    }
  }
  matches.sort((a, b) => a.at - b.at);
  const articles = matches.map((m, id) => LazyArticle.fromRecord(m.record, id, null, r.cap));
  // No exact match: the typo fallback ranks the newest articles of the whole corpus (from four letters on).
  if (!articles.some((a) => includeDrafts || q.draftsOnly || !a.draft)) {
    if (q.text.length >= 4) return null;
    return { articles: [], warnings: warningsOf(r, duplicate) };
  }
  const index = new SearchIndex(articles);
  // FTS5 named exactly the articles holding every word: nothing to read from their bodies.
  const every = new Uint8Array(articles.length).fill(1);
  const source: WordSource = { covered: articles.length, containing: () => ({ marks: every, rest: [] }), nearly: () => null };
  index.useWords(source);
  const result = index.search(query, { sort: opts.sort, includeDrafts, now, corpusEligible: eligible });
  return { articles: result.hits.map((h) => index.article(h.id)), warnings: warningsOf(r, duplicate) };
}

// The warnings of a full load, in its order: the walk's, then each file's in walk order (stored
// with its row, or reported by the parse of a changed file); a duplicate (link) reports nothing.
function warningsOf(r: Refreshed, duplicate: ReadonlySet<number>): LoadWarning[] {
  const positionOf = new Map<number, number>();
  r.rowOf.forEach((id, i) => {
    if (id >= 0) positionOf.set(id, i);
  });
  const perFile = r.fileWarnings.slice();
  for (const [id, json] of r.reader.warned()) {
    const at = positionOf.get(id);
    if (at === undefined || duplicate.has(at)) continue;
    let list: unknown;
    try {
      list = JSON.parse(json);
    } catch {
      continue;
    }
    if (Array.isArray(list) && list.length > 0) perFile.push({ at, warning: { path: r.files[at].path, reason: list.map(String).join('; ') } });
  }
  perFile.sort((a, b) => a.at - b.at);
  return [...r.walkWarnings, ...perFile.map((w) => w.warning)];
}
