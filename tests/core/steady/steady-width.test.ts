import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { padSteady, steadyWidth } from '../../../src/core/steady/index.js';
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
