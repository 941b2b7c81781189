// Measures the real dashboard in a terminal: tmux runs the built CLI in a 120x40 pane on a
// private server; the screen is polled with capture-pane. Reports the time from launch to the
// first drawn frame, to the first list rows (three rows with a sentiment glyph), to the list being
// filled (rows on screen, the status line drawn, no "loading" left), and, after `/` opens the
// search line, for each typed key the
// time from send-keys to the screen changing. Polling costs ~2-5 ms per look, included.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { binOf } from './bin.mjs';
import { atRest } from './key-regions.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves once process `pid` (0: none) is gone, or after `maxMs`. */
export async function exited(pid, maxMs = 10_000) {
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (const t = performance.now(); pid > 0 && alive() && performance.now() - t < maxMs; ) await sleep(5);
}

/** A frame is drawn: pane borders are on screen. */
export const framed = (text) => /[─│╭╮┌┐]/.test(text);
/** List rows are on screen: three rows with a sentiment glyph (a row reads without colour; the skeleton has none). */
export const listRows = (text) => (text.match(/[▲▼●]/g) ?? []).length >= 3;

/**
 * The list is filled: rows on screen, the status line (its "? help") drawn, no "loading" or
 * "finding files…" (a warm start's first page shows before the walk) in it. A frame is written
 * in pieces: until 2026-12-01's seventeenth round a look between them that saw the skeleton's
 * borders without its status line (no "loading" yet) counted as a filled list.
 */
export function listFilled(text) {
  const lines = text.split('\n').filter((l) => l.trim() !== '').length;
  return framed(text) && listRows(text) && /\? help/.test(text) && !/loading|finding files/i.test(text) && lines >= 5;
}

/**
 * The dashboard's own process under the pane's: tmux starts the command through `sh -c`, which
 * may exec it or fork it; `env` execs node. Returns 0 when none is found.
 */
function nodeUnder(pid) {
  for (let p = pid, depth = 0; p > 0 && depth < 4; depth++) {
    try {
      if (/^Name:\s+node$/m.test(fs.readFileSync(`/proc/${p}/status`, 'utf8'))) return p;
      p = Number(fs.readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/)[0] || 0);
    } catch {
      return 0;
    }
  }
  return 0;
}

/** Peak resident set (VmHWM) of process `pid` in bytes, or null where /proc cannot tell. */
function peakRssOf(pid) {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Runs the dashboard on `dir` and times it; env adds e.g. XDG_CACHE_HOME. `readyMs`: how long to
 * wait for the list to be filled (a warm million checks every file first: 30 s on a quiet machine,
 * minutes under load). With `typed`, once the list is filled and its counts, pulse and stories are
 * done, the word is typed a key at a time (`keyMs`), and `peakRssBytes` is the dashboard's peak
 * resident set after it (VmHWM): the "peak RSS, warm (dashboard after typing)".
 */
export async function measureUi(repo, dir, env, typed, readyMs = 60_000) {
  const socket = `cnt-bench-${process.pid}`;
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const screen = () => tmux('capture-pane', '-p', '-t', 'm');
  const vars = Object.entries({ TERM: 'xterm-256color', ...env }).map(([k, v]) => `${k}=${v}`);
  const command = ['env', '-u', 'CI', ...vars, process.execPath, binOf(repo), dir].map((a) => `'${a}'`).join(' ');
  const result = { firstFrameMs: null, listRowsMs: null, listReadyMs: null, keyMs: [], peakRssBytes: null, error: null };
  let pid = 0;
  try {
    const start = performance.now();
    // remain-on-exit keeps a crashed dashboard's last screen (the error) for the report.
    tmux('new-session', '-d', '-s', 'm', '-x', '120', '-y', '40', command);
    tmux('set-option', '-t', 'm', 'remain-on-exit', 'on');
    pid = Number(tmux('list-panes', '-t', 'm', '-F', '#{pane_pid}').trim());
    const deadline = start + readyMs;
    while (performance.now() < deadline) {
      const text = screen();
      if (result.firstFrameMs === null && framed(text)) result.firstFrameMs = performance.now() - start;
      if (result.listRowsMs === null && listRows(text)) result.listRowsMs = performance.now() - start;
      if (listFilled(text)) {
        result.listReadyMs = performance.now() - start;
        break;
      }
      await sleep(2);
    }
    if (result.listReadyMs === null) throw new Error(`dashboard not ready after ${readyMs / 1000} s; screen:\n${screen()}`);
    if (typed === '') return result;
    // Typed into a dashboard at rest: its counts, pulse and stories done (read back from the index when warm).
    while (!atRest(screen())) {
      if (performance.now() > deadline) throw new Error(`dashboard still counting after ${readyMs / 1000} s; screen:\n${screen()}`);
      await sleep(100);
    }
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
    // What the last key started (the list, then counts and pulse over its matches) done.
    for (const t = performance.now(); !atRest(screen()) && performance.now() - t < 60_000; ) await sleep(100);
    await sleep(1000);
    result.peakRssBytes = peakRssOf(nodeUnder(pid));
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
    // The killed dashboard outlives its terminal by 1.5-2 s on a loaded machine (2026-12-03, a
    // 100k one still checking its files): the next start would share the cores with it.
    await exited(pid);
  }
  return result;
}

// CPU time (user + system, every thread) of process `pid` in clock ticks (1/100 s), or null once it is gone.
function cpuTicks(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/**
 * Resolves once process `pid` has used under `share` of one core over `windowMs` (every thread:
 * its workers included), or after `maxMs`; true when it went idle. The screen can sit still while
 * the dashboard works between keys (a first sight of a million articles: ~30 s of its UI thread in
 * slices, its "N new" message at the end), and keys timed meanwhile wait for those slices.
 */
export async function cpuIdle(pid, { share = 0.1, windowMs = 1000, maxMs = 120_000 } = {}) {
  for (const t = performance.now(); performance.now() - t < maxMs; ) {
    const before = cpuTicks(pid);
    await sleep(windowMs);
    const after = cpuTicks(pid);
    if (before === null || after === null) return false;
    if ((after - before) * 10 <= share * windowMs) return true;
  }
  return false;
}

/**
 * Resolves once the node process in tmux pane `target` (`tmux`: a function running a tmux command
 * on the bench's server) has gone idle (cpuIdle), true then; false when it has not within `maxMs`
 * or no process is found.
 */
export async function paneIdle(tmux, target, maxMs) {
  const pid = nodeUnder(Number(tmux('display-message', '-p', '-t', target, '#{pane_pid}').trim()));
  return pid > 0 && cpuIdle(pid, { maxMs });
}
