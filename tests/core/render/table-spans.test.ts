// Tables whose cells span columns or rows (HTML's colspan, rowspan), hold line breaks (`<br>`, in a
// GFM cell or an HTML one) and HTML headings and quotations, as the body pane draws them at a width:
// every figure under its own header, in the table layout and in the `Header: value` records alike.
import fs from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/core/render/markdown.js';
import { lineText, type Line } from '../../../src/core/render/spans.js';
import { cellLines, cellWidth, columnGroups, ruleText } from '../../../src/core/render/table-grid.js';

const dir = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'cases', 'render');
const body = (name: string): string => fs.readFileSync(path.join(dir, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
const rows = (md: string, width: number): string[] => renderMarkdown(md, width).lines.map(lineText);
const lines = (md: string, width: number): Line[] => renderMarkdown(md, width).lines;

/** The column `text` starts at in `row` (the table's rules and separators are one column each), -1 when absent. */
function columnOf(row: string, text: string): number {
  const at = row.indexOf(text);
  return at < 0 ? -1 : stringWidth(row.slice(0, at));
}

/** The column of each ` │ ` separator in a row, and so the span [start, end) of column `i` between them. */
function cellRange(row: string, i: number): [number, number] {
  const bars: number[] = [];
  [...row].forEach((ch, k) => ch === '│' && bars.push(stringWidth([...row].slice(0, k).join(''))));
  return [i === 0 ? 0 : bars[i - 1] + 2, bars[i] ?? Infinity];
}

function expectUnder(table: string[], header: string, headerColumn: number, figure: string): void {
  const head = table.find((r) => r.includes(header));
  const row = table.find((r) => r.includes(figure));
  expect(head, header).toBeDefined();
  expect(row, figure).toBeDefined();
  const [start, end] = cellRange(head!, headerColumn);
  const at = columnOf(row!, figure);
  expect(at, `${figure} under ${header}:\n${table.join('\n')}`).toBeGreaterThanOrEqual(start);
  expect(at + stringWidth(figure), `${figure} under ${header}:\n${table.join('\n')}`).toBeLessThanOrEqual(end);
}

const fits = (r: string[], width: number): void => {
  for (const row of r) expect(stringWidth(row), row).toBeLessThanOrEqual(width);
};

describe('an HTML table with a colspan total row (more-html-table-spans.md)', () => {
  it.each([58, 38])('at %i: the total under Inflow, Total drawn across Fund and Ticker, the rule joining under it', (width) => {
    const r = rows(body('more-html-table-spans.md'), width);
    fits(r, width);
    expectUnder(r, 'Inflow', 2, '$700M');
    expectUnder(r, 'Inflow', 2, '$500M');
    expectUnder(r, 'Ticker', 1, 'FBTC');
    const total = r.find((row) => row.startsWith('Total'))!;
    expect(total).toMatch(/^Total +│ \$700M$/);
    expect(r[r.indexOf(total) - 1]).toMatch(/^─+┴─+┼─+$|^[^─]/);
  });

  it('at 20: one record per row, the total named Inflow and no empty Ticker line', () => {
    const r = rows(body('more-html-table-spans.md'), 20);
    fits(r, 20);
    expect(r).toContain('Inflow: $700M');
    expect(r).toContain('Fund: Total');
    expect(r.slice(r.indexOf('Fund: Total'))).toEqual(['Fund: Total', 'Inflow: $700M']);
    expect(r).toContain('Ticker: FBTC');
  });
});

describe('a WordPress export (more-html-wordpress-export.md)', () => {
  it.each([58, 38])('at %i: a header spanning two columns drawn across them, the rowspan coin repeated below it, every price under Price and change under Change', (width) => {
    const r = rows(body('more-html-wordpress-export.md'), width);
    fits(r, width);
    const head = r.find((row) => row.startsWith('Price'))!;
    expect(head).toMatch(/^Price +│ Change$/);
    expect(r[r.indexOf(head) + 1]).toMatch(/^─+┬─+┼─+$/);
    for (const figure of ['BTC', 'ETH', '$100,000', '$4,000', '$4,100']) expectUnder(r, 'Price', 0, figure);
    for (const change of ['+5%', '-2%', '+1%']) expectUnder(r, 'Change', 1, change);
    expect(columnOf(r.find((row) => row.includes('$4,100'))!, '$4,100')).toBe(columnOf(r.find((row) => row.includes('$100,000'))!, '$100,000'));
    expect(r.find((row) => row.includes('$4,100'))).toMatch(/^ETH │ \$4,100 +│ \+1%$/);
  });

  it('at 20: records name both spanned columns Price and repeat ETH in the row it spans', () => {
    const r = rows(body('more-html-wordpress-export.md'), 20);
    fits(r, 20);
    const at = r.indexOf('Price: $4,100');
    expect(r.slice(at - 1, at + 2)).toEqual(['Price: ETH', 'Price: $4,100', 'Change: +1%']);
    expect(r).toContain('Price: $100,000');
    expect(r).toContain('Change: -2%');
  });

  it('draws <h2> and <h3> as Markdown draws ## and ### headings, and <q> with its quotation marks', () => {
    const md = body('more-html-wordpress-export.md');
    for (const width of [58, 20]) {
      const got = lines(md, width);
      const r = got.map(lineText);
      expect(r.slice(0, 2), `${width}`).toEqual(rows('## Key takeaways', width));
      expect(got[0]).toEqual(lines('## Key takeaways', width)[0]);
      expect(got[1]).toEqual([{ role: 'heading', text: '─'.repeat(13) }]);
      const end = r.findIndex((row) => row.startsWith('### '));
      expect(r.slice(end, end + 1)).toEqual(rows('### Conclusion (updated)', width).slice(0, 1));
      expect(got[end][0]).toEqual({ role: 'dim', text: '### ' });
      expect(got[end].slice(1).every((s) => s.bold && s.role === 'heading')).toBe(true);
    }
    expect(rows(md, 58).join('\n')).toContain('“really”');
  });
});

describe('cells spanning rows (more-table-rowspans.md)', () => {
  const tables = (width: number): string[] => rows(body('more-table-rowspans.md'), width).filter((r) => r.includes('│'));

  it.each([58, 38])('at %i: a venue spanning rows is repeated in each, so no row reads empty; every figure under its header', (width) => {
    const r = tables(width);
    fits(r, width);
    expect(r.slice(0, 6)).toEqual([
      'Venue    │ Pair     │ Volume', 'Binance  │ BTC/USDT │ $12.4B', 'Binance  │ ETH/USDT │ $6.1B', 'Binance  │ SOL/USDT │ $1.9B', 'Coinbase │ BTC/USD  │ $3.2B', 'Coinbase │ ETH/USD  │ $1.4B',
    ]);
    for (const figure of ['$12.4B', '$6.1B', '$1.9B', '$3.2B', '$1.4B']) expectUnder(r, 'Venue', 2, figure);
  });

  it('draws the repeats dim (the cell of its own row is not), with the rowspan cell spanning columns too', () => {
    const got = lines(body('more-table-rowspans.md'), 58);
    const row = (start: string): Line => got.find((l) => lineText(l).startsWith(start))!;
    expect(row('Binance  │ BTC/USDT')[0]).toMatchObject({ text: 'Binance' });
    expect(row('Binance  │ BTC/USDT')[0].role).toBeUndefined();
    expect(row('Binance  │ ETH/USDT')[0]).toMatchObject({ text: 'Binance', role: 'dim' });
    const r = got.map(lineText).filter((t) => t.includes('│'));
    expect(r.slice(6)).toEqual(['Date   │ Event    │ BTC │ ETH', 'Jan 10 │ ETF week │ +4% │ +2%', 'Jan 11 │ ETF week │ -6% │ +9%', 'Jan 12 │ Markets closed │ +1%', 'Jan 13 │ Markets closed │ 0%']);
    expect(row('Jan 13').find((s) => s.text === 'Markets closed')?.role).toBe('dim');
    for (const [figure, header] of [['+9%', 3], ['+1%', 3], ['0%', 3], ['-6%', 2]] as const) expectUnder(r.slice(6), 'Date', header, figure);
  });

  it('at 20: one record per row, the spanned value named in each', () => {
    const r = rows(body('more-table-rowspans.md'), 20);
    fits(r, 20);
    expect(r.filter((t) => t === 'Venue: Binance')).toHaveLength(3);
    expect(r.filter((t) => t === 'Event: Markets')).toHaveLength(2);
  });
});

describe('line breaks in table cells (more-table-breaks.md)', () => {
  it.each([58, 46])('at %i: each <br> in a GFM cell starts a line of the cell, in its column', (width) => {
    const r = rows(body('more-table-breaks.md'), width);
    fits(r, width);
    const event = columnOf(r[0], 'Event');
    for (const part of ['SEC approves spot ETFs', 'Trading starts next day', 'Volumes record', 'Halving', 'Block reward 3.125 BTC']) {
      const row = r.find((x) => x.includes(part));
      expect(row, part).toBeDefined();
      expect(columnOf(row!, part), part).toBe(event);
      expect(row!.endsWith(part), row).toBe(true);
    }
    expect(r.find((x) => x.includes('SEC approves'))).toMatch(/^2024-01-10 │ SEC approves spot ETFs$/);
    expect(r.find((x) => x.includes('Trading starts'))).toMatch(/^ +│ Trading starts next day$/);
  });

  it('keeps the breaks in the records fallback, and in an HTML cell', () => {
    expect(rows('| Date | Event |\n|---|---|\n| 2024-01-10 | SEC approves spot ETFs<br>Trading starts next day<br/>Volumes record |', 16)).toEqual([
      'Date: 2024-01-10', 'Event: SEC', 'approves spot', 'ETFs', 'Trading starts', 'next day', 'Volumes record',
    ]);
    expect(rows('<table><tr><th>Date</th><th>Event</th></tr><tr><td>2024-04-20</td><td>Halving<br>Block reward 3.125 BTC</td></tr></table>', 40)).toEqual([
      'Date       │ Event', '───────────┼───────────────────────', '2024-04-20 │ Halving', '           │ Block reward 3.125 BTC',
    ]);
  });
});

describe('inline <q>', () => {
  it('draws quotation marks around it, single ones inside a quotation, a stray end tag as nothing', () => {
    expect(rows('He said <q>it is <q>really</q> up</q> today.</q>', 60)).toEqual(['He said “it is ‘really’ up” today.']);
  });
});

describe('table-grid', () => {
  it('cuts a cell into lines at its breaks, never piling them up, blanks at line ends gone', () => {
    const cell = cellLines([{ text: ' a ' }, { text: '\n' }, { text: '\n' }, { text: ' ' }, { text: '\n' }, { text: 'b', bold: true }, { text: ' ' }, { text: '\n' }]);
    expect(cell).toEqual([{ text: 'a' }, { text: '\n' }, { text: 'b', bold: true }]);
    expect(cellWidth([{ text: 'abc' }, { text: '\n' }, { text: 'abcdef' }])).toBe(6);
  });

  it('groups the columns a spanning cell covers and joins the rule under it', () => {
    expect(columnGroups([undefined, 'right', undefined], 3)).toEqual([{ start: 0, end: 2 }, { start: 2, end: 3 }]);
    expect(columnGroups(['below', undefined], 2)).toEqual([{ start: 0, end: 1 }, { start: 1, end: 2 }]);
    expect(ruleText([2, 3, 1], [undefined, 'right', undefined], undefined)).toBe('───┬─────┼──');
    expect(ruleText([2, 3, 1], undefined, [undefined, 'right', undefined])).toBe('───┴─────┼──');
    expect(ruleText([2, 3, 1], undefined, undefined)).toBe('───┼─────┼──');
  });
});
