// A big folder's first start computes its facts (coins, stories, the pulse's codes) a chunk at a
// time on the facts worker (core/stories/facts-stream.ts): meanwhile the pulse strip counts the
// matches among the articles done so far, says so (`so far N%`) and grows; once every article's
// facts are in it is the exact pulse, unmarked. The corpus is generated here, just above the
// size from which the computation goes a chunk at a time (STREAM_FROM), and its index is built by
// a first `--filter` run, so the dashboard's start is warm with no facts kept yet.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { STREAM_FROM } from '../../src/core/stories/facts-stream.js';
import { hasTmux, TmuxSession } from './tmux.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const FILES = STREAM_FROM + 2_000;

let root: string;
let corpus: string;
let session: TmuxSession | undefined;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-facts-progress-'));
  corpus = path.join(root, 'news');
  const made = spawnSync(process.execPath, [path.join(repo, 'scripts', 'gen-corpus.mjs'), String(FILES), corpus], { encoding: 'utf8' });
  expect(made.status).toBe(0);
  const first = spawnSync(process.execPath, [cli, '--filter', 'zzqqxxnothing', '--print', 'path', corpus], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: path.join(root, 'cache') } });
  expect(first.status).toBe(1);
}, 600_000);

// 22,000 files take a while to remove on a busy machine.
afterAll(() => fs.rmSync(root, { recursive: true, force: true }), 300_000);
afterEach(() => session?.close());

// The strip's sentiment counts (`▲ 5,424 ● 10,894 ▼ 5,444`), after `so far N%` when `partial` (N first).
const sentiments = (screen: string, partial: boolean): number[] | null => {
  const m = (partial ? /so far (\d+)% ▲ ([\d,]+) ● ([\d,]+) ▼ ([\d,]+)/ : /│▲ ([\d,]+) ● ([\d,]+) ▼ ([\d,]+)/).exec(screen);
  return m ? m.slice(1).map((x) => Number(x.replaceAll(',', ''))) : null;
};

describe('the first start over a big folder', () => {
  it('draws a partial pulse, marked, while the facts are computed, then the exact one', async () => {
    if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
    const width = 120;
    const s = new TmuxSession(width, 35, repo, {});
    session = s;
    s.type(`XDG_CACHE_HOME=${path.join(root, 'cache')} node ${cli} ${corpus} > /dev/null`);
    s.send('Enter');
    const early = await s.waitFor((t) => sentiments(t, true) !== null, 'a pulse counted so far', 180_000);
    const [percent, ...soFar] = sentiments(early, true)!;
    expect(percent).toBeLessThan(100);
    // The list is the folder's whole (drafts and expired articles aside), not the part counted.
    const listed = Number(/Articles 1\/([\d,]+)/.exec(early)![1].replaceAll(',', ''));
    expect(listed).toBeGreaterThan(STREAM_FROM);
    expect(soFar.reduce((a, b) => a + b)).toBeLessThan(listed);
    for (const line of early.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    const exact = await s.waitFor((t) => !t.includes('so far') && sentiments(t, false) !== null, 'the exact pulse', 300_000);
    const whole = sentiments(exact, false)!;
    // Counts over part of the folder are lower bounds of the whole's.
    soFar.forEach((n, k) => expect(n).toBeLessThanOrEqual(whole[k]));
    expect(soFar.reduce((a, b) => a + b)).toBeLessThan(whole.reduce((a, b) => a + b));
  }, 600_000);
});
