import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hayTitle, makeHay, squashSpaces, titleIncludes } from '../../../src/core/search/haystack.js';
import { titleTier } from '../../../src/core/search/tiers.js';
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
