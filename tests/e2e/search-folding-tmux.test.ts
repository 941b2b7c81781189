// A phrase typed in the dashboard finds the words as the reader sees them (text/fold.ts), in a
// real terminal: `"first spot etf"` lists the article whose Markdown breaks the line between
// `spot` and `etf`, `"binance's"` the one written with a curly apostrophe. Both found nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { FolderDashboard } from './folder-dashboard.js';
import { expectBorderedRows } from './bordered-rows.js';

const FOLDER = 'tests/fixtures/cases/search-folding';
const dashboard = new FolderDashboard();
afterEach(() => dashboard.close());

// The list pane's rows (left of the body pane).
const listRows = (screen: string): string[] => screen.split('\n').filter((r) => r.startsWith('│')).map((r) => r.split('││')[0]);

describe('search folding in a real terminal', () => {
  it('typing "first spot etf" lists the hard-wrapped article; "binance\'s" the curly one', async () => {
    const s = dashboard.start(120, 30, FOLDER, { NO_COLOR: '1' });
    let screen = await s.waitFor((t) => t.includes('13/13') && t.includes('focus: list'), 'the dashboard');
    s.send('/');
    s.type('"first spot etf"');
    screen = await s.waitFor((t) => /\b1\/13\b/.test(t) && t.includes('query: "first spot etf"'), 'the one match');
    expect(listRows(screen).filter((r) => /Phrase across line break/.test(r))).toHaveLength(1);
    expect(listRows(screen).some((r) => /Double|Spot ETF|Binance/.test(r))).toBe(false);
    expectBorderedRows(screen, 120, 30);
    s.send('C-u');
    s.type("binance's");
    screen = await s.waitFor((t) => /\b1\/13\b/.test(t) && t.includes("query: binance's"), 'the curly apostrophe');
    expect(listRows(screen).some((r) => r.includes('Binance’s CEO'))).toBe(true);
    s.send('C-c');
    await s.waitFor((t) => t.includes('exit=130'), 'the exit');
  }, 120_000);
});
