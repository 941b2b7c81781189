// A window closed as SIGHUP arrives: the terminal hangs up after the program took the signal but
// before Node's exit restores the terminal's saved modes (ResetStdio). Node 20 then aborts with
// SIGSEGV (139) instead of ending by SIGHUP (129): nodejs/node#51519, src/system/process-exit.ts.
// The probe holds its exit until the terminal has hung up, so the race is lost every time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { statusLine } from '../helpers/status-line.js';
import { TmuxSession } from './tmux.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const processExit = path.join(repo, 'dist', 'system', 'process-exit.js');

let session: TmuxSession | undefined;
afterEach(() => session?.close());

// Raw mode (modes for ResetStdio to restore), an 'exit' listener that waits until the terminal
// has hung up (isatty refuses it; ten seconds at most), then SIGHUP handled as the dashboard does.
const probe = (tag: string) => `
import tty from 'node:tty';
const { exitOnSignal } = await import(${JSON.stringify(processExit)});
process.stdin.setRawMode(true);
process.on('exit', () => {
  const end = Date.now() + 10_000;
  while (tty.isatty(1) && Date.now() < end) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
});
process.on('SIGHUP', () => exitOnSignal('SIGHUP'));
process.stdout.write('ready ${tag}\\n');
setInterval(() => {}, 1000);
`;

describe('a terminal that hangs up while the program exits on SIGHUP', () => {
  it('ends by SIGHUP (129), nothing on stderr, no abort', async () => {
    const s = new TmuxSession(80, 24, repo);
    session = s;
    const tag = `race-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const script = path.join(s.dir, `${tag}.mjs`);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-race-'));
    try {
      fs.writeFileSync(script, probe(tag));
      const status = path.join(out, 'status.txt');
      const stderr = path.join(out, 'stderr.txt');
      s.type(`trap "" HUP; node ${script} 2>${stderr}; echo "exit=$?" > ${status}`);
      s.send('Enter');
      await s.waitFor((screen) => screen.includes(`ready ${tag}`), 'the probe');
      const pid = Number(execFileSync('pgrep', ['-f', `${tag}.mjs`], { encoding: 'utf8' }).split('\n').find((line) => line.trim() !== ''));
      process.kill(pid, 'SIGHUP');
      // The probe is in its exit now, waiting for the terminal to go; close() takes the terminal away.
      await new Promise((r) => setTimeout(r, 200));
      s.close();
      session = undefined;
      expect(await statusLine(status, 15_000)).toBe('exit=129\n');
      expect(fs.readFileSync(stderr, 'utf8')).toBe('');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
