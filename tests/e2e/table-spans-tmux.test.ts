// HTML tables whose cells span columns or rows, in the real program on a real terminal (tmux 80x24
// with NO_COLOR, and 120x40): every figure stands under its own header in the body pane, a cell
// spanning columns is drawn across them, and no row of the pane is wider than the pane (the frame
// stays put). Before, `<td colspan="2">Total</td><td>$700M</td>` put $700M under Ticker; a
// `rowspan` cell's column was left empty in the rows it spans, where it is now repeated.
import { afterEach, describe, expect, it } from 'vitest';
import { bodyPane, FolderDashboard } from './folder-dashboard.js';

const CASES = 'tests/fixtures/cases/render';

const dashboard = new FolderDashboard();
afterEach(() => dashboard.close());

async function open(width: number, height: number, file: string, text: string, env: Record<string, string>): Promise<string> {
  const { s, screen } = await dashboard.openAt(width, height, `${CASES}/${file}`, 1, text, env);
  s.send('q');
  await s.waitFor((t) => t.includes('exit=130'), 'the exit');
  return screen;
}

// Every character here is one column wide: a row's column is its index.
/** The [start, end) columns of the `i`th cell of a table row, between its ` │ ` separators. */
function cellRange(row: string, i: number): [number, number] {
  const bars = [...row.matchAll(/│/g)].map((m) => m.index);
  return [i === 0 ? 0 : bars[i - 1] + 2, bars[i] ?? row.length];
}

/** Asserts that `figure`, on the pane's row that holds it, stands within the header row's `i`th cell. */
function expectUnder(rows: string[], header: string, i: number, figure: string): void {
  const head = rows.find((r) => r.startsWith(header));
  const row = rows.find((r) => r.includes(figure));
  const what = `${figure} under ${header}:\n${rows.join('\n')}`;
  expect(head, what).toBeDefined();
  expect(row, what).toBeDefined();
  const [start, end] = cellRange(head!, i);
  expect(row!.indexOf(figure), what).toBeGreaterThanOrEqual(start);
  expect(row!.indexOf(figure) + figure.length, what).toBeLessThanOrEqual(end);
}

/** No row of the body pane runs past it: each screen row is the terminal's width, the pane's right border in the last column. */
function expectInPane(screen: string, width: number): void {
  for (const row of screen.split('\n').filter((r) => r.includes('││'))) {
    expect([...row].length, row).toBe(width);
    expect(row.endsWith('│'), row).toBe(true);
  }
}

describe.each<{ width: number; height: number; env: Record<string, string> }>([
  { width: 80, height: 24, env: { NO_COLOR: '1' } },
  { width: 120, height: 40, env: {} },
])('tables with spanning cells at $width x $height', ({ width, height, env }) => {
  it('puts the colspan total under Inflow, Total across Fund and Ticker, every figure under its header', async () => {
    const screen = await open(width, height, 'more-html-table-spans.md', '$700M', env);
    expectInPane(screen, width);
    const rows = bodyPane(screen).split('\n');
    expectUnder(rows, 'Fund', 0, 'iShares Bitcoin');
    expectUnder(rows, 'Fund', 0, 'Fidelity Wise Origin');
    for (const [ticker, inflow] of [['IBIT', '$500M'], ['FBTC', '$200M']]) {
      expectUnder(rows, 'Fund', 1, ticker);
      expectUnder(rows, 'Fund', 2, inflow);
    }
    expectUnder(rows, 'Fund', 2, '$700M');
    expect(rows.find((r) => r.includes('$700M'))).toMatch(/^Total +│ \$700M$/);
  });

  it("keeps the WordPress export's prices under Price and changes under Change, the rowspan coin repeated below it", async () => {
    const screen = await open(width, height, 'more-html-wordpress-export.md', '$4,100', env);
    expectInPane(screen, width);
    const rows = bodyPane(screen).split('\n');
    for (const figure of ['BTC', 'ETH', '$100,000', '$4,000', '$4,100']) expectUnder(rows, 'Price ', 0, figure);
    for (const figure of ['+5%', '-2%', '+1%']) expectUnder(rows, 'Price ', 1, figure);
    expect(rows.find((r) => r.includes('$4,100'))).toMatch(/^ETH │ \$4,100 +│ \+1%$/);
    expect(rows.find((r) => r.startsWith('Key takeaways'))).toBeDefined();
    expect(rows[rows.findIndex((r) => r.startsWith('Key takeaways')) + 1]).toBe('─'.repeat('Key takeaways'.length));
  });
});
