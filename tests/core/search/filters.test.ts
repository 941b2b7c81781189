// A full scan skips building haystacks when the filters never read one; that must be exactly the
// queries whose terms are dates, flags and drafts (besides the ranked free words).
import { describe, expect, it } from 'vitest';
import { filtersNeedHay } from '../../../src/core/search/filters.js';
import { parseQuery } from '../../../src/core/search/query.js';

const NOW = Date.UTC(2025, 10, 14);

describe('filtersNeedHay', () => {
  it.each([
    ['solana', false],
    ['solana fees', false],
    ['', false],
    ['is:draft', false],
    ['is:sticky bitcoin', false],
    ['since:2025-01-01 until:2025-06-01', false],
    ['-since:2025-01-01', false],
    ['-solana', true],
    ['"solana fees"', true],
    ['tag:mining', true],
    ['category:markets', true],
    ['source:decrypt', true],
    ['lang:en', true],
    ['sentiment:negative', true],
  ])('%j -> %s', (query, expected) => {
    expect(filtersNeedHay(parseQuery(query, NOW))).toBe(expected);
  });
});
