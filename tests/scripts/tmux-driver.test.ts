// The key-to-screen bench's control-mode driver (scripts/bench/tmux-driver.mjs) against a real
// tmux server: a pane keeps its size with the client attached, literal keys arrive unchanged,
// captures come back as a tmux client prints them, a pane's writes are counted and timed, errors
// reject. And against a scripted stand-in for tmux: a write notified after a capture's reply is
// not counted for that capture.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script of the bench, without type declarations.
import { controlDriver, spawnDriver } from '../../scripts/bench/tmux-driver.mjs';
import { hasTmux } from '../e2e/tmux.js';

type Driver = {
  run: (...args: string[]) => Promise<string>;
  capture: (target: string, pane: string) => Promise<{ text: string; mark: number; wroteAt: number | null }>;
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

  it("gives a capture the time its pane's last write was notified", async () => {
    const pane = start();
    driver = (await controlDriver(socket, 't')) as Driver;
    const d = driver;
    const before = await d.capture('t:echo', pane);
    const sent = performance.now();
    await d.run('send-keys', '-t', 't:echo', '-l', 'timed');
    let shown = before;
    for (let i = 0; i < 400 && !shown.text.includes('timed'); i++) {
      await d.written(pane, shown.mark, 50);
      shown = await d.capture('t:echo', pane);
    }
    const back = performance.now();
    expect(shown.text).toContain('timed');
    expect(shown.mark).toBeGreaterThan(before.mark);
    // The echo's write was notified after the key went and before the capture that shows it returned.
    expect(shown.wroteAt).toBeGreaterThanOrEqual(sent);
    expect(shown.wroteAt).toBeLessThanOrEqual(back);
  });

  it('captures the same text as a tmux process does', async () => {
    const pane = start();
    driver = (await controlDriver(socket, 't')) as Driver;
    await driver.run('send-keys', '-t', 't:echo', '-l', 'same ╰─╯');
    // Until the whole line is there: `cat` may echo it in more than one write, and a capture taken
    // between them ("same " alone) is not the screen the second capture below is taken of.
    const text = await until(driver, pane, (t) => t.includes('same ╰─╯'));
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

// A stand-in `tmux` on PATH: answers the attach and each command line with a reply block, and
// after a capture's reply writes a pane notification in the same write (as a real server may when
// the pane's program writes right after the capture ran).
const FAKE_TMUX = `#!/usr/bin/env node
let n = 0;
const block = (flags, lines) => { n += 1; return ['%begin 1 ' + n + ' ' + flags, ...lines, '%end 1 ' + n + ' ' + flags, ''].join('\\n'); };
process.stdout.write(block(0, []));
let rest = '';
process.stdin.setEncoding('utf8').on('data', (chunk) => {
  const lines = (rest + chunk).split('\\n');
  rest = lines.pop();
  for (const line of lines) {
    if (line === '') process.exit(0);
    if (line.startsWith('capture-pane')) process.stdout.write(block(1, ['screen']) + '%output %7 late\\n');
    else process.stdout.write(block(1, ['ready']));
  }
});
`;

describe('controlDriver, scripted', () => {
  it("counts a capture's writes at its reply: a write notified after it in the same chunk is not on its screen", async () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-fake-tmux-'));
    fs.writeFileSync(path.join(bin, 'tmux'), FAKE_TMUX, { mode: 0o755 });
    const saved = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${saved}`;
    try {
      driver = (await controlDriver('unused', 't')) as Driver;
    } finally {
      process.env.PATH = saved;
    }
    const d = driver;
    const first = await d.capture('t:x', '%7');
    expect(first).toEqual({ text: 'screen\n', mark: 0, wroteAt: null });
    // The late write came: a wait for a write after the first capture ends on it (not on its bound,
    // which is past the test's own timeout).
    await d.written('%7', first.mark, 600_000);
    const second = await d.capture('t:x', '%7');
    expect(second.mark).toBe(1);
    expect(typeof second.wroteAt).toBe('number');
    fs.rmSync(bin, { recursive: true, force: true });
  });
});
