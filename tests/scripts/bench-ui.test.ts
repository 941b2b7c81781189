// When the bench's start-up figures (scripts/bench/ui.mjs) take the dashboard's screen as drawn,
// as showing rows, and as a filled list, on screens shaped like the dashboard's at 60 columns.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script of the bench, without type declarations.
import { framed, listFilled, listRows } from '../../scripts/bench/ui.mjs';

const W = 60;
const rule = (left: string, right: string) => left + '─'.repeat(W - left.length - right.length) + right;
const pane = (text: string) => `│${text.padEnd(W - 2)}│`;
const rows = ['    Nov 18 The Block ▼ Hollow Pine Security', '    Nov 17 Decrypt   ● Wrenfield Labs Rollup', '    Nov 16 The Block ▲ Arbor DAO Launches'];
/** A screen: the hint line, the list pane with `body` rows, then `status` (null: not drawn yet). */
function screen(body: string[], status: string | null): string {
  const lines = ['  press / to search, ? for help', rule('╭─▶ Articles ', '╮'), ...body.map(pane), ...Array(6).fill(pane('')), rule('╰', '╯')];
  if (status !== null) lines.push(`${status.padEnd(W - 6)}? help`);
  return lines.join('\n');
}

describe('the bench\'s start-up screens', () => {
  it('takes a skeleton written only up to its borders as drawn, not as a filled list', () => {
    // A look between the pieces of the skeleton's first write: borders, no status line yet.
    const partial = screen([], null);
    expect(framed(partial)).toBe(true);
    expect(listRows(partial)).toBe(false);
    expect(listFilled(partial)).toBe(false);
  });

  it('is not filled while the warm page shows or the files are found and loaded', () => {
    expect(listFilled(screen([], 'loading…'))).toBe(false);
    const warmPage = screen(rows, 'loading…');
    expect(listRows(warmPage)).toBe(true);
    expect(listFilled(warmPage)).toBe(false);
    expect(listFilled(screen(rows, '9,889/10,000 · finding files… 8,182'))).toBe(false);
    expect(listFilled(screen(rows, '9,889/10,000 · loading 10,000 / 10,000'))).toBe(false);
    // The loaded rows written before the status line that says the load is done.
    expect(listFilled(screen(rows, null))).toBe(false);
  });

  it('is filled once the rows and a status line without loading are on screen', () => {
    expect(listFilled(screen(rows, '9,889/10,000 · sort: date'))).toBe(true);
    // Rows are what make it filled: an empty pane under a finished status line is not.
    expect(listFilled(screen([], '0/0 · sort: date'))).toBe(false);
  });
});
