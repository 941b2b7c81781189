// Measures the real dashboard in a terminal: tmux runs the built CLI in a 120x40 pane on a
// private server; the screen is polled with capture-pane. Reports the time from launch to the
// first drawn frame, to the first list rows (three rows with a sentiment glyph), to the list being filled (no "loading" left), and, after `/` opens the
// search line, for each typed key the
// time from send-keys to the screen changing. Polling costs ~2-5 ms per look, included.
import { execFileSync, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs the dashboard on `dir` and times it; env adds e.g. XDG_CACHE_HOME. */
export async function measureUi(repo, dir, env, typed) {
  const socket = `cnt-bench-${process.pid}`;
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const screen = () => tmux('capture-pane', '-p', '-t', 'm');
  const vars = Object.entries({ TERM: 'xterm-256color', ...env }).map(([k, v]) => `${k}=${v}`);
  const command = ['env', '-u', 'CI', ...vars, process.execPath, `${repo}/dist/cli.js`, dir].map((a) => `'${a}'`).join(' ');
  const result = { firstFrameMs: null, listRowsMs: null, listReadyMs: null, keyMs: [], error: null };
  try {
    const start = performance.now();
    // remain-on-exit keeps a crashed dashboard's last screen (the error) for the report.
    tmux('new-session', '-d', '-s', 'm', '-x', '120', '-y', '40', command);
    tmux('set-option', '-t', 'm', 'remain-on-exit', 'on');
    const deadline = start + 60_000;
    while (performance.now() < deadline) {
      const text = screen();
      // A frame is drawn when pane borders are on screen; the list is filled when the status
      // line no longer says "loading" and list rows are there.
      const framed = /[─│╭╮┌┐]/.test(text);
      const lines = text.split('\n').filter((l) => l.trim() !== '').length;
      if (result.firstFrameMs === null && framed) result.firstFrameMs = performance.now() - start;
      // Every list row carries a sentiment glyph (it reads without colour); the skeleton has none.
      if (result.listRowsMs === null && (text.match(/[▲▼●]/g) ?? []).length >= 3) result.listRowsMs = performance.now() - start;
      // "finding files…" is the status while a warm start's first page shows before the walk.
      if (result.firstFrameMs !== null && framed && !/loading|finding files/i.test(text) && lines >= 5) {
        result.listReadyMs = performance.now() - start;
        break;
      }
      await sleep(2);
    }
    if (result.listReadyMs === null) throw new Error(`dashboard not ready after 60 s; screen:\n${screen()}`);
    await sleep(300);
    // Letters only edit the query in search mode, which `/` enters (state/keymap.ts).
    const browsing = screen();
    tmux('send-keys', '-t', 'm', '-l', '/');
    for (const t = performance.now(); screen() === browsing && performance.now() - t < 5_000; ) { /* poll */ }
    await sleep(150);
    for (const ch of typed) {
      const before = screen();
      const t = performance.now();
      tmux('send-keys', '-t', 'm', '-l', ch);
      while (screen() === before && performance.now() - t < 5_000) { /* poll */ }
      result.keyMs.push(performance.now() - t);
      await sleep(150);
    }
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
  }
  return result;
}
