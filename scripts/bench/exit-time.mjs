#!/usr/bin/env node
// How long the dashboard takes to end after the user leaves it (issue 10, the always-restore
// rule): tmux runs the built CLI on a folder in a 120x40 pane; once the list is filled (the
// bench's own test, ui.mjs) a key is sent (C-c, q, or Enter on the first row) and the pane is
// polled for two moments: the terminal given back (the pane leaves the alternate screen) and the
// process gone (its /proc entry gone or a zombie: the shell has the exit code). The time between
// them is what the exit itself held: the fzf contract wants the shell back at once.
// usage: node scripts/bench/exit-time.mjs DIR [--key C-c|q|Enter] [--runs N] [--cold]
//        [--cache DIR] [--settle MS] [--ready-ms MS] [--cli dist/cli.cjs] [--stacks FILE] [--perf FILE] [--env K=V]
// --cold clears the cache folder before each run (a cold start: the index is built); --cache is
// the XDG_CACHE_HOME the runs use (default .cache-exit under the repo); --settle waits that long
// after the list is filled before the key (default 0: "right after"). Prints one line per run and
// the medians; load averages beside them.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { benchArgs } from './args.mjs';
import { listFilled } from './ui.mjs';
import { median } from './stats.mjs';
import { binOf } from './bin.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { argv, opt, flag } = benchArgs();
const dir = argv.find((a, i) => !a.startsWith('--') && (i === 0 || !argv[i - 1].startsWith('--')));
if (!dir) {
  process.stderr.write('usage: exit-time.mjs DIR [--key C-c|q|Enter] [--runs N] [--cold] [--cache DIR] [--settle MS]\n');
  process.exit(2);
}
const key = opt('key', 'C-c');
const runs = Number(opt('runs', '3'));
const cold = flag('cold');
const cache = path.resolve(opt('cache', path.join(repo, '.cache-exit')));
const settle = Number(opt('settle', '0'));
const readyMs = Number(opt('ready-ms', '900000'));
// Diagnosis: once the terminal is back and the process is still there, each thread's stack (gdb) goes to this file.
const stacks = opt('stacks', null);
// Diagnosis: from the key to the process's end, `perf record -g` of the process goes to this file.
const perfFile = opt('perf', null);
// --env K=V (repeatable): more variables for the program (e.g. NODE_OPTIONS for a diagnosis).
const extraEnv = Object.fromEntries(argv.flatMap((a, i) => (a === '--env' && argv[i + 1] ? [argv[i + 1].split(/=(.*)/s).slice(0, 2)] : [])));
const cli = path.resolve(opt('cli', binOf(repo)));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const socket = `exit1m-time-${process.pid}`;
const tmux = (...args) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });

