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
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { countsRegion, dashboardRegion, unreadRegion } from './key-regions.mjs';
import { checkSize, dashboardCommand, dashboardReady, envWords, keysServer, KEY_END, Session, sleep } from './key-session.mjs';
import { binOf } from './bin.mjs';
import { paneIdle } from './ui.mjs';

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
  const self = against === 'fzf';
  // What the dashboard draws after the list, each timed from it: the counts with the pulse, and the unread count.
  const AGGREGATES = self ? {} : { pulseMs: countsRegion, unreadMs: unreadRegion };
  const kind = () => ({ ms: [], other: [], bytes: [], ...Object.fromEntries(Object.keys(AGGREGATES).map((n) => [n, []])) });
  const blank = () => ({ type: kind(), move: kind() });
  const result = { dashboard: blank(), fzf: blank(), burst: { listMs: [], ...Object.fromEntries(Object.keys(AGGREGATES).map((n) => [n, []])) }, driver, end: KEY_END, error: null };
  const sessions = [];
  let server = null;
  let d = null;
  try {
    // One session holds both programs' windows (the control client sees the writes of its own
    // session's panes only).
    server = keysServer(`cnt-keys-${process.pid}`);
    const { tmux } = server;
    const fzfCommand = `env -u CI ${envWords(env)} sh -c "fzf --layout=reverse < '${titles}'"`;
    const dash = self ? new Session(tmux, 'fzf2', fzfCommand, (t) => t) : new Session(tmux, 'dash', dashboardCommand(repo, dir, env), dashboardRegion, AGGREGATES);
    const fzf = new Session(tmux, 'fzf', fzfCommand, (t) => t);
    sessions.push(dash, fzf);
    d = await server.attach(driver);
    for (const s of sessions) s.driver = d;
    // The figures are for 120x40 panes: a client that resized them would change what is drawn.
    await checkSize(d, sessions);
    // Ready: the dashboard's status line no longer says loading; fzf has counted every title.
    const total = fs.readFileSync(titles, 'utf8').split('\n').filter(Boolean).length;
    const deadline = performance.now() + readyMs;
    // Grouping and the pulse are on: ready once the facts worker is done too (dashboardReady).
    const fzfReady = (t) => t.includes(`/${total}`);
    const dashReady = self ? fzfReady : dashboardReady;
    for (;;) {
      const [a, b] = [(await dash.capture()).text, (await fzf.capture()).text];
      if (dashReady(a) && fzfReady(b)) break;
      if (performance.now() > deadline) throw new Error(`not ready after ${readyMs / 1000} s:\n${a}\n${b}`);
      await sleep(50);
    }
    await dash.settle(1000);
    // At rest on screen is not at rest: the dashboard's work after the list (the reading state's
    // first sight of a big folder, its "N new" message at the end) must be done before the
    // untimed pass records each key's answer, or a key's answer is recorded half-way.
    if (!self) {
      if (!(await paneIdle(tmux, dash.target, readyMs))) process.stderr.write(`[dash] still busy after ${readyMs / 1000} s at rest on screen\n`);
      await dash.settle(1000);
    }
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
    server?.kill();
    for (const s of sessions) s.dispose();
  }
  return result;
}
