// A pane that leaves the screen and comes back has what it had, in a real terminal: the focus
// after a resize that left room for the list alone (the list kept it once the terminal grew
// again), and the body's scroll after the inspector had its place at 80 columns (the body came
// back at the article's top).
import stringWidth from 'string-width';
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
// The titles in the panes' top border row; the list's is `Articles`, or `Stories` once the stories fold its rows: one name here.
const titles = (screen: string): string[] => [...(screen.split('\n')[1] ?? '').matchAll(/╭─(?:▶ )?([A-Za-z]+)/g)].map((m) => (m[1] === 'Stories' ? 'Articles' : m[1]));
// The body pane's title: how far the article has been read.
const percent = (screen: string): number => Number(/Article · (\d+)%/.exec(screen.split('\n')[1] ?? '')?.[1] ?? NaN);
// The rows right of the list pane (the body or the inspector), without borders.
const rightPane = (screen: string): string => screen.split('\n').slice(2, -3).map((row) => row.split('││')[1]?.replace(/│$/, '').trimEnd() ?? '').join('\n');

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

  it('80x24: the body read down, i shows the inspector in its place, i again: the body is where it was read to', async () => {
    const s = start(80, 24);
    const first = await s.waitFor((t) => ready(t) && percent(t) < 100, 'the first article with its read position');
    s.send('Tab');
    await s.waitFor((t) => t.includes('focus: body'), 'the body focused');
    for (let i = 0; i < 6; i++) s.send('j');
    const read = await s.waitFor((t) => percent(t) > percent(first) && t.includes('focus: body'), 'the body scrolled');
    // Still the same article when the six moves are all in: wait for the title to stop moving.
    const at = await s.waitFor((t) => percent(t) === percent(read) && rightPane(t) === rightPane(read), 'the scroll settled');

    s.send('i');
    await s.waitFor((t) => t.includes('focus: inspector') && t.split('\n')[1].includes('Inspector'), 'the inspector in the body\'s place');
    s.send('i');
    const back = await s.waitFor((t) => t.includes('focus: body') && /Article · \d+%/.test(t.split('\n')[1]), 'the body back');
    expectBorderedRows(back, 80, 24);
    expect(percent(back)).toBe(percent(at));
    expect(rightPane(back)).toBe(rightPane(at));

    // The same through Tab: body -> inspector (in the place) -> list; `i` puts the body back in
    // the place and Tab focuses it (from the list, Tab focuses the pane on screen).
    s.send('Tab');
    await s.waitFor((t) => t.includes('focus: inspector'), 'the inspector by Tab');
    s.send('Tab');
    await s.waitFor((t) => t.includes('focus: list'), 'the list by Tab');
    s.send('i');
    await s.waitFor((t) => t.includes('focus: list') && /Article · \d+%/.test(t.split('\n')[1]), 'the body back in the place');
    s.send('Tab');
    const again = await s.waitFor((t) => t.includes('focus: body') && /Article · \d+%/.test(t.split('\n')[1]), 'the body by Tab');
    expect(percent(again)).toBe(percent(at));
    expect(rightPane(again)).toBe(rightPane(at));
    s.send('q');
  }, 120_000);

  it('80x24: i, then Tab focuses the inspector on screen; j Enter there folds a row and the program runs on', async () => {
    // Found by a tester: Tab after `i` swapped the body back and focused it, and the Enter meant
    // for the inspector chose the article (the program printed its path and ended).
    const s = start(80, 24);
    await s.waitFor(ready, 'the dashboard');
    s.send('i');
    await s.waitFor((t) => t.includes('focus: list') && titles(t).includes('Inspector'), 'the inspector in the body\'s place');
    s.send('Tab');
    await s.waitFor((t) => t.includes('focus: inspector') && titles(t).includes('Inspector'), 'the inspector focused by Tab');
    const before = s.screen();
    s.send('j');
    s.send('Enter');
    const after = await s.waitFor((t) => t.includes('focus: inspector') && rightPane(t) !== rightPane(before) && /[▸▾]/.test(rightPane(t)), 'a row of the inspector moved to and folded or unfolded');
    expectBorderedRows(after, 80, 24);
    expect(titles(after)).toEqual(['Articles', 'Inspector']);
    s.send('q');
  }, 120_000);
});

describe('z: the list alone', () => {
  it.each([[80, 24], [200, 50]])('at %dx%d: z gives the list the whole width (its titles longer), z again brings the panes back', async (width, height) => {
    const s = start(width, height);
    // The rows may come a frame after the status line: waited for too.
    let screen = await s.waitFor((t) => ready(t) && /^│▶/m.test(t), 'the dashboard');
    const panes = titles(screen);
    expect(panes.length).toBeGreaterThan(1);
    // The list's first row before: cut to the list's half or third of the width.
    const firstRow = (t: string): string => t.split('\n').find((l) => l.startsWith('│▶'))!.split('│')[1];
    const narrow = firstRow(screen);
    s.send('z');
    screen = await s.waitFor((t) => titles(t).length === 1 && t.includes('zoomed') && /^│▶/m.test(t), 'the list alone');
    // Every pane row the terminal's width (an emoji in a title takes two columns), one pane's borders at its ends.
    for (const row of screen.split('\n').slice(1, height - 2)) {
      expect(stringWidth(row), row).toBe(width);
      expect(row, row).not.toMatch(/││|╮╭|╯╰/);
    }
    expect(stringWidth(firstRow(screen))).toBe(width - 2);
    expect(firstRow(screen).trimEnd().length).toBeGreaterThan(narrow.trimEnd().length);
    s.send('z');
    screen = await s.waitFor((t) => titles(t).length === panes.length, 'the panes back');
    expect(titles(screen)).toEqual(panes);
    s.send('q');
  });
});
