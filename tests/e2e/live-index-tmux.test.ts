// A live update when the on-disk index can no longer be written, in a real terminal: the index
// file replaced by a directory while the dashboard runs, an edited article is still listed, with
// its new title, and the status line counts a warning that `w` shows, naming the index file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexFile } from '../../src/core/index/location.js';
import { dailyHarness, type DailyArticle } from './daily-home.js';

const daily = dailyHarness('cnt-live-index-');
const ARTICLES: DailyArticle[] = [
  { name: 'alpha', day: 13, title: 'Alpha Bitcoin Rally', extra: '', body: 'Body of alpha.\n' },
  { name: 'beta', day: 14, title: 'Beta Ether Upgrade', extra: '', body: 'Body of beta.\n' },
];

describe('live updates with the index unwritable', () => {
  it('lists the edited article with its new title and warns once, naming the index file', async () => {
    const { env, news } = daily.makeHome(null, ARTICLES);
    const { s, status } = daily.start(env, { args: news });
    await s.waitFor((t) => t.includes('Beta Ether') && t.includes('2/2'), 'the list');
    // A new file shown means the watch is in place (a known file edited before it is not heard) and its merge went through the index.
    fs.writeFileSync(path.join(news, 'gamma.md'), "---\ntitle: Gamma Probe Story\npublishedAt: '2025-11-15T10:00:00Z'\n---\n\nBody.\n");
    await s.waitFor((t) => t.includes('Gamma Probe') && t.includes('3/3'), 'the new file merged');
    const file = indexFile(path.join(env.XDG_CACHE_HOME, 'crypto-news-tui'), [news]);
    expect(fs.statSync(file).isFile()).toBe(true);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    fs.mkdirSync(file);
    fs.writeFileSync(path.join(news, 'alpha.md'), "---\ntitle: Alpha Edited Headline\npublishedAt: '2025-11-13T10:00:00Z'\n---\n\nBody.\n");
    const screen = await s.waitFor((t) => t.includes('Alpha Edited Headline') && t.includes('1 warning'), 'the edited article and the warning');
    expect(screen).toContain('3/3');
    expect(screen).not.toContain('Alpha Bitcoin Rally');
    s.send('w');
    const list = await s.waitFor((t) => t.includes('live changes not kept in the index'), 'the warnings list');
    expect(list).toContain(path.basename(file));
    s.send('Escape');
    await daily.quit({ s, status });
  });
});
