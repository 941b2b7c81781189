// More of the daily driver in a real terminal, each as a person would do it: opening a link of the
// body by its number, recalling past searches (also after a restart), switching saved views by
// clicking their tabs, by 1-9/0 and by ] and [ (views past 9 too), and marking a folded story row
// read and saved (all of its articles, checked afterwards with --filter against the same state).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeOutput } from '../helpers/run-child.js';
import { cli, CONFIG, dailyHarness } from './daily-home.js';
import type { TmuxSession } from './tmux.js';

const daily = dailyHarness('cnt-daily-keys-');

const BODY = `Regulators [approved the filing](https://example.test/filing) on Monday. Analysts at
[the desk](https://example.test/desk?a=1&amp;b=2) expect inflows; [write to us](mailto:desk@example.test).
`;

// A private home (config, state, cache) with a news folder of three articles and a $BROWSER stub.
function makeHome(config: string): { env: Record<string, string>; news: string; opened: string } {
  const { home, env, news } = daily.makeHome(config, [
    { name: 'alpha', day: 13, title: 'Alpha Bitcoin Rally', extra: 'tags: [btc]\n', body: 'Plain body, no links.\n' },
    { name: 'beta', day: 14, title: 'Beta Ether Upgrade', extra: 'tags: [eth]\nsentiment: NEGATIVE\n', body: 'Another plain body.\n' },
    { name: 'gamma', day: 15, title: 'Gamma Bitcoin ETF Filing', extra: "tags: [btc]\nurl: 'https://example.test/gamma'\n", body: BODY },
  ]);
  const opened = path.join(home, 'opened.txt');
  const browser = path.join(home, 'browser.sh');
  fs.writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${opened}'\n`, { mode: 0o755 });
  return { env: { ...env, BROWSER: browser }, news, opened };
}

const start = (env: Record<string, string>, width = 120, height = 30) => daily.start(env, { width, height });
const quit = (s: TmuxSession, status: string): Promise<void> => daily.quit({ s, status });

// The search line is the screen's first row.
const searchLine = (t: string): string => t.split('\n')[0];


