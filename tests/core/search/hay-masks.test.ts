// Letter masks (hay-masks.ts) answer "does this text hold the needle?" only where that is certain:
// a needle with a letter or digit the mask lacks is not in the text, a one-letter needle whose bit
// is set is. Everything else goes to the text itself, so shortIncludes answers as `includes` does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charMask, HayMasks, letterBits } from '../../../src/core/search/hay-masks.js';
import { makeHay, shortIncludes } from '../../../src/core/search/haystack.js';
import { foldText } from '../../../src/core/text/index.js';
import { makeArticle } from '../../helpers/make-article.js';

// Short texts over a small alphabet (letters, digits, accents, punctuation), so needles often occur.
const text = fc.array(fc.constantFrom(...'abcdeqz0159 É-é…'.split('')), { maxLength: 24 }).map((cs) => cs.join(''));

describe('letter masks', () => {
  it('shortIncludes answers as includes over the folded title, description, tags, categories and source', () => {
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 3 }), text, text, (title, description, tags, source, needle) => {
        const a = makeArticle({ title, description, tags, categories: [], source, sourceKey: source });
        const hay = makeHay(a);
        const folded = foldText(needle);
        const all = [title, description, ...tags, source, source].map(foldText).join('\n');
        for (const n of [folded, folded.slice(0, 1), folded.slice(0, 2)]) {
          if (n === '' || n.includes('\n')) continue;
          expect(shortIncludes(hay, n)).toBe(all.includes(n));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('sets a bit for each letter and digit, none for other characters', () => {
    expect(charMask('')).toBe(0);
    expect(charMask('a')).toBe(1);
    expect(charMask('z')).toBe(1 << 25);
    expect(charMask('ba')).toBe(3);
    expect(charMask('é …-')).toBe(0);
    // Digits share six bits: 0 and 6, 5 and 11's... (digit % 6).
    expect(charMask('0')).toBe(charMask('6'));
    expect(charMask('5')).toBe(1 << 31);
  });

  it('gives the bits of one-letter words only', () => {
    expect(letterBits(['a', 'c'])).toBe(5);
    expect(letterBits(['a', 'cd'])).toBe(0);
    expect(letterBits(['1'])).toBe(0);
    expect(letterBits(['é'])).toBe(0);
  });

  it('keeps masks by id, growing, and rules nothing in for an article not yet seen', () => {
    const masks = new HayMasks();
    masks.keep(5000, { hayMask: charMask('abc') });
    expect(masks.holdsAny(5000, letterBits(['c', 'x']))).toBe(true);
    expect(masks.holdsAll(5000, letterBits(['c', 'x']))).toBe(false);
    expect(masks.holdsAll(5000, letterBits(['c', 'a']))).toBe(true);
    expect(masks.holdsAny(4999, letterBits(['a']))).toBe(false);
    expect(masks.holdsAll(1_000_000, letterBits(['a']))).toBe(false);
  });
});
