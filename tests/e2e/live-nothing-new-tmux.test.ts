// `r` with nothing new, then new files, in a real terminal: the status line's `nothing new` goes
// as the files arrive and `2 new · r to show` takes its place, with no key pressed between. It
// once stayed beside the count (`2 new · r to show · … · nothing new`) until the next key.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dailyHarness, type DailyArticle } from './daily-home.js';

const daily = dailyHarness('cnt-live-nothing-new-');
const ARTICLES: DailyArticle[] = [
  { name: 'alpha', day: 13, title: 'Alpha Bitcoin Rally', extra: '', body: 'Body of alpha.\n' },
  { name: 'beta', day: 14, title: 'Beta Ether Upgrade', extra: '', body: 'Body of beta.\n' },
];

// The status line: the screen's last row with text.
const statusLine = (screen: string): string => screen.trimEnd().split('\n').at(-1) ?? '';

describe('live updates after r said nothing new', () => {
  it('the arrivals replace the notice: the status line never shows both', async () => {
    const { env, news } = daily.makeHome(null, ARTICLES);
    const { s, status } = daily.start(env, { args: news });
    await s.waitFor((t) => t.includes('Beta Ether') && t.includes('2/2'), 'the list');
    s.send('r');
    await s.waitFor((t) => statusLine(t).includes('nothing new'), 'r answering');
    // Two files in one write of the folder, as a feed fetcher's batch.
    for (const [name, title, day] of [['gamma', 'Gamma Probe Story', 15], ['delta', 'Delta Probe Story', 16]] as const) {
      fs.writeFileSync(path.join(news, `${name}.md`), `---\ntitle: ${title}\npublishedAt: '2025-11-${day}T10:00:00Z'\n---\n\nBody.\n`);
    }
    const screen = await s.waitFor((t) => t.includes('4/4') && statusLine(t).includes('2 new · r to show'), 'the arrivals counted');
    expect(statusLine(screen)).not.toContain('nothing new');
    await daily.quit({ s, status });
  });
});
