// The skeleton drawn by the CLI's entry before the CLI's own modules load (src/skeleton.ts drawEarlyFrame, src/early-frame.ts), in a
// real terminal: the entry's import of the CLI (cli-main.js) is held (hold-dashboard/, a module
// hook) and the skeleton must be on screen meanwhile; the dashboard then takes that terminal over
// without entering the alternate screen again. A broken config, found after the skeleton, and a
// Ctrl-C typed during the start both give the terminal back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, hasTmux, TmuxSession } from './tmux.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const hold = path.join(import.meta.dirname, 'hold-dashboard', 'register.mjs');
const ENTER_ALT_SCREEN = '\x1b[?1049h';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';

let session: TmuxSession | undefined;
let root: string;
let corpus: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-early-frame-'));
  corpus = path.join(root, 'news');
  fs.cpSync(path.join(repo, 'data', 'news'), corpus, { recursive: true });
});
afterEach(() => {
  session?.close();
  session = undefined;
  fs.rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

const skeleton = (t: string) => /╭─▶ Articles ─*╮/.test(t) && t.includes('press / to search') && /loading…\s+\? help/.test(t);
const loaded = (t: string) => t.includes('? help') && /Articles 1\/\d+/.test(t) && !/loading|finding files/.test(t);
const status = () => path.join(root, 'status.txt');

/**
 * Starts the CLI on the corpus with stdout on the terminal (the early frame's case) and the CLI's
 * import held until `release` exists; returns the session and a reader of every byte it drew.
 */
function start(release: string): { s: TmuxSession; stream: () => string } {
  if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
  const s = new TmuxSession(160, 30, repo, {
    XDG_CACHE_HOME: path.join(root, 'cache'),
    XDG_CONFIG_HOME: path.join(root, 'config'),
    XDG_STATE_HOME: path.join(root, 'state'),
    CNT_TEST_HOLD_CLI: release,
  });
  session = s;
  const stream = s.record();
  s.type(`node --import ${hold} ${cli} ${corpus}; echo "exit=$?" > ${status()}`);
  s.send('Enter');
  return { s, stream };
}

describe('the skeleton from the CLI entry, before the CLI loads', () => {
  it('is drawn while the CLI is held, and the dashboard takes the same terminal over', async () => {
    const release = path.join(root, 'release');
    const { s, stream } = start(release);
    const held = await s.waitFor(skeleton, 'the skeleton, with the CLI held');
    expect(held).not.toMatch(/Articles 1\//);
    fs.writeFileSync(release, '');
    await s.waitFor(loaded, 'the loaded list after the release');
    // One alternate screen, entered by the entry: the dashboard reused its terminal.
    expect(stream().split(ENTER_ALT_SCREEN).length - 1).toBe(1);
    s.send('q');
    expect(await s.waitForFile(status())).toBe('exit=130\n');
    const shell = await s.waitFor((t) => t.includes('$ ') && !t.includes('? help'), 'the shell back after q');
    expect(shell).not.toMatch(/╭/);
    expect(stream().split(LEAVE_ALT_SCREEN).length - 1).toBe(1);
  });

  it('a broken config found after the skeleton gives the terminal back, then prints one message naming file, line and key', async () => {
    const configFile = path.join(root, 'config', 'crypto-news-tui', 'config.toml');
    fs.mkdirSync(path.dirname(configFile), { recursive: true });
    fs.writeFileSync(configFile, 'sort = "date"\nmouse = tru\n');
    const release = path.join(root, 'release');
    const { s, stream } = start(release);
    await s.waitFor(skeleton, 'the skeleton, with the CLI held');
    fs.writeFileSync(release, '');
    expect(await s.waitForFile(status())).toBe('exit=2\n');
    const shell = await s.waitFor((t) => /exit=\$\?/.test(t) && /\n\$\s*$/.test(t), 'the shell back after the config error');
    const message = `${configFile}:2: "mouse"`;
    expect(shell.split('\n').filter((line) => line.includes('config.toml')).length).toBe(1);
    expect(shell.replace(/\n/g, '')).toContain(message);
    expect(shell).not.toMatch(/╭|loading…/);
    // The message came after the alternate screen was left (else it was drawn on it and lost).
    const bytes = stream();
    expect(bytes.indexOf(ENTER_ALT_SCREEN)).toBeGreaterThanOrEqual(0);
    expect(bytes.indexOf(LEAVE_ALT_SCREEN)).toBeGreaterThan(bytes.indexOf(ENTER_ALT_SCREEN));
    expect(bytes.indexOf('config.toml:2')).toBeGreaterThan(bytes.indexOf(LEAVE_ALT_SCREEN));
  });

  it('a Ctrl-C typed during the start exits with 130 and gives the terminal back', async () => {
    const release = path.join(root, 'release');
    const { s, stream } = start(release);
    await s.waitFor(skeleton, 'the skeleton, with the CLI held');
    s.send('C-c');
    fs.writeFileSync(release, '');
    expect(await s.waitForFile(status())).toBe('exit=130\n');
    const shell = await s.waitFor((t) => /\n\$\s*$/.test(t), 'the shell back after Ctrl-C');
    expect(shell).not.toMatch(/╭|loading…|\? help/);
    expect(stream().split(LEAVE_ALT_SCREEN).length - 1).toBe(1);
  });
});

// ink 6.8 imports es-toolkit/compat's index (~294 modules); through Node's ES module loader a start
// held ~300 files open at once and died with EMFILE under a limit of 64. ink is inside the CLI's
// bundle now (scripts/bundle.mjs inkPackages): the dashboard starts, answers and chooses.
describe('a low limit of open files', () => {
  it('starts the dashboard under `ulimit -n 64`, which answers typing and prints the choice', async () => {
    if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
    const s = new TmuxSession(120, 30, repo, { XDG_CACHE_HOME: path.join(root, 'cache'), XDG_CONFIG_HOME: path.join(root, 'config'), XDG_STATE_HOME: path.join(root, 'state') });
    session = s;
    const out = path.join(root, 'out.txt');
    s.type(`(ulimit -n 64; node ${cli} ${corpus} > ${out} 2> ${path.join(root, 'err.txt')}); echo "exit=$?" > ${status()}`);
    s.send('Enter');
    await s.waitFor(loaded, 'the dashboard under ulimit -n 64');
    s.type('/solana');
    await s.waitFor((t) => /Articles 1\/\d+/.test(t) && t.includes('query: solana'), 'the answer to "solana"');
    s.send('Enter');
    s.send('Enter');
    expect(await s.waitForFile(status())).toBe('exit=0\n');
    expect(fs.readFileSync(path.join(root, 'err.txt'), 'utf8')).toBe('');
    expect(fs.readFileSync(out, 'utf8')).toMatch(/solana[^\n]*\.md\n$/);
  });
});
