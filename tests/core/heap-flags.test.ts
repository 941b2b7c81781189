// The heap's bounds held across threads and loosened while a cold load parses (src/core/heap-flags.ts).
// The young generation shows which flags are in force: held (--semi-space-growth-factor=1) it
// stays at its start-up size while ~3M small objects are kept; loosened it grows to 16 MB
// or more. Each case runs in a child process of the built modules (`npm test` builds first): V8's
// flags are per process, and the test runner's own heap must not decide the figure.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, makeTempDir, write } from './load/loader-fs.js';
import { OLD_GENERATION_PEAK } from '../helpers/heap-probe.js';

const dist = (rel: string): string => JSON.stringify(new URL(`../../dist/${rel}`, import.meta.url).href);

// Keeps ~3M small objects, as a load building its articles does; the new space's size after.
const YOUNG = `
const young = () => {
  const keep = [];
  for (let i = 0; i < 3e6; i++) keep.push({ i, s: 'x' + i });
  return (globalThis.v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')).space_size;
};`;

// Runs `body` as a module file (not `--eval`: worker threads inherit `--input-type`, which refuses
// their file scripts, and the load's parse threads would die at once).
async function child(body: string, args: string[] = []): Promise<Record<string, number>> {
  const script = `import v8 from 'node:v8';\nimport { Worker } from 'node:worker_threads';\nglobalThis.v8 = v8;\n${YOUNG}\nconst startWorker = () => new Promise((resolve) => new Worker('1', { eval: true }).once('exit', resolve));\n${body}`;
  const dir = makeTempDir();
  try {
    const file = path.join(dir, 'child.mjs');
    fs.writeFileSync(file, script);
    const { stdout } = await promisify(execFile)(process.execPath, [file, ...args], { encoding: 'utf8', timeout: 120_000 });
    return JSON.parse(stdout) as Record<string, number>;
  } finally {
    cleanup(dir);
  }
}

const MB = 2 ** 20;
// The flags held as the CLI holds them, and the module that loosens them.
const HELD = `
const { holdHeapFlags, loosenHeapFlags } = await import(${dist('core/heap-flags.js')});
const { heapFlags } = await import(${dist('heap-growth.js')});
holdHeapFlags(heapFlags());`;

// The young generation after `steps` (with the flags held first) and a thread started after them.
const youngAfter = async (steps: string): Promise<number> => (await child(`${HELD}\n${steps}\nawait startWorker();\nprocess.stdout.write(JSON.stringify({ young: young() }));`)).young;

describe('loosenHeapFlags', () => {
  it('loosens the held flags, for the threads started meanwhile too, and holds them again once restored', async () => {
    const loosened = await youngAfter('loosenHeapFlags();');
    expect(loosened).toBeGreaterThanOrEqual(16 * MB);

    const restored = await youngAfter('const restore = loosenHeapFlags();\nawait startWorker();\nrestore();\nrestore();');
    expect(restored).toBeLessThanOrEqual(8 * MB);
  }, 240_000);

  it('keeps the flags loosened until the last of two overlapping loosenings is restored', async () => {
    const young = await youngAfter('const first = loosenHeapFlags();\nloosenHeapFlags();\nfirst();');
    expect(young).toBeGreaterThanOrEqual(16 * MB);
  }, 120_000);

  it('does nothing while no flags are held', async () => {
    const out = await child(`
const { loosenHeapFlags } = await import(${dist('core/heap-flags.js')});
loosenHeapFlags()();
process.stdout.write(JSON.stringify({ young: young() }));`);
    // V8's defaults stay in force: nothing was held to restore.
    expect(out.young).toBeGreaterThanOrEqual(16 * MB);
  }, 120_000);
});

