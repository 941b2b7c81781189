// The list's count while the on-disk index reads a word of the query off the key
// (SearchResult.counting): `counting…`, never the search's lower bound shown as a count, until the
// exact answer (the search run again, or an aggregate) replaces it.
import { describe, expect, it } from 'vitest';
import type { SearchResult, SortKey } from '../../../src/core/search/index.js';
import { initialState } from '../../../src/state/app-state.js';
import { reducer as reduce } from '../../../src/state/reducer.js';
import { resultsBehind } from '../../../src/state/selectors.js';
import { listTitle } from '../../../src/ui/ArticleList.js';
import { laneTitle } from '../../../src/ui/list/list-lane.js';
import { keysWait, resultsStep, type ListedAnswer } from '../../../src/ui/list/list-results.js';
import type { Aggregate } from '../../../src/ui/pulse/use-aggregate.js';

const hits = Array.from({ length: 3 }, (_, id) => ({ id, score: 0, titleMatches: [] }));
const answer = (result: SearchResult, aggregate: Aggregate | null = null): ListedAnswer => {
  const search = { ok: true as const, result, query: 'regulator de' };
  return { search, listed: result.hits, aggregate, hot: false, stories: null, facts: false, warmListed: null };
};

describe('a count that is coming', () => {
  it('shows counting… in the list title until the exact count is in', () => {
    const state = initialState({ width: 80, height: 24 });
    const first = resultsStep(state, answer({ hits, total: 1000, sort: 'relevance', approximate: true, counting: true }));
    expect(first).toMatchObject({ type: 'results', counting: true });
    const counting = reduce(state, first!);
    const title = laneTitle(listTitle);
    expect(title(counting)).toBe('Articles 1/counting…');
    // The search run again once the word is in: exact.
    const exact = reduce(counting, resultsStep(counting, answer({ hits: [...hits], total: 622_115, sort: 'relevance' }))!);
    expect(title(exact)).toBe('Articles 1/622,115');
    expect(exact.totalCounting).toBe(false);
  });

  it('lets an aggregate counted over every match stand for the count', () => {
    const result: SearchResult = { hits, total: 1000, sort: 'relevance', approximate: true, counting: true };
    const aggregate = { search: { ok: true as const, result }, pulse: { entries: [] } as unknown as Aggregate['pulse'], total: 4321, approximate: false, hot: null, ids: null };
    const step = resultsStep(initialState({ width: 80, height: 24 }), answer(result, aggregate));
    expect(step).toMatchObject({ type: 'results', total: 4321, counting: false });
  });

  it('keeps the lower bound mark for a count that is not coming', () => {
    const counts = { position: 1, rows: 1000, articles: 1000, approximate: true, rowsAtLeast: true, counting: false, folds: false };
    expect(listTitle(counts)).toBe('Articles 1/1,000+');
    expect(listTitle({ ...counts, rows: null, counting: true })).toBe('Articles 1/counting…');
  });
});

describe('the pulse kept while new results are counted', () => {
  const sized = (result: SearchResult, size: number, aggregate: Aggregate | null = null): ListedAnswer => ({ ...answer(result, aggregate), facts: true, size });
  const counted = (result: SearchResult, n: number): Aggregate => ({
    search: { ok: true as const, result },
    pulse: { total: n } as unknown as Aggregate['pulse'],
    total: n,
    approximate: false,
    hot: null,
    ids: null,
  });

  it('keeps it over the same index (a key typed), drops it once the index holds more articles (a cold load’s next batch)', () => {
    // The first batch: three articles, counted.
    const first: SearchResult = { hits, total: 3, sort: 'date' };
    const aggregate = counted(first, 3);
    const withPulse = reduce(initialState({ width: 80, height: 24 }), resultsStep(initialState({ width: 80, height: 24 }), sized(first, 3, aggregate))!);
    expect(withPulse.pulse).toBe(aggregate.pulse);
    // The state says which index it was counted over.
    expect(withPulse.pulseAt).toBe(3);
    // New results over the same index: the last pulse stays drawn until theirs is counted.
    const narrower: SearchResult = { hits: hits.slice(0, 2), total: 2, sort: 'date' };
    expect(resultsStep(withPulse, sized(narrower, 3))).toMatchObject({ type: 'results', pulse: aggregate.pulse, pulseAt: 3 });
    // The index grew to five: the three articles' pulse beside five rows would read as exact; none is drawn (`counting…`).
    const more = [...hits, { id: 3, score: 0, titleMatches: [] }, { id: 4, score: 0, titleMatches: [] }];
    expect(resultsStep(withPulse, sized({ hits: more, total: 5, sort: 'date' }, 5))).toMatchObject({ type: 'results', pulse: null, pulseAt: null });
  });
});

