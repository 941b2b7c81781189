// A process that subscribes to a folder with almost no open files left (`ulimit -n`): the
// subscription is refused with a reason naming the limit, and the process goes on and ends.
// Before the check (watch-limits.ts) @parcel/watcher 2.6.0 froze it for good: its backend's
// pipe2 or inotify_init1 failed and the JS thread waited forever for a thread that had thrown.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const script = path.join(import.meta.dirname, 'few-files', 'subscribe.mjs');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-few-files-'));
fs.writeFileSync(path.join(folder, 'a.md'), '# A\n');
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** The script's output and exit code; a frozen script is killed after two minutes (then `code` is null). */
const run = (free: number): Promise<{ stdout: string; code: number | null }> =>
  new Promise((resolve) => {
    execFile('bash', ['-c', `ulimit -n 256 && exec node ${script} ${folder} ${free}`], { timeout: 120_000, killSignal: 'SIGKILL' }, (error, stdout) =>
      resolve({ stdout, code: error ? ((error as { code?: number }).code ?? null) : 0 }),
    );
  });

describe('a subscription with almost no open files left', () => {
  it.each([1, 2])('is refused, naming the limit, and the process ends (%i left)', async (free) => {
    const { stdout, code } = await run(free);
    expect(stdout).toContain('rejected WatchUnavailable: live updates off: too many open files');
    expect(stdout).toContain('ulimit -n');
    expect(stdout).toContain('closed');
    expect(code).toBe(0);
  }, 180_000);
});
