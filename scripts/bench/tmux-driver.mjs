// How the key-to-screen bench talks to its private tmux server while it times keys. Two drivers
// with one shape:
// - `controlDriver` (the measure): one control-mode client (`tmux -C attach`) held open for the
//   run; a command is a line on its stdin and its reply a block on its stdout, a round trip on a
//   pipe (a fraction of a millisecond) instead of a tmux process spawned per command (~2.8 ms,
//   which made every key's time at least two spawns). Its `%output` notifications say when a
//   pane's program wrote, so a key's screen is captured again only after the program wrote more,
//   not in a busy loop that takes the CPU from the programs being timed.
// - `spawnDriver` (the measure before 2026-12-01, kept for side-by-side checks, with
//   BENCH_KEYS_DRIVER=spawn): every command its own `tmux` process, the screen captured again as
//   soon as the last capture returned.
// Both: `run(...args)` resolves to the command's output as a tmux client prints it (each line
// ended by `\n`) or rejects with tmux's error; `capture(target, pane)` resolves to `{ text, mark }`
// where `mark` counts the pane's writes seen before the capture ran; `written(pane, mark, ms)`
// resolves once the pane wrote after `mark`, or after `ms` (spawn driver: at once); `close()`.
import { execFileSync, spawn } from 'node:child_process';
import { commandLine, ControlReader } from './control-mode.mjs';

/** Each command a tmux process of its own, as the bench did before control mode. */
export function spawnDriver(socket) {
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  return {
    name: 'spawn',
    run: async (...args) => tmux(...args),
    capture: async (target) => ({ text: tmux('capture-pane', '-p', '-t', target), mark: 0 }),
    written: async () => {},
    close() {},
  };
}

/**
 * A control client attached to `session` on the server at `socket` (the session must exist).
 * Control clients set no size (tmux ignores them for a window's size until `refresh-client -C`),
 * so the session's windows keep the size they were made with; the bench checks that.
 */
export async function controlDriver(socket, session) {
  // -u: replies in UTF-8 (without it tmux would replace the panes' box drawing in printed output).
  const child = spawn('tmux', ['-L', socket, '-f', '/dev/null', '-u', '-C', 'attach', '-t', session], { stdio: ['pipe', 'pipe', 'pipe'] });
  const reader = new ControlReader();
  const waiting = [];
  const writes = new Map();
  const wakers = new Set();
  let failed = null;
  let stderr = '';
  const fail = (why) => {
    failed ??= new Error(`tmux control client: ${why}${stderr ? ` (${stderr.trim()})` : ''}`);
    for (const w of waiting.splice(0)) w.reject(failed);
    for (const wake of wakers) wake();
  };
  child.stderr.setEncoding('utf8').on('data', (s) => {
    stderr += s;
  });
  child.on('error', (e) => fail(e.message));
  child.on('exit', (code) => fail(`exited (${code})`));
  child.stdin.on('error', (e) => fail(e.message));
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    for (const e of reader.feed(chunk)) {
      if (e.kind === 'output') {
        writes.set(e.pane, (writes.get(e.pane) ?? 0) + 1);
        for (const wake of wakers) wake();
      } else if (e.kind === 'reply' && e.mine) {
        const w = waiting.shift();
        if (!w) continue;
        const text = e.lines.map((l) => `${l}\n`).join('');
        if (e.ok) w.resolve(text);
        else w.reject(new Error(`tmux ${w.args.join(' ')}: ${text.trim()}`));
      } else if (e.kind === 'exit') fail(`%exit ${e.reason}`);
    }
  });
  const run = (...args) =>
    new Promise((resolve, reject) => {
      if (failed) return reject(failed);
      // Replies come in the order the commands were written.
      waiting.push({ args, resolve, reject });
      child.stdin.write(commandLine(args));
    });
  // The attach's own reply (FLAGS 0) comes first; a first command answered proves the client is up.
  await run('display-message', '-p', 'ready');
  return {
    name: 'control',
    run,
    async capture(target, pane) {
      // Replies and notifications keep the server's order: every write counted when the reply
      // arrives was parsed into the screen before the capture ran.
      const text = await run('capture-pane', '-p', '-t', target);
      return { text, mark: writes.get(pane) ?? 0 };
    },
    written(pane, mark, ms) {
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          wakers.delete(check);
          resolve();
        };
        const check = () => {
          if (failed || (writes.get(pane) ?? 0) > mark) done();
        };
        const timer = setTimeout(done, ms);
        wakers.add(check);
        check();
      });
    },
    close() {
      // An empty line ends a control client.
      if (!failed) child.stdin.end('\n');
      failed ??= new Error('tmux control client closed');
    },
  };
}
