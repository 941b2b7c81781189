// The scan that splits a title or description into words for coin detection must find exactly
// what the regular expression it replaced found, and read Title Case as the filter it replaced
// did: compared here on hand-picked texts (dots, digits, other scripts, letters outside the
// Basic Multilingual Plane, lone surrogates) and on many random ones.
import { describe, expect, it } from 'vitest';
import { isTitleCase, mayBeCapitals, proseWords, startsUpper } from '../../../src/core/coins/prose-words.js';

// What detect.ts used before the scan, kept here as the reference.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}.]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
const reference = (text: string): Array<{ text: string; start: number; end: number }> =>
  [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
const referenceTitleCase = (text: string): boolean => {
  const long = reference(text).slice(1).filter((t) => t.text.length >= 4 && /^\p{L}/u.test(t.text));
  return long.length >= 2 && long.filter((t) => /^\p{Lu}/u.test(t.text)).length * 4 >= long.length * 3;
};

const TEXTS = [
  '',
  'Solana Fees Rise 49% as SOL reclaims $200',
  'U.S. regulators... and crypto.com, 3.2B; a..b .lead trail. x. y.z.',
  'Ærø café naïve São Paulo Ελλάδα ΟΔΟΣ İstanbul straße',
  'Bitcoin, Stellar Jump 5% — “Maker” slips to $1,480 (ETH/BTC)',
  'Math 𝐀𝐁𝐂 and 𝟏𝟐 digits, emoji 🚀 moon, CJK 比特币 价格',
  'lone \ud800 high, lone \udc00 low, pair \ud835\udc00 ok',
  'Ⅻ Roman ½ fractions ٣ Arabic-Indic ⁂ ...',
  '.....',
  'a',
  'A.B.C.D',
];

// Random texts over an alphabet rich in the cases that matter.
function randomText(seed: number): string {
  const alphabet = ['a', 'Z', 'q', '0', '9', '.', '.', ' ', ',', '$', '-', 'é', 'É', 'ß', 'Σ', 'ς', '中', '½', '\u2014', '𝐀', '🚀', '\ud800', '\udc00', '\n'];
  let x = seed;
  let out = '';
  const length = 1 + (seed % 40);
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

describe('proseWords', () => {
  it('finds the words the regular expression finds in hand-picked texts', () => {
    for (const text of TEXTS) expect(proseWords(text), JSON.stringify(text)).toEqual(reference(text));
  });
  it('agrees with it on 5,000 random texts', () => {
    for (let seed = 1; seed <= 5_000; seed++) {
      const text = randomText(seed);
      expect(proseWords(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });
});

describe('isTitleCase', () => {
  it('reads hand-picked texts as the filter did', () => {
    const texts = [...TEXTS, 'Emberly Capital Cuts 58% of Staff', 'Solana fees rise as validators wait', 'Über Große Änderungen Heute', 'über große änderungen heute'];
    for (const text of texts) expect(isTitleCase(proseWords(text)), JSON.stringify(text)).toBe(referenceTitleCase(text));
    // Both answers occur among them.
    expect(new Set(texts.map(referenceTitleCase))).toEqual(new Set([true, false]));
  });
  it('agrees with it on 5,000 random texts', () => {
    for (let seed = 1; seed <= 5_000; seed++) {
      const text = randomText(seed * 7);
      expect(isTitleCase(proseWords(text)), JSON.stringify(text)).toBe(referenceTitleCase(text));
    }
  });
});

describe('word tests', () => {
  it('says a word with a-z in it is not in capitals, and leaves other words to toUpperCase', () => {
    expect(mayBeCapitals('SOL')).toBe(true);
    expect(mayBeCapitals('Sol')).toBe(false);
    expect(mayBeCapitals('ÉTÉ')).toBe(true);
    expect(mayBeCapitals('éß')).toBe(true);
  });
  it('says whether a word starts with an upper-case letter, as /^\\p{Lu}/u does', () => {
    for (const word of ['Solana', 'solana', 'Élan', 'élan', '𝐀bc', '1inch', '', '\ud800x']) expect(startsUpper(word)).toBe(/^\p{Lu}/u.test(word));
  });
});
