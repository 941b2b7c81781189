// `--no-group -s hot` in a real terminal: the rows are not folded, but the hot order still counts
// each article's story size, so the dashboard's first rows are `--filter -s hot`'s (found by a
// tester: the dashboard ranked every article as a story of one, a lone report 3rd instead of 11th).
import { afterEach, describe, expect, it } from 'vitest';
import { nodeOutput } from '../helpers/run-child.js';
import { FolderDashboard } from './folder-dashboard.js';
import { cli } from './tmux.js';

const FOLDER = 'data/news';
const ROWS = 12;
const dashboard = new FolderDashboard();
afterEach(() => dashboard.close());

// The list pane's article rows (those with a date), top first.
const listRows = (screen: string): string[] =>
  screen.split('\n').map((r) => r.split('││')[0]).filter((r) => r.startsWith('│') && /[A-Z][a-z]{2} +\d{1,2} /.test(r));
// What a row shows of a title for sure: 18 characters, or 4 of one with wide ones (truncated sooner).
const shown = (title: string): string => (/^[\x20-\x7e]*$/.test(title.slice(0, 18)) ? title.slice(0, 18) : title.slice(0, 4));
const inOrder = (screen: string, titles: readonly string[]): boolean => {
  const rows = listRows(screen);
  return titles.every((t, k) => rows[k]?.includes(shown(t)));
};

describe('--no-group -s hot in a real terminal', () => {
  it.each([[''], ['coin:sol']])('lists the matches of %j in --filter -s hot order', async (query) => {
    const printed = await nodeOutput([cli, '--no-cache', '--filter', query, '-s', 'hot', '-p', 'title', FOLDER], {});
    const titles = printed.trimEnd().split('\n').slice(0, ROWS);
    expect(titles.length).toBeGreaterThan(2);
    const s = dashboard.start(160, ROWS + 10, `--no-group -s hot ${query ? `-q ${query}` : ''} ${FOLDER}`, { NO_COLOR: '1' });
    // The order settles once the facts are in (a few seconds at most); the flat order made without story sizes never matches.
    const screen = await s.waitFor((t) => inOrder(t, titles), 'the hot order of --filter', 20_000).catch(() => s.screen());
    expect(listRows(screen).slice(0, titles.length)).toEqual(titles.map((t) => expect.stringContaining(shown(t)) as unknown as string));
  }, 60_000);
});
