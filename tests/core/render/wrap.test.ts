import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { lineText, lineWidth } from '../../../src/core/render/spans.js';
import { eachGrapheme, textWidth } from '../../../src/core/width/width.js';
import { cutSpans, padLine, wrapSpans } from '../../../src/core/render/wrap.js';
import { fitWidth } from '../../../src/core/width/fit.js';

describe('wrapSpans', () => {
  it.each([
    ['fits on one line', 'a b c', 10, ['a b c']],
    ['breaks at spaces', 'aaa bbb ccc', 7, ['aaa bbb', 'ccc']],
    ['collapses runs of spaces', 'a    b', 10, ['a b']],
    ['drops leading spaces of a line', 'aaaa   bbbb', 4, ['aaaa', 'bbbb']],
    ['hard break on newline', 'a\nb', 10, ['a', 'b']],
    ['fills the rest of a line before breaking a long word', 'ab cdefghij', 5, ['ab cd', 'efghi', 'j']],
    ['CJK as two columns', '日本語テキスト', 6, ['日本語', 'テキス', 'ト']],
    ['emoji as two columns', '😀😀😀', 4, ['😀😀', '😀']],
    ['a wide grapheme in a one-column pane', '日', 1, ['…']],
    ['empty input gives one empty line', '', 5, ['']],
  ])('%s', (_name, input, width, expected) => {
    const lines = wrapSpans([{ text: input }], width);
    expect(lines.map(lineText)).toEqual(expected);
    for (const l of lines) expect(lineWidth(l)).toBeLessThanOrEqual(width);
  });

  it('keeps styles across a word made of several spans', () => {
    const lines = wrapSpans([{ text: 'plain ' }, { text: 'bo', bold: true }, { text: 'ld' }], 6);
    expect(lines.map(lineText)).toEqual(['plain', 'bold']);
    expect(lines[1][0]).toEqual({ text: 'bo', bold: true });
  });

  // Found by a tester: a Chinese body wrapped so that a line began with `，`. CJK line breaking
  // (kinsoku): a closing mark never starts a line, an opening bracket never ends one.
  it.each([
    ['a comma goes down with the character before it', '许多投资者都在庆祝，市场', 18, ['许多投资者都在庆', '祝，市场']],
    ['a full stop too', 'ビットコインが上昇。今日', 18, ['ビットコインが上', '昇。今日']],
    ['an opening bracket goes down with what it opens', '价格上涨「比特币', 10, ['价格上涨', '「比特币']],
    ['no rule broken: the line is filled', '日本語テキスト', 6, ['日本語', 'テキス', 'ト']],
    // Found by the property test below: the bracket went down with an emoji that fills a line alone.
    ['a bracket stays when what follows fills the next line alone', '**[👨\u200d👩\u200d👧', 6, ['**[', `👨\u200d👩\u200d👧${'\ufdd0'.repeat(4)}`]],
  ])('CJK line breaking: %s', (_name, input, width, expected) => {
    const lines = wrapSpans([{ text: input }], width);
    expect(lines.map(lineText)).toEqual(expected);
    for (const l of lines) expect(lineWidth(l)).toBeLessThanOrEqual(width);
  });

  it('a carried character keeps its own style', () => {
    const lines = wrapSpans([{ text: '比特币价格', bold: true }, { text: '，上涨' }], 10);
    expect(lines.map(lineText)).toEqual(['比特币价', '格，上涨']);
    expect(lines[1][0]).toEqual({ text: '格', bold: true });
  });

  it('breaks Thai between dictionary words but never inside a grapheme cluster', () => {
    // The word segmenter ends a "word" before the vowel AM of a string that is no word (กิน้|ำ).
    for (const width of [2, 3, 4, 5]) {
      const rows = wrapSpans([{ text: 'กิน้ำ' }], width).map(lineText);
      expect(rows.join('').replaceAll('\ufdd0', '')).toBe('กิน้ำ');
      for (const r of rows) expect(r.replaceAll('\ufdd0', '')).not.toMatch(/^\u0e33/);
    }
  });

  it('keeps words joined by no-break spaces together, and breaks a run wider than the line at them, never inside a word', () => {
    const nb = 'The\u00a0Securities\u00a0and\u00a0Exchange\u00a0Commission\u00a0approved\u00a0the\u00a0first\u00a0spot\u00a0funds';
    const rows = wrapSpans([{ text: `Intro text here. ${nb} after a decade.` }], 38).map(lineText);
    for (const r of rows) expect(r.length).toBeLessThanOrEqual(38);
    const words = rows.join(' ').split(/[ \u00a0]+/).filter(Boolean);
    expect(words).toEqual('Intro text here. The Securities and Exchange Commission approved the first spot funds after a decade.'.split(' '));
    expect(wrapSpans([{ text: 'a line where a short\u00a0run falls at the end' }], 22).map(lineText)).toEqual(['a line where a', 'short\u00a0run falls at the', 'end']);
  });

  it('stops at maxLines', () => {
    expect(wrapSpans([{ text: 'a b c d e f' }], 1, 3)).toHaveLength(3);
  });

  it('never exceeds the width on random text', () => {
    const alphabet = fc.constantFrom('a', 'b', ' ', '日', '😀', 'e\u0301', '\n', '👩‍💻', 'ｱ');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }), fc.integer({ min: 1, max: 30 }), (chars, width) =>
        wrapSpans([{ text: chars.join('') }], width).every((l) => lineWidth(l) <= width),
      ),
    );
  });
});

describe('cutSpans and friends', () => {
  it.each([
    ['short stays', 'abc', 5, 'abc'],
    ['long gets an ellipsis', 'abcdef', 4, 'abc…'],
    ['wide char at the cut', '日本語', 4, '日…'],
    ['zero width', 'abc', 0, ''],
    ['format characters dropped before measuring', 'a\u00adb\u200bcdef', 4, 'abc…'],
  ])('%s, as fitWidth cuts the same string', (_n, input, width, expected) => {
    const cut = cutSpans([{ text: input }], width).map((s) => s.text).join('');
    expect(cut).toBe(expected);
    expect(fitWidth(input, width)).toBe(expected);
    expect(stringWidth(cut)).toBeLessThanOrEqual(width);
  });

  it('keeps the style of the span where the cut falls', () => {
    const line = cutSpans([{ text: 'ab' }, { text: 'cdef', role: 'code' }], 4);
    expect(line).toEqual([{ text: 'ab' }, { text: 'c…', role: 'code' }]);
  });

  it('pads a line to the width', () => {
    expect(lineText(padLine([{ text: 'ab' }], 5))).toBe('ab   ');
  });
});

describe('text width helpers', () => {
  it('segments long strings exactly like Intl.Segmenter, even across chunk boundaries', () => {
    const s = ('abc e\u0301 日本 👨‍👩‍👧 ' + 'x'.repeat(250) + 'e\u0301\u0301').repeat(20);
    const expected = Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s), (g) => g.segment);
    expect(Array.from(eachGrapheme(s))).toEqual(expected);
  });

  it('measures plain text like string-width', () => {
    for (const s of ['abc', '日本語', '😀 ok', 'e\u0301', 'ｱｲｳ', '']) expect(textWidth(s)).toBe(stringWidth(s));
  });

  it('measures a ZWJ sequence at its widest reading (tmux draws each part)', () => {
    expect(textWidth('👨‍👩‍👧')).toBe(6);
  });

  it('stops counting past the limit', () => {
    expect(textWidth('日'.repeat(10_000), 10)).toBeLessThan(20);
  });
});