/** The pid of the pane shell's child (the CLI), or null while there is none. */
function childOf(shell) {
  try {
    const kids = fs.readdirSync(`/proc/${shell}/task`).flatMap((t) => fs.readFileSync(`/proc/${shell}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
    return kids.length ? Number(kids[0]) : null;
  } catch {
    return null;
  }
}

/** Alive and not a zombie. */
function running(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

const TICK_MS = 1000 / 100; // USER_HZ
/** CPU time the process has used (user + system, ms), or null once it is gone. */
function cpuOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch {
    return null;
  }
}

async function once(n) {
  if (cold) fs.rmSync(cache, { recursive: true, force: true });
  const status = path.join(os.tmpdir(), `${socket}-${n}.status`);
  fs.rmSync(status, { force: true });
  const state = fs.mkdtempSync(path.join(os.tmpdir(), `${socket}-state-`));
  const vars = { TERM: 'xterm-256color', XDG_CACHE_HOME: cache, XDG_STATE_HOME: state, ...extraEnv };
  const command = `env -u CI ${Object.entries(vars).map(([k, v]) => `${k}=${v}`).join(' ')} ${process.execPath} ${cli} ${dir} > /dev/null; echo $? > ${status}`;
  tmux('new-session', '-d', '-s', 'm', '-x', '120', '-y', '40', 'bash --norc --noprofile');
  try {
    const shell = Number(tmux('display', '-p', '-t', 'm', '#{pane_pid}').trim());
    tmux('send-keys', '-t', 'm', '-l', command);
    const start = performance.now();
    tmux('send-keys', '-t', 'm', 'Enter');
    let pid = null;
    while (performance.now() - start < readyMs) {
      pid ??= childOf(shell);
      if (listFilled(tmux('capture-pane', '-p', '-t', 'm'))) break;
      await sleep(20);
    }
    const readyAt = performance.now() - start;
    if (settle) await sleep(settle);
    pid ??= childOf(shell);
    const rss = (() => {
      try {
        return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
      } catch {
        return NaN;
      }
    })();
    const cpuAtKey = cpuOf(pid);
    let cpuAtRestore = null;
    let cpuLast = cpuAtKey;
    const perf = perfFile ? spawn('perf', ['record', '-q', '-g', '-o', `${perfFile}.${n}`, '-p', String(pid)], { stdio: 'ignore' }) : null;
    if (perf) await sleep(300);
    const sent = performance.now();
    if (extraEnv.EXIT_TRACE) fs.appendFileSync(extraEnv.EXIT_TRACE, `${Date.now()} key sent\n`);
    tmux('send-keys', '-t', 'm', key);
    let restored = null;
    let gone = null;
    while (performance.now() - sent < 600_000 && (restored === null || gone === null)) {
      if (gone === null) cpuLast = cpuOf(pid) ?? cpuLast;
      if (restored === null && tmux('display', '-p', '-t', 'm', '#{alternate_on}').trim() === '0') {
        restored = performance.now() - sent;
        cpuAtRestore = cpuLast;
        if (stacks && running(pid)) {
          const at = performance.now() - sent;
          const r = spawnSync('gdb', ['-p', String(pid), '-batch', '-ex', 'thread apply all bt 25'], { encoding: 'utf8', maxBuffer: 1 << 28 });
          fs.appendFileSync(stacks, `--- ${dir} ${key}, ${Math.round(at)} ms after the key\n${r.stdout}\n`);
        }
      }
      if (gone === null && !running(pid)) gone = performance.now() - sent;
      await sleep(5);
    }
    for (let t = 0; t < 500 && !fs.existsSync(status); t++) await sleep(20);
    if (perf) await new Promise((r) => (perf.exitCode === null ? perf.once('exit', r) : r()));
    const code = fs.existsSync(status) ? fs.readFileSync(status, 'utf8').trim() : '?';
    return { readyAt, restored, gone, code, rss, cpuToRestore: cpuAtRestore - cpuAtKey, cpuAfterRestore: cpuLast - cpuAtRestore };
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
    fs.rmSync(state, { recursive: true, force: true });
    fs.rmSync(status, { force: true });
  }
}

const ms = (v) => (v === null ? '—' : `${Math.round(v)} ms`);
const results = [];
for (let n = 0; n < runs; n++) {
  const load = os.loadavg()[0].toFixed(1);
  const r = await once(n);
  results.push(r);
  process.stdout.write(`run ${n + 1}: list filled ${ms(r.readyAt)}, rss ${Math.round(r.rss)} MB; ${key} -> terminal back ${ms(r.restored)}, process gone ${ms(r.gone)} (exit ${r.code}); CPU ${ms(r.cpuToRestore)} to the terminal back, ${ms(r.cpuAfterRestore)} after; load ${load}\n`);
}
const pick = (f) => median(results.map(f).filter((v) => v !== null));
process.stdout.write(`median (${runs}, ${cold ? 'cold' : 'warm'}, ${path.basename(dir)}, ${key}): terminal back ${ms(pick((r) => r.restored))}, process gone ${ms(pick((r) => r.gone))}, held after restore ${ms(pick((r) => r.gone - r.restored))}; CPU ${ms(pick((r) => r.cpuToRestore))} + ${ms(pick((r) => r.cpuAfterRestore))}; load ${os.loadavg()[0].toFixed(1)}\n`);
