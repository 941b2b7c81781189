// A parsed query (article-index.ts's IndexQuery) as SQL over the index: an FTS5 MATCH for the
// terms the full-text table can narrow, conditions on the article columns for the others. Built
// from quoted FTS5 strings and bound parameters only; nothing the user typed becomes SQL.
// What the query language means by a match is decided by the search (exact checks in memory), so
// a plan may only ever narrow to a superset of the matches; `exact` says when it decides the
// filters on its own (the drafts rule, `since:` and `is:`), so COUNT(*) is the number passing.

import type { IndexQuery, IndexTerm } from './article-index.js';
import { ftsString, ftsTokens } from './fts.js';
import { tokensContaining } from './vocabulary.js';

/** Words the index answers for: ASCII letters and digits (word-index.ts's rule), at least MIN_WORD long. */
export const INDEX_WORD = /^[a-z0-9]+$/;
/** Shortest word the index answers for: hundreds of tokens hold a shorter one. */
export const MIN_WORD = 3;
/** Most tokens one word may be answered through: past it FTS5's OR costs more than a scan. */
export const MAX_TOKENS = 64;

/** SQL for one query: a MATCH expression (null: none) and conditions on `articles` (ANDed) with their parameters. */
export interface QueryPlan {
  match: string | null;
  where: string[];
  params: number[];
  /** Whether the conditions decide the query's filters exactly (not only narrow them). */
  exact: boolean;
}

/**
 * The FTS5 group for a word: the tokens of the vocabulary containing it, ORed (optionally only in
 * `column`); null when the index does not answer for it (too short, not ASCII, too many tokens),
 * '' when no token holds it (nothing can match).
 */
export function wordGroup(vocabulary: string, word: string, column?: string): string | null {
  if (word.length < MIN_WORD || !INDEX_WORD.test(word)) return null;
  const tokens = tokensContaining(vocabulary, word, MAX_TOKENS);
  if (tokens === null) return null;
  if (tokens.length === 0) return '';
  const group = `(${tokens.map(ftsString).join(' OR ')})`;
  return column ? `${column} : ${group}` : group;
}

// Date and flag terms: the conditions that decide them exactly. `published` holds whole ms (a date
// guessed from a file's time is floored), and `since:` is always a whole ms, so `>=` is exact;
// `until:` is only a bound (the floored value of a later time can equal it).
function columnTerm(t: IndexTerm): { sql: string; params: number[]; exact: boolean } | null {
  if (t.kind === 'since') {
    const exact = Number.isInteger(t.at);
    const at = Math.ceil(t.at);
    return t.negate ? (exact ? { sql: '(published IS NULL OR published < ?)', params: [at], exact } : null) : { sql: 'published >= ?', params: [Math.floor(t.at)], exact };
  }
  if (t.kind === 'until') return t.negate ? null : { sql: 'published <= ?', params: [Math.floor(t.at)], exact: false };
  if (t.kind === 'is') {
    const sql = t.value === 'draft' ? 'draft = 1' : 'sticky > 0';
    return { sql: t.negate ? `NOT (${sql})` : sql, params: [], exact: true };
  }
  return null;
}

// FTS5 groups for a text term's tokens (a phrase, a tag or a category: every one of its tokens is
// inside one of the article's tokens, in `column` when given); '' when one is held by no token.
function tokenGroups(vocabulary: string, text: string, column?: string): string[] | '' {
  const groups: string[] = [];
  for (const token of ftsTokens(text)) {
    const group = wordGroup(vocabulary, token, column);
    if (group === '') return '';
    if (group !== null) groups.push(group);
  }
  return groups;
}

/**
 * Plans `query` against an index whose vocabulary (newline-joined tokens) is `vocabulary`.
 * `withWords`: the positive free words narrow too (else they are left to the caller). Null when
 * a term rules out every article (a word or token held by no token): nothing matches.
 */
export function planQuery(query: IndexQuery, vocabulary: string, withWords: boolean): QueryPlan | null {
  const groups: string[] = [];
  const where: string[] = [];
  const params: number[] = [];
  let exact = true;
  const draftsOnly = query.terms.some((t) => t.kind === 'is' && t.value === 'draft' && !t.negate);
  if (!query.includeDrafts && !draftsOnly) where.push('draft = 0');
  for (const t of query.terms) {
    if (t.kind === 'since' || t.kind === 'until' || t.kind === 'is') {
      const c = columnTerm(t);
      if (c) {
        where.push(c.sql);
        params.push(...c.params);
      }
      exact &&= c?.exact ?? false;
      continue;
    }
    if (t.kind === 'word' && !t.negate) {
      if (!withWords) continue;
      const group = wordGroup(vocabulary, t.value);
      if (group === '') return null;
      if (group !== null) groups.push(group);
      continue;
    }
    // Every other term is decided by the caller; positive phrases, tags and categories narrow.
    exact = false;
    if (t.negate || (t.kind !== 'phrase' && t.kind !== 'tag' && t.kind !== 'category')) continue;
    const more = tokenGroups(vocabulary, t.value, t.kind === 'tag' ? 'tags' : t.kind === 'category' ? 'category' : undefined);
    if (more === '') return null;
    groups.push(...more);
  }
  return { match: groups.length > 0 ? groups.join(' AND ') : null, where, params, exact };
}
