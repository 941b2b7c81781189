// A folder moved out of the open folder and back, in a real terminal: its articles leave the list
// when it goes (inotify tells of the folder alone, not of the files it held: the watch's guard
// names them, core/watch/missed-events.ts) and come back when it returns; the count follows.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dailyHarness, type DailyArticle } from './daily-home.js';

const daily = dailyHarness('cnt-live-moved-');
const ARTICLES: DailyArticle[] = [
  { name: 'alpha', day: 13, title: 'Alpha Bitcoin Rally', extra: '', body: 'Body of alpha.\n' },
  { name: 'beta', day: 14, title: 'Beta Ether Upgrade', extra: '', body: 'Body of beta.\n' },
];

describe('live updates when a folder moves out and back', () => {
  it('drops the moved folder\'s articles, its subfolders\' too, and lists them again when it returns', async () => {
    const { home, env, news } = daily.makeHome(null, ARTICLES);
    fs.mkdirSync(path.join(news, 'archive', '2024'), { recursive: true });
    fs.writeFileSync(path.join(news, 'archive', 'gamma.md'), "---\ntitle: Gamma Archived Story\npublishedAt: '2025-11-10T10:00:00Z'\n---\n\nBody.\n");
    fs.writeFileSync(path.join(news, 'archive', '2024', 'delta.md'), "---\ntitle: Delta Older Story\npublishedAt: '2025-11-09T10:00:00Z'\n---\n\nBody.\n");
    const { s, status } = daily.start(env, { args: news });
    await s.waitFor((t) => t.includes('Delta Older') && t.includes('1/4'), 'the list');
    // A new file shown means the watch is in place (and its first look at the folders done before it).
    fs.writeFileSync(path.join(news, 'epsilon.md'), "---\ntitle: Epsilon Probe Story\npublishedAt: '2025-11-15T10:00:00Z'\n---\n\nBody.\n");
    await s.waitFor((t) => t.includes('Epsilon Probe') && t.includes('/5'), 'the new file');
    const away = path.join(home, 'away');
    fs.renameSync(path.join(news, 'archive'), away);
    const gone = await s.waitFor((t) => t.includes('/3') && !t.includes('Gamma Archived') && !t.includes('Delta Older'), 'the moved articles gone');
    expect(gone).toContain('Alpha Bitcoin');
    fs.renameSync(away, path.join(news, 'archive'));
    await s.waitFor((t) => t.includes('/5') && t.includes('Gamma Archived') && t.includes('Delta Older'), 'the articles back');
    await daily.quit({ s, status });
  });
});
