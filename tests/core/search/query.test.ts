import { describe, expect, it } from 'vitest';
import { parseQuery, QueryError, queryErrorOf, type Term } from '../../../src/core/search/query.js';

const NOW = Date.UTC(2025, 10, 30, 12, 0, 0); // 2025-11-30T12:00:00Z
const DAY = 86_400_000;
const local = (edit: (d: Date) => void): number => {
  const d = new Date(NOW);
  edit(d);
  return d.getTime();
};

describe('parseQuery terms', () => {
  const cases: Array<[string, Term[]]> = [
    ['bitcoin', [{ kind: 'word', value: 'bitcoin', negate: false }]],
    ['Bitcoin  ETF', [{ kind: 'word', value: 'bitcoin', negate: false }, { kind: 'word', value: 'etf', negate: false }]],
    ['"Spot  ETF"', [{ kind: 'phrase', value: 'spot etf', negate: false }]],
    ['-bitcoin', [{ kind: 'word', value: 'bitcoin', negate: true }]],
    ['-"Wind Down"', [{ kind: 'phrase', value: 'wind down', negate: true }]],
    ['tag:MINING', [{ kind: 'tag', value: 'mining', negate: false }]],
    ['TAGS:btc', [{ kind: 'tag', value: 'btc', negate: false }]],
    ['source:Decrypt', [{ kind: 'source', value: 'decrypt', negate: false }]],
    ['source:"The  Block"', [{ kind: 'source', value: 'the block', negate: false }]],
    ['-source:decrypt', [{ kind: 'source', value: 'decrypt', negate: true }]],
    ['category:BTC', [{ kind: 'category', value: 'btc', negate: false }]],
    ['cat:btc', [{ kind: 'category', value: 'btc', negate: false }]],
    ['sentiment:NEGATIVE', [{ kind: 'sentiment', value: 'negative', negate: false }]],
    ['sentiment:pos', [{ kind: 'sentiment', value: 'positive', negate: false }]],
    ['-sentiment:neu', [{ kind: 'sentiment', value: 'neutral', negate: true }]],
    ['sentiment:None', [{ kind: 'sentiment', value: 'none', negate: false }]],
    ['lang:EN', [{ kind: 'lang', value: 'en', negate: false }]],
    ['since:2025-11-01', [{ kind: 'since', at: Date.UTC(2025, 10, 1), negate: false }]],
    ['until:2025-11-30', [{ kind: 'until', at: Date.UTC(2025, 10, 30) + DAY - 1, negate: false }]],
    ['since:2025-11-14T02:13:55Z', [{ kind: 'since', at: Date.UTC(2025, 10, 14, 2, 13, 55), negate: false }]],
    ['since:2025-11-14T02:13:55.5Z', [{ kind: 'since', at: Date.UTC(2025, 10, 14, 2, 13, 55, 500), negate: false }]],
    ['until:2025-11-14T02:13+02:00', [{ kind: 'until', at: Date.UTC(2025, 10, 14, 0, 13), negate: false }]],
    ['since:24h', [{ kind: 'since', at: NOW - DAY, negate: false }]],
    ['since:7d', [{ kind: 'since', at: NOW - 7 * DAY, negate: false }]],
    ['since:2W', [{ kind: 'since', at: NOW - 14 * DAY, negate: false }]],
    ['since:3m', [{ kind: 'since', at: local((d) => d.setMonth(d.getMonth() - 3)), negate: false }]],
    ['since:3mo', [{ kind: 'since', at: local((d) => d.setMonth(d.getMonth() - 3)), negate: false }]],
    ['since:45min', [{ kind: 'since', at: NOW - 45 * 60_000, negate: false }]],
    ['until:90MIN', [{ kind: 'until', at: NOW - 90 * 60_000, negate: false }]],
    ['-until:1y', [{ kind: 'until', at: local((d) => d.setFullYear(d.getFullYear() - 1)), negate: true }]],
    ['is:draft', [{ kind: 'is', value: 'draft', negate: false }]],
    ['is:Sticky', [{ kind: 'is', value: 'sticky', negate: false }]],
    // Reading terms are the reading state's (core/reading applies them): known, parsed, no engine term.
    ['is:unread -is:Saved is:read is:NEW tag:x', [{ kind: 'tag', value: 'x', negate: false }]],
    ['12:30', [{ kind: 'word', value: '12:30', negate: false }]],
    ['https://decrypt.co/x', [{ kind: 'word', value: 'https://decrypt.co/x', negate: false }]],
    ['bitcoin -', [{ kind: 'word', value: 'bitcoin', negate: false }]],
    ['-', []],
    ['   ', []],
    ['""', []],
    // Markup beside a space is a gap: trimmed after the fold, never a phrase opening with a space.
    ['"* spot etf"', [{ kind: 'phrase', value: 'spot etf', negate: false }]],
    ['"spot **"', [{ kind: 'phrase', value: 'spot', negate: false }]],
    ['"* *"', []],
    // A no-break space (or another the fold reads as one) separates words as a space does.
    ['\u00a0spot\u00a0etf\u2003sec', [{ kind: 'word', value: 'spot', negate: false }, { kind: 'word', value: 'etf', negate: false }, { kind: 'word', value: 'sec', negate: false }]],
    ['-\u00a0bitcoin', [{ kind: 'word', value: 'bitcoin', negate: false }]],
    ['tag:"* mining"', [{ kind: 'tag', value: 'mining', negate: false }]],
    // Every dash folds to `-`, but only `-` negates: a term after an en dash or a minus sign is a word.
    ['\u2013bitcoin \u22125% 2024\u20132025 tag:layer\u20142', [
      { kind: 'word', value: '-bitcoin', negate: false }, { kind: 'word', value: '-5%', negate: false },
      { kind: 'word', value: '2024-2025', negate: false }, { kind: 'tag', value: 'layer-2', negate: false },
    ]],
    ['"2024\u20132025" -"layer\u20112"', [{ kind: 'phrase', value: '2024-2025', negate: false }, { kind: 'phrase', value: 'layer-2', negate: true }]],
  ];
  it.each(cases)('%s', (input, terms) => {
    expect(parseQuery(input, NOW).terms).toEqual(terms);
  });
});

