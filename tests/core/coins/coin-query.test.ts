import { describe, expect, it } from 'vitest';
import { articleJson } from '../../../src/core/format.js';
import { parseQuery, QueryError } from '../../../src/core/search/query.js';
import { SearchIndex } from '../../../src/core/search/search.js';
import { makeCorpus } from '../../helpers/make-article.js';

const corpus = makeCorpus([
  { title: 'Solana validators patch a client bug' },
  { title: 'Exchange adds new pairs', body: 'Trading opens for $SOL and $ETH today.' },
  { title: 'Gas fees fall as one link breaks', tags: ['gas'] },
  { title: 'Miners sell', coinFields: ['bitcoin'] },
]);

describe('coin: query term', () => {
  it('resolves tickers, names and aliases to the ticker, and rejects what names no coin', () => {
    expect(parseQuery('coin:Solana').terms).toEqual([{ kind: 'coin', value: 'SOL', negate: false }]);
    expect(parseQuery('-coin:xbt').terms).toEqual([{ kind: 'coin', value: 'BTC', negate: true }]);
    expect(() => parseQuery('coin:notacoin')).toThrow(QueryError);
  });
  it('narrows to the articles about a coin, body cashtags included, and negates', () => {
    const index = new SearchIndex(corpus);
    const titles = (q: string): string[] => index.search(q).hits.map((h) => index.article(h.id).title).sort();
    expect(titles('coin:sol')).toEqual(['Exchange adds new pairs', 'Solana validators patch a client bug']);
    expect(titles('coin:BITCOIN')).toEqual(['Miners sell']);
    expect(titles('coin:gas')).toEqual([]);
    expect(titles('-coin:sol')).toEqual(['Gas fees fall as one link breaks', 'Miners sell']);
  });
  it('puts the coins in --print json', () => {
    expect(articleJson(corpus[1], '/').coins).toEqual(['SOL', 'ETH']);
    expect(articleJson(corpus[2], '/').coins).toEqual([]);
  });
});
