// The dashboard's small promises in a real terminal (tmux), at 200x50 and 80x24: the pulse's
// facets row never repeats its summary row; Esc right after adding a pulse entry goes back instead
// of quitting; a pinned (sticky) article is marked; minutes read `min` (never `m`, which the query
// language reads as months); the list's title writes thousands with separators; the pulse counts
// every match, beyond the 1,000 the list holds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, TmuxSession } from './tmux.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');

let session: TmuxSession | undefined;
afterEach(() => session?.close());

function start(width: number, height: number, args = '') {
  if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
  const s = new TmuxSession(width, height, repo, {});
  session = s;
  s.type(`XDG_CACHE_HOME=${path.join(s.dir, 'cache')} node ${cli} ${args} > /dev/null; echo "exit=$?"`);
  s.send('Enter');
  return s;
}

function expectFits(screen: string, width: number) {
  for (const line of screen.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(width);
}

// The list pane's inner rows (between its first two borders).
const listRows = (screen: string): string[] => screen.split('\n').filter((l) => l.startsWith('│')).map((l) => l.slice(1, l.indexOf('│', 1)));

function article(dir: string, name: string, fields: Record<string, string | number>): void {
  const front = Object.entries(fields).map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : v}`).join('\n');
  fs.writeFileSync(path.join(dir, `${name}.md`), `---\n${front}\n---\n\nBody of ${name}.\n`);
}

describe.each([[200, 50], [80, 24]])('at %dx%d', (width, height) => {
  it('the pulse rows do not repeat; Esc after Enter on a pulse entry goes back, then leaves the strip; the app keeps running', async () => {
    const s = start(width, height);
    // The loaded corpus's pulse (not the empty one counted while loading), folded stories and all.
    await s.waitFor((t) => t.includes('? help') && /▲ [1-9]\d* ● \d+ ▼ \d+/.test(t) && /\+2 /.test(t), 'the pulse strip');
    s.send('f');
    const focused = await s.waitFor((t) => t.includes('▸▲') && listRows(t).some((l) => l.startsWith('src ')), 'the focused strip, cursor on the first sentiment');
    expectFits(focused, width);
    // The sentiment counts show once: on the summary row, where the cursor stands.
    const inList = listRows(focused);
    expect(inList.filter((l) => /▲ ?\d+/.test(l))).toHaveLength(1);
    expect(inList.find((l) => l.startsWith('src '))).not.toMatch(/[▲●▼]/);
    s.send('Enter');
    // The inspector marks folded nodes ▸ too: the strip's cursor is looked for in the list pane only.
    const stripCursor = (t: string): boolean => listRows(t).some((l) => l.includes('▸'));
    await s.waitFor((t) => t.split('\n')[0].includes('sentiment:positive') && !stripCursor(t), 'the entry added to the query');
    s.send('Escape');
    // Back: the query without the entry, the strip focused on the same entry, and no exit.
    const back = await s.waitFor((t) => !t.split('\n')[0].includes('sentiment:positive') && t.includes('▸▲'), 'the strip again');
    expect(back).not.toContain('exit=');
    s.send('Escape');
    await s.waitFor((t) => !stripCursor(t) && t.includes('focus: list'), 'the list again');
    s.send('q');
    await s.waitFor((t) => t.includes('exit=130'), 'the exit');
  });

  it('marks pinned articles ↑, writes minutes as min, and counts thousands with separators', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-marks-'));
    const now = Date.now();
    article(dir, 'pinned', { title: 'Pinned Exchange Notice', publishedAt: new Date(now - 3 * 86_400_000).toISOString(), stickyWeight: 5, source: 'Decrypt' });
    article(dir, 'fresh', { title: 'Fresh Minutes Story', publishedAt: new Date(now - 7 * 60_000).toISOString(), source: 'CoinDesk' });
    for (let i = 0; i < 1_200; i++) {
      article(dir, `old-${i}`, { title: `Archive note ${i}`, publishedAt: new Date(now - (10 + i) * 86_400_000).toISOString(), source: 'The Block', sentiment: i % 2 ? 'positive' : 'negative' });
    }
    try {
      const s = start(width, height, `--no-group ${dir}`);
      const screen = await s.waitFor((t) => t.includes('? help') && t.includes('Articles 1/1,202'), 'the list of 1,202');
      expectFits(screen, width);
      const rows = listRows(screen);
      expect(rows.find((l) => l.includes('Pinned Exchange'))).toMatch(/↑3d /);
      expect(rows.find((l) => l.includes('Fresh Minutes'))).toMatch(/ 7min /);
      expect(rows.find((l) => l.includes('Fresh Minutes'))).not.toContain('↑');
      // The pulse counts every match, not the first 1,000 the list holds.
      await s.waitFor((t) => /▲ 600 ● 0 ▼ 600/.test(t), 'the pulse over all 1,202 articles');
      // And the query language agrees: 30min back finds the fresh one only.
      s.type('/since:30min');
      s.send('Enter');
      await s.waitFor((t) => /Articles 1\/1─/.test(t) && listRows(t).some((l) => l.includes('Fresh Minutes')), 'since:30min');
      s.send('q');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

it('at 200x50 one long source name is cut with …, and the tags and coins still show on the facets row; f then → reaches them and Enter adds one', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-facets-'));
  const sources = ['CoinDesk', 'Dana Whitfield-Montgomery, Senior Markets Correspondent', 'CoinDesk'];
  sources.forEach((source, i) => {
    fs.writeFileSync(path.join(dir, `a${i}.md`), `---\ntitle: "Bitcoin rallies ${i}"\nsource: "${source}"\ntags: [btc, markets]\ndate: 2025-11-1${i}T10:00:00Z\n---\n\nBitcoin rose as markets cheered. $BTC\n`);
  });
  try {
    const s = start(200, 50, `--no-group ${dir}`);
    const screen = await s.waitFor((t) => t.includes('? help') && listRows(t).some((l) => l.startsWith('src ')), 'the facets row');
    // The whole screen line: the row's own ` │ ` separators would end listRows' cut.
    expect(screen.split('\n').find((l) => l.startsWith('│src '))).toMatch(/^│src CoinDesk 2 Dana Whitfield-… 1 │ tag btc 3 markets 3 │ coin BTC 3 *│/);
    s.send('f');
    for (let i = 0; i < 5; i++) s.send('l');
    // The ▸ takes a column: the tags give up their second entry, the coins stay.
    await s.waitFor((t) => t.includes('tag ▸btc 3 │ coin BTC 3'), 'the cursor on the tag btc');
    s.send('Enter');
    await s.waitFor((t) => t.split('\n')[0].includes('tag:btc'), 'tag:btc added to the query');
    s.send('q');
    await s.waitFor((t) => t.includes('exit=130'), 'the exit');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
