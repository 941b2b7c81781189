// Key-to-screen for a word typed as the list fills: what a user does every morning, starting the
// dashboard and typing as soon as the list is there, while the program is still preparing its
// search (SearchIndex.prepare's steps between turns, the reading state's first sight, at 1M the
// stories still being grouped). The key rows of keys.mjs never see that time: they type into a
// dashboard at rest, after an untimed pass. BENCHMARKS' thirtieth round measured it with a tmux
// probe by hand (first key ~0.8 s at 1M, ~0.25 s at 100k); this is that probe as a bench row.
//
// Per run a warm dashboard (same env as the key rows) starts in a 120x40 window of the bench's
// private tmux server (key-session.mjs). As soon as its list has filled (rows on screen and no
// `loading` or `finding files` left in the status line, ui.mjs listFilled: a warm start shows its
// first page before the walk, and a key typed then is answered only once the load is done, which
// "list filled" already times; BENCH_FILL_FROM=rows types at the first rows instead), `/` and the
// word are typed a key at a time, each sent as soon as the one before shows its answer. A key's
// time runs from just before send-keys until the screen holds its answer (KEY_END): the search
// line, the list pane and the status line with the counts masked (key-regions.mjs), recorded
// beforehand from a dashboard started the same way and come to rest, so a key counts only when
// the screen shows the exact final answer for its prefix, not a first change. A key that shows no
// answer within the timeout ends its run, and the row says why.
import { performance } from 'node:perf_hooks';
import { dashboardRegion } from './key-regions.mjs';
import { checkSize, dashboardCommand, dashboardReady, ends, keysServer, Session } from './key-session.mjs';
import { median } from './stats.mjs';
import { exited, listFilled, listRows, paneIdle } from './ui.mjs';

// When the typing starts (see the header).
const FROM = process.env.BENCH_FILL_FROM === 'rows' ? { name: 'list rows visible', test: listRows } : { name: 'list filled', test: listFilled };

/**
 * Times one key: `io.send()`, then looks (`io.look()` -> { list, mark, wroteAt, at }) until one
 * shows `answer`, waiting between looks for the pane's next write (`io.written(mark)`). Returns
 * { ms, seen }: ms from just before the send to the end KEY_END names for that look, or null when
 * no look showed the answer within `timeoutMs`; `seen` is the last look.
 */
export async function timeKey(io, answer, timeoutMs, now = () => performance.now()) {
  const t = now();
  await io.send();
  for (;;) {
    const seen = await io.look();
    if (seen.list === answer) return { ms: ends(seen, t)[0] - t, seen };
    if (now() - t >= timeoutMs) return { ms: null, seen };
    await io.written(seen.mark);
  }
}

/** The first row where `got` differs from `want`, as the reason a key is still unanswered. */
export function firstDifference(want, got) {
  const [w, g] = [want.split('\n'), got.split('\n')];
  const row = w.findIndex((l, i) => l !== g[i]);
  return row < 0 ? 'the screen has extra rows' : `row ${row}: want ${JSON.stringify(w[row].trim())}, got ${JSON.stringify((g[row] ?? '').trim())}`;
}

/**
 * Types `keys` in turn, each as soon as the one before showed its answer (`answers[i]`);
 * `ioOf(key)` gives timeKey's io for a key. Returns { ms: per key answered, error: null, or why
 * the run stopped (a key that showed no answer within `timeoutMs`) }.
 */
export async function typeAsFills(ioOf, keys, answers, timeoutMs, now) {
  const ms = [];
  for (let i = 0; i < keys.length; i++) {
    const r = await timeKey(ioOf(keys[i]), answers[i], timeoutMs, now);
    if (r.ms === null) return { ms, error: `${JSON.stringify(keys[i])} showed no answer within ${timeoutMs / 1000} s (${firstDifference(answers[i], r.seen.list)})` };
    ms.push(r.ms);
  }
  return { ms, error: null };
}

