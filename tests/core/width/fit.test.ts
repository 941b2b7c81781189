import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { WIDE_PAD } from '../../../src/core/width/width.js';
import { fitTail, fitWidth, padWidth } from '../../../src/core/width/fit.js';

const SAMPLES = ['hello world', '日本語のタイトル', 'ab😀cd😀ef', 'e\u0301te\u0301', '👩‍👩‍👧 family', 'Ｆｕｌｌｗｉｄｔｈ'];

describe('fitWidth', () => {
  it.each([
    ['hello world', 5, 'hell…'],
    ['hello', 5, 'hello'],
    ['日本語のタイトル', 4, '日…'],
    ['ab😀cd', 4, 'ab…'],
    ['anything', 0, ''],
    ['anything', 1, '…'],
  ])('%s at %d -> %s', (s, w, want) => expect(fitWidth(s, w)).toBe(want));

  it('never exceeds the width for wide and combining text', () => {
    for (const s of SAMPLES) for (let w = 0; w <= 20; w++) expect(stringWidth(fitWidth(s, w)), `${s} ${w}`).toBeLessThanOrEqual(w);
  });

  it('keeps grapheme clusters whole', () => {
    expect(fitWidth('e\u0301te\u0301 ok', 4)).toBe('e\u0301te\u0301…');
  });

  it('keeps a ZWJ sequence whole at its widest width (padded for ink), or leaves it out whole', () => {
    expect(fitWidth('👩‍👩‍👧 family', 3)).toBe('…');
    expect(fitWidth('👩‍👩‍👧 family', 7)).toBe(`👩‍👩‍👧${WIDE_PAD.repeat(4)}…`);
    expect(stringWidth(fitWidth('👩‍👩‍👧 family', 7))).toBe(7);
  });
});

describe('padWidth and fitTail', () => {
  it('pads to exactly the width', () => {
    for (const s of SAMPLES) for (let w = 0; w <= 20; w++) expect(stringWidth(padWidth(s, w)), `${s} ${w}`).toBe(w);
  });
  it('keeps the end of the text', () => {
    expect(fitTail('bitcoin etf', 5)).toBe('… etf');
    for (const s of SAMPLES) for (let w = 0; w <= 20; w++) expect(stringWidth(fitTail(s, w))).toBeLessThanOrEqual(w);
  });
});
