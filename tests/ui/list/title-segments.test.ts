// A title's highlights when its display form differs from the stored text: WIDE_PAD marks after an
// Indic conjunct, a Thai AM or a skin-toned emoji, a variation selector dropped. The match ranges
// index the stored title; the highlighted runs must still be the matched words.
import { describe, expect, it } from 'vitest';
import { titleSegments } from '../../../src/ui/list/title-segments.js';
import { displayText, WIDE_PAD } from '../../../src/core/width/index.js';

// The inclusive range of `word` in `title`, as the search gives it.
const range = (title: string, word: string): [number, number] => {
  const at = title.indexOf(word);
  expect(at).toBeGreaterThanOrEqual(0);
  return [at, at + word.length - 1];
};
const matched = (segs: Array<{ text: string; match: boolean }>): string[] =>
  segs.filter((s) => s.match).map((s) => s.text.replaceAll(WIDE_PAD, ''));

describe('titleSegments on titles whose display form differs from the text', () => {
  it.each([
    ['Hindi conjuncts', 'प्रधानमंत्री ने क्रिप्टो कर पर बिटकॉइन नीति बताई', 'बिटकॉइन'],
    ['Hindi, the match itself a conjunct', 'प्रधानमंत्री ने क्रिप्टो कर पर बिटकॉइन नीति बताई', 'क्रिप्टो'],
    ['Thai AM', 'ราคาน้ำมันลดลง บิตคอยน์พุ่งขึ้น', 'บิตคอยน์'],
    ['Thai, the match holding AM', 'ราคาน้ำมันลดลง บิตคอยน์พุ่งขึ้น', 'น้ำมัน'],
    ['a skin-toned emoji before the match', '👍🏽 Bitcoin ETF approved', 'Bitcoin'],
    ['a ZWJ emoji after the match', 'Solana devs 👩‍💻 ship a fix', 'Solana'],
    ['a variation selector dropped', '❤️ Ethereum fans rally', 'Ethereum'],
    ['a keycap written without VS16 (shown with it)', 'Top 3\u20e3 Ethereum upgrades', 'Ethereum'],
  ])('%s: the matched word is highlighted, the rest is not', (_what, title, word) => {
    expect(displayText(title)).not.toBe(title);
    const segs = titleSegments(title, [range(title, word)], 200);
    expect(matched(segs)).toEqual([word]);
    expect(segs.map((s) => s.text).join('')).toBe(displayText(title));
  });

  it('keeps an emoji and its pads in one run when the emoji itself is matched', () => {
    const title = 'Rocket 🚀👍🏽 day';
    const segs = titleSegments(title, [range(title, '👍🏽')], 200);
    expect(segs.filter((s) => s.match).map((s) => s.text)).toEqual([displayText('👍🏽')]);
  });

  it('shows a keycap as the keycap, not its digit, and cuts the title around it whole', () => {
    const title = 'Top 1\ufe0f\u20e3 #\ufe0f\u20e3 *\u20e3 ranked';
    const segs = titleSegments(title, [range(title, 'ranked')], 200);
    expect(segs.map((s) => s.text).join('')).toBe('Top 1\ufe0f\u20e3 #\ufe0f\u20e3 *\ufe0f\u20e3 ranked');
    expect(matched(segs)).toEqual(['ranked']);
    // Each keycap takes 2 columns: `Top ` and one keycap fit 6, a second does not.
    expect(titleSegments(title, [], 7).map((s) => s.text).join('')).toBe('Top 1\ufe0f\u20e3…');
  });

  it('cuts a Hindi title inside a match and still marks the part shown', () => {
    const title = 'बिटकॉइन प्रधानमंत्री क्रिप्टो';
    const segs = titleSegments(title, [range(title, 'प्रधानमंत्री')], 12);
    expect(segs.at(-1)).toEqual({ text: '…', match: false });
    expect(segs.some((s) => s.match)).toBe(true);
  });
});
