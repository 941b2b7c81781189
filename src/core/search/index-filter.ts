// `--filter` answered from an article index (index/article-index.ts; the one kept on disk is
// load/local-index.ts) instead of a full load: the index is brought up to date from the walk and
// the files' stats alone, then asked for candidates, and only their rows are read and ranked by
// the same engine, in a SearchIndex holding just them. The output is the full load's, byte for
// byte: same matches, same order (ids follow the walk's order, which every tie-break of the
// ranking ends on), same warnings in the same order. Two ways, by what the index decides:
// - exactly (free words through FTS5, and filters SQL decides besides: the drafts rule, dates,
//   `is:`, `source:`, `lang:`, `sentiment:`, `coin:`, negated words; index/query-plan.ts): the
//   candidates are the matches, and COUNT(*) of the articles passing the filters tells the
//   engine which path the whole corpus would take (one pass over everything under CAP);
// - as a superset (phrases, tags, categories, words the index leaves to memory): every article
//   that may pass the filters is read, and the index answers for the free words within them, so
//   the engine sees every article that could matter.
// Either way the query is first corrected by the index's vocabulary (typos/typo-rule.ts), the
// rule a full load's search applies with its own: `bitconi` is answered as `bitcoin`.
// Either way the filters the index decided are not checked again (SearchOptions.decided), so a
// negated word or a coin reads no body; only terms left to memory read them.
// Null (the caller loads as before) when there is no usable index, or the second way finds
// nothing in the query to narrow by.
// With `pathsOnly` (`--print path`) the first way ranks rows read for ranking alone (IndexRow:
// the stored metadata, no loader, no parser), and only the paths are handed back.

import type { Article, FoldedBodyOnDisk, FrontMatterFormat, LoadWarning } from '../article.js';
import type { ArticleRecord } from '../article-record.js';
import { newMarks, setMark, type ArticleIndex, type IndexedRow, type IndexQuery, type Marks, type WordSource } from '../index/index.js';
import type { WalkThread } from '../files/index.js';
import { answersWord, importLoader, LocalIndex } from '../load/index.js';
import { parseQuery, type ParsedQuery, type SortKey } from './query.js';
import { correctWith, indexVocabulary } from './typos/typo-rule.js';
import { SearchIndex } from './search.js';
import { CAP } from './search-settings.js';

/** What `--filter` prints: the matching files and articles in order, and the warnings a full load would report. */
export interface IndexFilterResult {
  /** The matching files' paths, in order. */
  paths: string[];
  /** The matching articles, in order (bodies read from their files on use); null with `pathsOnly`. */
  articles: Article[] | null;
  warnings: LoadWarning[];
}

/** Options of filterFromIndex: the search's, the load's read cap and cache folder, and whether only paths are wanted. */
export interface IndexFilterOptions {
  sort?: SortKey;
  includeDrafts?: boolean;
  maxFileSize?: number;
  cacheDir?: string;
  now?: number;
  pathsOnly?: boolean;
  /** The walk of `paths` already under way on its thread (files/ WalkThread); ended when the index cannot answer. */
  walk?: WalkThread | null;
}

/**
 * Runs `query` (reading terms already split off: none allowed here) over the folders `paths`
 * from their on-disk index, as `--filter` without a limit does over a full load. Null when the
 * index cannot answer it (see the header). Throws QueryError for a malformed query and
 * PathError for a missing path argument.
 */
export async function filterFromIndex(paths: string[], query: string, opts: IndexFilterOptions = {}): Promise<IndexFilterResult | null> {
  const now = opts.now ?? Date.now();
  parseQuery(query, now);
  const index = new LocalIndex(paths, { maxFileSize: opts.maxFileSize, cacheDir: opts.cacheDir, walk: opts.walk });
  const begun = await index.begin();
  if (!begun) return null;
  const answer = async (): Promise<Article[] | null> => {
    const fixed = correctWith(query, indexVocabulary(index.vocabulary), now);
    const q = parseQuery(fixed, now);
    return (await exactly(index, q, fixed, opts, now)) ?? (await superset(index, q, fixed, opts, now));
  };
  // The warnings once the check has settled: the walk's own may come after an early answer.
  const result = (articles: Article[]): IndexFilterResult => ({ paths: articles.map((a) => a.path), articles: opts.pathsOnly ? null : articles, warnings: index.warnings() });
  let settled = false;
  try {
    // Answered while the files are walked and stat-ed (the index as if nothing changed), kept when nothing did.
    if (begun.provisional) {
      const early = await answer();
      if (!early) return null;
      const outcome = await begun.settle();
      settled = true;
      if (outcome === 'same') return result(early);
      if (outcome === 'unusable') return null;
    } else {
      settled = true;
      if ((await begun.settle()) === 'unusable') return null;
    }
    const articles = await answer();
    return articles && result(articles);
  } finally {
    if (settled) index.close();
    else begun.cancel();
  }
}

