// The one interface between the search and an index of the articles: open it for some folders,
// bring it up to date, ask it which articles may match a parsed query (never SQL: the terms as
// the query language parsed them), count, read a row, read a body. The SQLite index kept on disk
// (load/local-index.ts) is one; a server-backed one (OpenSearch, Meilisearch) for a newsroom's
// archive would be another, with no change to the search or the UI. An index narrows: the search
// (search/index-filter.ts) still decides every match and ranks with the same engine, so an index
// only has to be sure never to leave out an article that matches.

import type { LoadWarning } from '../article.js';
import type { ArticleRecord } from '../article-record.js';

/**
 * One term of a parsed query, as the query language (search/query.ts) gives it: the same shape,
 * declared here so an index depends on no search code.
 */
export type IndexTerm =
  | { kind: 'word' | 'phrase' | 'tag' | 'category' | 'source' | 'lang' | 'sentiment' | 'coin'; value: string; negate: boolean }
  | { kind: 'since' | 'until'; at: number; negate: boolean }
  | { kind: 'is'; value: 'draft' | 'sticky'; negate: boolean };

/** A parsed query and the draft rule of the run. */
export interface IndexQuery {
  terms: readonly IndexTerm[];
  /** Drafts are listed (`--drafts`, or `is:draft` among the terms); so are articles outside their publication window (core/publication-window.ts). */
  includeDrafts: boolean;
  /** The time (epoch ms) the publication windows are tested at; now when absent. */
  now?: number;
  /** The positive free words do not narrow: every article passing the other terms is a candidate. */
  filtersOnly?: boolean;
  /**
   * `passing` need only say whether more than this many pass: counted up to it, a count that
   * reaches it given as it. A search asks whether more than its CAP pass; at 1M a COUNT(*) of the
   * articles passing `-etf -coin:btc` went through nearly a million rows (~0.7 s) to say yes.
   */
  countUpTo?: number;
}

/** Which rows may match a query. */
export interface Candidates {
  /** Row ids (ascending) of every article that may match the query's filters and words. */
  ids: number[];
  /**
   * When the index decided the filters exactly (not only narrowed them): how many articles pass
   * them (COUNT(*), up to the query's `countUpTo`); null when only the caller's exact check of `ids` can say.
   */
  passing: number | null;
  /**
   * Per term of the query (same positions): true when every candidate passes it, decided by the
   * index with the search's own meaning (the caller need not check it again: a negated word or a
   * coin would otherwise read bodies).
   */
  decided: readonly boolean[];
}

/** An article as the index holds it: its row id, where its file is, and its metadata record. */
export interface IndexedRow {
  id: number;
  record: ArticleRecord;
}

/** The search's view of an article index; see the header. */
export interface ArticleIndex {
  /**
   * Brings the index up to date with the files (changed and new ones read, rows of gone ones
   * dropped); false when it cannot describe them exactly (then nothing else may be asked).
   */
  update(): Promise<boolean>;
  /**
   * The candidates for `query`: a superset of its matches, or exactly the rows passing its
   * filters narrowed by its words (every row when nothing in it narrows). Null when the index
   * cannot answer this query at all.
   */
  query(query: IndexQuery): Candidates | null;
  /**
   * The rows holding every one of `words` (free words, folded) that the index answers for, and
   * the words it leaves to the caller (`rest`). Null when it answers for none of them.
   */
  words(words: readonly string[]): { ids: number[]; rest: string[] } | null;
  /** How many articles the index holds, drafts only with `includeDrafts` (exact). */
  count(includeDrafts: boolean): number;
  /** The rows with these ids, in the order the folders' files are walked (a full load's order). */
  rows(ids: readonly number[]): IndexedRow[] | null;
  /** The body of the article in row `id`, read from its file ('' when it can no longer be read); a promise, as a server-backed index's would be. */
  readBody(id: number): Promise<string>;
  /** What loading these folders reports (unreadable files, guessed dates), in a full load's order. */
  warnings(): LoadWarning[];
  /** Closes the index. */
  close(): void;
}
