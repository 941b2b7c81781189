import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldedTitle, hayTitle, makeHay, squashSpaces, titleIncludes } from '../../../src/core/search/haystack.js';
import { parseQuery } from '../../../src/core/search/query.js';
import { rankTiers, titleTier } from '../../../src/core/search/tiers.js';
import { makeArticle } from '../../helpers/make-article.js';

// Titles and queries over a small alphabet with every kind of whitespace, so runs, ends, tabs,
// no-break spaces and line breaks all come up.
const chars = fc.constantFrom('a', 'b', 'c', ' ', ' ', '\t', '\n', '\u00a0', '\u3000', 'é', '\u0085');
const text = fc.array(chars, { maxLength: 12 }).map((xs) => xs.join(''));

describe('titleTier', () => {
  it('is what squashing the title and comparing it says: 0 equal, 1 contains, 2 neither', () => {
    fc.assert(
      fc.property(text, text, text, (title, description, query) => {
        const hay = makeHay(makeArticle({ title, description }));
        const squashed = squashSpaces(hayTitle(hay));
        const q = squashSpaces(query);
        expect(titleTier(hay, q)).toBe(squashed === q ? 0 : squashed.includes(q) ? 1 : 2);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads words in the title only, never in the fields after it', () => {
    fc.assert(
      fc.property(text, text, text, (title, description, word) => {
        const hay = makeHay(makeArticle({ title, description }));
        expect(titleIncludes(hay, word)).toBe(hayTitle(hay).includes(word));
      }),
      { numRuns: 3000 },
    );
    const hay = makeHay(makeArticle({ title: 'Bitcoin rallies', description: 'ether too' }));
    expect(titleIncludes(hay, 'ether')).toBe(false);
    expect(titleIncludes(hay, 'rallies')).toBe(true);
    expect(titleTier(hay, 'bitcoin rallies')).toBe(0);
    expect(titleTier(hay, 'rallies\nether')).toBe(2);
  });
});

describe('rankTiers', () => {
  const word = fc.array(fc.constantFrom('a', 'b', 'c', 'é'), { minLength: 1, maxLength: 3 }).map((xs) => xs.join(''));

  it('ranks from folded titles alone as from haystacks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: text, description: text }), { minLength: 1, maxLength: 8 }),
        fc.array(word, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 8 }),
        (fields, words, picks) => {
          const articles = fields.map((f, id) => makeArticle({ id, ...f }));
          const hays = articles.map((a) => makeHay(a));
          const q = parseQuery(words.join(' '), 0);
          const scores = new Map<number, number>();
          const exact: number[] = [];
          for (const [n, scored, score] of picks) {
            const id = n % articles.length;
            if (scored) scores.set(id, score);
            else if (!exact.includes(id)) exact.push(id);
          }
          const fromHays = rankTiers(scores, exact, q, (id) => hays[id]);
          expect(rankTiers(scores, exact, q, (id) => hays[id], (id) => foldedTitle(articles[id]))).toEqual(fromHays);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('makes no haystack for a match whose title settles its rank', () => {
    const articles = ['Solana fees rise', 'solana', 'Why  Solana\tfell', 'SOLANA and ether'].map((title, id) => makeArticle({ id, title, description: 'other words' }));
    const noHay = (): never => {
      throw new Error('a haystack was made');
    };
    const titleOf = (id: number): string => foldedTitle(articles[id]);
    const ranked = rankTiers(new Map([[3, 0.2]]), [0, 1, 2], parseQuery('solana', 0), noHay, titleOf);
    expect(ranked.map((r) => [r.id, r.tier])).toEqual([[3, 1], [0, 1], [1, 0], [2, 1]]);
    // Every word in the title but not the query as a whole: rank 0 of tier 3, still from the title.
    expect(rankTiers(new Map(), [0], parseQuery('rise solana', 0), noHay, titleOf)).toEqual([{ id: 0, tier: 3, rank: 0, score: 1 }]);
    // A word only in the description needs the haystack's short fields.
    const hay = makeHay(articles[0]);
    expect(rankTiers(new Map(), [0], parseQuery('solana words', 0), () => hay, titleOf)).toEqual([{ id: 0, tier: 3, rank: 1, score: 1 }]);
  });
});
