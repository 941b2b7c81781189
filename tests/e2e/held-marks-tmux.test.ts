// Found by a tester: in `-q is:unread` (and README's "Unread gloom" view, `is:unread
// sentiment:negative`) `m` dropped the row at once, so `m m` read two articles and `u` said
// `nothing to undo`. In a real terminal at 80x24: the row stays, drawn read, `m` again unreads the
// same article, `u` takes back the last change and says so, `s` asks the result again; the marks
// are in the state file for the next run (`--filter is:read`).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeOutput, runNode } from '../helpers/run-child.js';
import { cli, dailyHarness } from './daily-home.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const daily = dailyHarness('cnt-held-');
const readmeConfig = (): string => /```toml\n([\s\S]*?)```/.exec(fs.readFileSync(path.join(repo, 'README.md'), 'utf8'))![1];

// Gamma is the newest: the first row.
const ARTICLES = [
  { name: 'alpha', day: 13, title: 'Alpha Bitcoin Rally', extra: 'tags: [btc]\nsentiment: positive\n', body: 'Plain body.\n' },
  { name: 'beta', day: 14, title: 'Beta Exchange Hack', extra: 'tags: [hack]\nsentiment: negative\n', body: 'Another body.\n' },
  { name: 'gamma', day: 15, title: 'Gamma Miner Sells', extra: 'tags: [btc]\nsentiment: negative\n', body: 'A third body.\n' },
];
// The list's row of `title`: `│▶` when selected, `◆` when unread.
const listRow = (t: string, title: string): string => t.split('\n').find((r) => /^│[▶ ]/.test(r) && r.includes(title)) ?? '';

describe('m, * and u in a list of unread articles (80x24)', () => {
  it('-q is:unread: m m toggles the same row, u undoes the last, s lets the read row go', async () => {
    const { env, news } = daily.makeHome(null, ARTICLES);
    const { s, status } = daily.start(env, { args: `-q is:unread ${news}`, width: 80, height: 24 });
    await s.waitFor((t) => t.includes('3 unread') && listRow(t, 'Gamma Miner').startsWith('│▶◆'), 'the unread list');
    s.send('m');
    const read = await s.waitFor((t) => t.includes('2 unread') && t.includes('marked read'), 'the first m');
    expect(listRow(read, 'Gamma Miner')).toMatch(/^│▶ {2}/);
    expect(read).toMatch(/Articles 1\/3/);
    s.send('m');
    const back = await s.waitFor((t) => t.includes('3 unread') && t.includes('marked unread'), 'the second m');
    expect(listRow(back, 'Gamma Miner')).toMatch(/^│▶◆/);
    expect(listRow(back, 'Beta Exchange')).toMatch(/^│ ◆/);
    s.send('u');
    const undone = await s.waitFor((t) => t.includes('2 unread') && t.includes('undone: marked unread'), 'u');
    expect(listRow(undone, 'Gamma Miner')).toMatch(/^│▶ {2}/);
    s.send('s');
    const asked = await s.waitFor((t) => /Articles 1\/2/.test(t) && listRow(t, 'Gamma Miner') === '', 'the result asked again');
    expect(listRow(asked, 'Beta Exchange')).toMatch(/◆/);
    await daily.quit({ s, status });
    const filter = (q: string) => nodeOutput([cli, '--filter', q, '-p', 'title', news], { env: { ...process.env, ...env } });
    expect(await filter('is:read')).toBe('Gamma Miner Sells\n');
  });

  it("README's Unread gloom view: m m reads nothing, M then u leaves every row unread", async () => {
    const { env, news } = daily.makeHome(readmeConfig(), ARTICLES);
    const { s, status } = daily.start(env, { args: news, width: 80, height: 24 });
    await s.waitFor((t) => t.includes('Unread gloom') && t.includes('3 unread'), 'the dashboard');
    s.send('2');
    await s.waitFor((t) => t.includes('[2 Unread gloom]') && /Articles 1\/2/.test(t) && t.includes('2 unread'), 'the view');
    s.send('m', 'm');
    const twice = await s.waitFor((t) => t.includes('marked unread'), 'm m');
    expect(twice).toContain('2 unread');
    expect(twice).toMatch(/Articles 1\/2/);
    s.send('M');
    const all = await s.waitFor((t) => t.includes('marked 2 articles read') && t.includes('0 unread'), 'M');
    expect(listRow(all, 'Gamma Miner')).not.toBe('');
    expect(listRow(all, 'Beta Exchange')).not.toBe('');
    s.send('u');
    await s.waitFor((t) => t.includes('undone: marked 2 articles read') && t.includes('2 unread'), 'u');
    await daily.quit({ s, status });
    // Nothing read: --filter finds no match (exit 1).
    const read = await runNode([cli, '--filter', 'is:read', '-p', 'title', news], { env: { ...process.env, ...env } });
    expect([read.status, read.stdout]).toEqual([1, '']);
  });

  it('-q is:unread: M and r typed at once mark every row read and ask the result again (no row left)', async () => {
    // Found by a tester: `M r` sent together left the read rows listed; `r` alone a moment later worked.
    const { env, news } = daily.makeHome(null, ARTICLES);
    const { s, status } = daily.start(env, { args: `-q is:unread ${news}`, width: 80, height: 24 });
    await s.waitFor((t) => t.includes('3 unread') && listRow(t, 'Gamma Miner').startsWith('│▶◆'), 'the unread list');
    s.send('M', 'r');
    const asked = await s.waitFor((t) => t.includes('0 unread') && /Articles 0\/0|0\/3/.test(t) && listRow(t, 'Gamma Miner') === '', 'every row gone');
    expect(listRow(asked, 'Beta Exchange')).toBe('');
    await daily.quit({ s, status });
    const filter = (q: string) => nodeOutput([cli, '--filter', q, '-p', 'title', news], { env: { ...process.env, ...env } });
    expect((await filter('is:read')).split('\n').filter(Boolean).sort()).toEqual(['Alpha Bitcoin Rally', 'Beta Exchange Hack', 'Gamma Miner Sells']);
  });
});
