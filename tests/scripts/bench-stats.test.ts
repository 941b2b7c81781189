// The bench's timing helpers (scripts/bench/stats.mjs): medians, commands timed in turns, ratios per round.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script of the bench, without type declarations.
import { interleavedCommands, median, pairedRatio } from '../../scripts/bench/stats.mjs';

describe('median', () => {
  it('takes the middle of an odd list and the mean of the middle two of an even one', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('pairedRatio', () => {
  it('is the median of each round’s own ratio, not the ratio of the medians', () => {
    // Rounds in two speed bands: each command is 2x its baseline in its own round.
    const base = [100, 150, 100, 150, 150];
    const ours = base.map((b) => 2 * b);
    expect(pairedRatio(ours, base)).toBe(2);
    // Medians taken apart would mix the bands when they fall differently.
    expect(median([200, 200, 200, 300, 300]) / median([150, 150, 150, 100, 100])).not.toBe(2);
  });
});

describe('interleavedCommands', () => {
  it('times every command once a round, in round order, a warm-up untimed', () => {
    const node = process.execPath;
    const times = interleavedCommands(3, { a: [node, ['-e', '0']], b: [node, ['-e', '0']] });
    expect(Object.keys(times)).toEqual(['a', 'b']);
    for (const ms of Object.values(times) as number[][]) {
      expect(ms).toHaveLength(3);
      for (const x of ms) expect(x).toBeGreaterThan(0);
    }
  });

  it('rotates the order each round, so no command always runs first', () => {
    const log = path.join(os.tmpdir(), `bench-stats-order-${process.pid}.txt`);
    const append = (name: string): [string, string[]] => ['sh', ['-c', `printf ${name} >> '${log}'`]];
    interleavedCommands(2, { a: append('a'), b: append('b'), c: append('c') });
    const order = fs.readFileSync(log, 'utf8');
    fs.rmSync(log);
    // Warm-up a, b, c; round one a, b, c; round two b, c, a.
    expect(order).toBe('abcabcbca');
  });
});
