// A warning about a file goes once the file no longer earns it, in a real terminal: a broken
// article written while the dashboard runs is reported (`1 warning`), and once it is fixed (or
// deleted) the warning leaves the status line and the `w` list, as a restart would show it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dailyHarness, type DailyArticle } from './daily-home.js';

const daily = dailyHarness('cnt-live-warnings-');
const ARTICLES: DailyArticle[] = [
  { name: 'alpha', day: 13, title: 'Alpha Bitcoin Rally', extra: '', body: 'Body of alpha.\n' },
  { name: 'beta', day: 14, title: 'Beta Ether Upgrade', extra: '', body: 'Body of beta.\n' },
];
const BROKEN = "---\ntitle: Broken Probe\npublishedAt: '2025-11-15T10:00:00Z'\ntags: [unclosed\n---\n\nBody.\n";
const FIXED = "---\ntitle: Fixed Probe Story\npublishedAt: '2025-11-15T10:00:00Z'\ntags: [closed]\n---\n\nBody.\n";

describe('live updates and warnings', () => {
  it('drops the warning of a broken file once it is fixed, and of one once it is deleted', async () => {
    const { env, news } = daily.makeHome(null, ARTICLES);
    const { s, status } = daily.start(env, { args: news });
    await s.waitFor((t) => t.includes('Beta Ether') && t.includes('2/2'), 'the list');
    // A new file shown means the watch is in place.
    fs.writeFileSync(path.join(news, 'gamma.md'), "---\ntitle: Gamma Probe Story\npublishedAt: '2025-11-14T10:00:00Z'\n---\n\nBody.\n");
    await s.waitFor((t) => t.includes('Gamma Probe') && t.includes('3/3'), 'the new file merged');

    const broken = path.join(news, 'broken.md');
    fs.writeFileSync(broken, BROKEN);
    await s.waitFor((t) => t.includes('1 warning'), 'the broken file reported');
    fs.writeFileSync(broken, FIXED);
    const fixed = await s.waitFor((t) => t.includes('Fixed Probe Story') && t.includes('4/4'), 'the fixed file listed');
    expect(fixed).not.toContain('1 warning');
    // `w` has nothing left to list.
    s.send('w');
    await s.waitFor((t) => t.includes('no warnings'), 'w saying there are none');

    const other = path.join(news, 'other.md');
    fs.writeFileSync(other, BROKEN);
    await s.waitFor((t) => t.includes('1 warning'), 'the second broken file reported');
    fs.rmSync(other);
    // Its deletion is merged like any other change (gamma's edit after it shows the batch went through).
    fs.writeFileSync(path.join(news, 'gamma.md'), "---\ntitle: Gamma Edited Story\npublishedAt: '2025-11-14T10:00:00Z'\n---\n\nBody.\n");
    const gone = await s.waitFor((t) => t.includes('Gamma Edited Story'), 'the edit after the deletion');
    expect(gone).not.toContain('1 warning');
    await daily.quit({ s, status });
  });
});