describe('daily driver keys in a real terminal', () => {
  it('body pane: o, a link number and Enter asks to open that link; y opens it; bad numbers and mailto are refused', async () => {
    const { env, opened } = makeHome(CONFIG);
    const { s, status } = start(env);
    // The numbered links in the body and the Links list under it. `[3]` is also in the body's text,
    // so wait for the list's own line: a capture can land between the rows of one frame.
    const body = await s.waitFor((t) => t.includes('Links') && t.includes('https://example.test/desk'), 'the body with its links');
    expect(body).toMatch(/approved the filing.?\[1\]/);
    expect(body).toContain('https://example.test/desk?a=1&b=2');
    s.send('Tab');
    await s.waitFor((t) => t.includes('focus: body'), 'the body pane focused');
    s.send('o');
    await s.waitFor((t) => t.includes('open link #_'), 'the link-number prompt');
    s.type('2');
    await s.waitFor((t) => t.includes('open link #2_'), 'the digit typed');
    s.send('Enter');
    await s.waitFor((t) => t.includes('open https://example.test/desk?a=1&b=2 ? y/n'), 'the question with the URL first');
    expect(fs.existsSync(opened)).toBe(false);
    s.send('y');
    expect(await s.waitForFile(opened)).toBe('https://example.test/desk?a=1&b=2\n');

    // A number past the list, then a mailto link: a message, nothing opened.
    s.send('o');
    s.type('9');
    s.send('Enter');
    await s.waitFor((t) => t.includes('no link 9 (1-3)'), 'the out-of-range message');
    s.send('o');
    s.type('3');
    s.send('Enter');
    await s.waitFor((t) => t.includes('refused to open a mailto: URL (only http and https)'), 'mailto refused');
    // Backspace edits the number; Esc leaves without opening.
    s.send('o');
    s.type('12');
    s.send('BSpace');
    await s.waitFor((t) => t.includes('open link #1_'), 'the digit deleted');
    s.send('Escape');
    await s.waitFor((t) => !t.includes('open link #'), 'the prompt gone');
    expect(fs.readFileSync(opened, 'utf8')).toBe('https://example.test/desk?a=1&b=2\n');
    await quit(s, status);
  });

  it('[keys] quit = ["j"]: j quits (it is no longer down), and ? lists j only under quit', async () => {
    const { env } = makeHome(`${CONFIG}[keys]\nquit = ["j"]\n`);
    const { s, status } = start(env, 120, 30);
    await s.waitFor((t) => t.includes('3/3'), 'the list');
    // Page through ? collecting every page: j is quit's key, down keeps only the arrow.
    s.send('?');
    let help = await s.waitFor((t) => t.includes('page 1/'), 'the help overlay');
    const pages = Number(/page 1\/(\d+)/.exec(help)![1]);
    for (let p = 2; p <= pages; p++) {
      s.send('Space');
      help += await s.waitFor((t) => t.includes(`page ${p}/`), `help page ${p}`);
    }
    const rows = help.split('\n');
    const keysOf = (what: string) => rows.filter((r) => r.includes(what)).map((r) => r.slice(0, r.indexOf(what)));
    expect(keysOf('quit without choosing').join('')).toMatch(/(^|[\s│])j\s/);
    expect(keysOf('quit without choosing').join('')).not.toMatch(/(^|[\s│])q\s/);
    expect(keysOf('next row / scroll down').join('')).not.toMatch(/(^|[\s│])j\s/);
    s.send('x');
    await s.waitFor((t) => !t.includes('page 1/') && t.includes('3/3'), 'the help closed');
    s.send('j');
    expect(await s.waitForFile(status)).toBe('exit=130\n');
  });

  it('search history: Ctrl-R / Alt-P recall older queries, Alt-N newer ones, and the history survives a restart', async () => {
    const { env } = makeHome(CONFIG);
    let { s, status } = start(env);
    await s.waitFor((t) => t.includes('3/3'), 'the list');
    for (const q of ['bitcoin', 'ether']) {
      s.send('/');
      s.send('C-u');
      s.type(q);
      s.send('Enter');
      await s.waitFor((t) => searchLine(t).includes(q) && /Articles \d\/[12]\b/.test(t), `the results of ${q}`);
    }
    s.send('/');
    s.send('C-u');
    await s.waitFor((t) => t.includes('3/3'), 'the query cleared');
    s.send('C-r');
    await s.waitFor((t) => searchLine(t).includes('ether'), 'the last query recalled');
    s.send('M-p');
    await s.waitFor((t) => searchLine(t).includes('bitcoin') && t.includes('Gamma Bitcoin'), 'the one before, with its results');
    s.send('M-n');
    await s.waitFor((t) => searchLine(t).includes('ether') && t.includes('Beta Ether') && !t.includes('Gamma Bitcoin'), 'forward again');
    s.send('Escape');
    await quit(s, status);

    ({ s, status } = start(env));
    await s.waitFor((t) => t.includes('3/3'), 'the list after a restart');
    s.send('/');
    s.send('C-r');
    await s.waitFor((t) => searchLine(t).includes('ether') && t.includes('Beta Ether'), 'the history kept in the state folder');
    s.send('C-r');
    await s.waitFor((t) => searchLine(t).includes('bitcoin'), 'and the one before');
    s.send('C-r');
    await s.waitFor((t) => t.includes('oldest query'), 'the end of the history said');
    s.send('Escape');
    await quit(s, status);
  });

  it.each([[120, 30], [80, 24]])('view tabs at %dx%d: a mouse click on a tab switches to it, as 1-9 and 0 do', async (width, height) => {
    const { env } = makeHome(CONFIG);
    const { s, status } = start(env, width, height);
    const first = await s.waitFor((t) => t.includes('[0 All]') && t.includes('3/3'), 'the tabs');
    // The tab row is the screen's second row: click the middle of each label where it is drawn.
    const tabRow = first.split('\n')[1];
    const click = (label: string) => {
      const x = tabRow.indexOf(label) + Math.floor(label.length / 2);
      expect(x).toBeGreaterThan(0);
      // An SGR mouse press and release (1-based column and row), as the terminal sends a click.
      s.type(`\x1b[<0;${x + 1};2M\x1b[<0;${x + 1};2m`);
    };
    click('2 Gloom');
    await s.waitFor((t) => t.includes('[2 Gloom]') && t.includes('Beta Ether') && !t.includes('Alpha Bitcoin'), 'the Gloom tab by click');
    click('1 Bitcoin');
    await s.waitFor((t) => t.includes('[1 Bitcoin]') && t.includes('2/3') && !t.includes('Beta Ether'), 'the Bitcoin tab by click');
    click('0 All');
    await s.waitFor((t) => t.includes('[0 All]') && t.includes('3/3'), 'All by click');
    s.send('2');
    await s.waitFor((t) => t.includes('[2 Gloom]') && t.includes('1/1'), 'view 2 by key');
    s.send('3');
    await s.waitFor((t) => t.includes('no view 3 (there are 2)'), 'a view that does not exist');
    s.send('0');
    await s.waitFor((t) => t.includes('[0 All]') && t.includes('3/3'), 'All by 0');
    await quit(s, status);
  });

  it.each([[200, 50], [80, 24]])('twelve views at %dx%d: ] and [ reach the three past 9 (no digit, no number on their tab), round the end to All', async (width, height) => {
    // Views 1-9 all list the two Bitcoin articles; 10-12 one article each, told apart by the list.
    const nine = Array.from({ length: 9 }, (_, i) => `[[views]]\nname = "V${i + 1}"\nquery = "tag:btc"\n`).join('');
    const past = '[[views]]\nname = "Ether"\nquery = "tag:eth"\n[[views]]\nname = "Gamma"\nquery = "gamma"\n[[views]]\nname = "Alpha"\nquery = "alpha"\n';
    const { env } = makeHome(`paths = ["NEWS"]\n${nine}${past}`);
    const { s, status } = start(env, width, height);
    await s.waitFor((t) => t.includes('[0 All]') && t.includes('3/3'), 'the tabs');
    s.send('9');
    await s.waitFor((t) => t.includes('[9 V9]') && t.includes('2/3'), 'view 9 by its digit');
    s.send(']');
    const screen = await s.waitFor((t) => t.includes('[Ether]') && t.includes('1/3') && t.includes('Beta Ether'), 'view 10 by ]');
    // The tabs past 9 carry no number: no key would match it.
    expect(screen.split('\n')[1]).not.toMatch(/\b10 Ether/);
    s.send(']');
    await s.waitFor((t) => t.includes('[Gamma]') && t.includes('1/3') && t.includes('Gamma Bitcoin'), 'view 11 by ]');
    s.send(']');
    await s.waitFor((t) => t.includes('[Alpha]') && t.includes('1/3') && t.includes('Alpha Bitcoin'), 'view 12 by ]');
    s.send(']');
    await s.waitFor((t) => t.includes('[0 All]') && t.includes('3/3'), 'All after the last view');
    s.send('[');
    await s.waitFor((t) => t.includes('[Alpha]') && t.includes('1/3'), 'view 12 by [ from All');
    await quit(s, status);
  });
});

