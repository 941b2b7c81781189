// The pulse counted in the same step as the list (aggregateNow) must be the pulse the deferred
// count gives over every match, and must wait (null) when the search did not name every match.
import { describe, expect, it } from 'vitest';
import { pulseOfFacts } from '../../../src/core/pulse/index.js';
import { EVERY_MATCH, SearchIndex } from '../../../src/core/search/search.js';
import { computeFacts } from '../../../src/core/stories/facts.js';
import { factsInput } from '../../../src/core/stories/facts-background.js';
import { aggregateNow } from '../../../src/ui/pulse/use-aggregate.js';
import { makeCorpus } from '../../helpers/make-article.js';

const corpus = makeCorpus(
  Array.from({ length: 1200 }, (_, i) => ({
    title: `${['Bitcoin', 'Solana', 'Ether'][i % 3]} ${['rallies', 'slips', 'holds'][i % 5 % 3]} on day ${i}`,
    tags: [['BTC', 'SOL', 'ETH'][i % 3]],
    sentiment: ['POSITIVE', 'NEGATIVE', null][i % 3],
    publishedAt: Date.UTC(2025, 0, 1) + i * 3_600_000,
  })),
);
const index = new SearchIndex(corpus);
const facts = computeFacts(corpus.map(factsInput));

describe('aggregateNow', () => {
  it.each(['', 's', 'sol', 'bitcoin slips', 'tag:eth'])('%j: the pulse over every match, in the same step', (q) => {
    const result = index.search(q, { limit: 1000 });
    const now = aggregateNow({ ok: true, result }, facts, false);
    const every = index.search(q, { limit: EVERY_MATCH, idsOnly: true }).hits.map((h) => h.id);
    expect(now?.pulse).toEqual(pulseOfFacts(every, facts));
    expect(now?.total).toBe(every.length);
  });

  it('waits for the deferred count without facts, for the hot order, and for a failed query', () => {
    const result = index.search('sol', { limit: 1000 });
    expect(aggregateNow({ ok: true, result }, null, false)).toBeNull();
    expect(aggregateNow({ ok: true, result }, facts, true)).toBeNull();
    expect(aggregateNow({ ok: false, error: 'bad' }, facts, false)).toBeNull();
    expect(aggregateNow({ ok: true, result: { ...result, matches: undefined } }, facts, false)).toBeNull();
  });
});
