// Key-to-screen in a real terminal, for the dashboard and for fzf over the same articles' titles,
// in the same run and alternating. Both run in 120x40 tmux windows of one session on a private
// server, driven through one tmux control-mode client held open for the run (tmux-driver.mjs): a
// command costs a round trip on a pipe, not a tmux process, and the client's `%output`
// notifications say when a program wrote, so a key's screen is looked at again right after each
// write instead of in a spawn-bound loop (before 2026-12-01 each send-keys and each capture-pane
// was a process, ~2.8 ms apiece, which put both programs on the same ~5.6 ms floor). A first,
// untimed pass records what the screen settles to after each key (the "answer"); timed passes
// then measure, per key, the time from send-keys until a capture shows that answer: the narrowed
// list for a typed letter, the moved cursor for `j` (fzf: Down). For the dashboard only the search
// line, the list pane and the status line count, with their counts masked (key-regions.mjs): the
// article body and inspector follow later on purpose, and the counts, the pulse and the unread
// count are aggregates, each timed from the list's answer. tmux's pipe-pane counts the bytes each
// program writes to the terminal per key.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { atRest, countsRegion, dashboardRegion, unreadRegion } from './key-regions.mjs';
import { controlDriver, spawnDriver } from './tmux-driver.mjs';
import { binOf } from './bin.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
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
const SESSION = 'keys';
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

