// The fuzzy scores the search ranks by come from a port of fuse.js's matcher (search/fuzzy/):
// it must give fuse's own numbers, bit for bit, for every article and query, or the result
// lists would change. Random corpora over a small alphabet (so near matches, exact matches,
// repeats and long fields all occur), random queries (long ones past fuse's 32-character chunk,
// non-ASCII, a field equal to the query), the search's option set and random variations of its
// location, distance and threshold, compared against fuse.js itself over the same records.
import fc from 'fast-check';
import type { IFuseOptions } from 'fuse.js';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article.js';
import { BitapPattern } from '../../../src/core/search/fuzzy/bitap.js';
import Fuse from 'fuse.js';
import { FuseRanker } from '../../../src/core/search/fuzzy/fuse-ranker.js';
import { fieldNorm } from '../../../src/core/search/fuzzy/record-scores.js';
import { FUSE_OPTIONS } from '../../../src/core/search/search-settings.js';
import { makeCorpus } from '../../helpers/make-article.js';

// Letters that make up the words, a few of them accented or outside ASCII; spaces and punctuation.
const LETTERS = ['a', 'b', 'c', 'i', 'n', 'o', 't', 'e', 's', 'B', 'C', 'É', 'é', 'ß', 'ı', 'ö', '中'];
const WORDS = ['bitcoin', 'bitcoin', 'etf', 'sec', 'solana', 'coin', 'bit', 'ción', 'Bitcoin ETF'];
// fuse's word separators (a field's norm counts the words between them: record-scores.ts
// fieldNorm) and white space that is not one of them (a field of it alone is blank to fuse).
const SPACES = ['\t', '\n', '\r', '\xa0', '\u2003', '\u3000'];
const letter = fc.constantFrom(...LETTERS, ' ', ' ', '-', '$', ...SPACES);
const chunk = fc.oneof(fc.constantFrom(...WORDS), fc.array(letter, { maxLength: 6 }).map((cs) => cs.join('')));
const text = (max: number): fc.Arbitrary<string> => fc.array(fc.oneof(chunk, fc.constant(' ')), { maxLength: max }).map((ps) => ps.join(''));

const article = fc.record({
  title: text(12),
  description: fc.oneof(text(4), text(60)),
  tags: fc.array(text(3), { maxLength: 4 }),
  source: text(2),
  categories: fc.array(text(2), { maxLength: 2 }),
});
const query = fc.oneof(
  fc.constantFrom(...WORDS, 'bitcon', 'bitconi', 'zzqx', 'b', 'é', 'etf sec', 'a'.repeat(33), 'bitcoin etf approval odds for solana and ether'),
  text(3).filter((q) => q.trim() !== ''),
  text(12).filter((q) => q.trim() !== ''),
);
const variant = fc.record({
  base: fc.constantFrom(FUSE_OPTIONS, { ...FUSE_OPTIONS, keys: FUSE_OPTIONS.keys!.filter((k) => typeof k === 'object' && 'name' in k && k.name !== 'description') }),
  location: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  distance: fc.option(fc.constantFrom(0, 1, 10, 100, 1000), { nil: undefined }),
  threshold: fc.option(fc.constantFrom(0, 0.1, 0.3, 0.4, 0.6, 1), { nil: undefined }),
});

// Both sides over the same records, as the search calls them: entries in order, scores exact.
function bothWays(articles: readonly Article[], q: string, options: IFuseOptions<Article>): [Array<[number, number]>, Array<[number, number]>] {
  const ranker = new FuseRanker(articles);
  const ids = articles.map((a) => a.id).reverse();
  return [[...ranker.scores(ids, q, options)], [...ranker.fuseScores(ids, q, options)]];
}