// The rows of `ids` as articles with ids 0..n-1 in walk order (for ranking alone: IndexRows, else
// the loader's articles), or null when one does not read back well.
async function articlesOf(index: LocalIndex, ids: readonly number[], forRanking = false): Promise<{ articles: Article[]; rowIds: number[] } | null> {
  return articlesFrom(index, index.rows(ids), forRanking);
}

// Rows read back (LocalIndex.rows, or a selection's read()) as articles: see articlesOf.
async function articlesFrom(index: LocalIndex, rows: IndexedRow[] | null, forRanking: boolean): Promise<{ articles: Article[]; rowIds: number[] } | null> {
  if (!rows) return null;
  const rowIds = rows.map((r) => r.id);
  if (forRanking) return { articles: rows.map((r, k) => new IndexRow(r.record, k)), rowIds };
  const { ArticleTable, LazyArticle } = await importLoader();
  const table = new ArticleTable(index.cap, rows.length);
  return { articles: rows.map((r, k) => LazyArticle.fromRecord(r.record, k, null, index.cap, table)), rowIds };
}

// The first way (see the header): positive free words the index answers, filters it decides.
async function exactly(index: LocalIndex, q: ParsedQuery, query: string, opts: IndexFilterOptions, now: number): Promise<Article[] | null> {
  const short = q.phrases.length === 0 && q.text.length <= 2;
  if (short || q.words.length === 0 || !q.words.some(answersWord)) return null;
  const includeDrafts = opts.includeDrafts ?? false;
  // Counted first: the candidates' rows are read only when this way answers.
  // Whether more than CAP pass is all the count decides (here and in the ranking's fullScan): counted up to CAP + 1.
  const candidates = index.select({ terms: q.terms, includeDrafts, now, countUpTo: CAP + 1 });
  // Under CAP passing the search takes its one-pass path over them all: the second way reads them all.
  if (candidates.passing === null || candidates.passing <= CAP) return null;
  // A word the index leaves to memory would make the candidates a superset: the second way.
  if (index.leftToMemory(q.words).length > 0) return null;
  const read = candidates.read();
  // No match (a typo was corrected above): nothing to rank.
  if (read.selected === 0) return [];
  // Ranking reads no body here (every candidate holds the words), so rows for ranking alone do when only paths are printed.
  const made = await articlesFrom(index, read.rows, opts.pathsOnly ?? false);
  if (!made) return null;
  const { articles } = made;
  const search = new SearchIndex(articles);
  // FTS5 named exactly the articles holding every word: nothing to read from their bodies.
  const every = newMarks(articles.length, true);
  search.useWords({ covered: articles.length, containing: () => ({ marks: every, rest: [] }) });
  return ranked(search, query, opts, now, candidates.passing, candidates.decided);
}

// The second way (see the header): every article that may pass the filters, the words answered within them.
async function superset(index: LocalIndex, q: ParsedQuery, query: string, opts: IndexFilterOptions, now: number): Promise<Article[] | null> {
  const includeDrafts = opts.includeDrafts ?? false;
  // Its count is not read here (ranked below gets none): counted up to CAP + 1 as in exactly(), not through every row passing.
  const filters: IndexQuery = { terms: q.terms, includeDrafts, filtersOnly: true, now, countUpTo: CAP + 1 };
  const candidates = index.query(filters);
  if (!candidates) return null;
  const made = await articlesOf(index, candidates.ids);
  if (!made) return null;
  const search = new SearchIndex(made.articles);
  const words = wordSource(index, made.rowIds);
  search.useWords(words);
  // Terms the index does not decide read bodies (phrases, negated words and free words it leaves
  // to memory): read on the parse threads first, as a full load's --filter does, not one by one here.
  const answered = q.words.length === 0 || words.containing(q.words)?.rest.length === 0;
  const { decided } = candidates;
  const bodyTerms = q.terms.some((t, i) => !decided[i] && (t.kind === 'phrase' || t.kind === 'coin' || (t.kind === 'word' && t.negate)));
  if (bodyTerms || !answered) {
    const { preloadBodies } = await import('./body-preload.js');
    await preloadBodies(made.articles);
  }
  return ranked(search, query, opts, now, undefined, decided);
}

