// A warm `--filter` of the built CLI over folders named on the command line: the walk starts on
// its thread before the rest of the CLI loads (cli.ts walkFirst), and the index answers from its
// stamp snapshot before that walk is done (load/refresh.ts). Whatever changed in the folder
// between two runs, the output and exit code are a run without the index's (`--no-cache`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/run-child.js';
import { heapFlags } from '../../src/heap-growth.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
let root: string;
let corpus: string;
let env: NodeJS.ProcessEnv;

async function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const r = await runNode([cli, ...args], { env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The index's answer and the answer without it, which must be the same.
async function both(query: string): Promise<[Awaited<ReturnType<typeof run>>, Awaited<ReturnType<typeof run>>]> {
  return [await run(['--filter', query, '--print', 'path', corpus]), await run(['--no-cache', '--filter', query, '--print', 'path', corpus])];
}

const files = (): string[] => fs.readdirSync(path.join(corpus, '000')).sort().map((f) => path.join(corpus, '000', f));

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-warm-filter-'));
  corpus = path.join(root, 'news');
  // Without CI, and with private folders: no config, no reading state, an index of its own.
  env = { ...process.env, NO_COLOR: '1', CI: '', XDG_CACHE_HOME: path.join(root, 'cache'), XDG_STATE_HOME: path.join(root, 'state'), XDG_CONFIG_HOME: path.join(root, 'config') };
  const made = await runNode([path.join(repo, 'scripts', 'gen-corpus.mjs'), '600', corpus]);
  expect(made.status).toBe(0);
  // The cold run builds the index; the first warm run, finding nothing changed, writes its stamp snapshot.
  expect((await run(['--filter', 'solana', '--print', 'path', corpus])).code).toBe(0);
  expect((await run(['--filter', 'solana', '--print', 'path', corpus])).code).toBe(0);
}, 120_000);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('warm --filter over folders named on the command line', () => {
  it('prints what a run without the index prints, with the same exit code, for matches and for none', async () => {
    for (const query of ['solana', 'solana -etf', 'zzqxnothing']) {
      const [warm, plain] = await both(query);
      expect(warm.stdout).toBe(plain.stdout);
      expect(warm.code).toBe(plain.code);
    }
    expect((await both('solana'))[0].stdout.split('\n').filter(Boolean).length).toBeGreaterThan(10);
  });

  // heap-growth.ts: a V8 flag set at run time makes Node's built-in code cache stale for every
  // thread started after it, so the index's answer (one walk thread) sets no heap flag, and only
  // TurboFan's inlining off once its walk thread runs (filter.ts); a run that loads the corpus, or
  // the dashboard (after its first frames), sets the heap's before loading.
  it('sets only inlining off when the index answers, and bounds the heap of a run that loads the corpus', async () => {
    const log = path.join(root, 'flags.log');
    const preload = path.join(root, 'record-flags.mjs');
    fs.writeFileSync(preload, "import fs from 'node:fs';\nimport v8 from 'node:v8';\nconst set = v8.setFlagsFromString;\nv8.setFlagsFromString = (flags) => {\n  fs.appendFileSync(process.env.FLAGS_LOG, `${flags}\\n`);\n  set(flags);\n};\n");
    const flagsOf = async (args: string[], code: number, cache = env.XDG_CACHE_HOME): Promise<string> => {
      fs.rmSync(log, { force: true });
      const r = await runNode(['--import', pathToFileURL(preload).href, cli, ...args], { env: { ...env, FLAGS_LOG: log, XDG_CACHE_HOME: cache } });
      expect(r.status).toBe(code);
      return fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
    };
    expect(await flagsOf(['--filter', 'solana', '--print', 'path', corpus], 0)).toBe('--no-turbo-inlining\n');
    // Set as the load starts, and again as each of its threads comes online (a new thread resets them).
    const setTimes = (log: string): string[] => log.split('\n').filter(Boolean);
    const loading = setTimes(await flagsOf(['--no-cache', '--filter', 'solana', '--print', 'path', corpus], 0));
    expect(loading.length).toBeGreaterThan(0);
    expect(new Set(loading)).toEqual(new Set([heapFlags()]));
    // A first run (no index yet) falls back to a full load: inlining is back on (as often turned
    // off as on) before the load sets the heap's flags and starts its threads.
    const first = setTimes(await flagsOf(['--filter', 'solana', '--print', 'path', corpus], 0, path.join(root, 'cache-first')));
    const beforeLoad = first.slice(0, first.indexOf(heapFlags()));
    expect(beforeLoad.length).toBeLessThan(first.length);
    expect(beforeLoad.filter((f) => f === '--no-turbo-inlining').length).toBe(beforeLoad.filter((f) => f === '--turbo-inlining').length);
    // The dashboard sets it after its first frames, before it loads (first-frames-tmux.test.ts);
    // without a terminal to draw on (exit 2 after the start-up) it loads nothing and sets none.
    expect(await flagsOf([corpus], 2)).toBe('');
  });

  it('shows a file added, a file changed in place and a file deleted since the last run', async () => {
    const added = path.join(corpus, '000', 'zz-added.md');
    fs.writeFileSync(added, '---\ntitle: Solana added later\ndate: 2026-11-02\n---\nSolana.\n');
    let [warm, plain] = await both('solana');
    expect(warm.stdout).toContain(added);
    expect(warm.stdout).toBe(plain.stdout);

    const changed = files()[3];
    fs.writeFileSync(changed, fs.readFileSync(changed, 'utf8').replace(/^title: .*$/m, 'title: Qvvzzq and the ledger'));
    fs.utimesSync(changed, new Date(), new Date(Date.now() + 5_000));
    [warm, plain] = await both('qvvzzq');
    expect(warm.stdout).toBe(`${changed}\n`);
    expect(warm.stdout).toBe(plain.stdout);

    fs.rmSync(added);
    [warm, plain] = await both('solana');
    expect(warm.stdout).not.toContain(added);
    expect(warm.stdout).toBe(plain.stdout);
  });

  it('stops with exit 2 on a bad config or a missing folder, its walk ended with it', async () => {
    const badConfig = await run(['--filter', 'solana', '--config', path.join(root, 'missing.toml'), corpus]);
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(/missing\.toml/);
    const missing = await run(['--filter', 'solana', corpus, path.join(root, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope: no such file or directory/);
    expect(missing.stdout).toBe('');
  });
});
