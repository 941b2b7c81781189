// The on-disk index's answers inside the in-memory search (the dashboard's live search, once the
// index's words are attached: SearchIndex.useWords): filter terms that would read bodies (negated
// words, coins) decided for every article without reading one, and free words narrowed to the
// articles the index says hold the ones it answers for, before the rest are looked for in memory.
// Same meaning of a match as reading every body (what --filter does), so counts are exact.
// A limited search (the dashboard's list) takes from them only what the list needs (limitedMatches):
// the first matches listed and the rest counted, every match as one list made only when asked for
// (at 1M, 300-900k ids a keystroke, ~16 ms and most of its garbage); and where finding them reads
// text, only until the list's rows are found (a lower bound of the count, completed after the list).
import { hasMark, type Interim, type WordSource } from '../index/index.js';
import type { SearchOptions } from './search-settings.js';
import { parseQuery } from './query.js';
import type { SearchResult } from './search-settings.js';
import { containsAll, withUnreadBodies, type Hay } from './haystack.js';
import { letterBits, type HayMasks } from './hay-masks.js';
import { MIN_IDS, passesInIdOrder } from './filter-columns.js';
import type { TermHolder } from './filters.js';
import type { ParsedQuery } from './query.js';

/**
 * The index's holder of negated words and coins (filters.ts TermHolder) over the ids it covers;
 * later ids (live updates) fall back to `inMemory`, the in-memory test of the same term. Null
 * without an index that answers terms.
 */
export function indexHolder(source: WordSource | null, inMemory: (t: Parameters<TermHolder>[0], id: number) => boolean): TermHolder | null {
  if (!source?.holding) return null;
  const holding = source.holding.bind(source);
  return (t) => {
    if (t.kind !== 'word' && t.kind !== 'coin') return null;
    const marks = holding({ kind: t.kind, value: t.value });
    if (!marks) return null;
    const covered = source.covered;
    return (id) => (id < covered ? hasMark(marks, id) : inMemory(t, id));
  };
}

/**
 * indexTest's test of an article id; `readsText` is false when it reads only the index's marks
 * for the articles the index covers (no haystack), so a pass in any order costs the same.
 */
export type IndexTest = ((id: number) => boolean) & { readonly readsText: boolean };

/**
 * Which articles hold every free word of `q`: the index's marks for the words it answers for,
 * then, only on the articles it marked, the words it leaves to memory (too short, not ASCII, held
 * by too many tokens) looked for in their text. `hasBody` (a limited search's BODY_DEPTH, null:
 * every body) says whose bodies may be read for those: another article whose short fields lack
 * them counts as not holding them and `skips.n` grows (the result is then a lower bound), so a
 * keystroke never reads thousands of old bodies from their files. Null when the index answers for
 * none of the words, none is attached, or `q` has a phrase (looked for in bodies only as deep as
 * the in-memory search reads them). Ids past what the index covers (live updates) are tested on
 * their haystacks alone. `interim`: a limited search's (WordSource.containing): a word it can
 * answer meanwhile is left to it while the index reads the word.
 */
export function indexTest(source: WordSource | null, q: ParsedQuery, hayOf: (id: number) => Hay, hasBody: ((id: number) => boolean) | null = null, skips = { n: 0 }, masks: HayMasks | null = null, interim: Interim | null = null): IndexTest | null {
  if (!source || q.words.length === 0 || q.phrases.length > 0) return null;
  const answer = source.containing(q.words, interim);
  if (!answer) return null;
  const { marks, rest } = answer;
  const covered = source.covered;
  if (rest.length === 0) return Object.assign((id: number) => (id < covered ? hasMark(marks, id) : containsAll(hayOf(id), q.words)), { readsText: false });
  // One-letter words (`regulator d`) are answered by the short fields' masks for nearly every article.
  const letters = masks ? letterBits(rest) : 0;
  const restHeld = (id: number): boolean => {
    if (letters !== 0 && masks?.holdsAll(id, letters)) return true;
    if (!hasBody || hasBody(id)) return containsAll(hayOf(id), rest);
    if (containsAll(hayOf(id), rest, false)) return true;
    skips.n += 1;
    return false;
  };
  return Object.assign((id: number) => (id < covered ? hasMark(marks, id) && restHeld(id) : containsAll(hayOf(id), q.words)), { readsText: true });
}

