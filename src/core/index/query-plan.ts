// A parsed query (article-index.ts's IndexQuery) as SQL over the index: an FTS5 MATCH for the
// terms the full-text table can narrow, conditions on the article columns for the others. Built
// from quoted FTS5 strings and bound parameters only; nothing the user typed becomes SQL.
// A plan narrows to a superset of the matches; the terms it decides exactly (`decided`: the
// drafts rule, `since:`, `is:`, `source:`, `lang:`, `sentiment:`, `coin:` and negated words the
// vocabulary answers for, each with the in-memory search's own rule: search/filters.ts) need no
// check in memory, and when it decides every filter (`exact`), COUNT(*) is the number passing.
// Phrases, tags and categories only narrow (FTS5 keeps no positions, tags compare whole values).

import type { IndexQuery, IndexTerm } from './article-index.js';
import { ftsTokens, tokenGroup } from './fts.js';
import { tokensContaining } from './vocabulary.js';
import { compactText } from '../text/index.js';

/** Words the index answers for: ASCII letters and digits (word-index.ts's rule), at least MIN_WORD long. */
export const INDEX_WORD = /^[a-z0-9]+$/;
/** Shortest word the index answers for: hundreds of tokens hold a shorter one. */
export const MIN_WORD = 3;
/**
 * Most tokens one word may be answered through: past it (a common fragment) FTS5 merging every
 * token's list of articles costs more than checking the word in memory on the articles the other
 * words leave (`s`: 344 tokens, 1.4 s at 100k on a busy machine).
 */
export const MAX_TOKENS = 64;

/**
 * The drafts rule as SQL: not a draft, and inside its publication window at the parameter's time
 * (epoch ms, bound twice: LISTED_PARAMS). What the columns hold: index/columns.ts ArticleFields.
 */
export const LISTED_NOW = 'draft = 0 AND coalesce(listed_from, published, 0) <= ? AND (listed_until IS NULL OR listed_until > ?)';

/** LISTED_NOW's parameters for `now` (epoch ms). */
export const listedParams = (now: number): [number, number] => [now, now];

/** SQL for one query: a MATCH expression (null: none) and conditions on `articles` (ANDed) with their parameters. */
export interface QueryPlan {
  match: string | null;
  where: string[];
  params: Array<string | number>;
  /** Whether the conditions decide the query's filters exactly (not only narrow them). */
  exact: boolean;
  /** Per term of the query (same positions): whether every row the plan selects passes it, as the search would decide. */
  decided: boolean[];
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
  const group = tokenGroup(tokens);
  return column ? `${column} : ${group}` : group;
}

// A term's condition when SQL decides it exactly: `sql` selects the articles that hold the term
// (negation is the caller's), or `all`/`none` when every or no article does. `exact` false: a
// bound only (the rows selected include every match), decided in memory.
type Condition = { sql: string; params: Array<string | number>; exact: boolean } | 'all' | 'none';

// Date and flag terms. `published` holds whole ms (a date guessed from a file's time is floored),
// and `since:` is always a whole ms, so `>=` is exact; `until:` is only a bound (the floored value
// of a later time can equal it), and so is a negated `since:` at a fraction of a ms.
function dateOrFlag(t: Extract<IndexTerm, { kind: 'since' | 'until' | 'is' }>): Condition | null {
  if (t.kind === 'since') {
    const exact = Number.isInteger(t.at);
    if (t.negate) return exact ? { sql: 'published IS NOT NULL AND published >= ?', params: [t.at], exact } : null;
    return { sql: 'published >= ?', params: [Math.floor(t.at)], exact };
  }
  if (t.kind === 'until') return t.negate ? null : { sql: 'published <= ?', params: [Math.floor(t.at)], exact: false };
  return t.kind === 'is' ? { sql: t.value === 'draft' ? 'draft = 1' : 'sticky > 0', params: [], exact: true } : null;
}

// The field terms, with the in-memory rules (search/filters.ts): a source is a substring of the
// compacted name or key, a language equals the code or starts it before `-` or `_`, a sentiment
// is the canonical value, a coin one the row's article_coins list.
function field(t: IndexTerm, vocabulary: string): Condition | null {
  switch (t.kind) {
    case 'source': {
      const v = compactText(t.value);
      return v === '' ? 'none' : { sql: 'instr(source_match, ?) > 0', params: [v], exact: true };
    }
    case 'lang':
      return { sql: '(lang = ? OR instr(lang, ?) = 1 OR instr(lang, ?) = 1)', params: [t.value, `${t.value}-`, `${t.value}_`], exact: true };
    case 'sentiment':
      // The column holds '' for none (index/columns.ts).
      return { sql: 'sentiment = ?', params: [t.value === 'none' ? '' : t.value], exact: true };
    case 'coin':
      return { sql: 'id IN (SELECT id FROM article_coins WHERE symbol = ?)', params: [t.value], exact: true };
    case 'word': {
      // Negated only (positive words are the caller's): held when a token containing it is.
      const group = wordGroup(vocabulary, t.value);
      if (group === null) return null;
      return group === '' ? 'none' : { sql: 'id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)', params: [group], exact: true };
    }
    case 'since':
    case 'until':
    case 'is':
      return dateOrFlag(t);
    default:
      return null;
  }
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
 * a term rules out every article (a word or token held by no token, a value nothing can hold):
 * nothing matches.
 */
export function planQuery(query: IndexQuery, vocabulary: string, withWords: boolean): QueryPlan | null {
  const groups: string[] = [];
  const where: string[] = [];
  const params: Array<string | number> = [];
  const decided = query.terms.map(() => false);
  const draftsOnly = query.terms.some((t) => t.kind === 'is' && t.value === 'draft' && !t.negate);
  if (!query.includeDrafts && !draftsOnly) {
    where.push(LISTED_NOW);
    params.push(...listedParams(query.now ?? Date.now()));
  }
  for (const [i, t] of query.terms.entries()) {
    if (t.kind === 'word' && !t.negate) {
      if (!withWords) continue;
      const group = wordGroup(vocabulary, t.value);
      if (group === '') return null;
      if (group !== null) groups.push(group);
      continue;
    }
    const c = field(t, vocabulary);
    if (c === 'none' || c === 'all') {
      // A term no article holds: a negation passes every article, a positive one none.
      if ((c === 'none') !== t.negate) return null;
      decided[i] = true;
      continue;
    }
    if (c !== null) {
      where.push(t.negate ? `NOT (${c.sql})` : c.sql);
      params.push(...c.params);
      decided[i] = c.exact;
      continue;
    }
    // Positive phrases, tags and categories narrow through their tokens; the rest only in memory.
    if (t.negate || (t.kind !== 'phrase' && t.kind !== 'tag' && t.kind !== 'category')) continue;
    const more = tokenGroups(vocabulary, t.value, t.kind === 'tag' ? 'tags' : t.kind === 'category' ? 'category' : undefined);
    if (more === '') return null;
    groups.push(...more);
  }
  const exact = query.terms.every((t, i) => decided[i] || (t.kind === 'word' && !t.negate));
  return { match: groups.length > 0 ? groups.join(' AND ') : null, where, params, exact, decided };
}