describe('a folded story row in a real terminal (bundled data)', () => {
  it('m marks every article of the story read and * saves them all; the row and --filter agree', async () => {
    const { env } = daily.makeHome(null, []);
    const filter = async (q: string): Promise<string[]> =>
      (await nodeOutput([cli, '--filter', q, '-p', 'title'], { env: { ...process.env, ...env } })).trim().split('\n').filter(Boolean).sort();
    const { s, status } = start(env, 120, 30);
    // The sticky story is first and selected: one row, +2 for its other outlets, unread (◆).
    const first = await s.waitFor((t) => /▶.*\+2 /.test(t) && /\d+ unread/.test(t), 'the folded story row');
    const unread = (t: string): number => Number(/([\d,]+)\+? unread/.exec(t)![1].replace(',', ''));
    const before = unread(first);
    const row = (t: string): string => t.split('\n').find((l) => /^│▶/.test(l))!;
    expect(row(first)).toContain('◆');
    s.send('m');
    const read = await s.waitFor((t) => unread(t) === before - 3, 'three fewer unread');
    expect(row(read)).not.toContain('◆');
    s.send('*');
    const saved = await s.waitFor((t) => row(t).includes('★'), 'the row saved');
    expect(saved).toContain('saved');
    await quit(s, status);

    const story = await filter('is:read');
    expect(story).toHaveLength(3);
    expect(await filter('is:saved')).toEqual(story);
    // The three are one story: the first row's title is one of them.
    expect(story.some((title) => row(first).includes(title.slice(0, 20)))).toBe(true);
  });
});