/**
 * The articles the index marked for `q`'s free words (ids it does not cover: all), a cheap test
 * to put in front of indexTest's and of filter terms that read text; null where indexTest is null.
 * `interim`: as indexTest was asked.
 */
export function indexMarked(source: WordSource | null, q: ParsedQuery, interim: Interim | null): ((id: number) => boolean) | null {
  if (!source || q.words.length === 0 || q.phrases.length > 0) return null;
  const answer = source.containing(q.words, interim);
  if (!answer) return null;
  const { marks } = answer;
  const covered = source.covered;
  return (id) => id >= covered || hasMark(marks, id);
}

// denseAmongNewest: a word held by this share of the newest articles of this sample is answered meanwhile (1,000 rows within ~5k).
const DENSE_SAMPLE = 2_000;
const DENSE_SHARE = 0.2;

/**
 * A limited search's Interim (WordSource.containing): whether it answers `word` as the index would
 * while the index reads it. So when DENSE_SHARE of the newest DENSE_SAMPLE articles of `order` hold
 * it in their short fields or bodies in memory (none is read here): its rows are then among the
 * newest few thousand, whose bodies a limited search reads (BODY_DEPTH). A rarer word's rows lie
 * deeper, where no body is read, and its tokens' rows are few (~5 ms at 1M for 3% of the articles):
 * the index reads those on the key.
 */
export function denseAmongNewest(order: readonly number[], hayOf: (id: number) => Hay, word: string): boolean {
  const n = Math.min(order.length, DENSE_SAMPLE);
  let held = 0;
  withUnreadBodies(() => {}, () => {
    for (let k = 0; k < n; k++) if (containsAll(hayOf(order[k]), [word])) held += 1;
  });
  return held >= n * DENSE_SHARE;
}

/**
 * Whether an answer meanwhile (a word left to bodies in memory while the index reads it) lists the
 * exact answer's rows: `rows` the matches it found in date order, `cap` how many it lists,
 * `complete` true when it tested every candidate with its body (none skipped or left untested).
 * So when its cap-th row has its body searched (`hasBody`: every earlier candidate had too), or
 * when it found fewer and `complete`. Else the exact answer may hold rows it could not see.
 */
export function listsExactRows(rows: readonly number[], cap: number, complete: boolean, hasBody: (id: number) => boolean): boolean {
  return rows.length >= cap ? hasBody(rows[cap - 1]) : complete;
}

/**
 * SearchIndex.search with bodies not in memory left unread (`run('unread')`; `wanted`, the
 * dashboard's read-ahead, told of a body missed) or a word still read on a thread (`later`). An
 * answer meanwhile lists the exact answer's rows (`exactRows()` after the run, and no body missed)
 * or is not given: the key waits for the thread (WordSource.finishLater) and answers exactly, so no
 * row jumps once the read is in. With `meanwhile` false (the newest bodies not in memory: no
 * answer meanwhile could list the exact rows) the key waits for the thread at once, no run made
 * beside its read. A body missed is still asked for: with the newest in memory, later keys can be
 * answered meanwhile. With `wait` false the thread is never waited for: the answer meanwhile is
 * given whatever it lists (prepare's warm-up searches, which nobody sees: at 1M the warm-up's
 * three letters held the UI thread ~200 ms for their tokens just as the list filled).
 */
