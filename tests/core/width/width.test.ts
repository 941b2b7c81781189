import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/core/render/markdown.js';
import { lineText } from '../../../src/core/render/spans.js';
import { displayText, graphemeWidth, holdsPlacedCluster, inkWidth, isPlacedCluster, prefixWithin, textWidth, WIDE_PAD } from '../../../src/core/width/width.js';
import { steadyWidth } from '../../../src/core/width/index.js';
import { clipLine, wrapSpans } from '../../../src/core/render/wrap.js';
import { tmuxWidth } from '../../helpers/wcwidth.js';

const FORMAT_CHARACTERS = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\u200e', '\u200f', '\u061c', '\u2061', '\u2062', '\u2063', '\u2064', '\ufeff'];

describe('displayText', () => {
  it.each(FORMAT_CHARACTERS.map((c) => [c.codePointAt(0)!.toString(16), c]))('drops format character U+%s', (_, c) => {
    expect(displayText(`ab${c}cd`)).toBe('abcd');
  });

  it('keeps ZWJ sequences and skin tones whole, padded to their widest width; drops variation selectors', () => {
    expect(displayText('👩\u200d🔬')).toBe(`👩\u200d🔬${WIDE_PAD}${WIDE_PAD}`);
    expect(displayText('👍🏽 up')).toBe(`👍🏽${WIDE_PAD}${WIDE_PAD} up`);
    expect(displayText('👨\u200d👩\u200d👧')).toBe(`👨\u200d👩\u200d👧${WIDE_PAD.repeat(4)}`);
    expect(displayText('❤\ufe0f')).toBe('❤');
    // VS16 before the joiner, as Unicode's emoji list writes 🏳️‍🌈, ❤️‍🔥, 🏳️‍⚧️, 👁️‍🗨️: still one emoji.
    expect(displayText('🏳\ufe0f\u200d🌈')).toBe(`🏳\u200d🌈${WIDE_PAD}`);
    expect(displayText('❤\ufe0f\u200d🔥')).toBe(`❤\u200d🔥${WIDE_PAD}`);
    expect(displayText('👁\ufe0f\u200d🗨\ufe0f')).toBe(`👁\u200d🗨${WIDE_PAD}`);
    // tmux 3.3a draws 🏳‍⚧ in 1 column, string-width counts 2, per code point 2: a pad all the same,
    // so the frame writer places it (ui/frame/frame-writer.ts) and the row ends where it should.
    expect(displayText('🏳\ufe0f\u200d⚧\ufe0f')).toBe(`🏳\u200d⚧${WIDE_PAD}`);
    // A joiner that joins no emoji is a format character like any other.
    expect(displayText('a\u200db 👩\u200d')).toBe('ab 👩');
  });

  it('keeps a keycap whole as an emoji (VS16 added where it was left out), at 2 columns, placed by the frame writer', () => {
    // Its marks were dropped: `1️⃣` read as `1`, `#️⃣` as `#`.
    for (const [written, shown] of [['1\ufe0f\u20e3', '1\ufe0f\u20e3'], ['1\u20e3', '1\ufe0f\u20e3'], ['#\ufe0f\u20e3', '#\ufe0f\u20e3'], ['*\u20e3', '*\ufe0f\u20e3'], ['0\ufe0e\u20e3', '0\ufe0f\u20e3']]) {
      const d = displayText(`key ${written} up`);
      expect(d, written).toBe(`key ${shown} up`);
      // Its widest reading (kitty: 2), the count ink lays it out by; tmux 3.3a draws it in 1, which
      // the frame writer's placing makes good (tests/ui/frame/frame-writer-wide.test.ts).
      expect(textWidth(d), written).toBe(9);
      expect(stringWidth(d), written).toBe(9);
      expect(tmuxWidth(d), written).toBe(8);
      expect(holdsPlacedCluster(d) && isPlacedCluster(shown)).toBe(true);
    }
    // A variation selector elsewhere still goes; a row with neither a pad nor a keycap is placed as it is.
    expect(displayText('❤\ufe0f 1\ufe0f\u20e3')).toBe('❤ 1\ufe0f\u20e3');
    expect(holdsPlacedCluster('plain ❤ row')).toBe(false);
    expect(isPlacedCluster('1')).toBe(false);
  });

  it('is idempotent, and a WIDE_PAD in the text itself is dropped', () => {
    for (const s of ['👍🏽 up', '👩\u200d🔬', `x${WIDE_PAD}y`, 'plain', '1\u20e3 #\ufe0f\u20e3']) expect(displayText(displayText(s))).toBe(displayText(s));
    expect(displayText(`x${WIDE_PAD}y ü`)).toBe('xy ü');
  });

  it('counts a padded cluster at its widest width, as string-width counts cluster and pads', () => {
    for (const s of ['👍🏽', '👩\u200d🔬', '👨\u200d👩\u200d👧', '🏳\ufe0f\u200d🌈']) {
      const d = displayText(s);
      expect(textWidth(d), s).toBe(graphemeWidth(s.replace(/\ufe0f/g, '')));
      expect(stringWidth(d), s).toBe(textWidth(d));
    }
  });

  it('pads the clusters string-width counts narrower than tmux draws them: Indic conjuncts, Thai and Lao AM, a prepended letter; shows lone Hangul fillers as blanks', () => {
    // tmux 3.3a: क्ष 2 columns, প্র 2, กำ 2, ൎക 2, U+3164 2, U+FFA0 1; string-width: 1, 1, 1, 1, 0, 0.
    expect(displayText('क्ष')).toBe(`क्ष${WIDE_PAD}`);
    expect(displayText('প্র')).toBe(`প্র${WIDE_PAD}`);
    expect(displayText('น้ำ')).toBe(`น้ำ${WIDE_PAD}`);
    expect(displayText('ກຳ')).toBe(`ກຳ${WIDE_PAD}`);
    expect(displayText('\u0d4eക')).toBe(`\u0d4eക${WIDE_PAD}`);
    expect(displayText('a\u3164b\uffa0c')).toBe('a  b c');
    for (const s of ['प्रधानमंत्री ने क्रिप्टो', 'প্রধানমন্ত্রী', 'น้ำมัน ทองคำ', 'ລາຄາຄຳ', '\u0d4eക x']) expect(stringWidth(displayText(s)), s).toBe(textWidth(displayText(s)));
  });

  // Every code point from U+00A0 to U+2FFFF, in blocks of 0x1000: one test over all of them kept its
  // worker busy 30 s and more on a loaded machine (see tests/helpers/run-child.ts for why that fails a run).
  const blocks = Array.from({ length: 0x30 }, (_, k) => ({ from: Math.max(0xa0, k * 0x1000), to: (k + 1) * 0x1000, block: `U+${Math.max(0xa0, k * 0x1000).toString(16)}..U+${((k + 1) * 0x1000 - 1).toString(16)}` }));
  it.each(blocks)('agrees with string-width (ink\'s layout) on every code point: alone, and joined to a letter before or after it, a virama or an emoji ($block)', ({ from, to }) => {
    // Where the two disagree, ink places the pane border by string-width while the row is drawn
    // wider: the border leaves its column. Left out: unassigned code points, the lone conjoining
    // Hangul fillers (they draw as nothing), and ideographs and Hangul syllables (steady text, checked
    // unit by unit below). A joined form is checked only where the code point does join the cluster.
    const grapheme = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const joins = (s: string): boolean => [...grapheme.segment(s)].length === 1;
    const skip = /[\p{Cn}\p{Unified_Ideograph}\p{Script=Tangut}\uac00-\ud7a3]/u;
    const misses: string[] = [];
    for (let cp = from; cp < to; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) continue;
      const ch = String.fromCodePoint(cp);
      if (skip.test(ch)) continue;
      const forms = [`x${ch}y`, ...[`a${ch}`, `${ch}a`, `\u0915\u094d${ch}`, `\u{1f600}${ch}`].filter(joins)];
      for (const s of forms) {
        const d = displayText(s);
        if (textWidth(d) !== stringWidth(d)) misses.push(`U+${cp.toString(16)} in ${JSON.stringify(s)}: ${textWidth(d)} vs ${stringWidth(d)}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('shows lone Hangul jamo as tmux draws them: fillers as blanks, a lone vowel or final on its fillers (hangul-jamo.ts)', () => {
    // tmux 3.3a: U+115F 2 columns, a lone vowel or final none of its own; string-width: 0 and 1.
    expect(displayText('A: [\u115f] end.')).toBe('A: [  ] end.');
    expect(displayText('[\u1160]')).toBe('[]');
    expect(displayText('[\u115f\u1160]')).toBe('[  ]');
    expect(displayText('[\u11a8]')).toBe(`[\u115f\u1160\u11a8${WIDE_PAD}]`);
    expect(displayText('[\u1161]')).toBe(`[\u115f\u1161${WIDE_PAD}]`);
    // Jamo that join a syllable stay as written.
    for (const s of ['\u1100\u1161\u11a8', '\ud55c\u11a8', '\uac00\u1161', '\u115f\u1161']) expect(displayText(s).replace(/\ufdd0/g, ''), s).toBe(s);
  });

  it('measures every jamo, alone or joined, as tmux draws it and as string-width counts it', () => {
    const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
    const misses: string[] = [];
    for (const cp of [...range(0x1100, 0x1200), ...range(0xa960, 0xa980), ...range(0xd7b0, 0xd800)]) {
      const ch = String.fromCodePoint(cp);
      if (/\p{Cn}/u.test(ch)) continue;
      for (const s of [`x${ch}y`, `[${ch}]`, `가${ch}`, `각${ch}`, `${ch}${ch}`, `\u1100${ch}`, `\u115f${ch}`, `\u1160${ch}`, `\u1161${ch}`, `\u11a8${ch}`, `${ch}\u1161`, `${ch}\u11a8`, `${ch}가`]) {
        const d = displayText(s);
        const widths = [textWidth(d), stringWidth(d), tmuxWidth(d)];
        if (new Set(widths).size > 1 || displayText(d) !== d) misses.push(`${JSON.stringify(s)} -> ${JSON.stringify(d)}: ${widths.join(', ')}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('keeps flags, CJK, Arabic and accents as written', () => {
    for (const s of ['🇯🇵', '日本語', 'مرحبا', 'café', 'e\u0301', '한국']) expect(displayText(s)).toBe(s);
  });

  it('gives a combining mark with no base the dotted circle', () => {
    expect(displayText('\u0301x')).toBe('\u25cc\u0301x');
    expect(displayText('a \u0301')).toBe('a \u25cc\u0301');
  });

  it('gives the Thai and Lao vowel AM with no letter before it the dotted circle, as a mark', () => {
    // AM is a letter (Lo) but joins the cluster before it (Grapheme_Cluster_Break=SpacingMark):
    // after a space it made one cluster with the space, which a wrap could cut from its pad.
    expect(displayText('\u0e01 \u0eb3')).toBe(`\u0e01 \u25cc\u0eb3${WIDE_PAD}`);
    expect(displayText('\u0e33x')).toBe(`\u25cc\u0e33${WIDE_PAD}x`);
    expect(displayText('\u0e01\u0e33')).toBe(`\u0e01\u0e33${WIDE_PAD}`);
  });

  it('measures display text identically to tmux and string-width for the ambiguous cases', () => {
    for (const s of ['👩\u200d🔬 ok', '👍🏽👍🏽', 'heart ❤️', '🇯🇵🇺🇸', 'tag 🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}']) {
      const d = displayText(s);
      expect(textWidth(d), s).toBe(tmuxWidth(d));
      expect(textWidth(d), s).toBe(stringWidth(d));
    }
  });

  it('measures a raw cluster at its widest reading', () => {
    expect(graphemeWidth('👍🏽')).toBe(4);
    expect(graphemeWidth('👩\u200d🔬')).toBe(4);
    expect(graphemeWidth('\u200b')).toBe(1);
  });

  it('finds the longest prefix within a width', () => {
    expect(prefixWithin('日本語', 5)).toEqual({ length: 2, width: 4, cut: true });
    expect(prefixWithin('abc', 5)).toEqual({ length: 3, width: 3, cut: false });
  });
});

describe('soft break points', () => {
  const text = (s: string, w: number) => wrapSpans([{ text: s }], w).map(lineText);

  it('breaks at a soft hyphen and shows "-" there, and nowhere else', () => {
    expect(text('inter\u00adoper\u00adability rocks', 13)).toEqual(['interoper-', 'ability rocks']);
    expect(text('inter\u00adoper\u00adability', 40)).toEqual(['interoperability']);
  });

  it('breaks at a zero-width space without showing anything', () => {
    expect(text('alpha\u200bbeta\u200bgamma', 11)).toEqual(['alphabeta', 'gamma']);
  });

  it('does not break at a word joiner', () => {
    expect(text('no\u2060break here', 8)).toEqual(['nobreak', 'here']);
  });
});

// Pieces of text from many scripts, and the characters terminals disagree about.
const PIECES = [
  'word', 'Bitcoin', '12,345', ' ', ' ', '\n', '日本語', '比特币', '한국어', 'مرحبا', 'שלום', 'e\u0301', '\u0301', 'a\u0308\u0323',
  '😀', '👍🏽', '👩\u200d🔬', '👨\u200d👩\u200d👧\u200d👦', '🇯🇵', '❤\ufe0f', '1\ufe0f\u20e3', '✅', '🚀',
  ...FORMAT_CHARACTERS, 'ｆｕｌｌ', '…', '─', '\u0e01\u0e34', 'क्ष', 'প্র', 'न्त्री', 'น้ำ', 'ທຳ', '\u0d4eക', '\u3164', '\uffa0',
  '\u0e33', '\u0eb3',
];
const mixedText = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join(''));

describe('no row is wider than its pane (property)', () => {
  it('wrapped paragraphs, measured as tmux does and by string-width', () => {
    fc.assert(
      fc.property(mixedText, fc.integer({ min: 1, max: 50 }), (s, width) => {
        for (const line of wrapSpans([{ text: s }], width)) {
          const t = lineText(line);
          expect(tmuxWidth(t)).toBeLessThanOrEqual(width);
          expect(stringWidth(t)).toBeLessThanOrEqual(width);
          // Ink pads the row to the pane by string-width's count (WIDE_PAD marks included): tmux
          // must draw it no wider, or the border leaves its column.
          expect(tmuxWidth(t), JSON.stringify(t)).toBeLessThanOrEqual(stringWidth(t));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('Thai and Lao letters and spaces in any order, malformed text included', () => {
    const thai = fc
      .array(fc.oneof(fc.integer({ min: 0x0e01, max: 0x0e5b }), fc.integer({ min: 0x0e81, max: 0x0edf }), fc.constant(0x20)), { maxLength: 40 })
      .map((a) => String.fromCodePoint(...a));
    fc.assert(
      fc.property(thai, fc.integer({ min: 1, max: 12 }), (s, width) => {
        for (const line of wrapSpans([{ text: s }], width)) {
          const t = lineText(line);
          expect(tmuxWidth(t), JSON.stringify(t)).toBeLessThanOrEqual(width);
          expect(tmuxWidth(t), JSON.stringify(t)).toBeLessThanOrEqual(stringWidth(t));
        }
      }),
      { numRuns: 3000, seed: 42 },
    );
  });

  it('whole rendered bodies (tables, code, lists, quotes)', () => {
    const block = fc.constantFrom('', '- ', '> ', '# ', '    ', '| ', '1. ');
    const doc = fc.array(fc.tuple(block, mixedText), { maxLength: 8 }).map((parts) => parts.map(([b, t]) => b + t.replace(/\n/g, ' ')).join('\n\n'));
    fc.assert(
      fc.property(doc, fc.integer({ min: 1, max: 60 }), (md, width) => {
        for (const line of renderMarkdown(md, width).lines) {
          const t = lineText(line);
          expect(tmuxWidth(t), JSON.stringify(t)).toBeLessThanOrEqual(width);
          expect(stringWidth(t), JSON.stringify(t)).toBeLessThanOrEqual(width);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('clipLine cuts any line, however it was built, to the width', () => {
    fc.assert(
      fc.property(fc.array(mixedText, { maxLength: 5 }), fc.integer({ min: 0, max: 40 }), (texts, width) => {
        const t = lineText(clipLine(texts.map((text, i) => ({ text: text.replace(/\n/g, ' '), bold: i % 2 === 0 })), width));
        expect(tmuxWidth(t)).toBeLessThanOrEqual(width);
        expect(stringWidth(t)).toBeLessThanOrEqual(width);
      }),
      { numRuns: 300 },
    );
  });
});

describe('inkWidth (ink\'s own count, for code that mirrors ink\'s grid)', () => {
  it('counts as ink lays out, which is narrower than the product rule for clusters terminals widen', () => {
    const thumbs = displayText('👍🏽').replaceAll(WIDE_PAD, '');
    expect(inkWidth(thumbs)).toBe(2);
    expect(textWidth(thumbs)).toBe(4);
    // The difference is what the WIDE_PAD marks after the cluster stand for.
    expect(displayText('👍🏽').split(WIDE_PAD).length - 1).toBe(textWidth(thumbs) - inkWidth(thumbs));
  });

  it('agrees with the product rule on plain text and CJK', () => {
    for (const s of ['bitcoin', 'ビットコイン', 'Ä café']) expect(inkWidth(s)).toBe(textWidth(displayText(s)));
  });
});

// Titles made only of these units are measured and cut by length (width.ts SIMPLE): each must be
// a grapheme of its own, one column for this module, string-width and tmux, and unchanged by the
// display form.
describe('the one-unit, one-column fast path', () => {
  const RANGES: Array<[number, number]> = [[0x20, 0x7e], [0xa0, 0xac], [0xae, 0x2ff], [0x370, 0x482], [0x48a, 0x52f], [0x2010, 0x2027], [0x2030, 0x205e]];
  const units = RANGES.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, k) => String.fromCharCode(a + k)));
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

  it('holds for every unit it covers', () => {
    const wrong = units.filter((u) => {
      const segments = [...segmenter.segment(`a${u}${u}a`)].length;
      return displayText(u) !== u || graphemeWidth(u) !== 1 || stringWidth(u) !== 1 || tmuxWidth(u) !== 1 || segments !== 4;
    });
    expect(wrong.map((u) => u.charCodeAt(0).toString(16))).toEqual([]);
  });

  it('cuts and measures such text as the grapheme walk does', () => {
    const title = 'Bitcoin — ETF “approved” … Ñandú Δελτίο Привет';
    expect(textWidth(title)).toBe(title.length);
    expect(prefixWithin(title, 10)).toEqual({ length: 10, width: 10, cut: true });
    expect(prefixWithin(title, 100)).toEqual({ length: title.length, width: title.length, cut: false });
    // One unit outside (an emoji) and the walk measures as before.
    expect(textWidth(`${title} 🚀`)).toBe(title.length + 3);
  });
});

// Rows of box drawing, the list's cursor and marks and CJK text are measured by counting
// (steadyWidth: the compositor's line widths, the frame writer's cursor placement): each unit
// must be a grapheme of its own at the same width for string-width, this module and tmux.
describe('steady text, measured by counting', () => {
  const RANGES: Array<[number, number, number]> = [
    [0x2190, 0x21ff, 1], [0x2500, 0x25fc, 1], [0x25ff, 0x25ff, 1], [0x2605, 0x2605, 1],
    [0x3041, 0x3096, 2], [0x30a1, 0x30fa, 2], [0x4e00, 0x9fff, 2], [0xac00, 0xd7a3, 2], [0xff01, 0xff60, 2],
  ];
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

  it('holds for every unit it covers', () => {
    const wrong = RANGES.flatMap(([a, b, w]) =>
      Array.from({ length: b - a + 1 }, (_, k) => String.fromCharCode(a + k)).filter(
        (u) => steadyWidth(u) !== w || stringWidth(u) !== w || graphemeWidth(u) !== w || tmuxWidth(u) !== w || displayText(u) !== u || [...segmenter.segment(`a${u}${u}a`)].length !== 4,
      ),
    );
    expect(wrong.map((u) => u.charCodeAt(0).toString(16))).toEqual([]);
  });

  it('counts mixed rows and refuses emoji', () => {
    const row = '│▶◆ Nov 14 ● 中文 ビット — ok ▁▆█ ★';
    expect(steadyWidth(row)).toBe(stringWidth(row));
    expect(steadyWidth('│ ◽ x')).toBeNull();
    expect(steadyWidth('ok 👍')).toBeNull();
    expect(steadyWidth('plain')).toBe(5);
  });
});