describe('startWithDefaultFlags (a cold load\'s parse threads, started ahead)', () => {
  // V8's tag for code caches hashes the flags' values: a thread that bootstraps while the tag is
  // that of V8's defaults takes the code cache Node embeds for its internals. (The thread's own
  // code runs after its bootstrap, when the flags may be held again: the tag is read here.)
  it('has V8\'s default flags in force while the threads start, and the held ones again once they are online', async () => {
    const out = await child(`
const defaults = v8.cachedDataVersionTag();
${HELD}
const { startWithDefaultFlags } = await import(${dist('core/heap-flags.js')});
const heldTag = v8.cachedDataVersionTag();
const [worker] = startWithDefaultFlags(() => [new Worker('setTimeout(() => {}, 100)', { eval: true })]);
const starting = v8.cachedDataVersionTag();
await new Promise((resolve) => worker.once('online', resolve));
const after = v8.cachedDataVersionTag();
await new Promise((resolve) => worker.once('exit', resolve));
process.stdout.write(JSON.stringify({ defaults, heldTag, starting, after, ended: v8.cachedDataVersionTag() }));`);
    expect(out.heldTag).not.toBe(out.defaults);
    expect(out.starting).toBe(out.defaults);
    expect(out.after).toBe(out.heldTag);
    expect(out.ended).toBe(out.heldTag);
  }, 120_000);

  it('starts a cold load\'s parse threads that way: the flags are held again once they are online', async () => {
    const out = await child(`${HELD}
const { ParseThreads } = await import(${dist('core/load/parse-pool.js')});
const threads = ParseThreads.start(10_000);
const started = [];
for (let w = threads?.take(); w; w = threads.take()) started.push(w);
await Promise.all(started.map((w) => new Promise((resolve) => (w.once('online', resolve), w.once('exit', resolve)))));
const after = young();
started.forEach((w) => void w.terminate());
process.stdout.write(JSON.stringify({ threads: started.length, young: after }));`);
    expect(out.threads).toBeGreaterThan(0);
    // The held --semi-space-growth-factor=1 keeps it at its start-up size; V8's default would double it.
    expect(out.young).toBeLessThanOrEqual(8 * MB);
  }, 120_000);
});

describe('a cold load and the heap flags (built loader)', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir();
    // Enough files for parse threads (load/parse-pool.ts): a load parsing on this thread keeps the flags held.
    for (let i = 0; i < 2_400; i++) write(path.join(root, 'news'), `f${i % 4}/a-${i}.md`, `---\ntitle: Story ${i}\ndate: 2024-01-0${1 + (i % 9)}\n---\nBody ${i}.\n`);
  });
  afterEach(() => cleanup(root));

  // A cold load of the folder: the young generation's size measured while its threads parse (its
  // first articles' callback), then, once the load and every thread it started are done, the old
  // generation's largest size against what is live while garbage passes through it (as
  // tests/heap-growth.test.ts measures it: held, it stays within 2.5x; V8's default lets it reach ~4x).
  const coldLoad = async (): Promise<Record<string, number>> =>
    child(
      `
const { limitHeapGrowth } = await import(${dist('heap-growth.js')});
const { loadCorpus } = await import(${dist('core/load/load.js')});
limitHeapGrowth();
const threads = [];
process.on('worker', (w) => threads.push(new Promise((resolve) => w.once('exit', resolve))));
const [dir, cacheDir] = process.argv.slice(2);
let during = -1;
const result = await loadCorpus([dir], { cacheDir, onArticles: () => void (during < 0 && (during = young())) });
await result.fullText;
await Promise.all(threads);
${OLD_GENERATION_PEAK}
process.stdout.write(JSON.stringify({ young: during, peak, live: old().space_used_size }));`,
      [path.join(root, 'news'), path.join(root, 'cache')],
    );

  it('loosens the flags while its threads parse, and holds them again once it is done', async () => {
    const { young, peak, live } = await coldLoad();
    expect(young).toBeGreaterThanOrEqual(16 * MB);
    expect(live).toBeGreaterThan(30 * MB);
    expect(peak).toBeLessThan(2.5 * live);
  }, 240_000);
});
