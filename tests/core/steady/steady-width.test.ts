import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOneColumnText, isSteadyText, isSteadyWide, padSteady, steadyWidth } from '../../../src/core/steady/index.js';
import { padWidth } from '../../../src/core/width/index.js';

// Steady units of every kind: ASCII, Latin, Greek, dashes and quotes, arrows, box drawing, the
// list's glyphs, ★, CJK, kana, Hangul, fullwidth forms.
const UNITS = [...'aZ 09~é—…“”αж→│╭▲▼●★中文ビット한국ＡＢ'];
const steadyText = fc.array(fc.constantFrom(...UNITS), { maxLength: 40 }).map((a) => a.join(''));

describe('padSteady', () => {
  it("gives what width/'s padWidth gives for steady text, at every width", () => {
    fc.assert(
      fc.property(steadyText, fc.integer({ min: 0, max: 50 }), (s, width) => {
        expect(padSteady(s, width)).toBe(padWidth(s, width));
      }),
    );
  });

  it('cuts with an ellipsis, pads to the width, and refuses text that is not steady', () => {
    expect(padSteady('Bitcoin rallies', 8)).toBe('Bitcoin…');
    expect(padSteady('中文中文', 6)).toBe('中文… ');
    expect(padSteady('ok', 5)).toBe('ok   ');
    expect(steadyWidth(padSteady('中文中文', 6) ?? '')).toBe(6);
    expect(padSteady('ok 👍', 10)).toBeNull();
    expect(padSteady('e\u0301', 10)).toBeNull();
  });
});

// The range sets are written once and read two ways: as regexes over text (isOneColumnText,
// isSteadyText) and unit by unit (isSteadyWide). Over every UTF-16 unit the readings agree.
describe('the steady ranges, read as text and unit by unit', () => {
  it('agree over every UTF-16 unit', () => {
    const wrong: string[] = [];
    let wide = 0;
    let steady = 0;
    for (let c = 0; c <= 0xffff; c++) {
      const u = String.fromCharCode(c);
      const w = steadyWidth(u);
      if (isSteadyWide(c)) wide++;
      if (isSteadyText(u)) steady++;
      const agree =
        (w !== null) === isSteadyText(u) &&
        (!isOneColumnText(u) || w === 1) &&
        (!isSteadyWide(c) || (isSteadyText(u) && !isOneColumnText(u) && w === 2)) &&
        (w === null || w === (isSteadyWide(c) ? 2 : 1));
      if (!agree) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
    // Kana, CJK ideographs, Hangul syllables and fullwidth forms are wide; each set is non-empty.
    expect(wide).toBe(86 + 90 + 0x5200 + 11172 + 96);
    expect(steady).toBeGreaterThan(wide);
    expect([isSteadyWide(0x4e2d), isSteadyWide(0x41), isSteadyWide(0x2500), isSteadyWide(0xff21), isSteadyWide(0xff61)]).toEqual([true, false, false, true, false]);
  });
});
