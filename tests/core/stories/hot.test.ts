import { describe, expect, it } from 'vitest';
import { hotOrder, hotScore } from '../../../src/core/stories/index.js';
import { makeCorpus } from '../../helpers/make-article.js';

const NOW = Date.UTC(2026, 10, 20, 12);
const H = 3_600_000;

describe('hot score', () => {
  it('follows the documented formula', () => {
    const a = { publishedAt: NOW - 10 * H, score: 0.5, stickyWeight: 0 };
    expect(hotScore(a, 4, NOW)).toBeCloseTo((1 + 2 * 2 + 0.5) / 12 ** 1.5, 10);
    expect(hotScore({ publishedAt: null, score: 1, stickyWeight: 1 }, 8, NOW)).toBe(0);
  });
  it('puts a story told by eight outlets above a lone report of the same age, and a fresh report above a stale big story', () => {
    const base = { publishedAt: NOW - 5 * H, score: null, stickyWeight: 0 };
    expect(hotScore(base, 8, NOW)).toBeGreaterThan(hotScore(base, 1, NOW));
    expect(hotScore({ ...base, publishedAt: NOW - H }, 1, NOW)).toBeGreaterThan(hotScore({ ...base, publishedAt: NOW - 96 * H }, 8, NOW));
    expect(hotScore({ ...base, score: -1 }, 1, NOW)).toBe(hotScore(base, 1, NOW));
  });
  it('orders ids by it', () => {
    const corpus = makeCorpus([
      { publishedAt: NOW - 2 * H },
      { publishedAt: NOW - 3 * H },
      { publishedAt: NOW - 30 * H },
    ]);
    expect(hotOrder([0, 1, 2], (id) => corpus[id], [1, 6, 1], NOW)).toEqual([1, 0, 2]);
    expect(hotOrder([0, 1, 2], (id) => corpus[id], null, NOW)).toEqual([0, 1, 2]);
  });
});

describe('an article dated only by its file', () => {
  it('scores 0 like an undated one: its age is not known', () => {
    const now = Date.UTC(2026, 10, 30);
    expect(hotScore({ publishedAt: now - 60_000, score: null, stickyWeight: 0, dateGuessed: true }, 1, now)).toBe(0);
    expect(hotScore({ publishedAt: now - 60_000, score: null, stickyWeight: 0, dateGuessed: false }, 1, now)).toBeGreaterThan(0);
  });
});
