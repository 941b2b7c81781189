// Wide emoji placed at the width the layout reserved, whatever width the terminal gives them.
// A tiny terminal model applies the bytes to a row of cells with one terminal's width for 👍🏽
// (kitty: 2, tmux and xterm: 4): the text after the emoji and the border land on the same column
// in both, the one ink laid them out at.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayText, WIDE_PAD } from '../../../src/core/width/width.js';
import { frameUpdate, placeWideClusters } from '../../../src/ui/frame/frame-writer.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// Applies one row's bytes to a blank row of cells: printable clusters (at `widthOf` columns each),
// CHA (ESC [ n G), and SGR/OSC sequences (ignored). Returns the column each visible cluster starts at.
function draw(bytes: string, widthOf: (cluster: string) => number): Map<number, string> {
  const cells = new Map<number, string>();
  let col = 0;
  let i = 0;
  while (i < bytes.length) {
    const cha = /^\x1b\[(\d+)G/.exec(bytes.slice(i));
    const other = /^\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\))/.exec(bytes.slice(i));
    if (cha) {
      col = Number(cha[1]) - 1;
      i += cha[0].length;
    } else if (other) {
      i += other[0].length;
    } else {
      const next = bytes.indexOf('\x1b', i);
      const text = bytes.slice(i, next === -1 ? bytes.length : next);
      for (const { segment } of segmenter.segment(text)) {
        for (let c = col; c < col + widthOf(segment); c++) cells.delete(c);
        if (segment !== ' ') cells.set(col, segment);
        col += widthOf(segment);
      }
      i += text.length;
    }
  }
  return cells;
}

const kitty = (c: string): number => Math.max(1, stringWidth(c));
const tmux = (c: string): number => (/\p{Emoji_Modifier}|\u200d/u.test(c) ? 4 : Math.max(1, stringWidth(c)));
const columnOf = (cells: Map<number, string>, ch: string): number => [...cells].find(([, c]) => c === ch)?.[0] ?? -1;

describe('placeWideClusters', () => {
  it('leaves a row without WIDE_PAD as it is', () => {
    for (const row of ['plain │', '\x1b[7m日本語\x1b[27m│', '']) expect(placeWideClusters(row)).toBe(row);
  });

  it('blanks the reserved cells, draws the cluster at the first, and moves past the last', () => {
    const row = `a${displayText('👍🏽')}b│`;
    expect(row).toBe(`a👍🏽${WIDE_PAD}${WIDE_PAD}b│`);
    expect(placeWideClusters(row)).toBe('a    \x1b[2G👍🏽\x1b[6Gb│');
  });

  it('counts columns past colours and OSC 8 links, as ink laid them out', () => {
    const row = `\x1b[1m│日\x1b[22m \x1b]8;;https://x.test\x07${displayText('👩\u200d🔬')}\x1b]8;;\x07 ok│`;
    expect(placeWideClusters(row)).toContain('\x1b[5G👩\u200d🔬\x1b[9G');
  });

  it('puts the text after the emoji, and the border, on the column ink chose, in kitty and in tmux alike', () => {
    for (const emoji of ['👍🏽', '👩\u200d🔬', '👨\u200d👩\u200d👧']) {
      const row = `│ok ${displayText(emoji)} then text│`;
      const inkWidth = stringWidth(row);
      const bytes = placeWideClusters(row);
      for (const terminal of [kitty, tmux]) {
        const cells = draw(bytes, terminal);
        expect(columnOf(cells, 'n'), emoji).toBe(stringWidth(`│ok ${displayText(emoji)} the`));
        expect(Math.max(...cells.keys()), emoji).toBe(inkWidth - 1);
        expect(cells.get(4), emoji).toBe(emoji);
      }
    }
  });

  it('places a keycap at the 2 columns ink counts, with no mark: tmux 3.3a draws it in 1', () => {
    const keycap = displayText('1\u20e3');
    const row = `│key ${keycap} then text│`;
    expect(row).not.toContain(WIDE_PAD);
    const bytes = placeWideClusters(row);
    expect(bytes).toBe(`│key   \x1b[6G${keycap}\x1b[8G then text│`);
    const narrow = (c: string): number => (c.includes('\u20e3') ? 1 : Math.max(1, stringWidth(c)));
    for (const terminal of [kitty, narrow]) {
      const cells = draw(bytes, terminal);
      expect(columnOf(cells, 'n')).toBe(stringWidth(`│key ${keycap} the`));
      expect(Math.max(...cells.keys())).toBe(stringWidth(row) - 1);
      expect(cells.get(5)).toBe(keycap);
    }
    // Unplaced, the narrow terminal drew the rest of the row a column left: the border moved.
    expect(Math.max(...draw(row, narrow).keys())).toBe(stringWidth(row) - 2);
    // A changed row holding one is written whole, placed.
    expect(frameUpdate([`│key 1 then text│`], [row])).toContain(`\x1b[6G${keycap}\x1b[8G`);
  });

  it('a mark with no cluster before it keeps its column as a blank', () => {
    expect(placeWideClusters(`${WIDE_PAD}b`)).toBe(' b');
    expect(placeWideClusters(`\x1b[1ma\x1b[22m${WIDE_PAD}b`)).toBe('\x1b[1ma\x1b[22m b');
  });

  it('is what the frame writer sends for a changed row', () => {
    const rows = [`│${displayText('👍🏽')}│`];
    expect(frameUpdate(null, rows)).toContain('\x1b[2G👍🏽\x1b[6G│');
    expect(frameUpdate(null, rows)).not.toContain(WIDE_PAD);
  });
});