describe('a query that does not parse', () => {
  const failed = (query: string): ListedAnswer => ({ search: { ok: false as const, error: 'bad date', query }, listed: null, aggregate: null, hot: false, stories: null, facts: true, warmListed: null });

  it('keeps the list of the query before (typing the opening quote of a phrase does not blank it)', () => {
    const state = initialState({ width: 80, height: 24 });
    const before = reduce(state, resultsStep(state, answer({ hits, total: 3, sort: 'date' }))!);
    expect(resultsStep(before, failed('bitfarms "unclosed'))).toBeNull();
  });

  it('is a first answer, an empty one, for a dashboard started on it (keys typed ahead wait for one)', () => {
    const state = initialState({ width: 80, height: 24 });
    expect(state.resultsSeq).toBe(0);
    const step = resultsStep(state, failed('since:yesterday'));
    expect(step).toMatchObject({ type: 'results', total: 0, query: 'since:yesterday', counting: false });
    const started = reduce(state, step!);
    expect(started.resultsSeq).toBe(1);
    expect(started.hits).toHaveLength(0);
    expect(started.selectedId).toBeNull();
    // Its pulse is one of no matches, not `counting…` for ever.
    expect(started.pulse).toMatchObject({ total: 0 });
    // Answered once: the same failed answer changes nothing after (no render loop).
    expect(resultsStep(started, failed('since:yesterday'))).toBeNull();
  });
});

describe('a sort asked for anew', () => {
  // The answer to a search asked with `sort` (AnsweredSearch.sort).
  const sortedBy = (result: SearchResult, sort: SortKey | null): ListedAnswer => ({ ...answer(result), search: { ok: true as const, result, query: '', sort } });
  const one: SearchResult = { hits: hits.slice(0, 1), total: 1, sort: 'date' };
  const start = initialState({ width: 80, height: 24 });

  it('is answered even when its rows are the same (one article, or `s` cycled to an order that gives the same rows)', () => {
    const shown = reduce(start, resultsStep(start, sortedBy(one, null))!);
    expect(resultsBehind(shown)).toBe(false);
    const sorted = reduce(shown, { type: 'command', command: 'cycleSort' });
    // The keys after `s` wait for its answer (use-keys.ts inputStep, keysWait) ...
    expect(resultsBehind(sorted)).toBe(true);
    // ... which comes, though its hits are the very array on screen: keys never wait for ever.
    const step = resultsStep(sorted, sortedBy(one, sorted.sort as SortKey));
    expect(step).toMatchObject({ type: 'results', asked: sorted.sort });
    const answered = reduce(sorted, step!);
    expect(resultsBehind(answered)).toBe(false);
    // Answered once: the same answer changes nothing after (no render loop).
    expect(resultsStep(answered, sortedBy(one, sorted.sort as SortKey))).toBeNull();
  });

  it('a hot order that stands in for the aggregate’s leaves the results behind until the aggregate’s is in', () => {
    const hot = initialState({ width: 80, height: 24, sort: 'hot' });
    // The engine's date order put in hot order here: the `hot` answer, not final yet.
    const standIn = reduce(hot, resultsStep(hot, { ...sortedBy(one, 'date'), hot: true, final: false })!);
    expect(standIn).toMatchObject({ resultsSort: 'hot', resultsFinal: false });
    expect(resultsBehind(standIn)).toBe(true);
    // The aggregate's order: the same rows here, final now.
    const settled = reduce(standIn, resultsStep(standIn, { ...sortedBy(one, 'date'), hot: true, final: true })!);
    expect(resultsBehind(settled)).toBe(false);
  });
});

describe('keys typed ahead', () => {
  // The list's first answer, made over an index that held no article yet: empty.
  const empty = reduce(initialState({ width: 80, height: 24 }), { type: 'results', hits: [], total: 0, sort: 'title', query: '' });
  const over = (size: number) => ({ ok: true as const, result: { hits: [], total: 0, sort: 'title' as const }, query: '', size });

  it('wait while an empty list is the answer over fewer articles than the index holds, though the load is done', () => {
    expect(keysWait(empty, over(0), null, 78)).toBe(true);
    // The answer over all of them: empty is the answer, Enter chooses nothing.
    expect(keysWait(empty, over(78), null, 78)).toBe(false);
    // Without the index's size (a caller that does not say), as before.
    expect(keysWait(empty, over(0), null)).toBe(false);
  });
});

