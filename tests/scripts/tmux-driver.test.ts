// The key-to-screen bench's control-mode driver (scripts/bench/tmux-driver.mjs) against a real
// tmux server: a pane keeps its size with the client attached, literal keys arrive unchanged,
// captures come back as a tmux client prints them, a pane's writes are counted, errors reject.
import { execFileSync, spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script of the bench, without type declarations.
import { controlDriver, spawnDriver } from '../../scripts/bench/tmux-driver.mjs';
import { hasTmux } from '../e2e/tmux.js';

type Driver = {
  run: (...args: string[]) => Promise<string>;
  capture: (target: string, pane: string) => Promise<{ text: string; mark: number }>;
  written: (pane: string, mark: number, ms: number) => Promise<void>;
  close: () => void;
};

// A server per test: a new one on a socket whose server is still exiting would fail to start.
let tests = 0;
let socket = '';
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
let driver: Driver | undefined;
afterEach(() => {
  driver?.close();
  driver = undefined;
  spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
});

/** A session `t` whose second window runs `cat` on a raw terminal (what it reads it writes back). */
function start(): string {
  if (!hasTmux()) throw new Error('tmux is required for the bench driver test (.ci/run installs it)');
  socket = `cnt-driver-test-${process.pid}-${++tests}`;
  tmux('new-session', '-d', '-s', 't', '-n', 'idle', '-x', '120', '-y', '40', 'cat');
  tmux('new-window', '-d', '-t', 't', '-n', 'echo', "stty raw -echo; exec cat");
  return tmux('display-message', '-p', '-t', 't:echo', '#{pane_id}').trim();
}

/** Captures until `ok` holds (a pane's program answers in its own time); the last capture. */
async function until(d: Driver, pane: string, ok: (text: string) => boolean): Promise<string> {
  for (let i = 0; i < 400; i++) {
    const { text, mark } = await d.capture('t:echo', pane);
    if (ok(text)) return text;
    await d.written(pane, mark, 50);
  }
  throw new Error('the pane never showed what was sent');
}

describe('controlDriver', () => {
  it('keeps the pane at its size, sends literal text unchanged and counts the pane writes', async () => {
    const pane = start();
    driver = (await controlDriver(socket, 't')) as Driver;
    const d = driver;
    expect((await d.run('display-message', '-p', '-t', 't:echo', '#{pane_width}x#{pane_height}')).trim()).toBe('120x40');
    const before = (await d.capture('t:echo', pane)).mark;
    // What tmux's parser would expand or split, and box drawing (replies are UTF-8).
    const sent = `$HOME "q" \\ ; ~ #{pane_id} ╭─▶ é`;
    await d.run('send-keys', '-t', 't:echo', '-l', sent);
    const text = await until(d, pane, (t) => t.includes(sent));
    expect(text.split('\n')[0]).toBe(sent);
    // A tmux client prints every captured line with its newline, 40 rows.
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(41);
    expect((await d.capture('t:echo', pane)).mark).toBeGreaterThan(before);
    expect((await d.run('display-message', '-p', '-t', 't:echo', '#{pane_width}x#{pane_height}')).trim()).toBe('120x40');
  });

  it('captures the same text as a tmux process does', async () => {
    const pane = start();
    driver = (await controlDriver(socket, 't')) as Driver;
    await driver.run('send-keys', '-t', 't:echo', '-l', 'same ╰─╯');
    const text = await until(driver, pane, (t) => t.includes('same'));
    expect(text).toBe((await (spawnDriver(socket) as Driver).capture('t:echo', pane)).text);
  });

  it("rejects a command tmux refuses, with tmux's message, and goes on answering", async () => {
    start();
    driver = (await controlDriver(socket, 't')) as Driver;
    await expect(driver.run('capture-pane', '-p', '-t', 't:nowhere')).rejects.toThrow(/can't find window/);
    expect((await driver.run('display-message', '-p', 'still here')).trim()).toBe('still here');
  });

  it('rejects commands once the server is gone', async () => {
    start();
    driver = (await controlDriver(socket, 't')) as Driver;
    spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
    await expect(driver.run('display-message', '-p', 'x')).rejects.toThrow(/control client/);
  });
});
