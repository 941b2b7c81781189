// Turns the exact terms of a parsed query (field filters, phrases, negated words, draft visibility)
// into one predicate. These run before any fuzzy work, so they are plain comparisons over the
// haystack built when the article was added.

import type { Article } from '../article.js';
import { listedAt } from '../publication-window.js';
import { bodyHasCashtag, coinSymbols } from '../coins/index.js';
import { bodyOf, compact, containsAll, containsAny, type Hay } from './haystack.js';
import { letterBits, type HayMasks } from './hay-masks.js';
import type { ParsedQuery, Term } from './query.js';

/** A compiled filter: true when the article stays in the result; `withBody` false skips the body. */
export type Predicate = (a: Article, hay: Hay, withBody: boolean) => boolean;

/** The in-memory test of one term (whether the article holds it; negation is the caller's). */
export function termTest(t: Term): Predicate {
  switch (t.kind) {
    case 'word':
    case 'phrase':
      return (_a, hay, withBody) => containsAll(hay, [t.value], withBody);
    case 'tag':
      return (_a, hay) => hay.hayLists.tags.includes(t.value);
    case 'category':
      return (_a, hay) => hay.hayLists.categories.includes(t.value);
    case 'source': {
      // Substring of the name or key, ignoring case, spaces and punctuation: `decrypt`,
      // `Decrypt`, `"the block"` and `the-block` all find The Block / the-block.
      const v = compact(t.value);
      return (_a, hay) => v !== '' && (hay.hayMeta.sourceName.includes(v) || hay.hayMeta.sourceKey.includes(v));
    }
    case 'lang':
      // `lang:en` also finds `en-US` / `en_GB`.
      return (_a, hay) =>
        hay.hayMeta.lang === t.value || hay.hayMeta.lang.startsWith(`${t.value}-`) || hay.hayMeta.lang.startsWith(`${t.value}_`);
    case 'sentiment':
      return (_a, hay) => (hay.hayMeta.sentiment ?? 'none') === t.value;
    case 'since':
      return (a) => a.publishedAt !== null && a.publishedAt >= t.at;
    case 'until':
      return (a) => a.publishedAt !== null && a.publishedAt <= t.at;
    case 'coin':
      // In memory first (front matter, tags, title, description); a `$SOL` in the body when bodies are searched.
      return (a, hay, withBody) => coinSymbols(a).includes(t.value) || (withBody && bodyHasCashtag(bodyOf(hay), t.value));
    case 'is':
      return t.value === 'draft' ? (a) => a.draft : (a) => a.stickyWeight > 0;
  }
}

/**
 * An index's answer for a filter term that would read bodies (a negated word, a coin): whether the
 * article with this id holds the term, or null when the index cannot say (search/index-terms.ts).
 */
export type TermHolder = (t: Term) => ((id: number) => boolean) | null;

/**
 * Every term except positive free words (those are ranked, not filtered), as one AND predicate.
 * `holder`: terms an index answers are decided by it (every body, none read) instead of the haystack.
 */
export function compileFilters(q: ParsedQuery, includeDrafts: boolean, holder: TermHolder | null = null): Predicate {
  const tests: Predicate[] = [];
  const negatedWords: string[] = [];
  for (const t of q.terms) {
    const held = (t.kind === 'word' && t.negate) || t.kind === 'coin' ? holder?.(t) : null;
    if (held) {
      tests.push(t.negate ? (a) => !held(a.id) : (a) => held(a.id));
      continue;
    }
    addHayTest(t, tests, negatedWords);
  }
  if (negatedWords.length) tests.push((_a, hay, withBody) => !containsAny(hay, negatedWords, withBody));
  if (!includeDrafts && !q.draftsOnly) tests.unshift(listedTest(q));
  return allOf(tests);
}

// The haystack's test of `t`, a term nothing else decided, added to `tests`; a free word instead
// goes to `negatedWords` when negated (all of them then tested in one pass), and nowhere when not
// (positive words are ranked, not filtered).
function addHayTest(t: Term, tests: Predicate[], negatedWords: string[]): void {
  if (t.kind === 'word') {
    if (t.negate) negatedWords.push(t.value);
    return;
  }
  const test = termTest(t);
  tests.push(t.negate ? (a, hay, withBody) => !test(a, hay, withBody) : test);
}

// Every test of `tests`, as one AND predicate.
function allOf(tests: readonly Predicate[]): Predicate {
  return (a, hay, withBody) => {
    for (const test of tests) if (!test(a, hay, withBody)) return false;
    return true;
  };
}

// The drafts rule: not a draft, and inside its publication window at the query's time.
function listedTest(q: ParsedQuery): Predicate {
  const now = q.now ?? Date.now();
  return (a) => listedAt(a, now);
}

/**
 * compileFilters split for a pass over article ids: `byId` holds what is decided by id (the
 * caller's `keep`, the drafts rule, terms the index holds, terms `columns` holds: filter-columns.ts),
 * `rest` what needs the article and its haystack (words, phrases, coins the index does not hold),
 * or null when nothing does. An article passes when both do: the same articles as compileFilters'
 * predicate, whatever the order the terms are tested in.
 */
