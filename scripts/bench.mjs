#!/usr/bin/env node
// `npm run bench`: measures the scale issue's figures on generated corpora against baselines
// taken in the same run on the same files (`cat`, `rg -l -i`, and the freshness floor: `node -e 0`
// plus a `find` printing every file's size and mtime, the least any freshness check can cost; the
// warm --filter rows and their baseline are timed in turns and their ratio taken per round),
// prints a table of absolute times and ratios, and exits 1 when a figure misses its target.
// Runs the BUILT app (`npm run build` first). Options: --sizes 10000,100000 (1000000 is opt-in:
// 100 folders of 10k, ~4 GB, generated once)  --runs N  --word WORD
// Key-to-screen is measured against fzf over the same titles, in the same run
// (scripts/bench/keys.mjs), with grouping and the pulse on (the defaults) and the counts, the pulse
// and the unread count timed after the list (scale issue: <= 300 ms at 100k, 1 s at 1M), with a
// per-keystroke breakdown (scripts/bench/frame.mjs):
// --rounds N (key-to-screen passes, default 4), --keys-only (only those figures), --no-keys (all
// but those: the scale rows alone), --keys-self (a second fzf in the dashboard's place: the key
// measure against itself, which must read ~1.0x; with --keys-only). Keys typed as the list fills
// (scripts/bench/keys-as-list-fills.mjs: `/` and the word typed into a dashboard just started, as
// soon as its list has filled) are a row of the key figures; --fill-only takes that row alone.
// BENCH_KEYS_DRIVER=spawn times
// keys the way the bench did before 2026-12-01 (a tmux process per command), for comparison;
// BENCH_KEYS_END=capture ends a key at the reply of the capture that showed its answer (the end
// before 2026-12-01's thirteenth round) instead of at the notification of the write it showed.
// BENCH_CORPUS_1M=PATH opens the 1M corpus at PATH (the path a prebuilt index is keyed by: an
// index is found by the folder's path as given) and BENCH_CACHE_HOME=DIR uses DIR as the cache home
// (XDG_CACHE_HOME) instead of .bench/cache: a copy of a built 1M index is used, not rebuilt.
// --help prints this.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { benchArgs } from './bench/args.mjs';
import { binOf } from './bench/bin.mjs';
import { corpusBytes, du, ensureCorpus, ensureFlat, labelOf } from './bench/corpora.mjs';
import { interleavedCommands, median, medianCommand, pairedRatio, timeCommand } from './bench/stats.mjs';
import { measureFrames } from './bench/frame.mjs';
import { KEY_END } from './bench/key-session.mjs';
import { measureKeys } from './bench/keys.mjs';
import { fillFigures, measureKeysAsListFills } from './bench/keys-as-list-fills.mjs';
import { memoryLimit, targetsFor } from './bench/targets.mjs';
import { measureUi } from './bench/ui.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { opt, flag } = benchArgs();
const sizes = opt('sizes', '10000,100000').split(',').map(Number);
const runs = Number(opt('runs', '5'));
const word = opt('word', 'solana');
const rounds = Number(opt('rounds', '4'));
const keysOnly = flag('keys-only');
const noKeys = flag('no-keys');
const keysSelf = flag('keys-self');
const fillOnly = flag('fill-only');
const keysDriver = process.env.BENCH_KEYS_DRIVER === 'spawn' ? 'spawn' : 'control';
if (flag('help')) {
  process.stdout.write(`usage: npm run bench -- [--sizes 10000,100000[,1000000]] [--runs N] [--word WORD]
                        [--rounds N] [--keys-only [--keys-self] | --no-keys | --fill-only]
  --sizes     corpus sizes (1000000 is opt-in: 100 folders of 10k, generated once)
  --runs      median of N for each timed figure (default 5)
  --word      the word --filter and rg look for (default solana)
  --rounds    key-to-screen passes against fzf (default 4)
  --keys-only only the key-to-screen figures and their breakdown
  --no-keys   every figure but those (the scale rows alone)
  --keys-self a second fzf in the dashboard's place (the key measure against itself: ~1.0x)
  --fill-only only the word typed as the list fills (a fresh start per run, --runs of them)
BENCH_KEYS_DRIVER=spawn: keys timed through a tmux process per command (the measure before
2026-12-01) instead of one control-mode client
BENCH_KEYS_END=capture: a key ends when the capture that shows its answer returns (the measure
before 2026-12-01's thirteenth round) instead of when tmux notified the write that capture showed
BENCH_CORPUS_1M=PATH: the 1M corpus opened at PATH (an index is keyed by the path as given);
BENCH_CACHE_HOME=DIR: the cache home instead of .bench/cache (with both, a prebuilt index's copy)
BENCH_FILL_FROM=rows: the word typed as the list fills from the first rows on screen (the warm first
page, before the walk) instead of once the list has filled
`);
  process.exit(0);
}
const TYPED = 'bitcoin';
// Typed queries for the keystroke figure: common words, a multi-word query, a field filter, a
// typo (read as its nearest corpus word: the typo rule), a word found nowhere (a full scan), and negations and a coin the index decides.
const QUERIES = ['bitcoin', 'etf sec', 'solana fees', 'halcyon mining', 'tag:mining bitcoin', 'bitconi', 'zzqx', 'regulator delays decision', 'solana -etf', 'coin:eth -sec'];

