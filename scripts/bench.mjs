#!/usr/bin/env node
// `npm run bench`: measures the speed issue's figures on generated 10k and 100k corpora against
// baselines taken in the same run (`cat` and `rg` over the same files), prints a table of
// absolute times and ratios, and exits 1 when a figure misses its target. Runs the BUILT app
// (`npm run build` first). Options: --sizes 10000,100000  --runs N  --word WORD
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { corpusBytes, ensureCorpus } from './bench/corpora.mjs';
import { median, medianCommand, timeCommand } from './bench/stats.mjs';
import { measureUi } from './bench/ui.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const sizes = opt('sizes', '10000,100000').split(',').map(Number);
const runs = Number(opt('runs', '5'));
const word = opt('word', 'solana');
// Typed queries for the keystroke figure: common words, a multi-word query, a field filter, a
// typo (fuzzy fallback) and a word found nowhere (a full scan).
const QUERIES = ['bitcoin', 'etf sec', 'solana fees', 'halcyon mining', 'tag:mining bitcoin', 'bitconi', 'zzqx', 'regulator delays decision'];
const TARGETS = {
  10000: { searchableVsCat: 4, keyMedian: 16, keyMax: 50, filter: { base: 'cat', ratio: 4 }, memory: null },
  100000: { searchableVsCat: 3, keyMedian: 50, keyMax: 100, filter: { base: 'rg', ratio: 3 }, memory: 1.5 },
};

if (!fs.existsSync(path.join(repo, 'dist/cli.js')) || !fs.existsSync(path.join(repo, 'dist/core/load.js'))) {
  process.stderr.write('bench: dist/ is missing; run `npm run build` first\n');
  process.exit(2);
}

const cacheHome = path.join(repo, '.bench', 'cache');
const env = { ...process.env, XDG_CACHE_HOME: cacheHome };
const child = (dir, mode, queries = []) => {
  const r = timeCommand(process.execPath, [path.join(repo, 'scripts/bench/searchable.mjs'), dir, mode, JSON.stringify(queries)], { env, capture: true });
  if (r.status !== 0) throw new Error(`searchable.mjs failed: ${r.stderr}`);
  return { wallMs: r.ms, ...JSON.parse(r.stdout) };
};

const rows = [];
let failed = false;
const ms = (x) => (x === null || x === undefined ? 'n/a' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
const row = (figure, size, ours, baseline, ratio, target, pass) => {
  if (pass === false) failed = true;
  rows.push([figure, size, ours, baseline, ratio, target, pass === null ? 'info' : pass ? 'PASS' : 'FAIL']);
};

for (const n of sizes) {
  const target = TARGETS[n] ?? TARGETS[100000];
  const label = `${n / 1000}k`;
  const dir = ensureCorpus(repo, n);
  const bytes = corpusBytes(dir);
  process.stderr.write(`[${label}] ${(bytes / 1e6).toFixed(0)} MB; baselines ...\n`);
  // The trailing slash makes find descend into a corpus folder that is a symlink (a worktree
  // sharing another checkout's corpora) instead of listing the link itself and reading nothing.
  const cat = medianCommand(runs, 'sh', ['-c', `find '${dir}/' -name '*.md' -exec cat {} + > /dev/null`]);
  const rg = medianCommand(runs, 'rg', ['-l', '-i', word, dir]);

  process.stderr.write(`[${label}] cold load (no cache yet) ...\n`);
  fs.rmSync(cacheHome, { recursive: true, force: true });
  const cold = child(dir, 'cold');
  process.stderr.write(`[${label}] warm loads ...\n`);
  const warm = Array.from({ length: runs }, () => child(dir, 'warm'));
  const searchable = median(warm.map((w) => w.searchableAtMs));
  const typing = child(dir, 'warm', QUERIES);
  const keys = Object.values(typing.keystrokes).flat();
  for (const [q, t] of Object.entries(typing.keystrokes)) process.stderr.write(`[${label}]   "${q}": ${t.map((x) => x.toFixed(1)).join(' ')} ms\n`);
  const keyMedian = median(keys);
  const keyMax = Math.max(...keys);
  const rss = Math.max(...warm.map((w) => w.maxRssBytes), typing.maxRssBytes);

  process.stderr.write(`[${label}] --filter ...\n`);
  const filter = medianCommand(runs, process.execPath, [path.join(repo, 'dist/cli.js'), '--filter', word, '--print', 'path', dir], { env });
  process.stderr.write(`[${label}] dashboard in tmux ...\n`);
  const ui = await measureUi(repo, dir, { XDG_CACHE_HOME: cacheHome }, 'bitcoin');

  row('first frame of the dashboard', label, ms(ui.firstFrameMs), '', '', '< 500 ms', ui.firstFrameMs !== null && ui.firstFrameMs < 500);
  row('list filled (tmux)', label, ms(ui.listReadyMs), '', '', '', null);
  row('corpus fully searchable, warm', label, ms(searchable), `cat ${ms(cat)}`, `${(searchable / cat).toFixed(2)}x`, `<= ${target.searchableVsCat}x cat`, searchable / cat <= target.searchableVsCat);
  row('corpus fully searchable, cold (first run)', label, ms(cold.searchableAtMs), `cat ${ms(cat)}`, `${(cold.searchableAtMs / cat).toFixed(2)}x`, '', null);
  row(`keystroke, replayTyping (${keys.length} keys)`, label, `median ${ms(keyMedian)}, max ${ms(keyMax)}`, '', '', `median <= ${target.keyMedian} ms, max <= ${target.keyMax} ms`, keyMedian <= target.keyMedian && keyMax <= target.keyMax);
  const uiKeys = ui.keyMs.length ? `median ${ms(median(ui.keyMs))}, max ${ms(Math.max(...ui.keyMs))}` : `n/a${ui.error ? ` (${ui.error.split('\n')[0]})` : ''}`;
  row('keystroke to screen change (tmux, "bitcoin")', label, uiKeys, '', '', '', null);
  const base = target.filter.base === 'cat' ? cat : rg;
  row(`--filter ${word} --print path, warm`, label, ms(filter), `${target.filter.base} ${ms(base)}`, `${(filter / base).toFixed(2)}x`, `<= ${target.filter.ratio}x ${target.filter.base === 'rg' ? 'rg -l -i' : 'cat'}`, filter / base <= target.filter.ratio);
  if (target.filter.base !== 'rg') row(`(rg -l -i ${word})`, label, ms(rg), '', `${(filter / rg).toFixed(2)}x`, '', null);
  row('resident memory (peak, warm)', label, `${(rss / 1e6).toFixed(0)} MB`, `corpus ${(bytes / 1e6).toFixed(0)} MB`, `${(rss / bytes).toFixed(2)}x`, target.memory ? `<= ${target.memory}x corpus` : '', target.memory ? rss / bytes <= target.memory : null);
  process.stderr.write(`[${label}] phases (warm): load ${ms(median(warm.map((w) => w.loadMs)))}, index ${ms(median(warm.map((w) => w.indexMs)))}; cold: load ${ms(cold.loadMs)}\n`);
}

const header = ['figure', 'size', 'ours', 'baseline', 'ratio', 'target', 'result'];
const lines = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(`\n${os.availableParallelism()} x ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${runs} runs (median)\n\n${lines.join('\n')}\n`);
process.exitCode = failed ? 1 : 0;
