// Where one keystroke's milliseconds go, measured inside the built dashboard: the reducer, the
// search, React's render of each pane, ink's layout (Yoga) and output (cells to text), and the
// write of the changed rows. A child process renders the real App with ink (debug mode into the
// real FrameWriter, as the CLI does) over a fake 120x40 terminal, types "/bitcoin", clears it and
// presses j (each sequence once untimed first, and "solana" typed for the first time reported on
// its own), and reports medians per keystroke. React runs its production build with the
// profiling reconciler swapped in (same code paths, plus per-fiber timings); the CLI itself runs
// the plain production build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { EventEmitter } from 'node:events';
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Runs the breakdown in a child process on `dir` (its cache warm); returns its report. */
export function measureFrames(repo, dir, env) {
  // Colours as in the 256-colour terminal the key-to-screen panes have (this child's stdout is a
  // pipe, where chalk would paint nothing: no highlight would change a row).
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), repo, dir], { env: { FORCE_COLOR: '2', ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) return { error: (r.stderr || `exit ${r.status}`).trim().split('\n').slice(-3).join(' ') };
  return JSON.parse(r.stdout);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const idle = (quietMs, state) =>
  new Promise((resolve) => {
    const check = () => (performance.now() - state.lastCommit >= quietMs ? resolve() : setTimeout(check, 5));
    setTimeout(check, quietMs);
  });

/** Keyboard input as ink reads it (readable + read()), for a terminal that is not there. */
class FakeStdin extends EventEmitter {
  isTTY = true;
  queue = [];
  write(data) {
    this.queue.push(data);
    this.emit('readable');
  }
  read() {
    return this.queue.shift() ?? null;
  }
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

/** The terminal's output side: a size, a byte count, and each write's bytes told to `onWrite`. */
class FakeTty extends EventEmitter {
  columns = 120;
  rows = 40;
  bytes = 0;
  onWrite = null;
  write(s, cb) {
    const n = Buffer.byteLength(s);
    this.bytes += n;
    if (n > 0) this.onWrite?.(n);
    cb?.();
    return true;
  }
}

async function child(repo, dir) {
  // React's production build, with the profiling reconciler (fibers carry actualDuration).
  process.env.NODE_ENV = 'production';
  globalThis.__REACT_DEVTOOLS_GLOBAL_HOOK__ = { isDisabled: true };
  const req = createRequire(path.join(repo, 'node_modules/ink/build/reconciler.js'));
  const main = req.resolve('react-reconciler');
  const profiled = new Module(main);
  Object.assign(profiled, { filename: main, loaded: true, exports: req(req.resolve('react-reconciler/cjs/react-reconciler.profiling.js')) });
  req.cache[main] = profiled;

  const dist = (p) => pathToFileURL(path.join(repo, 'dist', p)).href;
  const [{ render }, React, { App }, { FrameWriter }, { loadCorpus }, { SearchIndex }, { initialState, reducer }, { inputActions }, instances] = await Promise.all([
    import(pathToFileURL(path.join(repo, 'node_modules/ink/build/index.js')).href),
    import(pathToFileURL(req.resolve('react')).href),
    import(dist('ui/App.js')),
    import(dist('ui/frame/frame-writer.js')),
    import(dist('core/load/load.js')),
    import(dist('core/search/search.js')),
    import(dist('state/reducer.js')),
    import(dist('ui/input/use-keys.js')),
    import(pathToFileURL(path.join(repo, 'node_modules/ink/build/instances.js')).href),
  ]);
  const panes = await Promise.all(['ArticleList', 'ArticleBody', 'Inspector', 'SearchLine', 'StatusBar'].map(async (name) => [name, (await import(dist(`ui/${name}.js`)))[name]]));

  if (!process.env.BENCH_NO_SHARED_CACHES) await (await import(dist('ui/frame/ink-output-cache.js'))).shareInkOutputCaches();
  if (!process.env.BENCH_NO_COMPOSITOR) await (await import(dist('ui/frame/ink-compositor.js'))).installCompositor();
  if (process.env.BENCH_NO_CLIP) {
    const { default: Output } = await import(pathToFileURL(path.join(repo, 'node_modules/ink/build/output.js')).href);
    Output.prototype.clip = () => {};
    Output.prototype.unclip = () => {};
  }
  const { articles, fullText, indexIds } = await loadCorpus([dir], { cache: true });
  const index = new SearchIndex(articles);
  // As the dashboard once loaded (dashboard.tsx, index-words.ts): the newest bodies read ahead on
  // the parse threads, the search warmed up, and free words answered by the on-disk index.
  const [{ preloadBodies }, { WordIndex }, { BODY_DEPTH }] = await Promise.all([import(dist('core/search/body-preload.js')), import(dist('core/index/word-index.js')), import(dist('core/search/search-settings.js'))]);
  await preloadBodies(index.newest(BODY_DEPTH));
  index.prepare();
  const words = indexIds && (await fullText) ? await WordIndex.forLoad([dir], indexIds) : null;
  index.useWords(words);
  // Grouping and the pulse on, as in the dashboard: its facts (coins, stories, the pulse's codes)
  // held on the facts worker, which counts each result's pulse off this thread.
  const { FactsService, storyMapOf } = await import(dist('core/stories/index.js'));
  const counter = new FactsService({ worker: new URL(dist('core/stories/facts-worker.js')) });
  const facts = await counter.load((id) => articles[id], articles.length);
  const stories = storyMapOf(facts, (id) => articles[id]);
  // Reading state, as the dashboard keeps it (every article seen at load; marks shown per row and
  // the unread count per result), in a state folder of its own.
  const { Reading } = await import(dist('core/reading/index.js'));
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-bench-state-'));
  const reading = Reading.open(stateDir);
  reading.see(articles);

  // Per keystroke: phase times (ms), pane renders, commits.
  let key = null;
  const state = { lastCommit: performance.now() };
  const newKey = () => ({ sent: [], search: 0, react: 0, layout: 0, output: 0, write: 0, bytes: 0, firstBytes: null, firstMs: null, commits: 0, renders: 0, firstRenders: null, panes: {} });
  const search = index.search.bind(index);
  // A key typed at leisure is searched as it is read (App's key step), or inside React's render
  // when something else changed the query (use-search.ts): that time is counted as search, and
  // taken out of the render it happened in.
  let searches = [];
  index.search = (...args) => {
    const t = performance.now();
    try {
      return search(...args);
    } finally {
      const d = performance.now() - t;
      searches.push([t, d]);
      if (key) key.search += d;
    }
  };
  const out = new FakeTty();
  // Every write that reaches the terminal for a key, a row drawn ahead of React's frame included.
  out.onWrite = (n) => key?.sent.push(n);
  const frames = new FrameWriter(out);
  // A cursor move's rows drawn before React renders the key go through patch (ui/frame/fast-frame.ts), as in the CLI.
  (await import(dist('ui/frame/fast-frame.js'))).drawFastFramesTo(frames);
  const write = frames.write.bind(frames);
  const patch = frames.patch.bind(frames);
  const planPatch = frames.planPatch.bind(frames);
  frames.patch = (rows) => timedWrite(() => patch(rows), (drawn) => drawn);
  frames.write = (chunk, cb) => timedWrite(() => write(chunk, cb), () => chunk !== '');
  // A draw worked out ahead (ui/input/draw-ahead.ts) is written by its plan's keep as the key is
  // read, and counts as the key's first frame, timed when its bytes are out (keep's `then`, before
  // the sleep that follows them). Before 2026-12-01's fourteenth round it was not counted: such a
  // key's first frame was React's held one, 9-16 ms later and writing nothing.
  frames.planPatch = (rows) => {
    const plan = planPatch(rows);
    return plan && { ...plan, keep: (then) => { const t = performance.now(); const before = out.bytes; plan.keep(() => { counted(t, before); then?.(); }); } };
  };
  const counted = (t, before) => {
    if (!key) return;
    key.write += performance.now() - t;
    key.bytes += out.bytes - before;
    // The key's first frame: the list's answer, before the body follows.
    key.firstBytes ??= out.bytes - before;
    // From the key's arrival to its first frame written (the list's answer).
    key.firstMs ??= performance.now() - key.at;
  };
  const timedWrite = (writeNow, isCounted) => {
    const t = performance.now();
    const before = out.bytes;
    const r = writeNow();
    if (isCounted(r)) counted(t, before);
    return r;
  };
  const stdin = new FakeStdin();
  const lastProps = new Map();
  const onCommit = (_id, _phase, actualDuration, _base, startTime) => {
    state.lastCommit = performance.now();
    const inRender = Math.min(searches.filter(([t]) => t >= startTime).reduce((sum, [, d]) => sum + d, 0), actualDuration);
    searches = [];
    if (!key) return;
    key.react += actualDuration - inRender;
    key.commits += 1;
    // App's renders (a render-phase update renders it again before the commit) up to the first frame.
    key.firstRenders ??= key.renders;
    // Which panes rendered in this commit: a memoised pane that bailed out keeps its props object.
    const root = instances.default.get(frames)?.container?.current;
    const walk = (f) => {
      for (; f; f = f.sibling) {
        const hit = panes.find(([, c]) => f.elementType === c);
        if (hit && f.memoizedProps !== lastProps.get(hit[0])) {
          lastProps.set(hit[0], f.memoizedProps);
          key.panes[hit[0]] = (key.panes[hit[0]] ?? 0) + (f.actualDuration ?? 0);
        }
        walk(f.child);
      }
    };
    walk(root?.child);
  };
  // App's renders per key, counted by a component that renders it as its own body (same hooks).
  const CountedApp = (props) => {
    if (key) key.renders += 1;
    return App(props);
  };
  const element = React.createElement(React.Profiler, { id: 'app', onRender: onCommit }, React.createElement(CountedApp, { index, version: 1, stories, facts, counter, reading, warnings: [], loading: null, width: 120, height: 40, onDone: () => {} }));
  const instance = render(element, {
    stdout: frames,
    stdin,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
    onRender: ({ renderTime }) => {
      if (key) key.output += renderTime;
    },
  });
  const ink = instances.default.get(frames);
  const computeLayout = ink.rootNode.onComputeLayout;
  ink.rootNode.onComputeLayout = () => {
    const t = performance.now();
    computeLayout();
    if (key) key.layout += performance.now() - t;
  };
  await idle(200, state);

  // The reducer alone, replayed on a state of the same shape (App's own state is inside React).
  let model = reducer(initialState({ width: 120, height: 40 }), { type: 'results', ...index.search('', { limit: 1000 }), query: '' });
  const reducerMs = (input) => {
    const t = performance.now();
    for (const a of inputActions(model, input, {}, false)) model = reducer(model, a);
    return performance.now() - t;
  };

  const press = async (input) => {
    const k = newKey();
    k.reducer = reducerMs(input);
    key = k;
    k.at = performance.now();
    stdin.write(input);
    await idle(60, state);
    key = null;
    return k;
  };
  const report = {};
  const run = async (name, inputs) => {
    const keys = [];
    for (const input of inputs) keys.push(await press(input));
    const phases = ['reducer', 'search', 'react', 'layout', 'output', 'write', 'bytes', 'firstBytes', 'firstMs', 'commits', 'renders', 'firstRenders'];
    report[name] = Object.fromEntries(phases.map((p) => [p, median(keys.map((k) => k[p]))]));
    const names = [...new Set(keys.flatMap((k) => Object.keys(k.panes)))];
    report[name].panes = Object.fromEntries(names.map((n) => [n, { renders: keys.filter((k) => n in k.panes).length, ms: median(keys.map((k) => k.panes[n] ?? 0)) }]));
    report[name].keys = keys.length;
    // Each key's writes to the terminal (bytes), in order: the list's answer first, what follows after.
    report[name].sent = keys.map((k) => k.sent);
  };
  // Each sequence once untimed, as the key-to-screen bench first records each key's answer: the
  // timed pass then meets what a reader's second look meets (rows painted, coins detected).
  const fresh = () => reducer(initialState({ width: 120, height: 40 }), { type: 'results', ...index.search('', { limit: 1000 }), query: '' });
  for (const timed of [false, true]) {
    await press('/');
    model = reducer(model, { type: 'command', command: 'startSearch' });
    if (timed) {
      // A word typed for the first time (every query searched), then the word of the untimed pass
      // typed again, as the key-to-screen bench does (its queries answered from the recent ones).
      await run('typingFirst', [...'solana']);
      await press('\x15');
      await run('typing', [...'bitcoin']);
    } else for (const c of 'bitcoin') await press(c);
    await press('\x15');
    await press('\r');
    model = fresh();
    if (timed) await run('j', Array(8).fill('j'));
    else for (let i = 0; i < 8; i++) await press('j');
    await press('g');
    model = fresh();
  }
  // A whole frame, for scale: a resize makes the writer draw every row.
  const before = out.bytes;
  out.emit('resize');
  await idle(60, state);
  report.fullFrameBytes = out.bytes - before;
  instance.unmount();
  words?.close();
  reading.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit(0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await child(process.argv[2], process.argv[3]);
