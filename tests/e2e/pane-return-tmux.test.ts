// A pane that leaves the screen and comes back has what it had, in a real terminal: the focus
// after a resize that left room for the list alone (the list kept it once the terminal grew
// again).
import { afterEach, describe, expect, it } from 'vitest';
import { startCli, type TmuxSession } from './tmux.js';
import { expectBorderedRows } from './bordered-rows.js';

let session: TmuxSession | undefined;
afterEach(() => session?.close());

const start = (width: number, height: number): TmuxSession => {
  session = startCli(width, height, '--no-cache').s;
  return session;
};
const ready = (screen: string) => screen.includes('? help') && /\d+\/\d+/.test(screen) && screen.includes('focus: list');
// The screen once drawn at `width` columns (its panes' top border row that wide).
const drawnAt = (width: number) => (screen: string): boolean => (screen.split('\n')[1] ?? '').length === width && screen.includes('focus:');
// The titles in the panes' top border row.
const titles = (screen: string): string[] => [...(screen.split('\n')[1] ?? '').matchAll(/╭─(?:▶ )?([A-Za-z]+)/g)].map((m) => m[1]);

describe('a pane that comes back', () => {
  it('120x35 body focused -> 60x8 (the list alone, focused) -> 120x35 and 200x50: the body has the focus again', async () => {
    const s = start(120, 35);
    await s.waitFor(ready, 'the dashboard');
    s.send('Tab');
    await s.waitFor((t) => t.includes('focus: body'), 'the body focused');

    s.resize(60, 8);
    let screen = await s.waitFor((t) => drawnAt(60)(t) && t.includes('focus: list'), 'the list alone at 60x8');
    expect(titles(screen)).toEqual(['Articles']);

    s.resize(120, 35);
    screen = await s.waitFor(drawnAt(120), 'the screen at 120 columns again');
    expectBorderedRows(screen, 120, 35);
    expect(screen).toContain('focus: body');
    expect(titles(screen)).toEqual(['Articles', 'Article']);
    expect(screen.split('\n')[1]).toContain('▶ Article ·');

    s.resize(60, 8);
    await s.waitFor((t) => drawnAt(60)(t) && t.includes('focus: list'), 'the list alone again');
    s.resize(200, 50);
    screen = await s.waitFor(drawnAt(200), 'the screen at 200 columns');
    expectBorderedRows(screen, 200, 50);
    expect(titles(screen)).toEqual(['Articles', 'Article', 'Inspector']);
    expect(screen).toContain('focus: body');
    s.send('q');
  }, 120_000);
});