describe('fuzzy scores: the port gives fuse.js its own numbers', () => {
  it('with the search options, on random corpora and queries', () => {
    fc.assert(
      fc.property(fc.array(article, { minLength: 1, maxLength: 25 }), query, (parts, q) => {
        const [port, fuse] = bothWays(makeCorpus(parts), q, FUSE_OPTIONS);
        expect(port).toEqual(fuse);
      }),
      { numRuns: 400 },
    );
  });

  it('with other locations, distances and thresholds', () => {
    fc.assert(
      fc.property(fc.array(article, { minLength: 1, maxLength: 12 }), query, variant, (parts, q, v) => {
        const options: IFuseOptions<Article> = { ...v.base };
        for (const k of ['location', 'distance', 'threshold'] as const) if (v[k] !== undefined) Object.assign(options, { [k]: v[k] });
        const [port, fuse] = bothWays(makeCorpus(parts), q, options);
        expect(port).toEqual(fuse);
      }),
      { numRuns: 300 },
    );
  });

  it('gives a long query\'s average bit for bit when one of its chunks does not match (a counterexample the property found)', () => {
    // 34 code units: two chunks; the second does not match and its score carries bits below 2^-52
    // of 1, which an encoding of the miss as -(score + 1) lost.
    const corpus = makeCorpus([{ title: 'a a  Bitcoin ETFBitcoin ETFbit' }, { title: '' }]);
    const [port, fuse] = bothWays(corpus, 'Bitcoin ETFBitcoin ETFbitcoin     ', FUSE_OPTIONS);
    expect(fuse).toHaveLength(1);
    expect(port).toEqual(fuse);
  });

  it('matches fields that fuse matches and only those, on the cases that decide it', () => {
    const corpus = makeCorpus([
      { title: 'Bitcoin ETF', description: 'bitcoin etf' },
      { title: 'Bitcon Miners Sell', tags: ['BTC', 'bitcoin'] },
      { title: 'x'.repeat(80) + ' bitcoin', description: 'nothing near' },
      { title: 'Solana', source: 'Bitcoin Magazine' },
      { title: 'zzz', description: 'qqq', tags: [], source: 'q' },
    ]);
    for (const options of [FUSE_OPTIONS, { ...FUSE_OPTIONS, threshold: 0.4 }]) {
      for (const q of ['bitcoin etf', 'bitcoin', 'bitconi', 'solana', 'btc', 'zzqx']) {
        const [port, fuse] = bothWays(corpus, q, options);
        expect(port).toEqual(fuse);
      }
    }
    // A title equal to the query scores 0 in that field, and the article matches.
    const [port] = bothWays(corpus, 'bitcoin etf', FUSE_OPTIONS);
    expect(port.map(([id]) => id)).toContain(0);
  });

  it('leaves options that ignore the location to fuse.js itself (the port scores by location only)', () => {
    const corpus = makeCorpus([{ title: 'x'.repeat(80) + ' bitcoin' }, { title: 'bitcn etf' }, { title: 'zzz' }]);
    for (const q of ['bitcoin', 'bitconi', 'etf']) {
      const [port, fuse] = bothWays(corpus, q, { ...FUSE_OPTIONS, threshold: 0.4, ignoreLocation: true });
      expect(port).toEqual(fuse);
    }
  });

  it("gives a field fuse's own norm, whatever spaces separate its words", () => {
    // fuse.js's index records a string with its norm: the reference.
    const fuseNorm = (text: string): number => Fuse.createIndex([], [text]).records[0]?.n ?? Number.NaN;
    for (const text of ['bitcoin', 'bitcoin etf', ' a  b ', 'a\tb\nc\rd\xa0e', 'a\u2003b', 'x', '中 文', 'one two three four five six seven eight nine']) expect(fieldNorm(text)).toBe(fuseNorm(text));
    fc.assert(fc.property(text(20).filter((t) => t.trim() !== ''), (t) => {
      expect(fieldNorm(t)).toBe(fuseNorm(t));
      // The ranker counts a field's words in its lower-cased text (record-scores.ts articleFields).
      expect(fieldNorm(t.toLowerCase())).toBe(fuseNorm(t));
    }), { numRuns: 300 });
    for (const text of ['İstanbul Bitcoin', 'ΟΔΟΣ ΣΑΣ', 'ǅ ǈ ǋ']) expect(fieldNorm(text.toLowerCase())).toBe(fuseNorm(text));
  });

  it('leaves out blank fields as fuse does, and scores the rest alike', () => {
    const corpus = makeCorpus([
      { title: '\u2003', description: 'bitcoin', tags: ['', ' \t', 'bitcoin'], categories: ['\xa0'] },
      { title: 'bit\u2003coin\xa0etf', description: '\n', tags: ['bitcoin\tetf'] },
    ]);
    for (const options of [FUSE_OPTIONS, { ...FUSE_OPTIONS, threshold: 0.4 }]) {
      for (const q of ['bitcoin', 'bitcoin etf', 'etf']) {
        const [port, fuse] = bothWays(corpus, q, options);
        expect(port).toEqual(fuse);
      }
    }
  });

  it('reads a field equal to the pattern as a perfect score and no match as -1', () => {
    const options = { location: 0, distance: 100, threshold: 0.3 };
    expect(new BitapPattern('Bitcoin', options).score('bitcoin')).toBe(0);
    expect(new BitapPattern('bitcoin', options).score('ethereum')).toBe(-1);
    expect(new BitapPattern('bitcoin', options).score('bitcoin etf')).toBe(0.001);
    expect(new BitapPattern('', options).score('anything')).toBe(-1);
  });
});
