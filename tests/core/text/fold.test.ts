import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldedBytes, foldText } from '../../../src/core/text/fold.js';

describe('foldText', () => {
  it.each([
    ['São Paulo', 'sao paulo'],
    ['Crédit Agricole', 'credit agricole'],
    ['Les Échos Crypto', 'les echos crypto'],
    ['Régulation', 'regulation'],
    ['Zürich Täglich', 'zurich taglich'],
    ['Łódź Øresund Đakovo Ħamrun', 'lodz oresund dakovo hamrun'],
    ['İstanbul Diyarbakır', 'istanbul diyarbakir'],
    ['Ελλάδα Ёлка', 'ελλαδα елка'],
    ['Tiếng Việt', 'tieng viet'],
    ['e\u0301cole', 'ecole'], // decomposed input folds the same
    ['BITCOIN ETF', 'bitcoin etf'],
  ])('%s -> %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it.each([
    ['がぎ', 'dakuten make other letters'],
    ['किताब', 'Devanagari vowel signs'],
    ['ᬆᬈ', 'Balinese letters that decompose into a letter and a vowel sign'],
    ['straße', 'ß is not expanded'],
    ['ﬁnance', 'ligatures are not expanded'],
    ['比特币 — “etf”…', 'CJK and punctuation'],
  ])('%s stays (%s)', (input) => {
    expect(foldText(input)).toBe(input);
  });

  // Greek capital sigma lower-cases by context (final ς), the one exception to "per character".
  const text = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('Σ'));

  it('folds per character: folding a joined string is joining the folded parts', () => {
    fc.assert(fc.property(text, text, (a, b) => foldText(a + b) === foldText(a) + foldText(b)));
  });

  it('is idempotent and keeps the length of NFC text without separate combining marks', () => {
    fc.assert(
      fc.property(text, (s) => {
        const folded = foldText(s);
        expect(foldText(folded)).toBe(folded);
        const nfc = s.normalize('NFC');
        if (!/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/.test(nfc) && nfc.toLowerCase().length === nfc.length) {
          expect(foldText(nfc)).toHaveLength(nfc.length);
        }
      }),
    );
  });
});

describe('foldedBytes', () => {
  it('holds foldText as UTF-8 in a buffer of its own, never a slice of the shared pool', () => {
    // Small Buffer.from() strings come from Node's 8 KB pool; one kept slice would pin the slab.
    for (const text of ['Régulation à Zürich', 'x'.repeat(1_500), '', 'ÉTF — 5 %']) {
      const bytes = foldedBytes(text);
      expect(bytes.toString('utf8')).toBe(foldText(text));
      expect(bytes.byteOffset).toBe(0);
      expect(bytes.buffer.byteLength).toBe(bytes.length);
    }
    expect(Buffer.from('pooled').buffer.byteLength).toBeGreaterThan(6); // what the rule above guards against
  });
});
