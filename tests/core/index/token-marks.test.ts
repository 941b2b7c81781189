// The full-text table's answer per token kept as bitmaps (index/fts.ts TokenMarks) must mark
// exactly FTS5's `(a OR b) AND (c OR d)` over the same rows, read each token once while it is
// kept, and keep no more bitmaps than its budget allows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasMark, setMark, TokenMarks, type Marks } from '../../../src/core/index/fts.js';

// Sizes on both sides of a 32-bit word's edge; each token held by a random set of articles.
const corpus = fc.integer({ min: 1, max: 200 }).chain((size) =>
  fc.tuple(
    fc.constant(size),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), fc.uniqueArray(fc.integer({ min: 0, max: size - 1 }))),
    fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'zz'), { minLength: 1, maxLength: 4 }), { maxLength: 4 }),
  ),
);

// The marked articles' ids, ascending.
const marked = (marks: Marks, size: number): number[] => Array.from({ length: size }, (_, id) => id).filter((id) => hasMark(marks, id));

function reader(held: Record<string, number[]>, reads: string[] = []): (token: string, bits: Uint32Array) => void {
  return (token, bits) => {
    reads.push(token);
    for (const id of held[token] ?? []) setMark(bits, id);
  };
}

describe('TokenMarks', () => {
  it('marks the articles holding a token of every group, as FTS5 would', () => {
    fc.assert(
      fc.property(corpus, ([size, held, groups]) => {
        const marks = new TokenMarks(size, reader(held)).marks(groups);
        const expected = Array.from({ length: size }, (_, id) => id).filter((id) => groups.length > 0 && groups.every((g) => g.some((t) => (held[t] ?? []).includes(id))));
        expect(marked(marks, size)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('takes a bitmap read elsewhere as kept: marks() reads nothing for it', () => {
    const reads: string[] = [];
    const tokens = new TokenMarks(40, reader({ a: [1], b: [2] }, reads));
    const bits = new Uint32Array(2);
    setMark(bits, 33);
    expect(tokens.has('b')).toBe(false);
    tokens.keep('b', bits);
    expect(tokens.has('b')).toBe(true);
    const marks = tokens.marks([['b']]);
    expect(marked(marks, 40)).toEqual([33]);
    expect(reads).toEqual([]);
  });

  it('marks the 32nd article of a word and the last one', () => {
    const marks = new TokenMarks(64, reader({ a: [31, 63, 0, 32] })).marks([['a']]);
    expect(marked(marks, 64)).toEqual([0, 31, 32, 63]);
  });

  it('reads a token once while it is kept: a word typed on asks for no token it asked for before', () => {
    const reads: string[] = [];
    const tokens = new TokenMarks(1000, reader({ bit: [1], bitcoin: [2, 3], bitcoins: [4], orbit: [5] }, reads));
    tokens.marks([['bit', 'bitcoin', 'bitcoins', 'orbit']]);
    tokens.marks([['bitcoin', 'bitcoins']]);
    const both = tokens.marks([['bitcoin'], ['orbit', 'bit']]);
    expect(reads).toEqual(['bit', 'bitcoin', 'bitcoins', 'orbit']);
    expect(marked(both, 1000)).toEqual([]);
  });

  it('keeps no more bitmaps than its budget, dropping the least recently used first', () => {
    const reads: string[] = [];
    // 100 articles: 4 words of 32 bits, 16 bytes a bitmap; 48 bytes keep three.
    const tokens = new TokenMarks(100, reader({ a: [1], b: [2], c: [3], d: [4] }, reads), 48);
    tokens.marks([['a', 'b', 'c']]);
    tokens.marks([['a']]); // a used again: b is now the oldest
    tokens.marks([['d']]);
    expect(tokens.count).toBe(3);
    expect(marked(tokens.marks([['a'], ['c', 'a']]), 100)).toEqual([1]);
    tokens.marks([['b']]);
    expect(reads).toEqual(['a', 'b', 'c', 'd', 'b']);
  });

  it('keeps nothing for a token whose read failed, and lets the failure through', () => {
    let fail = true;
    const tokens = new TokenMarks(10, (token, bits) => {
      if (fail) throw new Error('database is locked');
      setMark(bits, 7);
    });
    expect(() => tokens.marks([['x']])).toThrow('database is locked');
    expect(tokens.count).toBe(0);
    fail = false;
    expect(marked(tokens.marks([['x']]), 10)).toEqual([7]);
  });

  it('answers with a bit an article, and for one token with its kept bitmap itself: no copy made per word set', () => {
    const tokens = new TokenMarks(1000, reader({ bitcoin: [3, 999], orbit: [5] }));
    const one = tokens.marks([['bitcoin']]);
    expect(one.byteLength).toBe(128);
    expect(tokens.marks([['bitcoin']])).toBe(one);
    const two = tokens.marks([['bitcoin', 'orbit']]);
    expect(two.byteLength).toBe(128);
    expect(marked(two, 1000)).toEqual([3, 5, 999]);
    expect(marked(one, 1000)).toEqual([3, 999]);
  });
});
