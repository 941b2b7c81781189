// `--clear-cache` through the built CLI: the cache kept for the PATHs is deleted before loading,
// rebuilt by the run unless `--no-cache`, and the results never change.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/run-child.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-clear-'));
const cacheFolder = path.join(home, 'crypto-news-tui');
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

async function run(...args: string[]) {
  const r = await runNode([cli, ...args, '-f', 'mining', '-p', 'path', 'data'], {
    cwd: repo,
    env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: home },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The index files, without SQLite's -wal and -shm: whether those outlive a run depends on whether
// a background thread's connection (the text build) was still open when the process ended.
const files = (): string[] => (fs.existsSync(cacheFolder) ? fs.readdirSync(cacheFolder).filter((f) => !/-(wal|shm)$/.test(f)).sort() : []);

describe('--clear-cache', () => {
  it('deletes the cache for the PATHs, rebuilds it unless --no-cache, and prints the same matches', async () => {
    const first = await run();
    expect(first.code).toBe(0);
    expect(first.stdout).not.toBe('');
    const made = files();
    expect(made.length).toBeGreaterThan(0);

    const cleared = await run('--clear-cache', '--no-cache');
    expect(cleared).toEqual(first);
    expect(fs.existsSync(cacheFolder) ? fs.readdirSync(cacheFolder) : []).toEqual([]);

    const rebuilt = await run('--clear-cache');
    expect(rebuilt).toEqual(first);
    expect(files()).toEqual(made);
  });
});
