// The folder given on the command line replaced under its name, in a real terminal at 80x24:
// moved away (the status line says it is gone, not a silent 0/0) and another moved in, or a
// `current` link pointed at another release. The new folder's articles are listed, those it
// shares with the old one are no arrivals, and a file written there later still arrives. Before,
// the watch went on watching the old folder: the list stayed empty for good.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dailyHarness, type DailyArticle } from './daily-home.js';

const daily = dailyHarness('cnt-live-root-');
const ARTICLES: DailyArticle[] = [
  { name: 'alpha', day: 13, title: 'Alpha Bitcoin Rally', extra: '', body: 'Body of alpha.\n' },
  { name: 'beta', day: 14, title: 'Beta Ether Upgrade', extra: '', body: 'Body of beta.\n' },
];
const post = (title: string, day: number) => `---\ntitle: ${title}\npublishedAt: '2025-11-${day}T10:00:00Z'\n---\n\nBody.\n`;
const bottom = (t: string) => t.trimEnd().split('\n').at(-1) ?? '';

describe('live updates when the folder given is replaced', () => {
  it('says the folder is gone while it is, then lists the folder moved in under its name and hears it', async () => {
    const { home, env, news } = daily.makeHome(null, ARTICLES);
    const { s, status } = daily.start(env, { args: news, width: 80, height: 24 });
    await s.waitFor((t) => t.includes('Beta Ether') && bottom(t).startsWith('2/2'), 'the list');
    fs.renameSync(news, path.join(home, 'news.old'));
    const gone = await s.waitFor((t) => bottom(t).includes(`${news} is gone; waiting for it`), 'the folder said gone');
    expect(bottom(gone)).toMatch(/^0\/0 /);
    const next = path.join(home, 'news.new');
    fs.cpSync(path.join(home, 'news.old'), next, { recursive: true });
    fs.writeFileSync(path.join(next, 'gamma.md'), post('Gamma Solana Surge', 15));
    fs.renameSync(next, news);
    // Alpha and Beta are back where they were (no arrival): only Gamma is new.
    // The list and the notice that the folder is back may come in two frames (a flake: the line
    // read `3/3 · …/news is gone; waiting for it` for one frame, the arrivals' count cut off).
    const back = await s.waitFor((t) => t.includes('Gamma Solana') && t.includes('Alpha Bitcoin') && bottom(t).includes('/3') && !t.includes('is gone'), 'the new folder listed');
    expect(bottom(back)).toContain('1 new');
    // The old folder, moved away, is heard no more; the new one is.
    fs.writeFileSync(path.join(home, 'news.old', 'ghost.md'), post('Ghost Old Folder', 16));
    fs.writeFileSync(path.join(news, 'delta.md'), post('Delta Cardano Note', 16));
    const later = await s.waitFor((t) => t.includes('Delta Cardano') && bottom(t).includes('/4'), 'a file written into the new folder');
    expect(later).not.toContain('Ghost Old');
    await daily.quit({ s, status });
  });

  it('follows a `current` link pointed at another release', async () => {
    const { home, env, news } = daily.makeHome(null, ARTICLES);
    const releases = path.join(home, 'releases');
    fs.mkdirSync(releases);
    fs.renameSync(news, path.join(releases, '1'));
    fs.mkdirSync(path.join(releases, '2'));
    fs.copyFileSync(path.join(releases, '1', 'beta.md'), path.join(releases, '2', 'beta.md'));
    fs.writeFileSync(path.join(releases, '2', 'gamma.md'), post('Gamma Solana Surge', 15));
    const current = path.join(home, 'current');
    fs.symlinkSync('releases/1', current);
    const { s, status } = daily.start(env, { args: current, width: 80, height: 24 });
    await s.waitFor((t) => t.includes('Alpha Bitcoin') && bottom(t).startsWith('2/2'), 'the list');
    fs.symlinkSync('releases/2', path.join(home, 'next'));
    fs.renameSync(path.join(home, 'next'), current);
    const after = await s.waitFor((t) => t.includes('Gamma Solana') && !t.includes('Alpha Bitcoin') && bottom(t).includes('/2'), 'release 2 listed');
    expect(after).toContain('Beta Ether');
    fs.writeFileSync(path.join(current, 'delta.md'), post('Delta Cardano Note', 16));
    // Where the cursor stayed on Beta below the arrived Gamma, the new article waits behind
    // `1 new · r to show` (arrivals never shift the list under a reader not at its top).
    const heard = await s.waitFor((t) => (t.includes('Delta Cardano') && bottom(t).includes('/3')) || bottom(t).includes('1 new · r to show'), 'a file written through the link');
    if (!heard.includes('Delta Cardano')) s.send('r');
    await s.waitFor((t) => t.includes('Delta Cardano') && bottom(t).includes('/3'), 'the file written through the link listed');
    await daily.quit({ s, status });
  });
});
