// The frame writer's SGR pass, checked on a real terminal emulator (xterm.js, headless): whatever
// the terminal's attributes before the write, the merged bytes leave every cell (characters,
// widths, colours, attributes) and the attributes in force after the write as the bytes as
// written do, while saying each change once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimiseSgr } from '../../../src/ui/frame/sgr-minimise.js';
import { cells, writeTo, xterm } from './xterm-cells.js';

const COLS = 24;
const ROWS = 4;

// The screen after `before` (the terminal's state, written as is) and then `bytes`, with a probe
// at the end: a cell written and the rest of its row erased show the attributes left in force.
async function screen(before: string, bytes: string): Promise<string[]> {
  const term = xterm(COLS, ROWS);
  await writeTo(term, before);
  await writeTo(term, bytes);
  await writeTo(term, '\x1b[4;1HZ\x1b[K');
  const out = cells(term);
  term.dispose();
  return out;
}

const sgr = fc.oneof(
  fc.constantFrom('0', '', '1', '2', '3', '4', '5', '7', '8', '9', '22', '23', '24', '25', '27', '28', '29', '39', '49', '53', '55', '59', '36', '96', '41', '103'),
  fc.integer({ min: 0, max: 255 }).map((n) => `38;5;${n}`),
  fc.integer({ min: 0, max: 255 }).map((n) => `48;5;${n}`),
  fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })).map(([r, g]) => `38;2;${r};${g};7`),
  fc.constantFrom('58;5;9', '1;36', '0;1;4;95', '22;2', '4:3', '21', '38;5', '10', '38:2::1:2:3'),
);
// Pieces of a write: SGR runs, text (wide and combining), cursor moves, erases, hyperlinks, and
// escapes that save, restore or switch what the terminal keeps.
const piece = fc.oneof(
  { weight: 6, arbitrary: sgr.map((p) => `\x1b[${p}m`) },
  { weight: 4, arbitrary: fc.constantFrom('a', 'bc', ' ', '日本', 'é', '👍', '▶', '│') },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: ROWS }), fc.integer({ min: 1, max: COLS })).map(([y, x]) => `\x1b[${y};${x}H`) },
  { weight: 1, arbitrary: fc.constantFrom('\x1b[K', '\x1b[2K', '\x1b[J', '\x1b[3G', '\x1b[2X', '\x1b]8;;https://x.test\x07', '\x1b]8;;\x07', '\x1b7', '\x1b8', '\x1b[?2026h', '\x1b[?25l', '\x1b[s', '\x1b[u') },
);
const bytesOf = (pieces: string[]) => pieces.join('');

describe('minimiseSgr', () => {
  it('leaves every cell and the attributes in force as the bytes as written do, from any state', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sgr, { maxLength: 4 }), fc.array(piece, { maxLength: 40 }), async (state, pieces) => {
        const before = state.map((p) => `\x1b[${p}m`).join('');
        const bytes = bytesOf(pieces);
        expect(await screen(before, minimiseSgr(bytes))).toEqual(await screen(before, bytes));
      }),
      { numRuns: 400 },
    );
  });

  it('drops a colour set and undone before anything is written, and a style set twice', () => {
    expect(minimiseSgr('\x1b[0mx\x1b[36m\x1b[39my')).toBe('\x1b[0mxy');
    expect(minimiseSgr('\x1b[0m\x1b[1ma\x1b[22m\x1b[1mb\x1b[22m')).toBe('\x1b[0;1mab\x1b[0m');
    expect(minimiseSgr('\x1b[0mx\x1b[1m\x1b[1m\x1b[36m\x1b[36my\x1b[0m')).toBe('\x1b[0mx\x1b[1;36my\x1b[0m');
  });

  it('says no reset before a row that starts in the state the last row left', () => {
    const row = (y: number, t: string) => `\x1b[${y};1H\x1b[0m\x1b[36m\x1b[39m\x1b[1m${t}\x1b[22m\x1b[0m`;
    expect(minimiseSgr(row(1, 'one') + row(2, 'two') + row(3, 'six'))).toBe('\x1b[1;1H\x1b[0;1mone\x1b[2;1Htwo\x1b[3;1Hsix\x1b[0m');
  });

  it('passes text, cursor moves, erases and hyperlinks through in order', () => {
    const bytes = '\x1b[2;3H\x1b[0m\x1b[K\x1b]8;;https://x.test\x07link\x1b]8;;\x07 日本 \x1b[5G👍';
    expect(minimiseSgr(bytes).replace(/\x1b\[[0-9;]*m/g, '')).toBe(bytes.replace(/\x1b\[[0-9;]*m/g, ''));
  });

  it('writes an SGR it does not model where it was, and assumes nothing after it', () => {
    expect(minimiseSgr('\x1b[0;1ma\x1b[4:3mb\x1b[1mc')).toBe('\x1b[0;1ma\x1b[4:3mb\x1b[1mc');
    expect(minimiseSgr('\x1b[0;1ma\x1b8\x1b[1mb')).toBe('\x1b[0;1ma\x1b8\x1b[1mb');
  });

  it('returns bytes without SGR as they are', () => {
    expect(minimiseSgr('\x1b[1;1H\x1b[2Kplain')).toBe('\x1b[1;1H\x1b[2Kplain');
  });
});