if (!fs.existsSync(binOf(repo)) || !fs.existsSync(path.join(repo, 'dist/core/load/load.js'))) {
  process.stderr.write('bench: dist/ is missing; run `npm run build` first\n');
  process.exit(2);
}

// The baselines are other programs; without one a ratio cannot be taken.
for (const tool of ['rg', 'find']) {
  if (timeCommand('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    process.stderr.write(`bench: \`${tool}\` is needed for a baseline (${tool === 'rg' ? 'install ripgrep' : 'install findutils'})\n`);
    process.exit(2);
  }
}

const cacheHome = process.env.BENCH_CACHE_HOME ? path.resolve(process.env.BENCH_CACHE_HOME) : path.join(repo, '.bench', 'cache');
const env = { ...process.env, XDG_CACHE_HOME: cacheHome };
const cli = binOf(repo);
const child = (dir, mode, queries = []) => {
  const r = timeCommand(process.execPath, [path.join(repo, 'scripts/bench/searchable.mjs'), dir, mode, JSON.stringify(queries)], { env, capture: true });
  if (r.status !== 0) return { failed: `searchable.mjs ${mode} exited ${r.status}: ${r.stderr.trim().split('\n').slice(-1)[0] ?? ''}` };
  return { wallMs: r.ms, ...JSON.parse(r.stdout) };
};

// The cold figures of several cold children: each figure's median (the peak RSS: the largest), every run kept for the row's note.
const coldFigures = (runs) => {
  const failed = runs.find((r) => r.failed);
  if (failed) return failed;
  const mid = (key) => median(runs.map((r) => r[key]));
  return { runs, searchableAtMs: mid('searchableAtMs'), fullTextAtMs: mid('fullTextAtMs'), fullTextOk: runs.every((r) => r.fullTextOk), listCpuMs: mid('listCpuMs'), loadMs: mid('loadMs'), maxRssBytes: Math.max(...runs.map((r) => r.maxRssBytes)) };
};

const rows = [];
let failed = false;
const ms = (x) => (x === null || x === undefined ? 'n/a' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
// Key-to-screen medians are ~0.5-5 ms: a tenth of a millisecond is a tenth of the `j` figure.
const keyMs = (x) => (x !== null && x !== undefined && x < 10 ? `${x.toFixed(2)} ms` : ms(x));
const mb = (x) => `${(x / 1e6).toFixed(0)} MB`;
const ratio = (x, base) => (x === null || x === undefined ? '' : `${(x / base).toFixed(2)}x`);
// pass: true / false (a target), null (information only). A figure that could not be taken fails.
const row = (figure, size, ours, baseline, r, target, pass) => {
  if (pass === false) failed = true;
  rows.push([figure, size, ours, baseline, r, target, pass === null ? 'info' : pass ? 'PASS' : 'FAIL']);
};
const within = (x, limit) => x !== null && x !== undefined && Number.isFinite(x) && x <= limit;

for (const n of sizes) {
  const t = targetsFor(n);
  const label = labelOf(n);
  const dir = n === 1_000_000 && process.env.BENCH_CORPUS_1M ? process.env.BENCH_CORPUS_1M : ensureCorpus(repo, n);
  if (fillOnly) {
    indexForKeys(label, dir);
    await keysAsListFills(label, dir, t);
    continue;
  }
  if (!noKeys) await keyFigures(label, dir, t);
  if (keysOnly) continue;
  const bytes = corpusBytes(dir);
  process.stderr.write(`[${label}] ${mb(bytes)}; baselines (machine shared with other work: ratios, not absolute times, count) ...\n`);
  // The trailing slash makes find descend into a corpus folder that is a symlink (a worktree
  // sharing another checkout's corpora) instead of listing the link itself and reading nothing.
  const cat = medianCommand(runs, 'sh', ['-c', `find '${dir}/' -name '*.md' -exec cat {} + > /dev/null`]);
  // rg is the filter's baseline at 1M (then timed in turns with it, below), an info row elsewhere.
  const rg = t.filter.base === 'rg' ? null : medianCommand(runs, 'rg', ['-l', '-i', word, dir]);

  // The dashboard's peak RSS after typing, warm: started twice, the word typed once it is at rest,
  // the second start's figure kept. An index without facts (the cold child's, below, holds none)
  // has the first start compute and store them (at 1M a 2.5 GB peak, minutes); the second reads them back.
  process.stderr.write(`[${label}] dashboard after typing, for its peak RSS (two starts) ...\n`);
  const typedEnv = { XDG_CACHE_HOME: cacheHome, XDG_STATE_HOME: path.join(repo, '.bench', 'state') };
  const typedReadyMs = label === '1m' ? 1_800_000 : 600_000;
  const typedRuns = [await measureUi(repo, dir, typedEnv, TYPED, typedReadyMs), await measureUi(repo, dir, typedEnv, TYPED, typedReadyMs)];
  for (const r of typedRuns) if (r.error) process.stderr.write(`[${label}] ${r.error}\n`);

  // Timed `runs` times like every other figure (each from an empty cache home), the medians kept:
  // on this kind of machine the same cold load's CPU moves by a quarter from one minute to the next
  // (BENCHMARKS.md, the forty-second round), and one run read as either end. The million once.
  process.stderr.write(`[${label}] cold loads (no index yet) ...\n`);
  const colds = Array.from({ length: label === '1m' ? 1 : runs }, () => {
    fs.rmSync(cacheHome, { recursive: true, force: true });
    return child(dir, 'cold');
  });
  const cold = coldFigures(colds);
  process.stderr.write(`[${label}] warm loads ...\n`);
  const warm = Array.from({ length: runs }, () => child(dir, 'warm')).filter((w) => !w.failed);
  const typing = child(dir, 'warm', QUERIES);
  const keys = typing.failed ? [] : Object.values(typing.keystrokes).flat();
  if (!typing.failed) for (const [q, k] of Object.entries(typing.keystrokes)) process.stderr.write(`[${label}]   "${q}": ${k.map((x) => x.toFixed(1)).join(' ')} ms\n`);
  const indexBytes = du(path.join(cacheHome, 'crypto-news-tui'));

  process.stderr.write(`[${label}] --filter ...\n`);
  // Terms the index decides in SQL besides the words (a negated word, a coin, a source): no body read.
  const fieldQuery = `${word} -etf -coin:btc -source:decrypt`;
  // The two filters and their baseline timed in turns, each ratio taken per round (interleavedCommands): at
  // 10k and 100k a run is under a second, so seven rounds at least; at 1M a filter takes minutes, so `runs`.
  const turns = interleavedCommands(n >= 1_000_000 ? runs : Math.max(runs, 7), {
    filter: [process.execPath, [cli, '--filter', word, '--print', 'path', dir], { env }],
    filterFields: [process.execPath, [cli, '--filter', fieldQuery, '--print', 'path', dir], { env }],
    nodeStart: [process.execPath, ['-e', '0']],
    stats: ['sh', ['-c', `find '${dir}/' -name '*.md' -printf '%s %T@\\n' > /dev/null`]],
    ...(t.filter.base === 'rg' ? { rg: ['rg', ['-l', '-i', word, dir]] } : {}),
  });
  const floorTurns = turns.nodeStart.map((x, i) => x + turns.stats[i]);
  const baseTurns = t.filter.base === 'floor' ? floorTurns : turns.rg;
  const [filter, filterFields, nodeStart, stats] = [turns.filter, turns.filterFields, turns.nodeStart, turns.stats].map(median);
  const floor = median(floorTurns);
  // An environment that names extra CA certificates (this workplace's does) makes every Node
  // start read and parse the whole bundle (~40 ms): the floor and the filter are timed again
  // without it, for what a stock machine would see (an info row; the targets keep the
  // environment as found).
  const { NODE_EXTRA_CA_CERTS: extraCa, ...envBare } = env;
  const bare = extraCa === undefined ? null : {
    node: medianCommand(runs, process.execPath, ['-e', '0'], { env: envBare }),
    filter: medianCommand(runs, process.execPath, [cli, '--filter', word, '--print', 'path', dir], { env: envBare }),
  };
  process.stderr.write(`[${label}] dashboard in tmux ...\n`);
  // Keys are timed against fzf in keyFigures; here only the start-up. The list is filled once a
  // warm load has checked every file: at a million, minutes under load (as keyFigures waits).
  // Its own reading state too: the one in the home holds every article any earlier run saw (a
  // million after one run at 1M), read whole before the UI's first frame (~3 s of CPU at 1M keys),
  // which "list filled" then measured instead of the dashboard's start.
  // Timed `runs` times like every other figure, the median kept: one run of a start-up on this
  // kind of machine lands in one of two bands ~100 ms apart (BENCHMARKS, twenty-third round).
  const uiRuns = [];
  for (let i = 0; i < (label === '1m' ? 1 : runs); i++) uiRuns.push(await measureUi(repo, dir, { XDG_CACHE_HOME: cacheHome, XDG_STATE_HOME: path.join(repo, '.bench', 'state') }, '', label === '1m' ? 900_000 : 60_000));
  const failedUi = uiRuns.find((r) => r.error);
  const medianOf = (key) => (failedUi ? null : median(uiRuns.map((r) => r[key])));
  const ui = { firstFrameMs: medianOf('firstFrameMs'), listRowsMs: medianOf('listRowsMs'), listReadyMs: medianOf('listReadyMs'), error: failedUi?.error ?? null };
  const uiNote = ui.error ? ` (${ui.error.split('\n')[0]})` : uiRuns.length > 1 ? ` (median of ${uiRuns.length}: ${uiRuns.map((r) => Math.round(r.firstFrameMs)).join(', ')} ms)` : '';

  row('first frame (borders and status line), warm', label, ms(ui.firstFrameMs) + uiNote, '', '', `< ${t.firstFrameMs} ms`, within(ui.firstFrameMs, t.firstFrameMs));
  row('list rows visible, warm', label, ms(ui.listRowsMs) + (uiRuns.length > 1 && !ui.error ? ` (median of ${uiRuns.length}: ${uiRuns.map((r) => Math.round(r.listRowsMs)).join(', ')} ms)` : ''), '', '', `< ${t.listRowsMs} ms`, within(ui.listRowsMs, t.listRowsMs));
  row('list filled, no "loading" left, warm (tmux)', label, ms(ui.listReadyMs), '', '', '', null);
  // The list and field filters are usable once the loader has written every row; the full text
  // follows on its own thread (the index's text build).
  const coldMs = cold.failed ? null : cold.searchableAtMs;
  const coldNote = cold.failed ? ` (${cold.failed})` : cold.runs.length > 1 ? ` (median of ${cold.runs.length}: ${cold.runs.map((r) => ms(r.searchableAtMs)).join(', ')})` : '';
  const fullMs = cold.failed || !cold.fullTextOk ? null : cold.fullTextAtMs;
  const fullNote = cold.failed ? coldNote : !cold.fullTextOk ? ' (the text build did not complete)' : cold.runs.length > 1 ? ` (median of ${cold.runs.length}: ${cold.runs.map((r) => ms(r.fullTextAtMs)).join(', ')})` : '';
  row('cold start: list and field filters usable', label, ms(coldMs) + coldNote, `cat ${ms(cat)}`, ratio(coldMs, cat), `<= ${t.coldListVsCat}x cat`, within(coldMs / cat, t.coldListVsCat));
  row('cold start: full text searchable', label, ms(fullMs) + fullNote, `cat ${ms(cat)}`, ratio(fullMs, cat), `<= ${t.coldFullVsCat}x cat`, within(fullMs / cat, t.coldFullVsCat));
  // What the other work on a shared machine stretches least: the CPU the cold child's threads used until the list.
  if (!cold.failed && cold.listCpuMs !== undefined) row('(cold: CPU of every thread until the list)', label, ms(cold.listCpuMs), '', '', '', null);
  const keyMedian = keys.length ? median(keys) : null;
  const keyMax = keys.length ? keys.reduce((a, b) => Math.max(a, b), 0) : null;
  row(`search alone, replayTyping (${keys.length} keys)`, label, typing.failed ? typing.failed : `median ${ms(keyMedian)}, max ${ms(keyMax)}`, '', '', `median <= ${t.keyMedianMs} ms, max <= ${t.keyMaxMs} ms`, within(keyMedian, t.keyMedianMs) && within(keyMax, t.keyMaxMs));
  const baseText = `${t.filter.base === 'floor' ? `floor ${ms(floor)}` : `rg ${ms(median(turns.rg))}`} (ratio: median of ${baseTurns.length} rounds' own)`;
  const filterTarget = `<= ${t.filter.ratio}x ${t.filter.base === 'floor' ? 'freshness floor' : 'rg -l -i'}`;
  const filterRatio = pairedRatio(turns.filter, baseTurns);
  const fieldsRatio = pairedRatio(turns.filterFields, baseTurns);
  row(`--filter ${word} --print path, warm`, label, ms(filter), baseText, `${filterRatio.toFixed(2)}x`, filterTarget, within(filterRatio, t.filter.ratio));
  row(`--filter "${fieldQuery}" --print path, warm`, label, ms(filterFields), baseText, `${fieldsRatio.toFixed(2)}x`, filterTarget, within(fieldsRatio, t.filter.ratio));
  row('(freshness floor: node -e 0 + find -printf size, mtime)', label, ms(floor), `node ${ms(nodeStart)} + find ${ms(stats)}`, '', '', null);
  if (t.filter.base !== 'rg') row(`(rg -l -i ${word})`, label, ms(rg), '', ratio(filter, rg), '', null);
  if (bare) row(`(--filter ${word} without NODE_EXTRA_CA_CERTS)`, label, ms(bare.filter), `floor ${ms(bare.node + stats)}`, ratio(bare.filter, bare.node + stats), '', null);
  // The issue's figure is the dashboard's after typing (its facts, pulse and UI beside the index);
  // the search child (loads, prepares, replays the typed queries) is taken too, and the higher counts.
  const childRss = warm.length || !typing.failed ? Math.max(0, ...warm.map((w) => w.maxRssBytes), typing.maxRssBytes ?? 0) : null;
  const [firstStart, dashRss] = typedRuns.map((r) => (r.error ? null : r.peakRssBytes));
  const rssWarm = childRss === null || dashRss === null ? null : Math.max(childRss, dashRss);
  const warmLimit = memoryLimit(t.rssWarm, bytes);
  const rssParts = `dashboard ${dashRss === null ? 'n/a' : mb(dashRss)} (its first start ${firstStart === null ? 'n/a' : mb(firstStart)}), search child ${childRss === null ? 'n/a' : mb(childRss)}`;
  row('peak RSS, warm (dashboard after typing; search child)', label, `${rssWarm === null ? 'n/a' : mb(rssWarm)} (${rssParts})`, `corpus ${mb(bytes)}`, ratio(rssWarm, bytes), warmLimit?.text ?? '', warmLimit ? within(rssWarm, warmLimit.bytes) : null);
  const coldLimit = memoryLimit(t.rssCold, bytes);
  const rssCold = cold.failed ? null : cold.maxRssBytes;
  row('peak RSS, cold', label, rssCold === null ? `n/a${coldNote}` : mb(rssCold), `corpus ${mb(bytes)}`, ratio(rssCold, bytes), coldLimit?.text ?? '', coldLimit ? within(rssCold, coldLimit.bytes) : null);
  row('index (cache) on disk', label, mb(indexBytes), `corpus ${mb(bytes)}`, ratio(indexBytes, bytes), t.indexVsCorpus ? `<= ${t.indexVsCorpus}x corpus` : '', t.indexVsCorpus ? indexBytes <= t.indexVsCorpus * bytes : null);
  if (n >= 1_000_000) {
    const flat = ensureFlat(dir);
    process.stderr.write(`[${label}] one folder of ${n.toLocaleString('en-US')} files ...\n`);
    const r = timeCommand(process.execPath, [cli, '--no-cache', '--filter', word, '--print', 'path', flat], { env, capture: true });
    const ok = r.status === 0 && r.stdout.length > 0;
    const why = ok ? `${r.stdout.split('\n').filter(Boolean).length} matches in ${ms(r.ms)}` : `exit ${r.status}: ${r.stderr.trim().split('\n').slice(-1)[0] ?? ''}`;
    row('a folder of all files, no subfolders (--no-cache --filter)', label, why, '', '', 'loads, no crash', ok);
  }
  if (!cold.failed && warm.length) process.stderr.write(`[${label}] phases (warm): load ${ms(median(warm.map((w) => w.loadMs)))}, index ${ms(median(warm.map((w) => w.indexMs)))}; cold: load ${ms(cold.loadMs)}\n`);
}

/** The same keys' medians (two decimals) to each end (KEY_END and the other), for side-by-side checks. */
function bothEnds(label, what, ours, fzf) {
  if (!ours.ms.length || !fzf.ms.length) return;
  const other = KEY_END === 'screen' ? 'capture' : 'screen';
  const at = (name, a, b) => `ended at the ${name}: median ${median(a).toFixed(2)} vs fzf ${median(b).toFixed(2)} ms, ${(median(a) / median(b)).toFixed(2)}x`;
  process.stderr.write(`[${label}]   ${what}: ${at(KEY_END, ours.ms, fzf.ms)}; the same keys ${at(other, ours.other, fzf.other)}\n`);
}

/**
 * The index the key figures start warm on, its full text included. A cold start would be building
 * the text while keys are timed, and its progress in the status line would change the screen
 * each key is waited for.
 */
function indexForKeys(label, dir) {
  process.stderr.write(`[${label}] index for the key timing (full text included) ...\n`);
  const ready = child(dir, 'warm');
  if (ready.failed || !ready.fullTextOk) process.stderr.write(`[${label}] the index is not complete: ${ready.failed ?? 'text build incomplete'}\n`);
}

/**
 * How long a dashboard may take to come to rest. A warm million checks every file's stamp and
 * reads its facts back before it is ready (minutes under load). The index built for the keys holds
 * no facts yet: the first dashboard over a big folder computes them and groups its stories before
 * it is ready (at 100k, minutes under load).
 */
function restMsOf(label) {
  return label === '1m' ? 900_000 : label === '10k' ? 120_000 : 600_000;
}

/** `/` and the word typed into a dashboard just started, as its list fills: a row, per-key times to stderr. */
async function keysAsListFills(label, dir, t) {
  process.stderr.write(`[${label}] key-to-screen, "${TYPED}" typed as the list fills (${runs} start${runs === 1 ? '' : 's'}; ${keysDriver} driver, ends at the ${KEY_END}) ...\n`);
  const f = await measureKeysAsListFills(repo, dir, { XDG_CACHE_HOME: cacheHome }, { word: TYPED, runs, readyMs: restMsOf(label), driver: keysDriver });
  for (const [i, r] of f.runs.entries()) {
    const each = r.ms.map((x, k) => `${f.keys[k]} ${x.toFixed(1)}`).join(', ');
    process.stderr.write(`[${label}]   as the list fills, start ${i + 1} (${f.from} ${ms(r.fromMs)} after launch): ${each} ms${r.error ? `; stopped: ${r.error}` : ''}\n`);
  }
  const what = `key-to-screen, "${TYPED}" typed as the list fills`;
  const target = `median <= ${t.keysAsListFills.medianMs} ms, max <= ${t.keysAsListFills.maxMs} ms`;
  if (f.error) {
    row(`${what} (${f.keys.length} keys a start)`, label, `n/a (${f.error.split('\n')[0]})`, '', '', target, false);
    process.stderr.write(`${f.error}\n`);
    return;
  }
  const g = fillFigures(f.runs, t.keysAsListFills);
  const ours = g.error ? `n/a (${g.error})` : `median ${ms(g.median)}, max ${ms(g.max)} (first key at "${f.from}", median ${ms(median(f.runs.map((r) => r.fromMs)))} after launch)`;
  row(`${what} (${g.keys} keys)`, label, ours, '', '', target, g.pass);
}

/** Key-to-screen against fzf (same run, alternating) and the per-keystroke breakdown. */
async function keyFigures(label, dir, t) {
  indexForKeys(label, dir);
  const subject = keysSelf ? 'fzf' : 'dashboard';
  process.stderr.write(`[${label}] key-to-screen: ${subject} and fzf in tmux (${keysDriver} driver, ends at the ${KEY_END}), alternating, ${rounds} rounds ...\n`);
  const k = await measureKeys(repo, dir, { XDG_CACHE_HOME: cacheHome }, { word: TYPED, rounds, readyMs: restMsOf(label), against: subject, driver: keysDriver });
  if (k.error) {
    row('key-to-screen', label, `n/a (${k.error.split('\n')[0]})`, '', '', '', false);
    process.stderr.write(`${k.error}\n`);
  } else if (keysSelf) {
    // The measure against itself: a ratio away from 1.0x is the measure's own error.
    const [a, b] = [k.dashboard, k.fzf];
    for (const [what, kind] of [[`typing "${TYPED}"`, 'type'], ['Down', 'move']]) {
      const [am, bm] = [median(a[kind].ms), median(b[kind].ms)];
      row(`key-to-screen, fzf against fzf, ${what} (${a[kind].ms.length} keys)`, label, `median ${keyMs(am)}, max ${ms(Math.max(...a[kind].ms))}`, `fzf median ${keyMs(bm)}, max ${ms(Math.max(...b[kind].ms))}`, `${(am / bm).toFixed(2)}x`, '~1.0x (the measure itself)', null);
      process.stderr.write(`[${label}]   fzf ${what}: ${a[kind].ms.map((x) => x.toFixed(1)).join(' ')} ms; fzf (baseline): ${b[kind].ms.map((x) => x.toFixed(1)).join(' ')} ms\n`);
      bothEnds(label, what, a[kind], b[kind]);
    }
    return;
  } else {
    const d = k.dashboard;
    const f = k.fzf;
    const [tMed, tMax, fMed, fMax] = [median(d.type.ms), Math.max(...d.type.ms), median(f.type.ms), Math.max(...f.type.ms)];
    row(`key-to-screen, typing "${TYPED}" (${d.type.ms.length} keys)`, label, `median ${keyMs(tMed)}, max ${ms(tMax)}`, `fzf median ${keyMs(fMed)}, max ${ms(fMax)}`, `${(tMed / fMed).toFixed(2)}x, max ${(tMax / fMax).toFixed(2)}x`, 'median <= fzf, max <= 2x fzf max', tMed <= fMed && tMax <= 2 * fMax);
    const [jMed, jMax, gMed, gMax] = [median(d.move.ms), Math.max(...d.move.ms), median(f.move.ms), Math.max(...f.move.ms)];
    row(`key-to-screen, j (fzf: Down) (${d.move.ms.length} keys)`, label, `median ${keyMs(jMed)}, max ${ms(jMax)}`, `fzf median ${keyMs(gMed)}, max ${ms(gMax)}`, `${(jMed / gMed).toFixed(2)}x`, 'median <= fzf', jMed <= gMed);
    // Counts and the pulse, and the unread count: aggregates drawn after the list (grouping and
    // the pulse on, as by default), each timed from the list's answer.
    for (const [what, field] of [['counts and pulse', 'pulseMs'], ['unread count', 'unreadMs']]) {
      const p = d.type[field];
      const [pMed, pMax] = [median(p), Math.max(...p)];
      row(`${what} after the list, typing "${TYPED}" (${p.length} keys)`, label, `median ${ms(pMed)}, max ${ms(pMax)} after the list`, '', '', `<= ${t.aggregateAfterListMs} ms after the list`, pMax <= t.aggregateAfterListMs);
      process.stderr.write(`[${label}]   ${what} after the list: ${p.map((x) => x.toFixed(0)).join(' ')} ms; at once: ${k.burst[field].map((x) => x.toFixed(0)).join(' ')} ms after the list\n`);
    }
    const b = k.burst;
    const [bl, bp, bu] = [median(b.listMs), Math.max(...b.pulseMs), Math.max(...b.unreadMs)];
    row(`"${TYPED}" typed at once (${b.listMs.length} times): list, then counts and pulse, and the unread count (stale ones dropped)`, label, `list ${ms(bl)} (median); after it: counts and pulse ${ms(median(b.pulseMs))} (median), max ${ms(bp)}; unread count ${ms(median(b.unreadMs))} (median), max ${ms(bu)}`, '', '', `<= ${t.aggregateAfterListMs} ms after the list`, bp <= t.aggregateAfterListMs && bu <= t.aggregateAfterListMs);
    process.stderr.write(`[${label}]   at once: list ${b.listMs.map((x) => x.toFixed(0)).join(' ')} ms\n`);
    const kb = (xs) => `${(median(xs) / 1000).toFixed(1)} kB`;
    row('bytes to the terminal per keystroke (median, all frames)', label, `typing ${kb(d.type.bytes)}, j ${kb(d.move.bytes)}`, `fzf typing ${kb(f.type.bytes)}, Down ${kb(f.move.bytes)}`, '', 'changed rows only', null);
    for (const [kind, xs] of [['typing', d.type.ms], ['j', d.move.ms], ['fzf typing', f.type.ms], ['fzf Down', f.move.ms]]) {
      process.stderr.write(`[${label}]   ${kind}: ${xs.map((x) => x.toFixed(1)).join(' ')} ms\n`);
    }
    bothEnds(label, `typing "${TYPED}"`, d.type, f.type);
    bothEnds(label, 'j (fzf: Down)', d.move, f.move);
  }
  await keysAsListFills(label, dir, t);
  const fr = measureFrames(repo, dir, { XDG_CACHE_HOME: cacheHome });
  if (fr.error) {
    row('keystroke breakdown', label, `n/a (${fr.error})`, '', '', '', null);
    return;
  }
  for (const kind of ['typingFirst', 'typing', 'j']) {
    const b = fr[kind];
    if (kind === 'typingFirst') {
      // The word typed for the first time: every query searched (the timed passes type it again).
      row('breakdown per key, "solana" typed for the first time (in-process, median)', label, `first frame ${ms(b.firstMs)} after the key; search ${ms(b.search)}, React (search excluded) ${ms(b.react)}`, '', '', '', null);
      continue;
    }
    const panes = Object.entries(b.panes).map(([name, p]) => `${name} ${p.renders}/${b.keys} ${ms(p.ms)}`).join(', ');
    row(
      `breakdown per key, ${kind} (in-process, median)`,
      label,
      `first frame ${ms(b.firstMs)} after the key (App rendered ${b.firstRenders}x for it); all frames: reducer ${ms(b.reducer)}, search ${ms(b.search)}, React (search excluded) ${ms(b.react)}, ink layout ${ms(b.layout)}, ink output ${ms(b.output)}, write ${ms(b.write)}; ${b.commits} frame(s) (App rendered ${b.renders}x) writing ${(b.bytes / 1000).toFixed(1)} kB (the first, the list's: ${((b.firstBytes ?? 0) / 1000).toFixed(1)} kB) where a whole frame is ${(fr.fullFrameBytes / 1000).toFixed(1)} kB; panes rendered (keys, React ms): ${panes}`,
      '', '', '', null,
    );
    if (kind === 'typing' || kind === 'j') {
      // Each key's bytes: its first write (the list's answer) and what the frames after it wrote.
      const names = kind === 'typing' ? [...'bitcoin'] : b.sent.map(() => 'j');
      const each = b.sent.map((w, i) => `${names[i] ?? '?'} ${w[0] ?? 0}${w.length > 1 ? `+${w.slice(1).reduce((x, y) => x + y, 0)}` : ''}`).join(', ');
      row(`bytes per key, ${kind} (in-process; first write + the writes after it)`, label, each, '', '', '', null);
    }
  }
}

const header = ['figure', 'size', 'ours', 'baseline', 'ratio', 'target', 'result'];
const lines = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(`\n${os.availableParallelism()} x ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${runs} runs (median), keys through the ${keysDriver} driver ending at the ${KEY_END}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n\n${lines.join('\n')}\n`);
process.exitCode = failed ? 1 : 0;
