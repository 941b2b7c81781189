// Ways out of the dashboard that are not the user's choice: SIGTERM and SIGHUP (exit 143 and 129)
// and an internal error. Each must give the terminal back — alternate screen off, cursor shown,
// title and colours untouched, a clean prompt — and an error must read as one short line.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanPrompt, observableSession, paneState, plainAfterwards, UNTOUCHED } from './pane-state.js';
import type { TmuxSession } from './tmux.js';
import { statusLine } from '../helpers/status-line.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');

let session: TmuxSession | undefined;
afterEach(() => session?.close());

const ready = (screen: string) => screen.includes('? help') && /\d+\/\d+/.test(screen);

/** Starts the dashboard with a unique query so its process can be found by its arguments. */
async function startDashboard() {
  const s = observableSession(100, 30, repo);
  session = s;
  const tag = `sig-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const status = path.join(s.dir, 'status.txt');
  s.type(`XDG_CACHE_HOME=${path.join(s.dir, 'cache')} node ${cli} -q ${tag}; echo "exit=$?" > ${status}`);
  s.send('Enter');
  await s.waitFor(ready, 'the dashboard');
  return { s, tag, status };
}

/** The pid of the one node process running the CLI with `tag` among its arguments. */
function pidOf(tag: string): number {
  const out = execFileSync('pgrep', ['-f', tag], { encoding: 'utf8' });
  const pids = out
    .split('\n')
    .filter(Boolean)
    .map(Number)
    .filter((pid) => {
      try {
        // The program itself, not a shell whose command line names it.
        const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return path.basename(argv[0]) === 'node' && argv.some((arg) => arg.endsWith('cli.js'));
      } catch {
        return false;
      }
    });
  expect(pids).toHaveLength(1);
  return pids[0];
}

async function expectRestored(s: TmuxSession) {
  const screen = await cleanPrompt(s);
  expect(screen).not.toMatch(/(?:Articles|Stories) \d+\/\d+|Inspector/);
  expect(paneState(s)).toEqual(UNTOUCHED);
  expect(await plainAfterwards(s)).toBe('after-the-program');
  return screen;
}

describe('signals and errors restore the terminal', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s: exit %d, alternate screen left, cursor visible, clean prompt', async (signal, code) => {
    const { s, tag, status } = await startDashboard();
    // The dashboard is on the alternate screen with the cursor hidden before the signal.
    expect(paneState(s)).toMatchObject({ alternateScreen: true, cursorVisible: false });
    process.kill(pidOf(tag), signal);
    expect(await s.waitForFile(status)).toBe(`exit=${code}\n`);
    const screen = await expectRestored(s);
    expect(screen).not.toContain('internal error');
  });

  // A closed window or a dropped ssh session: the terminal hangs up; SIGHUP comes, or first a read
  // or write that fails with EIO. Node 20's process.exit then aborts restoring the dead terminal's
  // modes (an assertion, a native stack trace, a SIGSEGV: nodejs/node#51519) unless the program
  // points those descriptors elsewhere first (src/system/process-exit.ts). A wrapper that ignores
  // the hang-up outlives the terminal to record how the program ended and what it wrote to stderr.
  // Under nohup with stdout redirected the dashboard draws on a /dev/tty of its own: a read or
  // write failing with EIO there is the hang-up too (129), not an internal error, though no stdio
  // descriptor is on the dead terminal.
  it.each([
    { how: 'on stdio', run: '', redirect: () => '', stderrBefore: '' },
    { how: 'on a /dev/tty of its own (nohup, stdout redirected)', run: 'nohup ', redirect: (dir: string) => ` >${path.join(dir, 'stdout.txt')}`, stderrBefore: 'nohup: ignoring input\n' },
  ])('the terminal hangs up under a dashboard $how: the program ends by SIGHUP (129), nothing on stderr, no abort', async ({ run, redirect, stderrBefore }) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-hangup-'));
    try {
      const s = observableSession(100, 30, repo);
      session = s;
      const tag = `hup-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
      const status = path.join(out, 'status.txt');
      const stderr = path.join(out, 'stderr.txt');
      // The pane's shell ignores the hang-up itself, so it passes no SIGHUP on: the program's only
      // news of it is the EIO of its next read or write.
      s.type(`trap "" HUP; XDG_CACHE_HOME=${path.join(out, 'cache')} XDG_STATE_HOME=${path.join(out, 'state')} ${run}node ${cli} -q ${tag}${redirect(out)} 2>${stderr}; echo "exit=$?" > ${status}`);
      s.send('Enter');
      await s.waitFor(ready, 'the dashboard');
      const pid = pidOf(tag);
      s.close();
      session = undefined;
      expect(await statusLine(status, 10_000)).toBe('exit=129\n');
      expect(fs.readFileSync(stderr, 'utf8')).toBe(stderrBefore);
      expect(fs.existsSync(`/proc/${pid}`) && !fs.readFileSync(`/proc/${pid}/status`, 'utf8').includes('zombie')).toBe(false);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  // ink 6.8 throws inside its own input handler on a modified function key it has no name for
  // (Ctrl+F1 is ESC[1;5P; vadimdemedes/ink#901, fixed only in ink 7). The dashboard guards against
  // it (src/ui/input/use-input-guard.ts): the key is ignored and the program keeps answering. The fatal
  // path itself (restore first, then one line) is tested in tests/fatal.test.ts.
  it('a key ink 6.8 cannot name (Ctrl+F1) is ignored, not fatal', async () => {
    const { s, status } = await startDashboard();
    s.send('C-F1');
    await new Promise((r) => setTimeout(r, 300));
    expect(fs.existsSync(status)).toBe(false);
    s.send('q');
    expect(await s.waitForFile(status)).toBe('exit=130\n');
    const screen = await expectRestored(s);
    expect(screen).not.toContain('internal error');
  });
});
