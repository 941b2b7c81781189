// The sort cycle's rule for relevance (state/selectors.ts hasFreeText) must read a query as the
// query language does (core/search/query.ts parseQuery): free text is what the engine ranks by.
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/core/search/query.js';
import { hasFreeText } from '../../src/state/selectors.js';

const QUERIES = [
  '', 'bitcoin', 'bitcoin etf', 'tag:mining', 'tag:mining bitcoin', '-bitcoin', '-"price prediction"', '"spot etf"', '""', '" "',
  'source:"les echos"', 'source:"les echos" eth', 'since:7d', 'https://example.com', 'coin:btc -sec', 'is:unread', '- ', 'a-b', 'sentiment:negative -source:decrypt',
  'tag:x"y"', '"unclosed', 'é', 'solana -etf',
];

describe('hasFreeText', () => {
  it.each(QUERIES)('reads %j as the query language does', (query) => {
    let text: string;
    try {
      text = parseQuery(query).text;
    } catch {
      return; // a query the language refuses has no answer to sort
    }
    expect(hasFreeText(query)).toBe(text !== '');
  });
});
