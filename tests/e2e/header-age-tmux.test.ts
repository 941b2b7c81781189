// The article header's age in a real terminal (80x24): every recent date reads the same way,
// minutes included. Found by a tester: an article 27 minutes old showed no age while one an hour
// old showed `1h ago` (the list writes minutes `27min`, which the header did not take for an age).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dailyHarness } from './daily-home.js';

const daily = dailyHarness('cnt-age-');
// The body pane's header row with the source and the date.
const metaRow = (t: string): string => t.split('\n').find((r) => r.includes('Wire ·')) ?? '';

describe("the article header's age", () => {
  it('27 minutes old: `27min ago` beside the date; two hours old: `2h ago`', async () => {
    const { env, news } = daily.makeHome(null, []);
    const at = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    fs.writeFileSync(path.join(news, 'fresh.md'), `---\ntitle: Fresh Story\nsource: Wire\npublishedAt: '${at(27)}'\n---\n\nBody.\n`);
    fs.writeFileSync(path.join(news, 'older.md'), `---\ntitle: Older Story\nsource: Wire\npublishedAt: '${at(120)}'\n---\n\nBody.\n`);
    const { s, status } = daily.start(env, { args: news, width: 80, height: 24 });
    // The minute may turn while the program starts: 27 or 28.
    const fresh = await s.waitFor((t) => /▶.*Fresh Story/.test(t) && / · 2[78]min ago/.test(metaRow(t)), 'the fresh article with its age');
    expect(metaRow(fresh)).toMatch(/Wire · \d{4}-\d\d-\d\d \d\d:\d\d · 2[78]min ago/);
    s.send('j');
    await s.waitFor((t) => /▶.*Older Story/.test(t) && / · 2h ago/.test(metaRow(t)), 'the older article with its age');
    await daily.quit({ s, status });
  });
});
