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
// ended by `\n`) or rejects with tmux's error; `capture(target, pane)` resolves to
// `{ text, mark, wroteAt }` where `mark` counts the pane's writes seen before the capture ran and
// `wroteAt` is when the last of them was notified (performance.now() ms; null: none, or the spawn
// driver, which sees no writes); `written(pane, mark, ms)` resolves once the pane wrote after
// `mark`, or after `ms` (spawn driver: at once); `close()`.
import { execFileSync, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { commandLine, ControlReader } from './control-mode.mjs';

/** Each command a tmux process of its own, as the bench did before control mode. */
export function spawnDriver(socket) {
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  return {
    name: 'spawn',
    run: async (...args) => tmux(...args),
    capture: async (target) => ({ text: tmux('capture-pane', '-p', '-t', target), mark: 0, wroteAt: null }),
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
  // Per pane: when each of its writes was notified (its `%output` line read), in order.
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
  const seen = (pane) => writes.get(pane) ?? [];
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    const now = performance.now();
    for (const e of reader.feed(chunk)) {
      if (e.kind === 'output') {
        if (!writes.has(e.pane)) writes.set(e.pane, []);
        writes.get(e.pane).push(now);
        for (const wake of wakers) wake();
      } else if (e.kind === 'reply' && e.mine) {
        const w = waiting.shift();
        if (!w) continue;
        const text = e.lines.map((l) => `${l}\n`).join('');
        // A capture's writes are counted here, at its reply, not when its promise resumes: a
        // write notified after the reply in the same chunk was not on the captured screen.
        const times = w.pane ? seen(w.pane) : null;
        if (!e.ok) w.reject(new Error(`tmux ${w.args.join(' ')}: ${text.trim()}`));
        else if (times) w.resolve({ text, mark: times.length, wroteAt: times.at(-1) ?? null });
        else w.resolve(text);
      } else if (e.kind === 'exit') fail(`%exit ${e.reason}`);
    }
  });
  // `pane`: the reply resolves to { text, mark, wroteAt } for that pane's writes (a capture).
  const command = (args, pane = null) =>
    new Promise((resolve, reject) => {
      if (failed) return reject(failed);
      // Replies come in the order the commands were written.
      waiting.push({ args, pane, resolve, reject });
      child.stdin.write(commandLine(args));
    });
  const run = (...args) => command(args);
  // The attach's own reply (FLAGS 0) comes first; a first command answered proves the client is up.
  await run('display-message', '-p', 'ready');
  return {
    name: 'control',
    run,
    capture(target, pane) {
      // Replies and notifications keep the server's order: every write counted when the reply
      // arrives was parsed into the screen before the capture ran (tmux queues a read's `%output`
      // and parses the bytes into the pane's screen in the same callback, window.c
      // window_pane_read_callback, and sends the notification later from its event loop), and a
      // write notified after the reply was not.
      return command(['capture-pane', '-p', '-t', target], pane);
    },
    written(pane, mark, ms) {
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          wakers.delete(check);
          resolve();
        };
        const check = () => {
          if (failed || seen(pane).length > mark) done();
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
