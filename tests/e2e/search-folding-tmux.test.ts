// A phrase typed in the dashboard finds the words as the reader sees them (text/fold.ts), in a
// real terminal: `"first spot etf"` lists the article whose Markdown breaks the line between
// `spot` and `etf`, `"binance's"` the one written with a curly apostrophe. Both found nothing.
// A phrase across a link's hidden address and a range typed with `-` for an en dash found nothing
// either; they are typed here into a dashboard that reads the on-disk index, at 80x24.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderDashboard } from './folder-dashboard.js';
import { expectBorderedRows } from './bordered-rows.js';
import { hasTmux, TmuxSession } from './tmux.js';

const FOLDER = 'tests/fixtures/cases/search-folding';
// The articles in it, and the status line's count of `n` of them found (at its start).
const TOTAL = fs.readdirSync(path.resolve(import.meta.dirname, '..', '..', FOLDER)).filter((f) => f.endsWith('.md')).length;
const found = (n: number): RegExp => new RegExp(`^${n}/${TOTAL} `, 'm');
const dashboard = new FolderDashboard();
let session: TmuxSession | undefined;
let home: string | undefined;
afterEach(() => {
  dashboard.close();
  session?.close();
  session = undefined;
  if (home) fs.rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  home = undefined;
});

// The dashboard over the fixtures at 80x24, reading and writing the on-disk index in a home of its own.
async function indexedDashboard(): Promise<TmuxSession> {
  if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-folding-tmux-'));
  const repo = path.resolve(import.meta.dirname, '..', '..');
  const s = new TmuxSession(80, 24, repo, {
    NO_COLOR: '1', XDG_CONFIG_HOME: path.join(home, 'config'), XDG_STATE_HOME: path.join(home, 'state'), XDG_CACHE_HOME: path.join(home, 'cache'),
  });
  session = s;
  s.type(`node ${path.join(repo, 'dist', 'cli.js')} ${FOLDER}; echo "exit=$?"`);
  s.send('Enter');
  await s.waitFor((t) => t.includes(`${TOTAL}/${TOTAL}`) && t.includes('focus: list'), 'the dashboard');
  return s;
}

// The list pane's rows (left of the body pane).
const listRows = (screen: string): string[] => screen.split('\n').filter((r) => r.startsWith('│')).map((r) => r.split('││')[0]);

describe('search folding in a real terminal', () => {
  it('typing "first spot etf" lists the hard-wrapped article; "binance\'s" the curly one', async () => {
    const s = dashboard.start(120, 30, FOLDER, { NO_COLOR: '1' });
    let screen = await s.waitFor((t) => t.includes(`${TOTAL}/${TOTAL}`) && t.includes('focus: list'), 'the dashboard');
    s.send('/');
    s.type('"first spot etf"');
    screen = await s.waitFor((t) => found(1).test(t) && t.includes('query: "first spot etf"'), 'the one match');
    expect(listRows(screen).filter((r) => /Phrase across line break/.test(r))).toHaveLength(1);
    expect(listRows(screen).some((r) => /Double|Spot ETF|Binance|Phrases across links/.test(r))).toBe(false);
    expectBorderedRows(screen, 120, 30);
    s.send('C-u');
    s.type("binance's");
    screen = await s.waitFor((t) => found(1).test(t) && t.includes("query: binance's"), 'the curly apostrophe');
    expect(listRows(screen).some((r) => r.includes('Binance’s CEO'))).toBe(true);
    s.send('C-c');
    await s.waitFor((t) => t.includes('exit=130'), 'the exit');
  }, 120_000);

  it('with the on-disk index at 80x24: a phrase across a link, a range typed with `-` for `–`', async () => {
    const s = await indexedDashboard();
    s.send('/');
    // The status line's count (at its start: the pane title's `1/N` is the cursor's row of the
    // list before it narrows, which a loaded machine showed with the query already typed).
    // The reader sees "approved the first spot ether funds"; the Markdown holds the link's address
    // and title between `spot` and `ether`.
    s.type('"first spot ether funds"');
    let screen = await s.waitFor((t) => found(1).test(t) && t.includes('"first spot ether funds"'), 'the article with the link');
    expect(listRows(screen).filter((r) => /Phrases across links/.test(r))).toHaveLength(1);
    expectBorderedRows(screen, 80, 24);
    s.send('C-u');
    s.type('"2024-2025"');
    screen = await s.waitFor((t) => found(1).test(t) && t.includes('"2024-2025"'), 'the en-dash range');
    expect(listRows(screen).filter((r) => r.includes('Bitcoin 2024–20'))).toHaveLength(1);
    expectBorderedRows(screen, 80, 24);
    s.send('C-c');
    await s.waitFor((t) => t.includes('exit=130'), 'the exit');
  }, 120_000);

  it('with the on-disk index at 80x24: `"s&p 500"` finds `S&amp;P 500`, `h2o` finds `H<sub>2</sub>O`, as the reader sees them', async () => {
    const s = await indexedDashboard();
    s.send('/');
    // Written `S&amp;P 500` (a reference), `S&P 500` (literal), `S&amp;P&nbsp;500` (a heading): all show `S&P 500`.
    s.type('"s&p 500"');
    let screen = await s.waitFor((t) => found(3).test(t) && t.includes('query: "s&p 500"'), 'the three articles with S&P 500');
    const rows = listRows(screen);
    for (const title of ['Entities In New Pla', 'Entity ', 'Literal entities']) expect(rows.filter((r) => r.includes(title)), title).toHaveLength(1);
    expectBorderedRows(screen, 80, 24);
    s.send('C-u');
    // `H<sub>2</sub>O` in HTML and in Markdown with escapes, and `H2O` written plainly.
    s.type('h2o');
    screen = await s.waitFor((t) => found(3).test(t) && t.includes('query: h2o'), 'the three articles with H2O');
    for (const title of ['HTML From Exports', 'Escapes ', 'Literal escapes']) expect(listRows(screen).filter((r) => r.includes(title)), title).toHaveLength(1);
    expect(screen).toContain('HTML From Exports');
    expectBorderedRows(screen, 80, 24);
    s.send('C-u');
    // An attribute (`loading="lazy"`) is not shown, so not found.
    s.type('lazy');
    screen = await s.waitFor((t) => found(0).test(t) && t.includes('query: lazy'), 'no article for an attribute');
    expect(listRows(screen).some((r) => r.includes('HTML From Exports'))).toBe(false);
    s.send('C-c');
    await s.waitFor((t) => t.includes('exit=130'), 'the exit');
  }, 120_000);
});
