// The skeleton drawn by the CLI's entry before the CLI's own modules load (src/skeleton.ts drawEarlyFrame, src/early-frame.ts), in a
// real terminal: the entry's import of the CLI (cli-main.js) is held (hold-dashboard/, a module
// hook) and the skeleton must be on screen meanwhile; the dashboard then takes that terminal over
// without entering the alternate screen again. A broken config, found after the skeleton, and a
// Ctrl-C typed during the start both give the terminal back.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copiedCorpus, hasTmux, TmuxSession } from './tmux.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const hold = path.join(import.meta.dirname, 'hold-dashboard', 'register.mjs');
const ENTER_ALT_SCREEN = '\x1b[?1049h';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';

const copy = copiedCorpus('cnt-early-frame-');

// Drawn before the config is read, the entry's frame names no key: `[keys]` may have remapped `/` and `?`.
const skeleton = (t: string) => /╭─▶ Articles ─*╮/.test(t) && /loading…\s*$/m.test(t) && !/search|help/.test(t);
const loaded = (t: string) => t.includes('? help') && /(?:Articles|Stories) 1\/\d+/.test(t) && !/loading|finding files/.test(t);
const status = () => path.join(copy.root, 'status.txt');

/**
 * Starts the CLI on the corpus with stdout on the terminal (the early frame's case) and the CLI's
 * import held until `release` exists; returns the session and a reader of every byte it drew.
 */
function start(release: string): { s: TmuxSession; stream: () => string } {
  if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
  const s = new TmuxSession(160, 30, repo, {
    XDG_CACHE_HOME: path.join(copy.root, 'cache'),
    XDG_CONFIG_HOME: path.join(copy.root, 'config'),
    XDG_STATE_HOME: path.join(copy.root, 'state'),
    CNT_TEST_HOLD_CLI: release,
  });
  copy.session = s;
  const stream = s.record();
  s.type(`node --import ${hold} ${cli} ${copy.corpus}; echo "exit=$?" > ${status()}`);
  s.send('Enter');
  return { s, stream };
}

describe('the skeleton from the CLI entry, before the CLI loads', () => {
  it('is drawn while the CLI is held, and the dashboard takes the same terminal over', async () => {
    const release = path.join(copy.root, 'release');
    const { s, stream } = start(release);
    const held = await s.waitFor(skeleton, 'the skeleton, with the CLI held');
    expect(held).not.toMatch(/(?:Articles|Stories) 1\//);
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
    const configFile = path.join(copy.root, 'config', 'crypto-news-tui', 'config.toml');
    fs.mkdirSync(path.dirname(configFile), { recursive: true });
    fs.writeFileSync(configFile, 'sort = "date"\nmouse = tru\n');
    const release = path.join(copy.root, 'release');
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

  it('with `[keys]` remapping search and help, no frame ever names the default keys', async () => {
    // Found by a tester: the skeleton said `press / to search` for a moment with `/` remapped.
    const configFile = path.join(copy.root, 'config', 'crypto-news-tui', 'config.toml');
    fs.mkdirSync(path.dirname(configFile), { recursive: true });
    fs.writeFileSync(configFile, '[keys]\nstartSearch = ["s"]\nhelp = ["H"]\n');
    try {
      const release = path.join(copy.root, 'release');
      const { s, stream } = start(release);
      await s.waitFor(skeleton, 'the skeleton, with the CLI held');
      fs.writeFileSync(release, '');
      const screen = await s.waitFor((t) => /(?:Articles|Stories) 1\/\d+/.test(t) && t.includes('H help') && !/loading|finding files/.test(t), 'the loaded list');
      expect(screen).toContain('press s to search, H for help');
      s.send('q');
      expect(await s.waitForFile(status())).toBe('exit=130\n');
      // Every byte drawn, the skeleton's frames included.
      const bytes = stream();
      expect(bytes).toContain('press s to search');
      expect(bytes).not.toContain('press / to search');
      expect(bytes).not.toContain('? help');
    } finally {
      fs.rmSync(configFile);
    }
  });

  it('a Ctrl-C typed during the start exits with 130 and gives the terminal back', async () => {
    const release = path.join(copy.root, 'release');
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
    const s = new TmuxSession(120, 30, repo, { XDG_CACHE_HOME: path.join(copy.root, 'cache'), XDG_CONFIG_HOME: path.join(copy.root, 'config'), XDG_STATE_HOME: path.join(copy.root, 'state') });
    copy.session = s;
    const out = path.join(copy.root, 'out.txt');
    s.type(`(ulimit -n 64; node ${cli} ${copy.corpus} > ${out} 2> ${path.join(copy.root, 'err.txt')}); echo "exit=$?" > ${status()}`);
    s.send('Enter');
    await s.waitFor(loaded, 'the dashboard under ulimit -n 64');
    s.type('/solana');
    await s.waitFor((t) => /(?:Articles|Stories) 1\/\d+/.test(t) && t.includes('query: solana'), 'the answer to "solana"');
    s.send('Enter');
    s.send('Enter');
    expect(await s.waitForFile(status())).toBe('exit=0\n');
    expect(fs.readFileSync(path.join(copy.root, 'err.txt'), 'utf8')).toBe('');
    expect(fs.readFileSync(out, 'utf8')).toMatch(/solana[^\n]*\.md\n$/);
  });
});
