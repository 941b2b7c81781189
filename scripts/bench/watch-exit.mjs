#!/usr/bin/env node
// How long process.exit() waits for the folder watch's crawl (issue 10, the exit rule), without
// the dashboard around it: a process subscribes to DIR (@parcel/watcher, whose subscribe first
// crawls the whole folder on libuv's thread pool), calls process.exit() once the crawl has begun,
// and this script times from that call to the process's end; `crawl` times the whole subscribe.
// Modes: `here` (the subscription in the exiting process, as before 2026-12-01's eighteenth round),
// `process` (the built program's way: dist/core/watch/subscriber.js, a process of its own, killed
// on exit), `none` (no watch: what any exit costs), `crawl` (subscribe until it resolves: the
// crawl itself). Runs the BUILT modules.
// usage: node scripts/bench/watch-exit.mjs DIR [--runs N] [--modes none,here,process,crawl] [--after MS]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchArgs } from './args.mjs';
import { median } from './stats.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { argv, opt } = benchArgs();

if (argv[0] === '--child') {
  // The measured process: [--child, mode, dir, afterMs].
  const [, mode, given, after] = argv;
  // The watch is given a folder's real path (watch-here.ts follows a linked root the same way).
  const dir = fs.realpathSync(given);
  const started = performance.now();
  let subscribed;
  if (mode === 'process') {
    const { subscribeInProcess, watchProcessScript } = await import(pathToFileURL(path.join(repo, 'dist/core/watch/subscriber.js')).href);
    subscribed = subscribeInProcess(watchProcessScript()).subscribe(path.resolve(dir), ['**/.*', '**/node_modules'], () => {});
  } else if (mode === 'none') {
    subscribed = Promise.resolve();
  } else {
    const { default: parcel } = await import('@parcel/watcher');
    subscribed = parcel.subscribe(path.resolve(dir), () => {}, { ignore: ['**/.*', '**/node_modules'] });
  }
  if (mode === 'crawl') {
    await subscribed;
    process.stdout.write(`${performance.now() - started}\n`);
    process.exit(0);
  }
  subscribed.catch(() => {});
  setTimeout(() => {
    const { user, system } = process.cpuUsage();
    process.stdout.write(`${Date.now()} ${(user + system) / 1000}\n`);
    process.exit(0);
  }, Number(after));
} else {
  const dir = argv.find((a) => !a.startsWith('--'));
  const runs = Number(opt('runs', '3'));
  const modes = opt('modes', 'none,here,process,crawl').split(',');
  const after = opt('after', '500');
  const once = (mode) =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, dir, after], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('exit', () => {
        const ended = Date.now();
        const [a] = out.trim().split(' ').map(Number);
        resolve(mode === 'crawl' ? a : ended - a);
      });
    });
  for (const mode of modes) {
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await once(mode));
    const what = mode === 'crawl' ? 'subscribe (the crawl)' : 'process.exit() to the end';
    process.stdout.write(`${mode}: ${what}: median ${Math.round(median(times))} ms of ${times.map(Math.round).join(', ')}; load ${os.loadavg()[0].toFixed(1)}\n`);
  }
}
