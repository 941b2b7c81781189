// Counts a tester found wrong, in a real terminal on the bundled corpus: the list's title counted
// articles while the cursor moved over story rows (`Articles 12/75` on the 8th row, `G` on
// `75/75` of fewer rows); the start's `N new` counted hidden drafts (`78 new` beside a list of 75);
// the pulse's facets row showed only sources at 200 and 250 columns.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, startCli, type Started } from './tmux.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const data = path.join(repo, 'data');
let started: Started | undefined;
let home: string | undefined;
afterEach(() => {
  started?.s.close();
  if (home) fs.rmSync(home, { recursive: true, force: true });
});

// A fresh cache and config for each run (the reading state is the session's own: TmuxSession).
function start(width: number, args: string): Started {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-counts-'));
  started = startCli(width, 30, args, { XDG_CACHE_HOME: path.join(home, 'cache'), XDG_CONFIG_HOME: path.join(home, 'config') });
  return started;
}

// The list pane's title text (`Stories 8/70 · 75 articles`), from the screen's second line.
const title = (screen: string): string => /▶ ((?:Articles|Stories) [^─]+)/.exec(screen.split('\n')[1] ?? '')?.[1].trim() ?? '';

describe('counts on the bundled corpus', () => {
  it('the title counts the rows moved through, with the articles beside them', async () => {
    const { s, status } = start(120, data);
    await s.waitFor((t) => t.includes('? help') && /Stories 1\/\d+ · \d+ articles/.test(title(t)), 'the list of stories');
    s.send('g');
    for (let i = 0; i < 7; i++) s.send('j');
    const eighth = await s.waitFor((t) => /^Stories 8\//.test(title(t)), 'the 8th row');
    const [, rows, articles] = /Stories 8\/(\d+) · (\d+) articles/.exec(title(eighth))!;
    expect(Number(rows)).toBeLessThan(Number(articles));
    s.send('G');
    await s.waitFor((t) => title(t) === `Stories ${rows}/${rows} · ${articles} articles`, 'the last row: the row total');
    s.send('q');
    expect(await s.waitForFile(status)).toBe('exit=130\n');
  }, 60_000);

  it('N new counts what is:new lists: the drafts hidden are not new', async () => {
    const small = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-new-'));
    fs.writeFileSync(path.join(small, 'one.md'), '---\ntitle: "One"\ndate: 2025-01-01T00:00:00Z\n---\n\nBody.\n');
    try {
      const { s, status } = start(120, small);
      await s.waitFor((t) => t.includes('? help') && t.includes('One'), 'the first session');
      s.send('q');
      await s.waitForFile(status);
      fs.rmSync(status);
      s.type(`node ${cli} ${data} > /dev/null; echo "exit=$?" > ${status}`);
      s.send('Enter');
      const screen = await s.waitFor((t) => / new since /.test(t), 'the N new notice');
      const [, listed, all, fresh] = /([\d,]+)\/([\d,]+) · [\d,]+ unread · ([\d,]+) new since/.exec(screen)!;
      // The bundled corpus hides drafts: fewer listed than in the folder, and as many new as listed.
      expect(Number(listed)).toBeLessThan(Number(all));
      expect(fresh).toBe(listed);
      s.send('q');
    } finally {
      fs.rmSync(small, { recursive: true, force: true });
    }
  }, 60_000);

  it.each([200, 250])('at %d columns the facets row shows sources, tags and coins, with the inspector open or hidden', async (width) => {
    const { s } = start(width, data);
    const facets = (t: string): string => t.split('\n').find((l) => l.startsWith('│src ')) ?? '';
    const open = await s.waitFor((t) => t.includes('? help') && t.includes('Inspector') && facets(t) !== '', 'the facets row');
    expect(facets(open)).toMatch(/^│src .+ │ tag .+ │ coin [A-Z]+ \d+/);
    s.send('i');
    const hidden = await s.waitFor((t) => !t.includes('Inspector') && facets(t) !== '', 'the inspector hidden');
    expect(facets(hidden)).toMatch(/^│src .+ │ tag .+ │ coin [A-Z]+ \d+/);
    s.send('q');
  }, 60_000);
});
