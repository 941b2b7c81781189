// The frame writer's partial rows, checked on a real terminal emulator (xterm.js, headless): a
// screen showing one frame, updated with frameUpdate's bytes for the next, holds exactly the cells
// (characters, widths, colours, attributes) of a screen that drew the next frame whole.
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameUpdate } from '../../../src/ui/frame/frame-writer.js';
import { rowChange } from '../../../src/ui/frame/row-diff.js';
import { cells, writeTo, xterm } from './xterm-cells.js';

const COLS = 60;
const ROWS = 6;
const c = new Chalk({ level: 2 });

async function screenAfter(frames: string[][]): Promise<string[]> {
  const term = xterm(COLS, ROWS);
  let previous: string[] | null = null;
  for (const f of frames) {
    await writeTo(term, frameUpdate(previous, f));
    previous = f;
  }
  return cells(term);
}

const list = (cursor: number, titles: string[]) =>
  titles.map((t, i) => {
    const row = `${i === cursor ? '▶' : ' '} ${c.gray('Nov 14')} ${c.cyan('Decrypt')} ${c.bold.underline.yellow('Bit')}${t}`.padEnd(40);
    return `${c.cyan('│')}${i === cursor ? c.inverse.bold(row) : row}${c.cyan('│')}${c.gray('│ body text 中文 ok')}`;
  });

describe('frameUpdate from the first changed cell', () => {
  it('moves the list cursor by rewriting only the cells that changed', async () => {
    const titles = ['coin Rises', 'coin Falls', 'farms Wind Down', 'cask 👍 Emoji'];
    const before = list(0, titles);
    const after = list(1, titles);
    const update = frameUpdate(before, after);
    // Neither the body pane beside the list nor the rows that did not change are written.
    expect(update).not.toContain('body text');
    expect(update).not.toContain('farms');
    expect(await screenAfter([before, after])).toEqual(await screenAfter([after]));
  });

  it('redraws a row from its first changed cell when the rest moves', async () => {
    const before = [`${c.red('│')} Bitcoin ${c.bold('ETF')} approved`, 'same'];
    const after = [`${c.red('│')} Bitcoin ${c.bold('ETF')} denied again, longer`, 'same'];
    const update = frameUpdate(before, after);
    expect(update).toContain('\x1b[1;15H');
    expect(update).not.toContain('Bitcoin');
    expect(await screenAfter([before, after])).toEqual(await screenAfter([after]));
  });

  it('cuts no cluster in two, and places nothing after an emoji by a count the terminal may not share', async () => {
    const pairs: Array<[string, string]> = [
      ['│ cafe\u0301 x', '│ cafe\u0300 x'],
      ['│ 🇫🇷 flag', '│ 🇩🇪 flag'],
      ['│ 👍 ok', '│ 👍🏽 ok'],
      ['│ 中文 a', '│ 中国 a'],
      ['│ 中文 👍 a', '│ 中文 👍 b'],
      // A style between a letter and its mark, or between a flag's halves: the cell is still one.
      [`│ cafe${c.bold('\u0301')} x`, `│ cafe${c.bold('\u0300')} x`],
      [`│ ${c.red('🇫')}${c.blue('🇷')} flag`, `│ ${c.red('🇫')}${c.blue('🇮')} flag`],
      // Box drawing, arrows and shapes beside a style change (the list's gutter and markers).
      [`│${c.inverse('▶ ◆ ↑Oct 19')}│`, `│${c.inverse('  ◆ ↑Oct 19')}│`],
    ];
    for (const [a, b] of pairs) expect(await screenAfter([[a], [b]])).toEqual(await screenAfter([[b]]));
    // The skin tone joins the emoji before it: the cut goes before the emoji.
    expect(rowChange(0, '│ 👍 ok', '│ 👍🏽 ok')).toContain('\x1b[1;3H');
    // The mark after a style change joins the letter before the style: the cut goes before the letter.
    expect(rowChange(0, '│ cafe\x1b[1m\u0301\x1b[22m x', '│ cafe\x1b[1m\u0300\x1b[22m x')).toContain('\x1b[1;6H');
    // After an emoji the row is written whole.
    expect(rowChange(0, '│ 👍 a', '│ 👍 b')).toBeNull();
  });

  it('rewrites the common end of a row when a style set before it changed', async () => {
    // The two rows end alike byte for byte, but the escape that styles the start of that common
    // end is in the part that differs: the cells keep their old colour unless written again.
    const pairs: Array<[string, string]> = [
      // The list's sentiment glyph and the space after it, as the row paints them.
      [`│ ${c.red('▼ ')}+2 Ostrava│`, `│ ${c.gray('● ')}+2 Ostrava│`],
      [`│ ${c.green('+12.5%')} │`, `│ ${c.red('-12.5%')} │`],
      [`│ ${c.bgBlue('  ok')} │`, `│ ${c.bgRed('  ok')} │`],
    ];
    for (const [a, b] of pairs) expect(await screenAfter([[a], [b]])).toEqual(await screenAfter([[b]]));
    // Where the escapes of the differing parts are the same, the common end is still not written.
    expect(rowChange(0, `│ ${c.red('▼ ')}+2 Ostrava│`, `│ ${c.red('▲ ')}+2 Ostrava│`)).not.toContain('Ostrava');
  });

  it('closes a hyperlink it leaves open mid-row, and leaves no style behind', () => {
    const link = (t: string) => `\x1b]8;;https://example.com\x07${t}\x1b]8;;\x07`;
    const change = rowChange(0, `│ ${link('one two')} │`, `│ ${link('one too')} │`) ?? '';
    expect(change.endsWith('\x1b[0m\x1b]8;;\x07')).toBe(true);
    expect(rowChange(0, 'abc', 'xbc')).toBeNull();
  });

  it('matches drawing every frame whole, for any sequence of styled frames', async () => {
    const piece = fc.record({
      // (xterm.js draws emoji by Unicode 6 widths, narrower than string-width and most terminals:
      // the emoji cases are the example test's, where the writer keeps them out of its counts.)
      text: fc.constantFrom('a', 'bc', ' ', 'Bitcoin', '│', '▶', '◆', '中', 'é', 'e\u0301', '…', '—', '▁▆█'),
      style: fc.constantFrom<(s: string) => string>((s) => s, c.red, c.bold, c.inverse, c.underline.yellow, c.bgBlue, c.dim, c.italic, (s) => `\x1b]8;;https://a.example/x\x07${s}\x1b]8;;\x07`, (s) => `\x1b]8;;https://b.example/y\x1b\\${s}\x1b]8;;\x1b\\`),
    });
    const row = fc.array(piece, { maxLength: 12 }).map((ps) => ps.map((p) => p.style(p.text)).join(''));
    // The dashboard draws one row less than the screen (a full-height frame would scroll it).
    const frame = fc.array(row, { minLength: 1, maxLength: ROWS - 1 });
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 2, maxLength: 4 }), async (frames) => {
        expect(await screenAfter(frames)).toEqual(await screenAfter([frames.at(-1)!]));
      }),
      { numRuns: 150 },
    );
  });
});
