// One program in a 120x40 window of the key-to-screen bench's private tmux server, driven through
// tmux-driver.mjs: keys in, the screen's regions (key-regions.mjs) and bytes written out, and the
// ways a key is timed against an answer recorded beforehand (calibrate, timed, burst). Shared by
// keys.mjs (the dashboard against fzf, at rest) and keys-as-list-fills.mjs (keys typed into a
// dashboard just started). Also where a key's time ends (KEY_END, ends) and the server's set-up.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { atRest } from './key-regions.mjs';
import { controlDriver, spawnDriver } from './tmux-driver.mjs';
import { binOf } from './bin.mjs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const KEY_TIMEOUT_MS = 5_000;
// Where a key's time ends once a capture shows its answer. 'screen' (the measure since
// 2026-12-01, thirteenth round): when the client was notified of the program's last write before
// that capture; tmux had parsed those bytes into the pane's screen before it sent the
// notification (tmux-driver.mjs capture), so this is when tmux's screen held the answer, give or
// take the pipe to this process. 'capture' (BENCH_KEYS_END=capture, the measure before): when
// the capture's reply came back, which adds the look itself to the key (a capture-pane round trip,
// dearer for a fuller screen and for a busier machine) and the region cut out of the capture.
export const KEY_END = process.env.BENCH_KEYS_END === 'capture' ? 'capture' : 'screen';

/**
 * When a look (Session.both) ended a key sent at `t`, under KEY_END and under the other end:
 * `[chosen, other]` (performance.now() ms). The screen's end is the notification of the pane's
 * last write before the capture, or the capture's reply when nothing was written since the key
 * was sent (the answer on screen before it; the spawn driver sees no writes).
 */
export function ends(seen, t) {
  const screen = seen.wroteAt !== null && seen.wroteAt >= t ? seen.wroteAt : seen.at;
  return KEY_END === 'screen' ? [screen, seen.at] : [seen.at, screen];
}
// The private server's one session: a window per program.
export const SESSION = 'keys';
// BENCH_KEYS_TRACE=1: per timed key, each look at the screen that differed from the one before,
// with the rows that still differ from the key's answer (to find what a slow key waited for).
const TRACE = process.env.BENCH_KEYS_TRACE === '1';
function traceKey(name, key, trace, answer) {
  const want = answer.split('\n');
  const out = trace.map(({ at, list }) => {
    const rows = list.split('\n').map((l, j) => (l === want[j] ? null : j)).filter((j) => j !== null);
    return `${at.toFixed(0)}ms${rows.length ? ` (rows ${rows.slice(0, 6).join(',')}${rows.length > 6 ? '…' : ''} differ: ${JSON.stringify(list.split('\n')[rows[0]]?.trim().slice(0, 60))})` : ' answer'}`;
  });
  process.stderr.write(`[${name}] ${JSON.stringify(key)}: ${out.join(' | ')}\n`);
}

/**
 * A private tmux server named `socket` holding the bench's session (its first window, idle, only
 * holds it open; windows are made 120x40): `tmux(...args)` runs a command on it as a process of
 * its own (set-up), `attach(driver)` the driver that times keys ('control' or 'spawn'; see
 * tmux-driver.mjs), `kill()` ends the server.
 */
export function keysServer(socket) {
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  const kill = () => spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
  try {
    tmux('new-session', '-d', '-s', SESSION, '-n', 'idle', '-x', '120', '-y', '40', 'cat');
  } catch (error) {
    kill();
    throw error;
  }
  return {
    tmux,
    attach: (driver) => (driver === 'spawn' ? spawnDriver(socket) : controlDriver(socket, SESSION)),
    kill,
  };
}

/** Throws unless each session's pane is 120x40 with driver `d` attached: the figures are for that size. */
export async function checkSize(d, sessions) {
  for (const s of sessions) {
    const size = (await d.run('display-message', '-p', '-t', s.target, '#{pane_width}x#{pane_height}')).trim();
    if (size !== '120x40') throw new Error(`the ${s.name} pane is ${size}, not 120x40, with the ${d.name} driver attached`);
  }
}

/** `env` (with TERM) as the words of an `env` command line, each quoted for the shell. */
export const envWords = (env) => Object.entries({ TERM: 'xterm-256color', ...env }).map(([k, v]) => `'${k}=${v}'`).join(' ');

/** The shell command that runs the built dashboard on `dir` with `env` (CI unset: it would turn colour off). */
export const dashboardCommand = (repo, dir, env) => `env -u CI ${envWords(env)} '${process.execPath}' '${binOf(repo)}' '${dir}'`;