/**
 * The row's figures over all runs ({ ms, error } each): every key's time, their median and max,
 * and whether they meet `target` ({ medianMs, maxMs }). A run that stopped makes the figure n/a
 * (`error`: the first run's reason) and fails it: the keys after it were never timed.
 */
export function fillFigures(runs, target) {
  const failed = runs.findIndex((r) => r.error);
  const ms = runs.flatMap((r) => r.ms);
  if (failed >= 0) return { keys: ms.length, median: null, max: null, error: `run ${failed + 1}: ${runs[failed].error}`, pass: false };
  if (ms.length === 0) return { keys: 0, median: null, max: null, error: 'no key was timed', pass: false };
  const [m, max] = [median(ms), Math.max(...ms)];
  return { keys: ms.length, median: m, max, error: null, pass: m <= target.medianMs && max <= target.maxMs };
}

/**
 * Starts the dashboard on `dir` (warm: its index built, `env` as the key rows') `runs` times and
 * types `/` and `word` as the list fills (see the header). Returns { keys, from, runs: [{ ms,
 * error, fromMs }] (fromMs: launch to the first key), error } (error: the measure could not be
 * set up, or the dashboard at rest not recorded). `readyMs` bounds the wait for a dashboard at
 * rest and for a list to fill, `timeoutMs` each key.
 */
export async function measureKeysAsListFills(repo, dir, env, { word = 'bitcoin', runs = 5, readyMs = 120_000, timeoutMs = 30_000, driver = 'control' } = {}) {
  const keys = ['/', ...word];
  const result = { keys, from: FROM.name, runs: [], error: null };
  let server = null;
  let d = null;
  const open = [];
  // A dashboard in a new window of the session, on the attached driver; closed with close().
  const start = async (name) => {
    const launched = performance.now();
    const s = new Session(server.tmux, name, dashboardCommand(repo, dir, env), dashboardRegion);
    open.push(s);
    s.driver = d;
    s.launched = launched;
    s.pid = Number(server.tmux('display-message', '-p', '-t', s.target, '#{pane_pid}').trim());
    await checkSize(d, [s]);
    return s;
  };
  // The dashboard gone before the next start: a killed one outlives its terminal by 1.5-2 s on a loaded machine (ui.mjs).
  const close = async (s) => {
    server.tmux('kill-window', '-t', s.target);
    await exited(s.pid);
    s.dispose();
    open.splice(open.indexOf(s), 1);
  };
  // Until `test` holds for the screen (looked at again after each write): ms since the launch, or throws after `ms`.
  const until = async (s, test, ms, what) => {
    const t = performance.now();
    for (;;) {
      const { text, mark } = await s.capture();
      if (test(text)) return performance.now() - s.launched;
      if (performance.now() - t > ms) throw new Error(`${what}: not after ${ms / 1000} s; screen:\n${text}`);
      await s.written(mark, 50);
    }
  };
  try {
    server = keysServer(`cnt-fill-${process.pid}`);
    d = await server.attach(driver);
    // The answers, from a dashboard at rest (untimed): what each prefix's screen settles to.
    const rest = await start('rest');
    await until(rest, dashboardReady, readyMs, 'the dashboard at rest');
    await rest.settle(1000);
    // At rest on screen and in its process (keys.mjs: the work after the list done too).
    if (await paneIdle(server.tmux, rest.target, readyMs)) await rest.settle(1000);
    else process.stderr.write(`[rest] still busy after ${readyMs / 1000} s at rest on screen\n`);
    const { answers } = await rest.calibrate(keys);
    await close(rest);
    for (let r = 0; r < runs; r++) {
      const s = await start(`run${r + 1}`);
      const fromMs = await until(s, FROM.test, readyMs, FROM.name);
      const typed = await typeAsFills((key) => ({ send: () => s.send(key), look: () => s.both(), written: (mark) => s.written(mark) }), keys, answers, timeoutMs);
      result.runs.push({ ...typed, fromMs });
      await close(s);
    }
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  } finally {
    d?.close();
    server?.kill();
    for (const s of open) {
      s.dispose();
      await exited(s.pid);
    }
  }
  return result;
}
