// Resizing the terminal with the inspector focused, in a real terminal: at 80 columns the
// inspector shares the place beside the list with the body; widened to 200 it stays, beside the
// body, with the focus, its cursor and its unfolded node (widening once dropped it, and the focus
// went to the list); narrowed back to 80 it keeps that place and the focus.
import { afterEach, describe, expect, it } from 'vitest';
import { FolderDashboard } from './folder-dashboard.js';
import { expectBorderedRows } from './bordered-rows.js';

const FOLDER = 'tests/fixtures/inspector-nested';

const dashboard = new FolderDashboard();
afterEach(() => dashboard.close());

// The right-most pane's rows, without borders, trailing blanks cut: the inspector when it shows.
const lastPane = (screen: string): string[] => screen.split('\n').map((row) => row.split('││').slice(1).at(-1)?.replace(/│$/, '').trimEnd() ?? '').filter((r) => r !== '');
// The titles in the panes' top border row; the list's is `Articles`, or `Stories` once the stories fold its rows: one name here.
const titles = (screen: string): string[] => [...(screen.split('\n')[1] ?? '').matchAll(/╭─(?:▶ )?([A-Za-z]+)/g)].map((m) => (m[1] === 'Stories' ? 'Articles' : m[1]));
// The screen once drawn at `width` columns (its panes' top border row that wide).
const drawnAt = (width: number) => (screen: string): boolean => (screen.split('\n')[1] ?? '').length === width && screen.includes('focus:');

describe('resizing with the inspector focused', () => {
  it('80x24 -> 200x50 -> 80x24: the inspector stays shown and focused, its cursor and unfolded node kept', async () => {
    const s = dashboard.start(80, 24, FOLDER);
    await s.waitFor((t) => t.includes('1/1') && t.includes('focus: list'), 'the dashboard');
    s.send('Tab');
    s.send('Tab');
    await s.waitFor((t) => t.includes('focus: inspector') && titles(t).join() === 'Articles,Inspector', 'the inspector in the body\'s place');
    // Down to meta (folded by default) and open it.
    s.send('j');
    s.send('j');
    s.send('l');
    let screen = await s.waitFor((t) => lastPane(t).some((r) => r.startsWith('▶▾ meta')), 'meta open under the cursor');
    expect(lastPane(screen)).toContain('   ▸ links: {4 keys}');

    s.resize(200, 50);
    screen = await s.waitFor(drawnAt(200), 'the screen at 200 columns');
    expectBorderedRows(screen, 200, 50);
    expect(titles(screen)).toEqual(['Articles', 'Article', 'Inspector']);
    expect(screen).toContain('focus: inspector');
    expect(lastPane(screen).find((r) => r.startsWith('▶'))).toMatch(/^▶▾ meta: \{4 keys\}/);
    expect(lastPane(screen)).toContain('   ▸ links: {4 keys}');

    s.resize(80, 24);
    screen = await s.waitFor(drawnAt(80), 'the screen at 80 columns again');
    expectBorderedRows(screen, 80, 24);
    expect(titles(screen)).toEqual(['Articles', 'Inspector']);
    expect(screen).toContain('focus: inspector');
    expect(lastPane(screen).find((r) => r.startsWith('▶'))).toMatch(/^▶▾ meta: \{4 keys\}/);
    s.send('q');
    await s.waitFor((t) => t.includes('exit=130'), 'the exit');
  }, 120_000);
});
