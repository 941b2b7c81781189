// The dashboard in a real pseudo-terminal (tmux): open, navigate, search, choose, cancel,
// resize, and check the screen, stdout and the exit code, and that the prompt comes back clean.
import fs from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, hasTmux, startCli, TmuxSession } from './tmux.js';

const repo = path.resolve(import.meta.dirname, '..', '..');

let session: TmuxSession | undefined;
afterEach(() => session?.close());

function start(width: number, height: number, args = '', env: Record<string, string> = {}) {
  const started = startCli(width, height, args, env);
  session = started.s;
  return started;
}

const ready = (screen: string) => screen.includes('? help') && /\d+\/\d+/.test(screen);

/** Starts the dashboard at 80x24, runs `keys` once it is ready, then Enter (`enters` times); gives what it printed (exit 0). */
async function chooseAfter(keys: (s: TmuxSession, first: string) => Promise<void>, enters = 1): Promise<string> {
  const { s, out, status } = start(80, 24);
  const first = await s.waitFor(ready, 'the dashboard');
  await keys(s, first);
  for (let i = 0; i < enters; i++) s.send('Enter');
  expect(await s.waitForFile(status)).toBe('exit=0\n');
  const article = fs.readFileSync(out, 'utf8');
  s.close();
  return article;
}

function expectFits(screen: string, width: number, height: number) {
  const lines = screen.split('\n');
  expect(lines.length).toBeLessThanOrEqual(height + 1);
  for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
}

async function expectCleanPrompt(s: TmuxSession) {
  const screen = await s.waitFor((text) => /\$ *$/.test(text.trimEnd()), 'the shell prompt');
  expect(screen).not.toContain('? help');
}