export function searchDeferred(source: WordSource | null, later: boolean, wanted: ((query: string) => void) | null, query: string, run: (mode: '' | 'unread') => SearchResult, exactRows: () => boolean, meanwhile = true, wait = true): SearchResult {
  let missed = false;
  const thread = wait ? source : null;
  const unread = (): SearchResult => withUnreadBodies(() => (missed = true), () => run('unread'));
  if (later && !meanwhile && thread?.finishLater) {
    thread.finishLater();
    if (!wanted) return run('');
    later = false;
  }
  let result = unread();
  const bodiesMissed = missed;
  if (later && result.counting && (missed || !exactRows()) && thread?.finishLater) {
    thread.finishLater();
    if (!wanted) return run('');
    missed = false;
    result = unread();
  }
  if (missed || bodiesMissed) wanted?.(query);
  return missed ? { ...result, approximate: true } : result;
}

/**
 * `interim` for a query of free words alone, else null: with filters the index's marks let a
 * limited search skip the eligible list (limitedMatches), which an answer meanwhile would make
 * (at 1M `tag:mining bit` ~180 ms against ~15).
 */
export function interimFor(q: ParsedQuery, interim: Interim): Interim | null {
  return q.terms.every((t) => t.kind === 'word' && !t.negate) ? interim : null;
}

/**
 * Whether a limited search (`opts.limit`) of `query` has free words the index is still reading on a
 * thread (WordSource.later, asking with `interim`): the search then answers them meanwhile from
 * bodies in memory only (at a million articles a word's first three letters would otherwise read
 * hundreds of files on the key). False for a malformed query.
 */
export function wordsLater(source: WordSource | null, query: string, opts: SearchOptions, interim: Interim): boolean {
  if (!source?.later || opts.limit === undefined || opts.limit < 0) return false;
  try {
    const q = parseQuery(query, opts.now ?? Date.now());
    const asked = interimFor(q, interim);
    return asked !== null && q.words.length > 0 && q.phrases.length === 0 && q.text.length > 2 && source.later(q.words, asked);
  } catch {
    return false;
  }
}

/** True while the index reads a free word or negated word of `q` to answer it later (WordSource.coming): the count is not final. */
export function wordsComing(source: WordSource | null, q: ParsedQuery): boolean {
  if (!source?.coming) return false;
  return q.words.some((w) => source.coming!(w)) || q.terms.some((t) => t.kind === 'word' && t.negate && source.coming!(t.value));
}

/** The first matches of a list, their count, and every one on demand. */
export interface FirstMatches {
  /** The first `cap` ids of `order` that pass, in its order. */
  first: number[];
  /** How many ids of `order` pass. */
  count: number;
  /** Every id of `order` that passes, in its order: made on the first call, the same array after. */
  every: () => number[];
}

/**
 * The ids of `order` that `test` keeps, the first `cap` of them listed and all of them counted,
 * in one pass that makes no list of the rest. `test` must be cheap and pure (a typed array read:
 * the index's marks); it is called once per id of `order` now, and again for each when `every()`
 * is first called. `whole`: `order` holds every id 0..order.length-1 (the date order), so the
 * tests run once each in id order (passesInIdOrder) and the walks read their answers.
 */
export function firstMatches(order: readonly number[], byId: (id: number) => boolean, cap: number, whole = false): FirstMatches {
  const pass = whole && order.length >= MIN_IDS ? passesInIdOrder(order.length, byId) : null;
  const test = pass ? (id: number): boolean => pass[id] === 1 : byId;
  const first: number[] = [];
  let count = 0;
  for (let pos = 0; pos < order.length; pos++) {
    const id = order[pos];
    if (!test(id)) continue;
    if (count < cap) first.push(id);
    count += 1;
  }
  let all: number[] | null = count <= cap ? first : null;
  const every = (): number[] => {
    if (all !== null) return all;
    // Made at its final size (pushed one by one, 900k ids left ~7 MB of garbage).
    const out = new Array<number>(count);
    let k = 0;
    for (let pos = 0; pos < order.length && k < count; pos++) {
      const id = order[pos];
      if (test(id)) out[k++] = id;
    }
    return (all = out);
  };
  return { first, count, every };
}