/** fzf on PATH, installed with apt-get when missing (the bench needs it as the baseline). */
export function ensureFzf() {
  if (spawnSync('fzf', ['--version'], { stdio: 'ignore' }).status === 0) return;
  process.stderr.write('fzf is missing; apt-get install -y fzf ...\n');
  const r = spawnSync('apt-get', ['install', '-y', 'fzf'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0 || spawnSync('fzf', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('fzf is needed as the key-to-screen baseline and could not be installed (apt-get install -y fzf)');
  }
}

/**
 * The corpus's titles, one a line (what fzf is fed), written once: beside a corpus under the
 * repository's .bench/, else (a corpus opened at another path: BENCH_CORPUS_1M) in .bench/ named by
 * a hash of that path, so nothing is written into someone else's folder.
 */
export function titlesFile(repo, dir, env) {
  const bench = path.join(repo, '.bench');
  const inBench = path.relative(bench, path.resolve(dir)).split(path.sep)[0] !== '..';
  const file = inBench ? `${dir}.titles` : path.join(bench, `titles-${createHash('sha1').update(path.resolve(dir)).digest('hex').slice(0, 12)}.titles`);
  if (!fs.existsSync(file)) {
    const out = execFileSync(process.execPath, [binOf(repo), '--filter', '', '--print', 'title', dir], { env, maxBuffer: 1 << 30 });
    fs.writeFileSync(file, out);
  }
  return file;
}

/**
 * One program in its own 120x40 tmux window: keys in, screen and byte count out. `region` cuts the
 * key's answer out of the screen; `aggregates` (name -> region) what is drawn after it and timed
 * from it. Made with `tmux` (set-up, before the driver attaches); then driven through `driver`
 * (tmux-driver.mjs).
 */
class Session {
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

/**
 * Runs the dashboard and fzf side by side; `rounds` timed passes each, alternating which goes
 * first. Returns per program { type, move }, each { ms, other, bytes, pulseMs, unreadMs } over all
 * rounds (ms: each key's time to the end KEY_END names, `end` in the result; other: the same keys
 * to the other end; pulseMs: the counts and the pulse after the list; unreadMs: the unread count
 * after the list; both empty for fzf), and `burst` { listMs, pulseMs, unreadMs } for the word
 * typed at once.
 * `against: 'fzf'` puts a second fzf in the dashboard's place (its figures under `dashboard`, no
 * aggregates, no burst): the measure against itself, which must read ~1.0x. `driver`: 'control'
 * (the measure) or 'spawn' (the one before 2026-12-01; see tmux-driver.mjs).
 */
export async function measureKeys(repo, dir, env, { word = 'bitcoin', moves = 8, rounds = 3, readyMs = 120_000, against = 'dashboard', driver = 'control' } = {}) {
  ensureFzf();
  const titles = titlesFile(repo, dir, { ...process.env, ...env });
  const socket = `cnt-keys-${process.pid}`;
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  const vars = Object.entries({ TERM: 'xterm-256color', ...env }).map(([k, v]) => `'${k}=${v}'`).join(' ');
  const self = against === 'fzf';
  // What the dashboard draws after the list, each timed from it: the counts with the pulse, and the unread count.
  const AGGREGATES = self ? {} : { pulseMs: countsRegion, unreadMs: unreadRegion };
  const kind = () => ({ ms: [], other: [], bytes: [], ...Object.fromEntries(Object.keys(AGGREGATES).map((n) => [n, []])) });
  const blank = () => ({ type: kind(), move: kind() });
  const result = { dashboard: blank(), fzf: blank(), burst: { listMs: [], ...Object.fromEntries(Object.keys(AGGREGATES).map((n) => [n, []])) }, driver, end: KEY_END, error: null };
  const sessions = [];
  let d = null;
  try {
    // One session holds both programs' windows (the control client sees the writes of its own
    // session's panes only); its first window only holds the session open.
    tmux('new-session', '-d', '-s', SESSION, '-n', 'idle', '-x', '120', '-y', '40', 'cat');
    const fzfCommand = `env -u CI ${vars} sh -c "fzf --layout=reverse < '${titles}'"`;
    const dash = self ? new Session(tmux, 'fzf2', fzfCommand, (t) => t) : new Session(tmux, 'dash', `env -u CI ${vars} '${process.execPath}' '${binOf(repo)}' '${dir}'`, dashboardRegion, AGGREGATES);
    const fzf = new Session(tmux, 'fzf', fzfCommand, (t) => t);
    sessions.push(dash, fzf);
    d = driver === 'spawn' ? spawnDriver(socket) : await controlDriver(socket, SESSION);
    for (const s of sessions) s.driver = d;
    // The figures are for 120x40 panes: a client that resized them would change what is drawn.
    for (const s of sessions) {
      const size = (await d.run('display-message', '-p', '-t', s.target, '#{pane_width}x#{pane_height}')).trim();
      if (size !== '120x40') throw new Error(`the ${s.name} pane is ${size}, not 120x40, with the ${d.name} driver attached`);
    }
    // Ready: the dashboard's status line no longer says loading; fzf has counted every title.
    const total = fs.readFileSync(titles, 'utf8').split('\n').filter(Boolean).length;
    const deadline = performance.now() + readyMs;
    // (The skeleton drawn before the UI starts has neither a count nor a loading line.)
    // Grouping and the pulse are on: ready once the facts worker is done too (no `counting…`, no
    // `so far N%`: the pulse a big folder's first computation draws over the articles done, and no
    // `stories N%`: its stories still being grouped, the list's story rows still to change).
    const fzfReady = (t) => t.includes(`/${total}`);
    const dashReady = self ? fzfReady : (t) => /Articles 1\/[\d,]+/.test(t) && atRest(t);
    for (;;) {
      const [a, b] = [(await dash.capture()).text, (await fzf.capture()).text];
      if (dashReady(a) && fzfReady(b)) break;
      if (performance.now() > deadline) throw new Error(`not ready after ${readyMs / 1000} s:\n${a}\n${b}`);
      await sleep(50);
    }
    await dash.settle(1000);
    await fzf.settle(500);

    const letters = [...word];
    const fzfPlan = (s) => ({
      s,
      type: { pre: [], keys: letters, post: ['C-u'] },
      move: { pre: [], keys: Array(moves).fill('Down'), post: Array(moves).fill('Up') },
    });
    const plan = {
      dashboard: self
        ? fzfPlan(dash)
        : {
            s: dash,
            type: { pre: ['/'], keys: letters, post: ['C-u', 'Enter'] },
            move: { pre: [], keys: Array(moves).fill('j'), post: ['g'] },
          },
      fzf: fzfPlan(fzf),
    };
    const answers = {};
    for (const [name, p] of Object.entries(plan)) {
      answers[name] = {};
      for (const kind of ['type', 'move']) {
        const { pre, keys, post } = p[kind];
        await p.s.apply(pre);
        answers[name][kind] = await p.s.calibrate(keys);
        for (const k of post) await p.s.apply([k], 150);
      }
    }
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? ['dashboard', 'fzf'] : ['fzf', 'dashboard'];
      for (const kind of ['type', 'move']) {
        for (const name of order) {
          const p = plan[name];
          const { pre, keys, post } = p[kind];
          await p.s.apply(pre, 200);
          const t = await p.s.timed(keys, answers[name][kind]);
          result[name][kind].ms.push(...t.ms);
          result[name][kind].other.push(...t.other);
          for (const [n, xs] of Object.entries(t.after)) result[name][kind][n].push(...xs);
          result[name][kind].bytes.push(...t.bytes);
          for (const k of post) await p.s.apply([k], 150);
        }
      }
      // The whole word at once: the dashboard's last typed answer is the word's.
      if (self) continue;
      const typed = answers.dashboard.type;
      await dash.apply(['/'], 200);
      const b = await dash.burst(word, typed.answers.at(-1), Object.fromEntries(Object.entries(typed.aggregates).map(([n, xs]) => [n, xs.at(-1)])));
      result.burst.listMs.push(b.listMs);
      for (const [n, x] of Object.entries(b.after)) result.burst[n].push(x);
      for (const k of ['C-u', 'Enter']) await dash.apply([k], 150);
    }
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  } finally {
    d?.close();
    spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
    for (const s of sessions) s.dispose();
  }
  return result;
}