describe('parseQuery summary fields', () => {
  const cases: Array<[string, { words: string[]; phrases: string[]; text: string; draftsOnly: boolean }]> = [
    ['Bitcoin "spot etf" -sec tag:btc', { words: ['bitcoin'], phrases: ['spot etf'], text: 'bitcoin spot etf', draftsOnly: false }],
    ['is:draft treasury', { words: ['treasury'], phrases: [], text: 'treasury', draftsOnly: true }],
    ['-is:draft', { words: [], phrases: [], text: '', draftsOnly: false }],
    ['', { words: [], phrases: [], text: '', draftsOnly: false }],
  ];
  it.each(cases)('%s', (input, expected) => {
    const q = parseQuery(input, NOW);
    expect({ words: q.words, phrases: q.phrases, text: q.text, draftsOnly: q.draftsOnly }).toEqual(expected);
  });
});

describe('parseQuery errors name the bad term', () => {
  const cases: Array<[string, string, string]> = [
    ['foo:bar', 'unknown field "foo" in "foo:bar"', 'foo:bar'],
    ['bitcoin -Foo:bar', 'unknown field "Foo" in "-Foo:bar"', '-Foo:bar'],
    ['tag:', 'empty value in "tag:"', 'tag:'],
    ['source:""', 'empty value in "source:"""', 'source:""'],
    ['since:2025-13-45', 'bad date in "since:2025-13-45"', 'since:2025-13-45'],
    ['until:2025-02-30', 'bad date in "until:2025-02-30"', 'until:2025-02-30'],
    ['since:yesterday', 'bad date in "since:yesterday"', 'since:yesterday'],
    ['since:7x', 'bad date in "since:7x"', 'since:7x'],
    ['since:3mins', 'bad date in "since:3mins"', 'since:3mins'],
    ['sentiment:great', 'unknown sentiment in "sentiment:great"', 'sentiment:great'],
    ['is:hot', 'unknown value in "is:hot"', 'is:hot'],
    ['is:unred', 'use is:draft, is:sticky, is:unread, is:read, is:saved or is:new', 'is:unred'],
    ['etf "spot bitcoin', 'unclosed quote (a phrase needs its closing "): "spot bitcoin', '"spot bitcoin'],
    ['source:"the block', 'unclosed quote (a phrase needs its closing "): source:"the block', 'source:"the block'],
    ['spot"', 'unclosed quote (a phrase needs its closing "): "', '"'],
    // Found by a tester: `--bitcoin` listed every article (not `-bitcoin`).
    ['--bitcoin', 'one - negates a term: "--bitcoin"', '--bitcoin'],
    ['etf --', 'one - negates a term: "--"', '--'],
    // An en dash after the `-` is a dash too (both fold to `-`).
    ['-\u2013bitcoin', 'one - negates a term: "-\u2013bitcoin"', '-\u2013bitcoin'],
  ];
  it.each(cases)('%s', (input, message, term) => {
    let caught: unknown;
    try {
      parseQuery(input, NOW);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(QueryError);
    expect((caught as QueryError).message).toContain(message);
    expect((caught as QueryError).term).toBe(term);
    // What the CLI stops `-q` and a view's query with: the same message.
    expect(queryErrorOf(input)).toBe((caught as QueryError).message);
  });
  it('queryErrorOf is null for a query that parses, reading terms included', () => {
    for (const q of ['', 'bitcoin', 'is:unread sentiment:negative', 'tag:btc -source:decrypt since:7d']) expect(queryErrorOf(q)).toBeNull();
  });
});

describe('queryErrorOf: what a query given whole may not hold though it parses', () => {
  it.each([
    ['-', /lone -/],
    ['bitcoin -', /lone -/],
    ['hack OR drained', /^no OR operator/],
    ['bitcoin | ether', /^no \| operator/],
    ['bitcoin || ether', /^no \|\| operator/],
    ['NOT etf', /^no NOT operator.*-word/],
    ['!bitcoin', /^! does not negate.*-word/],
    ['etf !"spot etf"', /^! does not negate/],
    // A query that does not parse says why first (found by a tester: an OR after an unclosed quote).
    ['"spot etf OR', /^unclosed quote/],
  ])('%j is refused', (query, message) => {
    expect(queryErrorOf(query)).toMatch(message);
  });
  it.each(['-bitcoin', 'or', 'Or', '"this OR that"', 'tag:OR', 'bitcoin -etf', 'x|y', 'wow!', '"hello !world"'])('%j is taken', (query) => {
    expect(queryErrorOf(query)).toBeNull();
  });
});
