// The test that rules a field out before the Bitap matcher runs (search/fuzzy/match-pieces.ts):
// the pattern cut into one piece more than the errors a match may have; a field holding none of
// the pieces must be one fuse.js itself finds no match in, whatever the options.
import fc from 'fast-check';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { holdsPiece, matchPieces } from '../../../src/core/search/fuzzy/match-pieces.js';

const LETTERS = ['a', 'b', 'c', 'i', 'l', 'n', 'o', 's', 't', 'é', '中', ' ', '-'];
const WORDS = ['solana', 'solan', 'slana', 'soolana', 'bitcoin', 'bitcon', 'btcoin', 'etf', 'sec', 'sol', 'ana'];
const text = (max: number): fc.Arbitrary<string> => fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...LETTERS)), { maxLength: max }).map((ps) => ps.join(''));

describe('matchPieces', () => {
  it('cuts the pattern into one piece more than the error levels that can pass the threshold', () => {
    // 6 letters at 0.3: one error (1/6 <= 0.3 < 2/6), two pieces.
    expect(matchPieces('solana', 0.3, 100)).toEqual(['sol', 'ana']);
    // 7 letters at 0.3: two errors (2/7 <= 0.3), three pieces.
    expect(matchPieces('bitcoin', 0.3, 100)).toEqual(['bi', 'tc', 'oin']);
    // No error allowed: the pattern itself, which indexOf decides.
    expect(matchPieces('etf', 0, 100)).toEqual(['etf']);
    // 3 letters at 0.3: no error passes either (1/3 > 0.3).
    expect(matchPieces('etf', 0.3, 0)).toEqual(['etf']);
    // Every error level below the pattern's length: single characters.
    expect(matchPieces('sec', 1, 100)).toEqual(['s', 'e', 'c']);
  });

  it('does not apply where a score can fall below its errors (a negative distance) or to an empty pattern', () => {
    expect(matchPieces('solana', 0.3, -1)).toBeNull();
    expect(matchPieces('solana', 0.3, Number.NaN)).toBeNull();
    expect(matchPieces('', 0.3, 100)).toBeNull();
  });

  it('holdsPiece finds a piece anywhere in the text', () => {
    expect(holdsPiece('the solana validator', ['sol', 'ana'])).toBe(true);
    expect(holdsPiece('a banana', ['sol', 'ana'])).toBe(true);
    expect(holdsPiece('bitcoin etf flows', ['sol', 'ana'])).toBe(false);
  });

  it('a text holding no piece is one fuse.js finds no match in', () => {
    fc.assert(
      fc.property(
        text(12),
        fc.oneof(fc.constantFrom(...WORDS), text(4)).filter((p) => p.trim() !== '' && p.length <= 32),
        fc.record({ threshold: fc.constantFrom(0, 0.1, 0.3, 0.4, 0.6, 1), distance: fc.constantFrom(0, 1, 10, 100, 1000), location: fc.integer({ min: 0, max: 40 }), ignoreLocation: fc.boolean() }),
        (t, p, o) => {
          const pieces = matchPieces(p.toLowerCase(), o.threshold, o.distance);
          if (!pieces || holdsPiece(t.toLowerCase(), pieces)) return;
          expect(new Fuse([t], { ...o, includeScore: true }).search(p)).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