export function compileIdFilters(
  q: ParsedQuery,
  includeDrafts: boolean,
  holder: TermHolder | null,
  columns: (t: Term) => ((id: number) => boolean) | null,
  keep: ((id: number) => boolean) | null,
  masks: HayMasks | null = null,
  listedAt: ((now: number) => (id: number) => boolean) | null = null,
): { byId: (id: number) => boolean; rest: Predicate | null } {
  const byId: Array<(id: number) => boolean> = keep ? [keep] : [];
  const tests: Predicate[] = [];
  const negatedWords: string[] = [];
  if (!includeDrafts && !q.draftsOnly) {
    if (listedAt) byId.push(listedAt(q.now ?? Date.now()));
    else tests.push(listedTest(q));
  }
  for (const t of q.terms) {
    const held = (t.kind === 'word' && t.negate) || t.kind === 'coin' ? holder?.(t) : t.kind === 'word' || t.kind === 'phrase' ? null : columns(t);
    if (held) {
      byId.push(t.negate ? (id) => !held(id) : held);
      continue;
    }
    addHayTest(t, tests, negatedWords);
  }
  if (negatedWords.length) tests.push((_a, hay, withBody) => !containsAny(hay, negatedWords, withBody));
  // A negated letter held by the short fields (`solana -e`: nearly every article) fails by id,
  // before the haystack is read (the same answer: containsAny would find it there).
  const letters = masks ? letterBits(negatedWords.filter((w) => w.length === 1)) : 0;
  if (masks && letters) byId.push((id) => !masks.holdsAny(id, letters));
  const rest: Predicate | null = tests.length === 0 ? null : allOf(tests);
  const all = (id: number): boolean => {
    for (const test of byId) if (!test(id)) return false;
    return true;
  };
  return { byId: byId.length === 1 ? byId[0] : all, rest };
}

/** False when compileFilters' predicate never looks at the haystack (only dates, flags and drafts). */
export function filtersNeedHay(q: ParsedQuery): boolean {
  return q.terms.some((t) => (t.kind === 'word' ? t.negate : t.kind !== 'since' && t.kind !== 'until' && t.kind !== 'is'));
}

/**
 * A string that is equal for two queries exactly when compileFilters would give the same
 * predicate. `nextChange(now)`: when the drafts rule next lists or drops an article after `now`
 * (FilterColumns.nextListedChange): two clocks with the same answer list the same articles.
 */
export function filterKey(q: ParsedQuery, includeDrafts: boolean, nextChange: (now: number) => number): string {
  const exact = q.terms.filter((t) => t.kind !== 'word' || t.negate);
  const listed = includeDrafts || q.draftsOnly;
  // The drafts rule reads the clock (publication windows): a list remembered at one time serves
  // until an article's publish date comes or its expiry passes, and not a moment longer.
  return JSON.stringify([listed, listed ? 0 : nextChange(q.now ?? Date.now()), exact]);
}

/** The caller's id predicate (reading terms) in front of the query's own filters. */
export const withKeep = (test: Predicate, keep: ((id: number) => boolean) | null): Predicate => (keep ? (a, hay, withBody) => keep(a.id) && test(a, hay, withBody) : test);

/**
 * `q` without the filter terms an index decided for every article searched (SearchOptions.decided,
 * same positions as q.terms): they are not checked again. Positive words and phrases stay: they rank.
 */
export function withoutDecided(q: ParsedQuery, decided: readonly boolean[] | undefined): ParsedQuery {
  if (!decided) return q;
  const terms = q.terms.filter((t, i) => decided[i] !== true || ((t.kind === 'word' || t.kind === 'phrase') && !t.negate));
  return terms.length === q.terms.length ? q : { ...q, terms };
}

/**
 * The eligible lists (exact filters over the date order, by search key) of the last query with
 * filter terms and of the last one without (`plain`: most queries): a new query's first letter
 * after a `tag:` query found the plain list gone and walked every article again (~30 ms at 100k).
 */
export class EligibleMemo {
  private last: { key: string; ids: number[] } | null = null;
  private plain: { key: string; ids: number[] } | null = null;
  // The key worthListing was last asked about.
  private asked = '';

  /**
   * Whether a list of the articles passing `q`'s filters (under `key`) is worth making now, for
   * the keys after this one: always with no filter terms (the drafts rule alone, kept as `plain`),
   * else when the previous ask was for the same key too (free words typed after the filters). A
   * filter being typed (`tag:mi`, `solana -et`) changes the key on every keystroke, and at a
   * million articles each made a list of up to a million ids (~8 MB of garbage) used once.
   */
  worthListing(key: string, q: ParsedQuery): boolean {
    const again = this.asked === key;
    this.asked = key;
    return again || q.terms.every((t) => t.kind === 'word' && !t.negate);
  }

  get(key: string): number[] | null {
    if (this.last?.key === key) return this.last.ids;
    return this.plain?.key === key ? this.plain.ids : null;
  }

  set(key: string, ids: number[], plain: boolean): void {
    if (plain) this.plain = { key, ids };
    else this.last = { key, ids };
  }

  clear(): void {
    this.last = null;
    this.plain = null;
  }
}
