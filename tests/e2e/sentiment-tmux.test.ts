// A sentiment as the list, the body's header, the filter and the pulse read it, in a real terminal
// at 80x24 with NO_COLOR: a market's word (`Bullish`) means positive everywhere; a value nothing
// knows (`bogus`) is no sentiment anywhere (the header once showed `● bogus` beside a list row
// with no glyph, and the filter and the pulse counted it as none).
import { afterEach, describe, expect, it } from 'vitest';
import { nodeOutput } from '../helpers/run-child.js';
import { bodyPane, FolderDashboard } from './folder-dashboard.js';
import { expectBorderedRows } from './bordered-rows.js';
import { cli } from './tmux.js';

const FOLDER = 'tests/fixtures/sentiment';
const dashboard = new FolderDashboard();
afterEach(() => dashboard.close());

const listRow = (screen: string, title: string): string => screen.split('\n').find((r) => r.startsWith('│') && r.split('││')[0].includes(title.slice(0, 12))) ?? '';

describe('sentiment in a real terminal', () => {
  it('Bullish is ▲ in the list and the header; bogus is no sentiment in either; the filter and the pulse agree', async () => {
    const s = dashboard.start(80, 24, FOLDER, { NO_COLOR: '1' });
    let screen = await s.waitFor((t) => t.includes('2/2') && bodyPane(t).includes('Miners Turn'), 'the dashboard');
    expectBorderedRows(screen, 80, 24);
    expect(listRow(screen, 'Miners Turn Bullish').split('││')[0]).toContain('▲');
    expect(bodyPane(screen)).toMatch(/▲[ \u00a0]Bullish/);
    // The pulse strip: one positive, none negative or neutral.
    expect(screen).toMatch(/▲ 1 ● 0 ▼ 0/);
    s.send('j');
    screen = await s.waitFor((t) => bodyPane(t).includes('Exchange Reports'), 'the bogus one');
    expect(listRow(screen, 'Exchange Reports Odd').split('││')[0]).not.toMatch(/[▲▼●]/);
    expect(bodyPane(screen)).not.toMatch(/[▲▼●][ \u00a0]bogus/);
    expect(bodyPane(screen)).not.toMatch(/[▲▼●]/);
    s.send('q');
    await s.waitFor((t) => t.includes('exit=130'), 'the exit');
    const positive = await nodeOutput([cli, '--no-cache', '--filter', 'sentiment:positive', '-p', 'title', FOLDER], {});
    expect(positive).toBe('Miners Turn Bullish Again\n');
    const bullish = await nodeOutput([cli, '--no-cache', '--filter', 'sentiment:bullish', '-p', 'title', FOLDER], {});
    expect(bullish).toBe('Miners Turn Bullish Again\n');
  }, 120_000);
});
