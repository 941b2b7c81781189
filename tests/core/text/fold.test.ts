import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../../src/core/text/fold.js';

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
