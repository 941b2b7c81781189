// Metadata lines right above the heading, Org's `#+` header, Logseq's `key::` properties and Obsidian's inline #tags as a person
// sees them in the dashboard, in a real terminal at 80x24 (NO_COLOR) and 120x40: the header lines
// gone from the body and read as the author and the date; the Org post titled, dated and tagged
// from its `#+` lines; a Logseq page's properties as its author and tags, its task markers as task
// items; Hugo's callout shortcodes as callouts and its params as the front matter's values; Hexo's
// quote tag quoted with its attribution; an AsciiDoc header as the title, author and date; a note's body #tags among its tags in the header. The frame in place throughout.
import { afterEach, describe, expect, it } from 'vitest';
import { bodyPane, FolderDashboard } from './folder-dashboard.js';
import { expectBorderedRows } from './bordered-rows.js';
import type { TmuxSession } from './tmux.js';

const MORE = 'tests/fixtures/cases/loader-more';

const dashboard = new FolderDashboard();
afterEach(() => dashboard.close());

// Moves the body down (focused) until it shows `text`; the list keeps the focus after.
async function scrollTo(s: TmuxSession, screen: string, text: string): Promise<{ s: TmuxSession; screen: string }> {
  if (bodyPane(screen).includes(text)) return { s, screen };
  s.send('Tab');
  screen = await s.waitFor((t) => t.includes('focus: body'), 'the body focused');
  for (let i = 0; i < 40 && !bodyPane(screen).includes(text); i++) {
    const before = bodyPane(screen);
    s.send('j');
    screen = await s.waitFor((t) => bodyPane(t) !== before || bodyPane(t).includes(text), 'the body scrolled');
  }
  screen = await s.waitFor((t) => bodyPane(t).includes(text), `the body with "${text}"`);
  s.send('Tab');
  screen = await s.waitFor((t) => t.includes('focus: list') && bodyPane(t).includes(text), 'the list focused');
  return { s, screen };
}

async function quit(s: TmuxSession): Promise<void> {
  s.send('q');
  await s.waitFor((t) => t.includes('exit=130'), 'the exit');
}

async function allThree(width: number, height: number, env: Record<string, string>): Promise<void> {
  let { s, screen } = await dashboard.openAt(width, height, `${MORE}/metadata-before-heading`, 3, 'The committee voted', env);
  let body = bodyPane(screen);
  expect(body).toContain('Priya Natarajan');
  expect(body).toContain('2025-11-18');
  expect(body).not.toMatch(/Author:|Date: 2025/);
  expect(screen).toContain('Stablecoin Bill');
  await quit(s);

  ({ s, screen } = await dashboard.openAt(width, height, `${MORE}/org-keywords`, 4, 'Yields on liquid staking', env));
  body = bodyPane(screen);
  expect(body.replace(/\s+/g, ' ')).toContain('Ether Staking Yields Slip Below Three Percent');
  expect(body).toContain('Tomasz Wiśniewski');
  expect(body).toContain('2025-11-20');
  expect(body).toMatch(/#ethereum #staking/);
  expect(body).not.toContain('#+');
  await quit(s);

  ({ s, screen } = await dashboard.openAt(width, height, `${MORE}/logseq-hexo-dendron`, 5, 'Lightning network capacity', env));
  body = bodyPane(screen);
  expect(body).toContain('Ravi Menon');
  expect(body).toMatch(/#lightning #bitcoin/);
  expect(body).not.toContain('::');
  // Its task markers drawn as task items, its logbook hidden.
  ({ s, screen } = await scrollTo(s, screen, 'post the chart'));
  body = bodyPane(screen);
  expect(body).toContain('[ ] check the figure against 1ML');
  expect(body).toContain('[x] post the chart');
  expect(body).not.toMatch(/TODO|DONE|LOGBOOK|CLOCK/);
  expectBorderedRows(screen, width, height);
  await quit(s);

  ({ s, screen } = await dashboard.openAt(width, height, `${MORE}/hugo-hexo-callouts`, 2, 'An exchange paused', env));
  ({ s, screen } = await scrollTo(s, screen, 'Written by'));
  // Its last line too (it may wrap).
  ({ s, screen } = await scrollTo(s, screen, 'title].'));
  body = bodyPane(screen);
  expect(body).toContain('│ Warning');
  expect(body).toContain('│ Info');
  expect(body.replace(/\s+/g, ' ')).toContain('Written by Ravi Menon of the Markets desk for [param: site.title].');
  expect(body).not.toMatch(/\{\{|notice|callout/);
  expectBorderedRows(screen, width, height);
  // The next article: Hexo's quote.
  s.send('j');
  screen = await s.waitFor((t) => bodyPane(t).includes('whitepaper'), 'the Hexo post');
  body = bodyPane(screen);
  expect(body).toContain('│ A purely peer-to-peer version');
  expect(body.replace(/[│\s]+/g, ' ')).toContain('— Satoshi Nakamoto, Bitcoin whitepaper');
  expect(body).not.toMatch(/blockquote|\{%/);
  await quit(s);

  // An AsciiDoc header atop a .md: its title, author and date read, its lines gone from the body.
  ({ s, screen } = await dashboard.openAt(width, height, `${MORE}/asciidoc-header`, 5, 'Miner outflows to exchanges', env));
  body = bodyPane(screen);
  expect(body.replace(/\s+/g, ' ')).toContain('Bitcoin Miners Sell Less After the Halving');
  expect(body).toContain('Lena Vogel');
  expect(body).toContain('2025-11-04');
  expect(body).not.toMatch(/^.*(?:= Bitcoin Miners|v1\.2|:description:|:toc:|lena@example)/m);
  expectBorderedRows(screen, width, height);
  await quit(s);

  ({ s, screen } = await dashboard.openAt(width, height, `${MORE}/inline-hashtags`, 2, 'Perps funding', env));
  // The header's tags: the front matter's, then the body's; the body keeps its #tags as written.
  expect(bodyPane(screen).replace(/\s+/g, ' ')).toContain('#derivatives #bitcoin #funding-rates #crypto/defi');
  expect(bodyPane(screen).replace(/\s+/g, ' ')).toContain('venues #bitcoin #funding-rates, while');
  await quit(s);
}

describe('metadata before the heading, Org headers, Logseq tasks, Hugo callouts, Hexo quotes and inline #tags in the dashboard', () => {
  it('80x24 with NO_COLOR: header lines read as fields and gone from the body; task items, callouts, params and quotes drawn; body #tags among the tags; the frame stays', async () => {
    await allThree(80, 24, { NO_COLOR: '1' });
  }, 300_000);

  it('120x40: the same', async () => {
    await allThree(120, 40, {});
  }, 300_000);
});
