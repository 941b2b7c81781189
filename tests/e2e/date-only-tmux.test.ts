// Dates written without a time, as a person west of UTC sees them (a tester's report, TZ
// America/Los_Angeles): `date: 2024-04-20` and a Jekyll file name's 2024-04-19 read `Apr 19 2024`
// and `Apr 18 2024` in the list and `2024-04-19 17:00` in the header, a day early, while
// `since:2024-04-20`, --stats and JSON used the day written. Each is a calendar date
// (core/calendar-date.ts): the day written everywhere, with no time of day.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runNode } from '../helpers/run-child.js';
import { expectBorderedRows } from './bordered-rows.js';
import { hasTmux, TmuxSession } from './tmux.js';

let home = '';
let site = '';
beforeAll(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-date-only-'));
  site = path.join(home, 'tz');
  fs.mkdirSync(path.join(site, '_posts'), { recursive: true });
  fs.writeFileSync(path.join(site, '_config.yml'), '');
  fs.writeFileSync(path.join(site, '_posts', '2024-04-20-halving.md'), '---\ntitle: Halving day\ndate: 2024-04-20\nupdated: 2024-09-02\n---\nThe fourth halving.\n');
  fs.writeFileSync(path.join(site, '_posts', '2024-04-19-from-name.md'), '---\ntitle: From the name\n---\nDated by its file name.\n');
});
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

let session: TmuxSession | undefined;
afterEach(() => session?.close());

const env = (tz: string): Record<string, string> => ({
  TZ: tz, NO_COLOR: '1', XDG_CONFIG_HOME: path.join(home, 'config'), XDG_STATE_HOME: path.join(home, `state-${tz.replace('/', '-')}`), XDG_CACHE_HOME: path.join(home, 'cache'),
});

// The body pane's row under the title (`tz · 2024-04-20 · ...`), right of the list pane.
const bodyHeader = (screen: string): string =>
  screen.split('\n').map((row) => row.split('││')[1]?.replace(/│$/, '').trim() ?? '').find((r) => r.startsWith('tz · ')) ?? '';
const listPane = (screen: string): string => screen.split('\n').map((row) => row.split('││')[0]).join('\n');

describe('dates written without a time, in a real terminal at 80x24', () => {
  it.each(['America/Los_Angeles', 'Asia/Tokyo'])('%s: the list, the header and the inspector show the day written, with no time', async (tz) => {
    if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
    const s = (session = new TmuxSession(80, 24, home, env(tz)));
    s.type(`node ${CLI} --no-cache ${site}; echo "exit=$?"`);
    s.send('Enter');
    let screen = await s.waitFor((t) => t.includes('2/2') && bodyHeader(t) !== '', 'the dashboard');
    expectBorderedRows(screen, 80, 24);
    expect(listPane(screen)).toMatch(/Apr 20 2024 +Halving day/);
    expect(listPane(screen)).toMatch(/Apr 19 2024 +From the name/);
    expect(bodyHeader(screen)).toBe('tz · 2024-04-20 · updated 2024-09-02');
    s.send('j');
    screen = await s.waitFor((t) => bodyHeader(t).startsWith('tz · 2024-04-19'), 'the second article');
    expect(bodyHeader(screen)).toBe('tz · 2024-04-19');
    s.send('k');
    await s.waitFor((t) => bodyHeader(t).startsWith('tz · 2024-04-20'), 'the first article again');
    s.send('i');
    screen = await s.waitFor((t) => t.includes('Inspector') && t.includes('date: 2024-04-20'), 'the inspector');
    expect(screen).toContain('updated: 2024-09-02');
    expectBorderedRows(screen, 80, 24);
    s.send('q');
    await s.waitFor((t) => /exit=\d+/.test(t), 'the exit');
  }, 120_000);
});

describe('dates written without a time, piped, west of UTC', () => {
  const run = (args: string[]) => runNode([CLI, '--no-cache', ...args, site], { env: { ...process.env, ...env('America/Los_Angeles') } });

  it('since: matches the day shown, and JSON prints that day with dateOnly', async () => {
    const r = await run(['-f', 'since:2024-04-20', '-p', 'json']);
    expect(r.stderr).toBe('');
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: 'Halving day', publishedAt: '2024-04-20T00:00:00.000Z', dateOnly: true, updatedAt: '2024-09-02T00:00:00.000Z' });
    const until = await run(['-f', 'until:2024-04-19', '-p', 'title']);
    expect(until.stdout).toBe('From the name\n');
  });

  it('--stats counts each on the day written', async () => {
    const r = await run(['-f', '', '--stats']);
    expect(r.stdout).toContain('  2024-04-19 1\n  2024-04-20 1\n');
  });
});
