// Live updates when the system leaves no room for a folder watch, in a real terminal. With the
// user's inotify instances all taken, @parcel/watcher 2.6.0 froze the process that subscribed
// (its backend waits forever for a thread that threw): the dashboard drew, heard nothing, said
// nothing. Now it draws, says once under `w` that live updates are off, naming the limit and how
// to raise it, and quits at once. The limit is set to 0 in a user namespace of the test's own
// (`unshare -U -r`, /proc/sys/user/max_inotify_instances): nothing outside it is touched.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cli, hasTmux, TmuxSession } from './tmux.js';
import { dailyHarness, type DailyArticle } from './daily-home.js';

const daily = dailyHarness('cnt-live-limits-');
const ARTICLES: DailyArticle[] = [
  { name: 'alpha', day: 13, title: 'Alpha Bitcoin Rally', extra: '', body: 'Body of alpha.\n' },
  { name: 'beta', day: 14, title: 'Beta Ether Upgrade', extra: '', body: 'Body of beta.\n' },
];

beforeAll(async () => {
  // The test's premise, told plainly when the system does not allow it.
  const { stdout } = await promisify(execFile)('unshare', ['-U', '-r', 'sh', '-c', 'echo 0 > /proc/sys/user/max_inotify_instances && cat /proc/sys/user/max_inotify_instances']).catch((error: unknown) => {
    throw new Error(`this test needs user namespaces (unshare -U -r) to lower the inotify instance limit: ${String(error)}`);
  });
  expect(stdout.trim()).toBe('0');
}, 60_000);

let session: TmuxSession | undefined;
afterEach(() => session?.close());

describe('live updates with no inotify instance left', () => {
  it('draws, says once under w that live updates are off and why, and quits at once', async () => {
    const { env, news } = daily.makeHome(null, ARTICLES);
    if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
    const s = new TmuxSession(120, 30, news, env);
    session = s;
    const [out, status] = [path.join(s.dir, 'out.txt'), path.join(s.dir, 'status.txt')];
    s.type(`unshare -U -r sh -c 'echo 0 > /proc/sys/user/max_inotify_instances && exec node ${cli} ${news}' > ${out}; echo "exit=$?" > ${status}`);
    s.send('Enter');
    const screen = await s.waitFor((t) => t.includes('Beta Ether') && t.includes('2/2') && t.includes('1 warning'), 'the list and one warning');
    expect(screen).toContain('Alpha Bitcoin');
    s.send('w');
    const list = await s.waitFor((t) => t.includes('live updates off'), 'the warnings list');
    expect(list).toContain('inotify instances');
    expect(list).toContain('max_user_instances');
    expect(list.match(/live updates off/g)).toHaveLength(1);
    s.send('Escape');
    await s.waitFor((t) => !t.includes('live updates off'), 'the list again');
    await daily.quit({ s, status });
    expect(fs.readFileSync(out, 'utf8')).toBe('');
  });
});