describe('dashboard in a real terminal', () => {
  it('80x24: browse, search /bitfarms, choose with Enter -> path on stdout, exit 0, clean prompt', async () => {
    const { s, out, status } = start(80, 24);
    const first = await s.waitFor(ready, 'the dashboard');
    expectFits(first, 80, 24);

    s.send('j');
    s.send('j');
    s.send('k');
    s.type('/');
    s.type('bitfarms');
    const listed = await s.waitFor((t) => t.includes('Bitfarms') && /1\/\d+/.test(t), 'the search result');
    expectFits(listed, 80, 24);
    // The list answers first; the selected article's body follows in a frame of its own.
    const found = await s.waitFor((t) => t.includes('Bitfarms') && /1\/\d+/.test(t) && /Wind Down/i.test(t.split('\n').map((l) => l.slice(40)).join('\n')), 'the article body');
    expectFits(found, 80, 24);
    expect(found).toMatch(/negative/i);
    s.send('Enter');
    s.send('Enter');

    expect(await s.waitForFile(status)).toBe('exit=0\n');
    expect(fs.readFileSync(out, 'utf8')).toBe('data/news/bitfarms-wind-down.md\n');
    await expectCleanPrompt(s);
  });

  it("80x24: the body pane's title shows how far the article has been read, 100% at its end", async () => {
    const { s } = start(80, 24);
    const percent = (t: string): number => Number(/Article · (\d+)%/.exec(t.split('\n')[1] ?? '')?.[1] ?? NaN);
    // The first article, taller than the pane: its top shows a position below 100%.
    const top = await s.waitFor((t) => ready(t) && percent(t) < 100, 'the first article with its read position');
    expectFits(top, 80, 24);
    const at = percent(top);
    s.send('Tab');
    await s.waitFor((t) => /▶ Article · \d+%/.test(t), 'body focus');
    s.send('PgDn');
    const paged = await s.waitFor((t) => percent(t) > at, 'the position after PgDn');
    expectFits(paged, 80, 24);
    s.send('G');
    const end = await s.waitFor((t) => percent(t) === 100, 'the end of the article');
    expectFits(end, 80, 24);
    expect(end.split('\n')[1]).toContain('▶ Article · 100%');
    s.send('q');
  });

  it('Enter right after j chooses the row j reached, as Enter after a pause does', async () => {
    // j's rows are drawn as it is read and React takes the move a moment later: a key in
    // between must act on the moved cursor, not on the one before it.
    const chosen = (pause: boolean) =>
      chooseAfter(async (s, first) => {
        // The title reads `Stories N/…` once the stories fold the rows, `Articles N/…` before.
        const position = Number(/(?:Articles|Stories) (\d+)\//.exec(first)?.[1]);
        s.send('j');
        if (pause) await s.waitFor((t) => Number(/(?:Articles|Stories) (\d+)\//.exec(t)?.[1]) > position, 'the moved cursor');
      });
    const atOnce = await chosen(false);
    const afterPause = await chosen(true);
    expect(atOnce).toMatch(/\.md\n/);
    expect(atOnce).toBe(afterPause);
    // And it is not the first row's article: the move was not lost.
    expect(await chooseAfter(async () => {})).not.toBe(atOnce);
  });

  it('letters typed one by one and Enter at once choose what they choose after a pause', async () => {
    // Each letter's search line and rows are drawn as it is read and React takes it a moment
    // later: letters and Enter in between must act on the query typed so far, in order.
    const chosen = (pause: boolean) =>
      chooseAfter(async (s) => {
        s.type('/');
        for (const letter of 'bitfarm') s.type(letter);
        if (pause) await s.waitFor((t) => t.includes('Bitfarms') && /1\/1\b/.test(t), 'the search result');
      }, 2);
    const atOnce = await chosen(false);
    expect(atOnce).toBe('data/news/bitfarms-wind-down.md\n');
    expect(await chosen(true)).toBe(atOnce);
  });

  it('q cancels with exit 130 and writes nothing to stdout', async () => {
    const { s, out, status } = start(80, 24);
    await s.waitFor(ready, 'the dashboard');
    s.send('q');
    expect(await s.waitForFile(status)).toBe('exit=130\n');
    expect(fs.readFileSync(out, 'utf8')).toBe('');
    await expectCleanPrompt(s);
  });

  it('Enter with no match ends with exit 1 and an empty stdout', async () => {
    const { s, out, status } = start(80, 24);
    await s.waitFor(ready, 'the dashboard');
    s.type('/zzqxqzz');
    await s.waitFor((t) => t.includes('no matches'), 'the empty result');
    s.send('Enter');
    s.send('Enter');
    expect(await s.waitForFile(status)).toBe('exit=1\n');
    expect(fs.readFileSync(out, 'utf8')).toBe('');
    await expectCleanPrompt(s);
  });

  it('Ctrl-C cancels with exit 130', async () => {
    const { s, status } = start(80, 24);
    await s.waitFor(ready, 'the dashboard');
    s.send('C-c');
    expect(await s.waitForFile(status)).toBe('exit=130\n');
    await expectCleanPrompt(s);
  });

  it('200x50 shows three panes; the inspector shows front matter; resizing redraws to the new size', async () => {
    const { s, status } = start(200, 50);
    const wide = await s.waitFor(ready, 'the dashboard');
    expectFits(wide, 200, 50);
    s.type('/bitfarms');
    // The list moves first and the body and inspector follow (the cursor never waits for them):
    // wait for the inspector of the article found, not of the one selected before.
    // The article before it (Anchorline) is negative and has a coverImage too: wait for the title.
    const found = await s.waitFor((t) => t.includes('title: Bitfarms') && t.includes('coverImage') && t.includes('sentiment: NEGATIVE'), 'the inspector of the article found');
    expect(found).toMatch(/title: Bitfarms/);
    s.send('Escape');

    s.resize(80, 24);
    const narrow = await s.waitFor((t) => ready(t) && t.split('\n').every((l) => stringWidth(l) <= 80), 'the redraw at 80x24');
    expectFits(narrow, 80, 24);
    s.send('q');
    expect(await s.waitForFile(status)).toMatch(/^exit=(130)\n$/);
  });

  it('drawing on /dev/tty (stdout redirected), growing the terminal redraws at the new size', async () => {
    const { s, status } = start(80, 24);
    await s.waitFor(ready, 'the dashboard');
    s.resize(160, 40);
    const wide = await s.waitFor((t) => ready(t) && t.split('\n').some((l) => stringWidth(l) > 100), 'the redraw at 160x40');
    expectFits(wide, 160, 40);
    expect(wide.split('\n').filter((l) => l.trim() !== '').length).toBeGreaterThan(30);
    s.send('q');
    expect(await s.waitForFile(status)).toMatch(/^exit=(130)\n$/);
  });

  it('draws on the terminal when stdout is a pipe; --print json sends only JSON down the pipe', async () => {
    if (!hasTmux()) throw new Error('tmux is required');
    const s = new TmuxSession(100, 30, repo, { NO_COLOR: '1' });
    session = s;
    const out = path.join(s.dir, 'out.json');
    const status = path.join(s.dir, 'status.txt');
    s.type(`node ${cli} -p json -q bitfarms | cat > ${out}; echo "exit=\${PIPESTATUS[0]}" > ${status}`);
    s.send('Enter');
    await s.waitFor((t) => ready(t) && t.includes('Bitfarms'), 'the dashboard drawn on /dev/tty');
    s.send('Enter');
    expect(await s.waitForFile(status)).toBe('exit=0\n');
    const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]).title).toMatch(/^Bitfarms Will 'Wind Down'/);
  });
  it('draws no colour at all with theme = "mono", the colours of the coins included', async () => {
    if (!hasTmux()) throw new Error('tmux is required');
    const s = new TmuxSession(120, 30, repo);
    session = s;
    const config = path.join(s.dir, 'mono.toml');
    fs.writeFileSync(config, 'theme = "mono"\n');
    const status = path.join(s.dir, 'status.txt');
    s.type(`node ${cli} --config ${config} -q btc; echo "exit=$?" > ${status}`);
    s.send('Enter');
    await s.waitFor((t) => ready(t) && / BTC/.test(t), 'the dashboard with its coin chips');
    const drawn = s.tmux('capture-pane', '-p', '-e', '-t', 'main');
    // SGR parameters that set a colour: 30-37/90-97 and 40-47/100-107, or 38;/48; (256 colours, RGB).
    const colours = [...drawn.matchAll(/\x1b\[([0-9;]*)m/g)].flatMap((m) => m[1].split(';')).filter((p) => /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(p));
    expect(colours).toEqual([]);
    s.send('q');
    expect(await s.waitForFile(status)).toBe('exit=130\n');
  });
  it('s pressed twice in one read of the terminal moves the sort two steps, as two presses apart do', async () => {
    if (!hasTmux()) throw new Error('tmux is required');
    const s = new TmuxSession(120, 30, repo, { NO_COLOR: '1' });
    session = s;
    const status = path.join(s.dir, 'status.txt');
    s.type(`node ${cli}; echo "exit=$?" > ${status}`);
    s.send('Enter');
    await s.waitFor((t) => ready(t) && t.includes('sort: date'), 'the dashboard sorted by date');
    // One write of two keys: the second comes before the first one's results.
    s.type('ss');
    await s.waitFor((t) => t.includes('sort: score'), 'date -> title -> score');
    s.send('q');
    expect(await s.waitForFile(status)).toBe('exit=130\n');
  });
});