// The index's answer for free words over the articles of `rowIds` (article id = position).
function wordSource(index: ArticleIndex, rowIds: readonly number[]): WordSource {
  const articleOf = new Map<number, number>();
  rowIds.forEach((row, id) => articleOf.set(row, id));
  const marksOf = (ids: readonly number[]): Marks => {
    const marks = newMarks(rowIds.length);
    for (const row of ids) {
      const id = articleOf.get(row);
      if (id !== undefined) setMark(marks, id);
    }
    return marks;
  };
  return {
    covered: rowIds.length,
    containing: (words) => {
      const answer = index.words(words);
      return answer && { marks: marksOf(answer.ids), rest: answer.rest };
    },
  };
}

function ranked(search: SearchIndex, query: string, opts: IndexFilterOptions, now: number, corpusEligible: number | undefined, decided: readonly boolean[]): Article[] {
  const result = search.search(query, { sort: opts.sort, includeDrafts: opts.includeDrafts ?? false, now, corpusEligible, decided, typosCorrected: true });
  return result.hits.map((h) => search.article(h.id));
}

// An article row read for ranking alone (see the header): the stored metadata, which LocalIndex.rows
// has checked as every stored record is (isRecord, its own path), without the loader. Its body is
// never read (the index answered the words): a search that tried would fail loudly rather than
// rank on an empty body.
class IndexRow implements FoldedBodyOnDisk {
  readonly path: string;
  readonly relPath: string;
  readonly title: string;
  readonly description: string;
  readonly publishedAt: number | null;
  readonly dateGuessed: boolean;
  readonly updatedAt: number | null;
  readonly calendarDates: number;
  readonly source: string;
  readonly sourceKey: string;
  readonly categories: string[];
  readonly tags: string[];
  readonly sentiment: string | null;
  readonly score: number | null;
  readonly lang: string | null;
  readonly draft: boolean;
  readonly scheduledAt: number | null;
  readonly expiresAt: number | null;
  readonly stickyWeight: number;
  readonly url: string | null;
  readonly format: FrontMatterFormat;
  readonly size: number;
  readonly mtimeMs: number;
  readonly notes: string[];
  readonly coinFields: string[];
  readonly externalId: string | null;
  readonly hasLowerBody = false;
  readonly maxFileSize = 0;

  constructor(
    r: ArticleRecord,
    readonly id: number,
  ) {
    // By position, not by destructuring: an array pattern runs the iterator protocol a field, in
    // code run once per matching row (~860 rows of a warm 10k --filter).
    this.path = r[0];
    this.relPath = r[1];
    this.title = r[2];
    this.description = r[3];
    this.publishedAt = r[4];
    this.dateGuessed = r[5];
    this.updatedAt = r[6];
    this.calendarDates = r[27];
    this.source = r[7];
    this.sourceKey = r[8];
    this.categories = r[9];
    this.tags = r[10];
    this.sentiment = r[11];
    this.score = r[12];
    this.lang = r[13];
    this.draft = r[14];
    this.scheduledAt = r[26] === null ? null : r[26][0];
    this.expiresAt = r[26] === null ? null : r[26][1];
    this.stickyWeight = r[15];
    this.url = r[16];
    this.format = r[17];
    this.size = r[18];
    this.mtimeMs = r[19];
    this.notes = r[20];
    this.coinFields = r[24];
    this.externalId = r[25];
  }

  private unread(): never {
    throw new Error(`${this.path}: read for ranking only, its body was not loaded`);
  }

  get lowerBody(): Buffer {
    return this.unread();
  }

  get body(): string {
    return this.unread();
  }

  get frontMatter(): Record<string, unknown> {
    return this.unread();
  }

  get coverImage(): string | null {
    return this.unread();
  }

  attachLowerBody(): void {}
}