/**
 * Tests of article text (a word left to memory, a negated word: a haystack read each) one
 * keystroke makes before it settles for the list's rows and a lower bound of the count. At
 * 0.5-1 us a test in list order, 10-20 ms; at 1M a two-letter last word (`regulator de`) was
 * tested on the 0.5 million articles the other words marked, 0.2 s a key.
 */
export const MOST_TESTS = 20_000;

/** firstTested's answer: every match (`complete`), or the first `cap` of more. */
export interface Tested {
  rows: number[];
  complete: boolean;
}

/**
 * The ids of `order` that pass `first` (cheap: a typed array read) and then `test` (reads text;
 * given the id's position in `order`), in `order`'s order, in one pass. When `most` or fewer pass
 * `first`, all of them (`complete`: testing each is cheap enough to count them exactly); when more
 * do, only the first `cap`, the rest untested (not complete: how many match is known only as at
 * least `cap`). Null when more than `most` pass `first` and fewer than `cap` of the first `most`
 * pass `test`: the caller then tests every one, in id order (filterInIdOrder); with `meanwhile`
 * (an answer to be replaced: a word of the query is still being read by the index) the rows found
 * in those `most` instead (not complete).
 */
export function firstTested(order: readonly number[], first: (id: number) => boolean, test: (id: number, pos: number) => boolean, cap: number, most = MOST_TESTS, meanwhile = false): Tested | null {
  const rows: number[] = [];
  let candidates = 0;
  // Where testing stopped once `cap` were found (-1: still testing).
  let stoppedAt = -1;
  for (let pos = 0; pos < order.length; pos++) {
    const id = order[pos];
    if (!first(id)) continue;
    if (++candidates > most) return stoppedAt < 0 && !meanwhile ? null : { rows, complete: false };
    if (stoppedAt < 0 && test(id, pos) && rows.push(id) >= cap) stoppedAt = pos + 1;
  }
  // Few candidates: the ones past the first `cap` matches tested too.
  for (let pos = Math.max(0, stoppedAt); stoppedAt >= 0 && pos < order.length; pos++) {
    const id = order[pos];
    if (first(id) && test(id, pos)) rows.push(id);
  }
  return { rows, complete: true };
}

/** `result` with its `matches` made by `every` when first read (FirstMatches.every): the list itself never needs them. */
export function withEveryId(result: SearchResult, every: () => readonly number[]): SearchResult {
  return Object.defineProperty(result, 'matches', { get: every, enumerable: true, configurable: true });
}

/**
 * A limited search's rows when they can be found without listing every match: `indexed` (null:
 * the query has no free words) and `marked` its index test and marks (indexTest, indexMarked),
 * `listed` the eligible list when known (null: not made, or the filters read text, `rest`, given
 * an id and its position), `order` the date order, `byId` the filters decided by id. FirstMatches
 * when ids and the index's marks decide every article, Tested when finding them reads text
 * (firstTested), else null (no free words and the eligible list known: it is the answer).
 * `meanwhile`: firstTested's (a word of the query still being read by the index).
 */
export function limitedMatches(indexed: IndexTest | null, marked: ((id: number) => boolean) | null, listed: readonly number[] | null, order: readonly number[], byId: (id: number) => boolean, rest: ((id: number, pos: number) => boolean) | null, cap: number, meanwhile = false): FirstMatches | Tested | null {
  if (!indexed) return listed ? null : rest ? firstTested(order, byId, rest, cap) : firstMatches(order, byId, cap, true);
  if (!marked) return null;
  if (listed) return indexed.readsText ? firstTested(listed, marked, indexed, cap, MOST_TESTS, meanwhile) : firstMatches(listed, indexed, cap);
  if (rest) return firstTested(order, (id) => marked(id) && byId(id), (id, pos) => rest(id, pos) && indexed(id), cap, MOST_TESTS, meanwhile);
  return indexed.readsText ? firstTested(order, (id) => marked(id) && byId(id), indexed, cap, MOST_TESTS, meanwhile) : firstMatches(order, (id) => byId(id) && indexed(id), cap, true);
}
