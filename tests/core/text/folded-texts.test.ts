// The titles and descriptions of an ArticleTable held as the search's folded text (text/folded-texts.ts):
// each reads back exactly as it went in, whatever its characters, and the folded string is the one the
// search's haystack would make (foldText of `title\ndescription`), the title's length at its start.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FoldedTexts, foldJoined, foldText } from '../../../src/core/text/index.js';

/** `rows` pushed into a new FoldedTexts: each reads back as written, folded as the haystack folds it. */
function expectRoundTrip(rows: ReadonlyArray<readonly [string, string]>, capacity = 1): FoldedTexts {
  const texts = new FoldedTexts(capacity);
  for (const [t, d] of rows) texts.push(t, d);
  rows.forEach(([t, d], row) => {
    expect(texts.title(row)).toBe(t);
    expect(texts.description(row)).toBe(d);
    expect(texts.folded(row)).toBe(foldJoined([t, d]));
    expect(texts.folded(row).slice(0, texts.foldedTitleLength(row))).toBe(foldText(t));
  });
  return texts;
}

describe('FoldedTexts', () => {
  const pairs: Array<[string, string]> = [
    ['Bitcoin ETF Approval Delayed By SEC', 'The U.S. regulator pushed its decision to March.'],
    ['all lower case', ''],
    ['', 'Only A Description'],
    ['Café Société à São Paulo', 'Ünïcode — “quoted” and ÉTÉ'],
    ['ΑΘΗΝΑ ΣΟΦΙΑ', 'Москва Санкт-Петербург ς Σ'],
    ['İstanbul straße ǅ ß ﬁ', 'A\u0301 decomposed'],
    ['a title\nwith a line break', 'Second Line'],
    ['比特币 🚀 Rally', 'a\uD800b lone surrogate \uDC00 X'],
  ];

  it('reads back every title and description exactly, and folds them as the haystack does', () => {
    const texts = new FoldedTexts(2);
    const rows = pairs.map(([t, d]) => texts.push(t, d));
    expect(rows).toEqual(pairs.map((_, i) => i));
    expect(texts.size).toBe(pairs.length);
    pairs.forEach(([t, d], row) => {
      expect(texts.title(row)).toBe(t);
      expect(texts.description(row)).toBe(d);
      expect(texts.folded(row)).toBe(foldJoined([t, d]));
      expect(texts.foldedTitleLength(row)).toBe(foldText(t).length);
    });
  });

  it('round-trips any text (property)', () => {
    const line = fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) => s.replace(/\n/g, ' '));
    fc.assert(
      fc.property(fc.array(fc.tuple(line, fc.string({ unit: 'grapheme', maxLength: 200 })), { maxLength: 20 }), (rows) => void expectRoundTrip(rows)),
    );
  });

  it('keeps where a fold read gaps as one space, not the originals: quotes, double spaces, markup, line breaks', () => {
    const rows: Array<[string, string]> = Array.from({ length: 2_000 }, (_, i) => [
      i % 2 ? `SEC Calls It  "Overdue" ${i}` : `Title ${i}`,
      `Caitlin said the decision was "overdue". *Bold*  and\n\twrapped\u00a0${i} _x_ ** y, [a link](https://example.com/${i} "A title") here`,
    ]);
    const texts = expectRoundTrip(rows, 4);
    // None of these rows needed its originals kept (~300 bytes a row where a gap record is a few).
    expect((texts as unknown as { odd: Map<number, number> }).odd.size).toBe(0);
  });

  it('round-trips text dense in gaps, accents and letters whose fold changes length (property)', () => {
    const unit = fc.constantFrom('a', 'B', ' ', ' ', '"', '*', '_', '`', '~', '[', ']', '\n', '\t', '\u00a0', '\u3000', 'é', 'ß', 'İ', '\u00ad', '’', '](https://x.io/a "T t")', '][1]', '(', ')', '<', '>', '–');
    const text = (max: number) => fc.array(unit, { maxLength: max }).map((u) => u.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(text(30).map((s) => s.replace(/\n/g, ' ')), text(80)), { maxLength: 20 }), (rows) => void expectRoundTrip(rows)),
      { numRuns: 500 },
    );
  });

  it('holds rows across many chunks of case bits and grows past its capacity', () => {
    const texts = new FoldedTexts(1);
    const long = `${'Ab'.repeat(5_000_000)}`;
    const rows = Array.from({ length: 30_000 }, (_, i): [string, string] => [`Article ${i} About BTC`, i === 12_345 ? long : `Desc ${i % 97} Of It`]);
    for (const [t, d] of rows) texts.push(t, d);
    for (const i of [0, 1, 4_095, 12_344, 12_345, 12_346, 29_999]) {
      expect(texts.title(i)).toBe(rows[i][0]);
      expect(texts.description(i)).toBe(rows[i][1]);
    }
  });
});
