#!/usr/bin/env node
// `npm run bench`: measures the speed issue's figures on generated 10k and 100k corpora against
// baselines taken in the same run (`cat` and `rg` over the same files), prints a table of
// absolute times and ratios, and exits 1 when a figure misses its target. Runs the BUILT app
// (`npm run build` first). Key-to-screen is measured against fzf over the same titles, in the
// same run (scripts/bench/keys.mjs), with a per-keystroke breakdown (scripts/bench/frame.mjs).
// Options: --sizes 10000,100000  --runs N  --word WORD  --rounds N (key-to-screen passes)
//          --keys-only (only the key-to-screen figures and the breakdown)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { corpusBytes, ensureCorpus } from './bench/corpora.mjs';
import { median, medianCommand, timeCommand } from './bench/stats.mjs';
import { measureFrames } from './bench/frame.mjs';
import { measureKeys } from './bench/keys.mjs';
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
const rounds = Number(opt('rounds', '4'));
const keysOnly = argv.includes('--keys-only');
const TYPED = 'bitcoin';
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
  await keyFigures(label, dir);
  if (keysOnly) continue;
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
  const ui = await measureUi(repo, dir, { XDG_CACHE_HOME: cacheHome });

  row('first frame of the dashboard', label, ms(ui.firstFrameMs), '', '', '< 500 ms', ui.firstFrameMs !== null && ui.firstFrameMs < 500);
  row('list filled (tmux)', label, ms(ui.listReadyMs), '', '', '', null);
  row('corpus fully searchable, warm', label, ms(searchable), `cat ${ms(cat)}`, `${(searchable / cat).toFixed(2)}x`, `<= ${target.searchableVsCat}x cat`, searchable / cat <= target.searchableVsCat);
  row('corpus fully searchable, cold (first run)', label, ms(cold.searchableAtMs), `cat ${ms(cat)}`, `${(cold.searchableAtMs / cat).toFixed(2)}x`, '', null);
  row(`keystroke, replayTyping (${keys.length} keys)`, label, `median ${ms(keyMedian)}, max ${ms(keyMax)}`, '', '', `median <= ${target.keyMedian} ms, max <= ${target.keyMax} ms`, keyMedian <= target.keyMedian && keyMax <= target.keyMax);
  const base = target.filter.base === 'cat' ? cat : rg;
  row(`--filter ${word} --print path, warm`, label, ms(filter), `${target.filter.base} ${ms(base)}`, `${(filter / base).toFixed(2)}x`, `<= ${target.filter.ratio}x ${target.filter.base === 'rg' ? 'rg -l -i' : 'cat'}`, filter / base <= target.filter.ratio);
  if (target.filter.base !== 'rg') row(`(rg -l -i ${word})`, label, ms(rg), '', `${(filter / rg).toFixed(2)}x`, '', null);
  row('resident memory (peak, warm)', label, `${(rss / 1e6).toFixed(0)} MB`, `corpus ${(bytes / 1e6).toFixed(0)} MB`, `${(rss / bytes).toFixed(2)}x`, target.memory ? `<= ${target.memory}x corpus` : '', target.memory ? rss / bytes <= target.memory : null);
  process.stderr.write(`[${label}] phases (warm): load ${ms(median(warm.map((w) => w.loadMs)))}, index ${ms(median(warm.map((w) => w.indexMs)))}; cold: load ${ms(cold.loadMs)}\n`);
}

/** Key-to-screen against fzf (same run, alternating) and the per-keystroke breakdown. */
async function keyFigures(label, dir) {
  process.stderr.write(`[${label}] key-to-screen: dashboard and fzf in tmux, alternating, ${rounds} rounds ...\n`);
  const k = await measureKeys(repo, dir, { XDG_CACHE_HOME: cacheHome }, { word: TYPED, rounds });
  if (k.error) {
    row('key-to-screen', label, `n/a (${k.error.split('\n')[0]})`, '', '', '', false);
    process.stderr.write(`${k.error}\n`);
  } else {
    const d = k.dashboard;
    const f = k.fzf;
    const [tMed, tMax, fMed, fMax] = [median(d.type.ms), Math.max(...d.type.ms), median(f.type.ms), Math.max(...f.type.ms)];
    row(`key-to-screen, typing "${TYPED}" (${d.type.ms.length} keys)`, label, `median ${ms(tMed)}, max ${ms(tMax)}`, `fzf median ${ms(fMed)}, max ${ms(fMax)}`, `${(tMed / fMed).toFixed(2)}x, max ${(tMax / fMax).toFixed(2)}x`, 'median <= fzf, max <= 2x fzf max', tMed <= fMed && tMax <= 2 * fMax);
    const [jMed, jMax, gMed, gMax] = [median(d.move.ms), Math.max(...d.move.ms), median(f.move.ms), Math.max(...f.move.ms)];
    row(`key-to-screen, j (fzf: Down) (${d.move.ms.length} keys)`, label, `median ${ms(jMed)}, max ${ms(jMax)}`, `fzf median ${ms(gMed)}, max ${ms(gMax)}`, `${(jMed / gMed).toFixed(2)}x`, 'median <= fzf', jMed <= gMed);
    const kb = (xs) => `${(median(xs) / 1000).toFixed(1)} kB`;
    row('bytes to the terminal per keystroke (median, all frames)', label, `typing ${kb(d.type.bytes)}, j ${kb(d.move.bytes)}`, `fzf typing ${kb(f.type.bytes)}, Down ${kb(f.move.bytes)}`, '', 'changed rows only', null);
    for (const [kind, xs] of [['typing', d.type.ms], ['j', d.move.ms], ['fzf typing', f.type.ms], ['fzf Down', f.move.ms]]) {
      process.stderr.write(`[${label}]   ${kind}: ${xs.map((x) => x.toFixed(0)).join(' ')} ms\n`);
    }
  }
  const fr = measureFrames(repo, dir, { XDG_CACHE_HOME: cacheHome });
  if (fr.error) {
    row('keystroke breakdown', label, `n/a (${fr.error})`, '', '', '', null);
    return;
  }
  for (const kind of ['typing', 'j']) {
    const b = fr[kind];
    const panes = Object.entries(b.panes).map(([name, p]) => `${name} ${p.renders}/${b.keys} ${ms(p.ms)}`).join(', ');
    row(
      `breakdown per key, ${kind} (in-process, median)`,
      label,
      `reducer ${ms(b.reducer)}, search ${ms(b.search)}, React ${ms(b.react)}, ink layout ${ms(b.layout)}, ink output ${ms(b.output)}, write ${ms(b.write)}; ${b.commits} frame(s), ${(b.bytes / 1000).toFixed(1)} kB of a ${(fr.fullFrameBytes / 1000).toFixed(1)} kB frame; panes rendered (keys, React ms): ${panes}`,
      '', '', '', null,
    );
  }
}

const header = ['figure', 'size', 'ours', 'baseline', 'ratio', 'target', 'result'];
const lines = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(`\n${os.availableParallelism()} x ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${runs} runs (median)\n\n${lines.join('\n')}\n`);
process.exitCode = failed ? 1 : 0;
