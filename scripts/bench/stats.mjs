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

/**
 * Wall times (ms) of several commands timed in turns: one untimed warm-up of each, then `runs` rounds in which
 * every command runs once, the order rotated each round. A ratio against a baseline is then taken per round and
 * its median kept (pairedRatio), so a machine that drifts between speeds touches a command and its baseline alike:
 * this kind of VM starts Node in two bands ~50 ms apart (BENCHMARKS, twenty-fourth round), and medians taken
 * minutes apart could land the command in one band and its baseline in the other.
 *
 * @param {number} runs rounds (>= 1)
 * @param {Record<string, [string, string[], object?]>} commands name -> [cmd, args, spawn options]
 * @returns {Record<string, number[]>} name -> ms per round, in round order
 */
export function interleavedCommands(runs, commands) {
  const names = Object.keys(commands);
  const times = Object.fromEntries(names.map((name) => [name, []]));
  for (const name of names) timeCommand(...commands[name]);
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      times[name].push(timeCommand(...commands[name]).ms);
    }
  }
  return times;
}

/** Median over rounds of `ours[i] / base[i]` (both in round order, as interleavedCommands gives them). */
export function pairedRatio(ours, base) {
  return median(ours.map((x, i) => x / base[i]));
}
