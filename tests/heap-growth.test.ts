// The heap growth the CLI sets as it starts (src/heap-growth.ts). Old generation: in a process that keeps some
// data and makes garbage that lives long enough to reach the old generation (as a load does), the
// old generation's committed size stays within twice and a half of what is live, where V8's own
// dynamic factor let it reach about four times. Each case runs in a child process: V8 flags are
// per process, and the test runner's own heap must not decide the figure.
import { describe, expect, it } from 'vitest';
import { OLD_GENERATION_PEAK } from './helpers/heap-probe.js';
import { nodeOutput } from './helpers/run-child.js';

// The built module (npm test builds first), as the CLI runs it.
const MODULE = new URL('../dist/heap-growth.js', import.meta.url).href;

// The old generation's largest committed size while garbage passes through it and, after a full
// collection, what is live in it (helpers/heap-probe.ts).
// How long one child may run before it counts as hung: its 3M objects take ~1-2 s on a quiet
// machine, and one took over 60 s at load 27 on two cores (ETIMEDOUT). A test runs up to two
// children: its limit is theirs and a margin. They run asynchronously (helpers/run-child.ts says why).
const CHILD_MS = 240_000;

// The child's stdout, once it has exited 0.
const node = (args: string[]): Promise<string> => nodeOutput(args, { timeout: CHILD_MS });

const CHILD = `
import v8 from 'node:v8';
if (process.argv[1] === 'limited') (await import(${JSON.stringify(MODULE)})).limitHeapGrowth();
${OLD_GENERATION_PEAK}
process.stdout.write(JSON.stringify({ peak, live: old().space_used_size }));
`;

async function run(mode: 'limited' | 'default'): Promise<{ peak: number; live: number }> {
  const out = await node(['--input-type=module', '-e', CHILD, mode]);
  return JSON.parse(out) as { peak: number; live: number };
}

// Starts a worker thread (which resets V8's flags to the command line's: Node's behaviour), then
// keeps ~3M small objects alive, as a load building its articles does: V8 doubles the young
// generation while most young objects survive. Reports the new space's size after.
const YOUNG = `
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
if (process.argv[1] === 'limited') (await import(${JSON.stringify(MODULE)})).limitHeapGrowth();
await new Promise((resolve) => new Worker('1', { eval: true }).once('exit', resolve));
const keep = [];
for (let i = 0; i < 3e6; i++) keep.push({ i, s: 'x' + i });
const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
process.stdout.write(JSON.stringify({ young: young.space_size, kept: keep.length }));
`;

async function young(mode: 'limited' | 'default'): Promise<number> {
  const out = await node(['--input-type=module', '-e', YOUNG, mode]);
  return (JSON.parse(out) as { young: number }).young;
}

// Keeps small objects alive in slices while a worker thread starts, as a load does while its stat
// thread starts (each slice well under 1 ms, then the event loop turns), until the thread is online. V8
// raises the young generation's growth factor back to 2 as the thread's isolate is made, long
// before the thread is online. Reports the new space's size once the thread is online. Slices of
// 2,500 objects: a CI machine that brought the thread online quickly saw only 4 slices of 10,000;
// smaller ones allocate as much in the window (without the reapply the space still reaches 8-16 MB)
// and turn the loop 4 times as often.
const DURING_START = `
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
(await import(${JSON.stringify(MODULE)})).limitHeapGrowth();
const keep = [];
let online = false;
const worker = new Worker('setTimeout(() => {}, 200)', { eval: true });
worker.once('online', () => (online = true));
let slices = 0;
while (!online) {
  for (let i = 0; i < 2500; i++) keep.push({ i, s: 'x' + i });
  slices += 1;
  await new Promise((resolve) => setImmediate(resolve));
}
const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
await new Promise((resolve) => worker.once('exit', resolve));
process.stdout.write(JSON.stringify({ young: young.space_size, slices }));
`;

describe('limitHeapGrowth', () => {
  it('keeps the young generation small while a worker thread starts beside a load', async () => {
    const out = JSON.parse(await node(['--input-type=module', '-e', DURING_START])) as { young: number; slices: number };
    // The load ran while the thread started (else the case shows nothing).
    expect(out.slices).toBeGreaterThan(5);
    expect(out.young).toBeLessThanOrEqual(4 * 2 ** 20);
  }, 2 * CHILD_MS + 60_000);

  it('keeps the young generation at its start-up size, also after a worker thread has started', async () => {
    const limited = await young('limited');
    const plain = await young('default');
    expect(plain).toBeGreaterThanOrEqual(16 * 2 ** 20);
    expect(limited).toBeLessThanOrEqual(8 * 2 ** 20);
  }, 2 * CHILD_MS + 60_000);

  it('keeps the old generation near what is live, where V8 by default lets garbage grow it far past', async () => {
    const limited = await run('limited');
    const plain = await run('default');
    expect(limited.live).toBeGreaterThan(30 * 2 ** 20);
    expect(limited.peak).toBeLessThan(2.5 * limited.live);
    expect(limited.peak).toBeLessThan(0.75 * plain.peak);
  }, 2 * CHILD_MS + 60_000);
});
