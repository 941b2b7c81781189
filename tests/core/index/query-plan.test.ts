// Which terms a query plan decides in SQL (so the search checks them no more and reads no body for
// them) and which it leaves to memory; the equivalence of the answers with the in-memory search is
// tests/core/search/index-filter.test.ts's.
import { describe, expect, it } from 'vitest';
import { LISTED_NOW, planQuery } from '../../../src/core/index/query-plan.js';
import { parseQuery } from '../../../src/core/search/query.js';

const VOCABULARY = ['bitcoin', 'btc', 'etf', 'etfs', 'markets', 'solana', 'spot'].join('\n');
const NOW = Date.UTC(2026, 10, 21);
const plan = (query: string, includeDrafts = false) => planQuery({ terms: parseQuery(query, NOW).terms, includeDrafts }, VOCABULARY, true);

describe('planQuery', () => {
  // Filters SQL answers exactly: fields, coins, negated plain words, dates, `is:`.
  it.each(['source:decrypt', '-lang:en', 'sentiment:neg', '-coin:btc', '-etf', 'since:2025-01-01', '-since:2025-01-01', 'is:sticky'])('%s is decided in SQL', (query) => {
    expect(plan(query)?.decided).toEqual([true]);
  });
  // Left to memory: a negated word too short or not plain ASCII, phrases, tags, categories, until:.
  it.each(['until:2025-01-01', '-et', '-比特币', '-"spot etf"', '"spot etf"', 'tag:btc', '-category:markets'])('%s is left to memory', (query) => {
    expect(plan(query)?.decided).toEqual([false]);
  });
  it('never decides a positive word: it narrows through FTS5 and ranks', () => {
    expect(plan('solana -etf')?.decided).toEqual([false, true]);
  });

  it('is exact when every filter is decided, so COUNT(*) is the number passing', () => {
    expect(plan('solana -etf source:decrypt coin:sol lang:en -sentiment:positive')?.exact).toBe(true);
    expect(plan('solana -etf tag:btc')?.exact).toBe(false);
  });

  it('a negated word no token holds passes every article; a positive one rules all out', () => {
    const p = plan('solana -zzqq');
    expect(p?.decided).toEqual([false, true]);
    expect(p?.where).toEqual([LISTED_NOW]);
    expect(plan('solana zzqq')).toBeNull();
    expect(plan('source:"--"')).toBeNull();
    expect(plan('-source:"--"')?.where).toEqual([LISTED_NOW]);
  });

  it('binds every value as a parameter, never as SQL', () => {
    const p = plan(`source:"x' OR 1=1 --" lang:"en'"`)!;
    expect(p.where.join(' ')).not.toContain("'");
    expect(p.params).toEqual(expect.arrayContaining(['xor11', "en'"]));
  });
});
