// Small timing helpers for the benchmark: medians, and the wall time of a whole command.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** Median of a list of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Wall-clock ms of one run of a command (output discarded unless captured), with its result. */
export function timeCommand(cmd, args, opts = {}) {
  const start = performance.now();
  const result = spawnSync(cmd, args, { stdio: ['ignore', opts.capture ? 'pipe' : 'ignore', 'pipe'], maxBuffer: 1 << 30, ...opts });
  const ms = performance.now() - start;
  if (result.error) throw result.error;
  return { ms, status: result.status, stdout: result.stdout?.toString() ?? '', stderr: result.stderr?.toString() ?? '' };
}

/** Median wall time of `runs` runs after one untimed warm-up (page cache, disk). */
export function medianCommand(runs, cmd, args, opts = {}) {
  timeCommand(cmd, args, opts);
  const times = [];
  for (let i = 0; i < runs; i++) times.push(timeCommand(cmd, args, opts).ms);
  return median(times);
}
