// What a new user sees at 80x24: help that pages instead of cutting every entry to a word, and a
// status message (what `y` copied) cut short rather than dropped from the status line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, TmuxSession } from './tmux.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');

let session: TmuxSession | undefined;
let home: string | undefined;
afterEach(() => {
  session?.close();
  if (home) fs.rmSync(home, { recursive: true, force: true });
});

function start(): TmuxSession {
  if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-overlays-'));
  const env = { XDG_CONFIG_HOME: path.join(home, 'config'), XDG_STATE_HOME: path.join(home, 'state'), XDG_CACHE_HOME: path.join(home, 'cache') };
  const s = new TmuxSession(80, 24, repo, env);
  session = s;
  s.type(`node ${cli}; echo "exit=$?"`);
  s.send('Enter');
  return s;
}

// Loaded: a count of at least one article, not the `0/0 · finding files…` of a start still loading
// (a key pressed then acts on an empty list: `y` says "nothing to copy").
const ready = (screen: string): boolean => screen.includes('? help') && /\b[1-9][\d,]*\/[\d,]+/.test(screen) && !/finding files|loading/.test(screen);

describe('overlays and the status line at 80x24', () => {
  it('? pages through whole help entries with Space; any other key closes it', async () => {
    const s = start();
    await s.waitFor(ready, 'the dashboard');
    s.type('?');
    const first = await s.waitFor((t) => /Keys — press any key to close · page 1\/\d+/.test(t), 'help page 1');
    const pages = Number(/page 1\/(\d+)/.exec(first)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(first).toContain('next row / scroll down');
    s.send('Space');
    const second = await s.waitFor((t) => t.includes(`page 2/${pages}`), 'help page 2');
    expect(second).not.toContain('next row / scroll down');
    s.type('x');
    await s.waitFor((t) => !t.includes('Keys —') && ready(t), 'help to close');
    s.type('q');
    await s.waitFor((t) => t.includes('exit=130'), 'the exit');
  });

  it('y says what it copied, cut to the status line rather than dropped', async () => {
    const s = start();
    await s.waitFor(ready, 'the dashboard');
    s.type('/coin:sol');
    s.send('Enter');
    // The list's count, not just the typed query: `y` must land once coin:sol's results are in.
    await s.waitFor((t) => /coin:sol/.test(t) && /(?:Articles|Stories) 1\/[1-9]/.test(t) && ready(t), 'the narrowed list');
    s.tmux('set-option', '-s', 'set-clipboard', 'on');
    s.type('y');
    const copied = await s.waitFor((t) => t.split('\n').some((l) => /^\S.*copied by OSC 52: /.test(l)), 'the copy message');
    expect(copied).toMatch(/copied by OSC 52: (https:\/\/news\.example\.com|\S*data\/news)/);
    s.type('q');
    await s.waitFor((t) => t.includes('exit=130'), 'the exit');
  });
});
