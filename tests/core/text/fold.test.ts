import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldedBytes, foldJoined, foldOffsets, foldText } from '../../../src/core/text/fold.js';
import { foldTable, MAY_FOLD } from '../../../src/core/text/fold-table.js';

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
    // Letters spelled out.
    ['Straße Maßnahmen', 'strasse massnahmen'],
    ['Œuvre Ærø ĳs', 'oeuvre aero ijs'],
    // Thorn and eth as Icelandic is written in ASCII.
    ['Þingvellir Goðafoss Alþingi ÐÞ', 'thingvellir godafoss althingi dth'],
    ['ﬁnance', 'finance'],
    // Format characters removed, never a break.
    ['Krypto\u00adwährungs\u00adregulierung', 'kryptowahrungsregulierung'],
    ['prüft\u200bjetzt \u200cx\u200dy\u2060z \u200ea\u200fb \ufeffbom', 'pruftjetzt xyz ab bom'],
    // Arabic harakat and tatweel, Hebrew points.
    ['سِعْرُ الْبِيتْكُوين', 'سعر البيتكوين'],
    ['بيـــتكوين', 'بيتكوين'],
    ['בִּיטְקוֹיְן', 'ביטקוין'],
    // Punctuation typed several ways.
    ['Binance’s CEO Says It‘s ʼOver′', "binance's ceo says it's 'over'"],
    ['“spot” „etf“ «sec»', '"spot etf sec"'],
    ['Layer\u20112 pre\u2010market', 'layer-2 pre-market'],
    // Every dash reads as the hyphen-minus typed on a keyboard.
    ['2024\u20132025 spot\u2014etf layer\u20122 a\u2015b \u22125% x\ufe58y x\ufe63y x\uff0dy', '2024-2025 spot-etf layer-2 a-b -5% x-y x-y x-y'],
    // A link's hidden tail (destination, title, reference label) is markup between words.
    ['[First Spot](https://example.com/x) ETF', '[first spot etf'],
    ['[first spot][1] etf, [a][] b', '[first spot etf, a b'],
    // What is no tail: a destination with a space, a label over a line, a `]` and a `(` apart.
    ['x[a](b c) x[a][b\nc] x[a]\u00a0(b)', 'x[a](b c) x[a][b c x[a (b)'],
    ['![first spot](chart.png "Chart (daily)") etf', '![first spot etf'],
    ['[a](<with space> \'t\') b [c](u_(v)) d', '[a b c d'],
    ['see <https://x.com/a> now > quoted', 'see https://x.com/a now quoted'],
    // Full-width forms.
    ['ＢＴＣ\u3000ＥＴＦ！', 'btc etf!'],
    // Spacing and inline markup between words.
    ['first spot\netf', 'first spot etf'],
    ['Double  spaced\t\ttitle', 'double spaced title'],
    ['Spot\u00a0ETF', 'spot etf'],
    ['*spot* **etf** `code` [link] ~~gone~~ _it_', '*spot etf code link gone it_'],
    ['said “spot etf” now', 'said spot etf now'],
    ['snake_case **bold** a**b', 'snake_case bold a**b'],
  ])('%s -> %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it.each([
    ['がぎ', 'dakuten make other letters'],
    ['किताब', 'Devanagari vowel signs'],
    ['ภาษาไทย', 'Thai vowel signs'],
    ['ᬆᬈ', 'Balinese letters that decompose into a letter and a vowel sign'],
    ['比特币 etf…', 'CJK and punctuation'],
    ['spot-etf', 'the hyphen-minus'],
    ['x[a](b)c x[a](b_c_d)e x](y)z', 'a link tail with no space after it'],
    ['א־ב', 'the Hebrew maqaf is punctuation, not a point'],
  ])('%s stays (%s)', (input) => {
    expect(foldText(input)).toBe(input);
  });

  // Greek capital sigma lower-cases by context (final ς), the one exception to "per character".
  const text = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('Σ'));
  // Text with no whitespace nor markup, so no gap runs across where two parts meet.
  const word = text.map((s) => s.replace(/[\s*_`~[\]"“”„‟″«»\u3000]/g, 'x'));

  it('folds per character between gaps: folding a joined word is joining the folded parts', () => {
    fc.assert(fc.property(word, word, (a, b) => foldText(a + b) === foldText(a) + foldText(b)));
  });

  it('is idempotent and never holds a line break', () => {
    fc.assert(
      fc.property(text, (s) => {
        const folded = foldText(s);
        expect(folded).not.toMatch(/[\n\r]/);
        // A fold may complete a link's tail that a line break or a space beside markup broke
        // (`](u\n)` folds to `](u )`, a tail), so folding again may read one more gap there.
        if (!/\][([]/.test(folded)) expect(foldText(folded)).toBe(folded);
      }),
    );
  });

  it('keeps no line break in a link tail left as written (no space after it)', () => {
    for (const s of ['x[a](u "t\nt")y', "x[a](u 't\rt')y", 'x[a][l\nl]y', 'x[a](<u\nv>)y', 'x[a](\nu)y']) expect(foldText(s)).not.toMatch(/[\n\r]/);
    expect(foldText('x[a](u "t t")y')).toBe('x[a](u "t t")y');
  });

  it('foldJoined keeps the parts apart with line breaks', () => {
    expect(foldJoined(['Spot\nETF', 'Straße'])).toBe('spot etf\nstrasse');
    fc.assert(fc.property(fc.array(text, { maxLength: 5 }), (parts) => foldJoined(parts).split('\n').length === Math.max(1, parts.length)));
  });
});

describe('foldOffsets', () => {
  it('is null where the fold maps unit to unit', () => {
    expect(foldOffsets('Bitcoin ETF (a_b) approved by SEC')).toBeNull();
  });

  it('maps each folded unit to the characters it came from', () => {
    const title = 'Die  Maß\u00adnahmen';
    const folded = foldText(title);
    expect(folded).toBe('die massnahmen');
    const o = foldOffsets(title)!;
    const at = folded.indexOf('massnahmen');
    const end = at + 'massnahmen'.length - 1;
    expect(title.slice(o.from[at], o.to[end])).toBe('Maß\u00adnahmen');
    expect(title.slice(o.from[3], o.to[3])).toBe('  ');
  });

  it('has one entry per folded unit, in order (property)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('Σ'));
    fc.assert(
      fc.property(text, (s) => {
        const folded = foldText(s);
        const o = foldOffsets(s);
        if (o === null) return folded.length === s.length;
        return o.from.length === folded.length && o.from.every((f, k) => f < o.to[k] && o.to[k] <= s.length && (k === 0 || f >= o.from[k - 1]));
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

describe('MAY_FOLD', () => {
  it('holds every unit the table folds: a unit it missed would never be folded', () => {
    const missed = [...foldTable().keys()].filter((code) => !MAY_FOLD.test(String.fromCharCode(code))).map((code) => code.toString(16));
    expect(missed).toEqual([]);
  });
});