/**
 * The dashboard is ready for keys timed at rest: its list's title drawn (the skeleton drawn before
 * the UI starts has neither a count nor a loading line) and, grouping and the pulse on, the facts
 * worker done too (key-regions.mjs atRest: no `counting…`, no `so far N%`, the pulse a big folder's
 * first computation draws over the articles done, no `stories N%`, its story rows still to change).
 */
export const dashboardReady = (text) => /(?:Articles|Stories) 1\/[\d,]+/.test(text) && atRest(text);

/**
 * One program in its own 120x40 tmux window: keys in, screen and byte count out. `region` cuts the
 * key's answer out of the screen; `aggregates` (name -> region) what is drawn after it and timed
 * from it. Made with `tmux` (set-up, before the driver attaches); then driven through `driver`
 * (tmux-driver.mjs).
 */
export class Session {
  constructor(tmux, name, command, region, aggregates = {}) {
    this.name = name;
    this.target = `${SESSION}:${name}`;
    this.region = region;
    this.aggregates = aggregates;
    this.log = path.join(os.tmpdir(), `cnt-bench-${process.pid}-${name}.out`);
    fs.rmSync(this.log, { force: true });
    tmux('new-window', '-d', '-t', SESSION, '-n', name, command);
    tmux('set-option', '-w', '-t', this.target, 'remain-on-exit', 'on');
    // -o: only what the program writes to the terminal, appended as it comes.
    tmux('pipe-pane', '-o', '-t', this.target, `cat >> '${this.log}'`);
    this.pane = tmux('display-message', '-p', '-t', this.target, '#{pane_id}').trim();
    this.driver = null;
  }
  /** The whole pane as captured, and the count of the pane's writes seen before the capture. */
  capture() {
    return this.driver.capture(this.target, this.pane);
  }
  async screen() {
    return this.region((await this.capture()).text);
  }
  /**
   * The list's answer and each aggregate's, from one capture (`mark`, `wroteAt`: see capture),
   * and `at`, when the capture's reply came back and the regions were cut from it.
   */
  async both() {
    const { text, mark, wroteAt } = await this.capture();
    const seen = { mark, wroteAt, list: this.region(text), ...Object.fromEntries(Object.entries(this.aggregates).map(([k, f]) => [k, f(text)])) };
    // After the regions are cut, as the measure before 2026-12-01's thirteenth round took it.
    seen.at = performance.now();
    return seen;
  }
  /**
   * Until the pane is written again after the capture that returned `mark` (a screen changes only
   * when its program writes): at most `ms`, so a write the driver did not see costs a late look,
   * not a key. The spawn driver returns at once (it polls).
   */
  written(mark, ms = 20) {
    return this.driver.written(this.pane, mark, ms);
  }
  send(key) {
    // Names such as Down, C-u, Enter go as keys; anything else as literal text.
    if (/^(Down|Up|Enter|Escape|C-.)$/.test(key)) return this.driver.run('send-keys', '-t', this.target, key);
    return this.driver.run('send-keys', '-t', this.target, '-l', key);
  }
  bytes() {
    try {
      return fs.statSync(this.log).size;
    } catch {
      return 0;
    }
  }
  /** Waits until the screen has not changed for `quietMs`; returns it. */
  async settle(quietMs = 300, limitMs = 20_000) {
    let last = await this.screen();
    let since = performance.now();
    const end = since + limitMs;
    while (performance.now() < end) {
      await sleep(10);
      const now = await this.screen();
      if (now !== last) {
        last = now;
        since = performance.now();
      } else if (performance.now() - since >= quietMs) break;
    }
    return last;
  }
  /**
   * Presses `keys` (set-up, not timed) and waits until the screen has answered them: a program
   * still busy after loading (the dashboard warms its search once idle) must not carry them into
   * the first timed key.
   */
  async apply(keys, quietMs = 300) {
    if (keys.length === 0) return;
    const before = await this.screen();
    for (const k of keys) await this.send(k);
    for (const t = performance.now(); (await this.screen()) === before && performance.now() - t < 60_000; ) await sleep(10);
    await this.settle(quietMs);
  }
  /**
   * Presses each key and records the settled screen after it: per key, the list's answer and each
   * aggregate's (what a timed pass waits for).
   */
  async calibrate(keys) {
    const answers = [];
    const aggregates = Object.fromEntries(Object.keys(this.aggregates).map((k) => [k, []]));
    for (const k of keys) {
      const before = await this.screen();
      await this.send(k);
      // Every key changes the screen; on a loaded machine the first change can take a while.
      for (const t = performance.now(); (await this.screen()) === before && performance.now() - t < 10_000; ) await sleep(5);
      // Work that follows a key (the pulse's first count of articles never seen, at startup up to
      // ~1 s on a loaded machine) leaves the screen still while it runs: an answer counts once it
      // is the same twice, 1.5 s apart.
      let answer = await this.settle(800);
      for (let again = ''; ; answer = again) {
        await sleep(1500);
        again = await this.settle(800);
        if (again === answer) break;
      }
      answers.push(answer);
      const seen = await this.both();
      for (const name of Object.keys(aggregates)) aggregates[name].push(seen[name]);
    }
    return { answers, aggregates };
  }
  /**
   * Presses each key; per key, ms until the list shows its answer, per aggregate ms from then
   * until it shows its own (drawn after the list), and bytes written meanwhile. A key's time runs
   * from just before send-keys is written to the end KEY_END names, for the first capture that
   * shows the answer; `other` holds each key's time to the other end, taken from the same looks.
   */
  async timed(keys, { answers, aggregates }) {
    const names = Object.keys(this.aggregates);
    const ms = [];
    const other = [];
    const after = Object.fromEntries(names.map((n) => [n, []]));
    const bytes = [];
    for (let i = 0; i < keys.length; i++) {
      const before = this.bytes();
      const t = performance.now();
      await this.send(keys[i]);
      let seen = await this.both();
      let listAt = null;
      let listOther = null;
      const at = Object.fromEntries(names.map((n) => [n, null]));
      const trace = TRACE ? [] : null;
      while (performance.now() - t < KEY_TIMEOUT_MS) {
        const [now, alt] = ends(seen, t);
        if (trace && (trace.length === 0 || trace.at(-1).list !== seen.list)) trace.push({ at: now - t, list: seen.list });
        if (listAt === null && seen.list === answers[i]) [listAt, listOther] = [now, alt];
        for (const n of names) if (at[n] === null && seen[n] === aggregates[n][i]) at[n] = now;
        if (listAt !== null && names.every((n) => at[n] !== null)) break;
        await this.written(seen.mark);
        seen = await this.both();
      }
      ms.push((listAt ?? performance.now()) - t);
      other.push((listOther ?? performance.now()) - t);
      if (trace) traceKey(this.name, keys[i], trace, answers[i]);
      // An aggregate drawn before the list (a count that did not change) is on screen with it: 0 ms after.
      for (const n of names) after[n].push(at[n] === null ? Infinity : Math.max(0, at[n] - (listAt ?? t)));
      if (listAt === null) {
        // Reported, not hidden: a screen that never settles to its answer is a finding in itself.
        const a = answers[i].split('\n');
        const row = seen.list.split('\n').findIndex((l, j) => l !== a[j]);
        process.stderr.write(`[${this.name}] key ${JSON.stringify(keys[i])} never showed its answer; row ${row}:\n  want ${a[row]}\n  got  ${seen.list.split('\n')[row]}\n`);
      }
      for (const n of names.filter((x) => at[x] === null)) {
        process.stderr.write(`[${this.name}] key ${JSON.stringify(keys[i])}: the ${n} never showed its answer:\n  want ${aggregates[n][i]}\n  got  ${seen[n]}\n`);
      }
      // Everything the key caused, including what follows the list (the body, the inspector).
      await this.settle(150);
      bytes.push(this.bytes() - before);
    }
    return { ms, other, after, bytes };
  }
  /**
   * A word typed at once (every letter in one write, as a fast typist's burst reaches the
   * program): ms until the list shows the word's answer, and per aggregate from then until it
   * shows the word's (the counts of the letters before it are dropped, not drawn in turn).
   */
  async burst(word, answer, aggregates) {
    const names = Object.keys(this.aggregates);
    const t = performance.now();
    await this.send(word);
    let listAt = null;
    const at = Object.fromEntries(names.map((n) => [n, null]));
    while (performance.now() - t < KEY_TIMEOUT_MS && (listAt === null || names.some((n) => at[n] === null))) {
      const seen = await this.both();
      const [now] = ends(seen, t);
      if (listAt === null && seen.list === answer) listAt = now;
      for (const n of names) if (at[n] === null && seen[n] === aggregates[n]) at[n] = now;
      if (listAt === null || names.some((n) => at[n] === null)) await this.written(seen.mark);
    }
    return { listMs: listAt === null ? Infinity : listAt - t, after: Object.fromEntries(names.map((n) => [n, at[n] === null ? Infinity : Math.max(0, at[n] - (listAt ?? t))])) };
  }
  dispose() {
    fs.rmSync(this.log, { force: true });
  }
}
