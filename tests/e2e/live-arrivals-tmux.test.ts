// What the status line's `N new · r to show` counts when files arrive in a real terminal, and what
// `r` then does; and what saving the article on screen keeps. Found by a tester: a draft or a
// future-dated arrival counted `1 new` though never listed (r did nothing), so did one the query
// left out, one that joined a story folded into a row of its own counted `1 new` and r moved
// nothing, and saving the article on screen put its body back at the top and its inspector's
// cursor on the first row.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dailyHarness, type DailyArticle } from './daily-home.js';
import type { Started } from './tmux.js';

const daily = dailyHarness('cnt-live-arrivals-');
const repo = path.resolve(import.meta.dirname, '..', '..');
const ARTICLES: DailyArticle[] = [
  { name: 'alpha', day: 13, title: 'Alpha Bitcoin Rally', extra: 'tags:\n  - BTC\n', body: 'Body of alpha.\n' },
  { name: 'beta', day: 14, title: 'Beta Ether Upgrade', extra: 'tags:\n  - ETH\n', body: 'Body of beta.\n' },
];

// The status line: the screen's last row with text.
const statusLine = (screen: string): string => screen.trimEnd().split('\n').at(-1) ?? '';
// A file written elsewhere and moved in whole, as a feed fetcher does.
function arrive(news: string, name: string, text: string): void {
  const staged = path.join(path.dirname(news), `${name}.staged`);
  fs.writeFileSync(staged, text);
  fs.renameSync(staged, path.join(news, `${name}.md`));
}
// The list pane's rows: the first bordered column of each row.
const listPane = (screen: string): string =>
  screen
    .split('\n')
    .filter((l) => l.startsWith('│'))
    .map((l) => l.slice(1, l.indexOf('│', 1)))
    .join('\n');
const post = (title: string, date: string, extra = ''): string => `---\ntitle: ${title}\npublishedAt: '${date}'\n${extra}---\n\nBody of ${title}.\n`;

describe('live arrivals the list does not show', () => {
  it('a draft and a future-dated article are not counted; the latter is once its date comes, and r selects it', async () => {
    const { env, news } = daily.makeHome(null, ARTICLES);
    const { s, status } = daily.start(env, { args: news });
    await s.waitFor((t) => t.includes('Beta Ether') && t.includes('2/2'), 'the list');
    // Far enough ahead that it is merged before its date comes, near enough for a test to wait for.
    const due = new Date(Date.now() + 25_000);
    arrive(news, 'draft', post('Draft Probe Story', '2025-11-15T10:00:00Z', 'draft: true\n'));
    arrive(news, 'later', post('Scheduled Probe Story', due.toISOString()));
    // Both merged (the total counts every article), neither listed: nothing new to show.
    const merged = await s.waitFor((t) => statusLine(t).includes('2/4'), 'both merged');
    if (Date.now() >= due.getTime()) throw new Error('the machine took longer than the test allows to merge the files; nothing was checked');
    expect(statusLine(merged)).not.toContain('new ·');
    s.send('r');
    await s.waitFor((t) => statusLine(t).includes('nothing new'), 'r answering');
    // Its date come, the session lists it (use-session-clock.ts), and only now is it news.
    const listed = await s.waitFor((t) => t.includes('Scheduled Probe') && statusLine(t).includes('3/4'), 'the scheduled article listed', 90_000);
    expect(statusLine(listed)).toContain('1 new · r to show');
    expect(statusLine(listed)).not.toContain('nothing new');
    expect(listed).not.toContain('Draft Probe');
    s.send('r');
    await s.waitFor((t) => /▶.*Scheduled Probe/.test(t) && !statusLine(t).includes('new ·'), 'r selecting it');
    await daily.quit({ s, status });
  });

  it('an arrival the query leaves out is not counted; the query cleared, it is, and r selects the last', async () => {
    const { env, news } = daily.makeHome(null, ARTICLES);
    const { s, status } = daily.start(env, { args: `${news} --query tag:btc` });
    await s.waitFor((t) => t.includes('Alpha Bitcoin') && statusLine(t).includes('1/2'), 'the filtered list');
    arrive(news, 'gamma', post('Gamma Ether Probe', '2025-11-16T10:00:00Z', 'tags:\n  - ETH\n'));
    const left = await s.waitFor((t) => statusLine(t).includes('1/3'), 'the ether arrival merged');
    expect(statusLine(left)).not.toContain('new ·');
    arrive(news, 'delta', post('Delta Bitcoin Probe', '2025-11-15T10:00:00Z', 'tags:\n  - BTC\n'));
    // Only the arrival the query shows is counted.
    const one = await s.waitFor((t) => t.includes('Delta Bitcoin') && statusLine(t).includes('2/4'), 'the bitcoin arrival listed');
    expect(statusLine(one)).toContain('1 new · r to show');
    s.send('/');
    s.send('C-u');
    s.send('Enter');
    const all = await s.waitFor((t) => t.includes('Gamma Ether') && statusLine(t).includes('4/4'), 'the query cleared');
    expect(statusLine(all)).toContain('2 new · r to show');
    s.send('r');
    await s.waitFor((t) => /▶.*Delta Bitcoin/.test(t) && !statusLine(t).includes('new ·'), 'r selecting the last arrival');
    await daily.quit({ s, status });
  });
});

describe('the selected article deleted', () => {
  it('with a batch of arrivals deleted again, one of them selected (r), the next row that survives is selected', async () => {
    // Found by a tester: the cursor kept its row number, so the rows deleted above it left it
    // that many rows below the article that had followed it (with 200 deleted, on the last row).
    const day = (d: number) => `2025-11-${String(d).padStart(2, '0')}T10:00:00Z`;
    const { env, news } = daily.makeHome(null, ARTICLES);
    for (let d = 1; d <= 6; d++) fs.writeFileSync(path.join(news, `old-${d}.md`), post(`Old Report ${d}`, day(d)));
    const { s, status } = daily.start(env, { args: news });
    await s.waitFor((t) => t.includes('Old Report 1') && statusLine(t).includes('8/8'), 'the list');
    // Probes dated 12 down to 7 (listed above the old reports), the one dated 7 arriving last.
    for (let d = 12; d >= 7; d--) arrive(news, `probe-${d}`, post(`Probe Report ${d}`, day(d)));
    await s.waitFor((t) => statusLine(t).includes('6 new · r to show'), 'the batch merged');
    s.send('r');
    await s.waitFor((t) => /▶.*Probe Report/.test(t) && !statusLine(t).includes('new ·'), 'r selecting the last arrival');
    // Which of the batch is last is the loader's order: down from it to the lowest probe, six rows below the surviving rows above.
    for (let k = 0; k < 6 && !/▶.*Probe Report 7/.test(s.screen()); k++) {
      s.send('j');
      await new Promise((r) => setTimeout(r, 100));
    }
    await s.waitFor((t) => /▶.*Probe Report 7/.test(t), 'the lowest probe selected');
    for (let d = 7; d <= 12; d++) fs.rmSync(path.join(news, `probe-${d}.md`));
    // Old Report 6 followed Probe Report 7; the row number kept would select Old Report 1.
    const after = await s.waitFor((t) => statusLine(t).includes('8/8') && !t.includes('Probe Report'), 'the batch removed');
    expect(listPane(after)).toMatch(/▶.*Old Report 6/);
    await daily.quit({ s, status });
  });

  // The bundled data's three reports of one event (one story, named by its earliest, The Block's)
  // and a later article above them; the story row selected.
  async function onStory(): Promise<Started & { news: string }> {
    const { env, news } = daily.makeHome(null, ARTICLES);
    for (const name of ['ostrava-markets-hot-wallet-breach', 'ostrava-markets-hack-coindesk', 'ostrava-markets-exploit-decrypt']) {
      // Not pinned (the earliest report is, by its stickyWeight), so the story sits among the rows by its date.
      const text = fs.readFileSync(path.join(repo, 'data', 'news', `${name}.md`), 'utf8').replace(/^stickyWeight: \d+$/m, 'stickyWeight: 0');
      fs.writeFileSync(path.join(news, `${name}.md`), text);
    }
    fs.writeFileSync(path.join(news, 'later.md'), post('Later Report', '2026-11-20T10:00:00Z'));
    const started = daily.start(env, { args: news });
    await started.s.waitFor((t) => /▶.*Later Report/.test(listPane(t)) && /\+2 Ostrava Markets Loses/.test(t) && t.includes('? help'), 'the story folded below the later report');
    started.s.send('j');
    await started.s.waitFor((t) => /▶.*\+2 Ostrava Markets Loses/.test(listPane(t)), 'the story row selected');
    return { ...started, news };
  }

  it('on a story row named by the article deleted, the story row stays selected, named by another of its articles', async () => {
    // Found by a tester: the story's row was still listed (named by another outlet's report) and
    // the next row was selected.
    const { s, status, news } = await onStory();
    fs.rmSync(path.join(news, 'ostrava-markets-hot-wallet-breach.md'));
    const after = await s.waitFor((t) => /\+1 Hackers Drain/.test(listPane(t)) && statusLine(t).includes('/5'), 'the story named by the next report');
    expect(listPane(after)).toMatch(/▶.*\+1 Hackers Drain/);
    await daily.quit({ s, status });
  });

  it('on an open story named by the article deleted, the story stays open and its row selected', async () => {
    const { s, status, news } = await onStory();
    s.send('l');
    await s.waitFor((t) => /▶.*▾2 Ostrava Markets Loses/.test(listPane(t)), 'the story unfolded');
    fs.rmSync(path.join(news, 'ostrava-markets-hot-wallet-breach.md'));
    // Grouped again, the story is named by CoinDesk's report (the earliest left): folded, it read `+1 Hackers Drain`.
    const after = await s.waitFor((t) => /[▾+]1 Hackers Drain/.test(listPane(t)) && statusLine(t).includes('/5'), 'the story grouped again');
    expect(listPane(after)).toMatch(/▶.*▾1 Hackers Drain/);
    expect(listPane(after)).toMatch(/└ Ostrava Markets Halts/);
    await daily.quit({ s, status });
  });
});

describe('the selected article renamed', () => {
  it('is no arrival and stays selected under its new name (only a real arrival is counted)', async () => {
    // Found by a tester: `mv a.md b.md` counted `1 new · r to show` and the selection moved to the next row.
    const { env, news } = daily.makeHome(null, ARTICLES);
    const { s, status } = daily.start(env, { args: news });
    await s.waitFor((t) => t.includes('Beta Ether') && t.includes('2/2'), 'the list');
    s.send('j');
    await s.waitFor((t) => /▶.*Alpha Bitcoin/.test(t), 'alpha selected');
    fs.renameSync(path.join(news, 'alpha.md'), path.join(news, 'alpha-renamed.md'));
    // The list looks the same once the rename is merged: an arrival after it says when (batches merge in order).
    arrive(news, 'gamma', post('Gamma Probe Story', '2025-11-15T10:00:00Z'));
    const after = await s.waitFor((t) => t.includes('Gamma Probe') && statusLine(t).includes('3/3'), 'the rename and the arrival merged');
    expect(listPane(after)).toMatch(/▶.*Alpha Bitcoin/);
    expect(statusLine(after)).toContain('1 new · r to show');
    await daily.quit({ s, status });
  });
});

describe('an arrival renamed before r', () => {
  it('is still one new arrival, and r selects it under its new name', async () => {
    // Found by a tester: arrivals were followed by path, so `mv gamma.md gamma-renamed.md` (the
    // same article, paired as a rename) dropped the `1 new · r to show` and r said nothing new.
    const { env, news } = daily.makeHome(null, ARTICLES);
    const { s, status } = daily.start(env, { args: news });
    await s.waitFor((t) => /▶.*Beta Ether/.test(t) && t.includes('2/2'), 'the list');
    // Dated before the others: listed last, so r has to move the cursor onto it.
    arrive(news, 'gamma', post('Gamma Probe Story', '2025-11-10T10:00:00Z'));
    await s.waitFor((t) => t.includes('Gamma Probe') && statusLine(t).includes('1 new · r to show'), 'the arrival counted');
    fs.renameSync(path.join(news, 'gamma.md'), path.join(news, 'gamma-renamed.md'));
    // The list looks the same once the rename is merged: a draft after it (counted in the total, never listed) says when.
    arrive(news, 'draft', post('Draft Probe Story', '2025-11-15T10:00:00Z', 'draft: true\n'));
    const after = await s.waitFor((t) => statusLine(t).includes('3/4'), 'the rename and the draft merged');
    expect(statusLine(after)).toContain('1 new · r to show');
    expect(listPane(after)).toMatch(/▶.*Beta Ether/);
    s.send('r');
    await s.waitFor((t) => /▶.*Gamma Probe/.test(listPane(t)) && !statusLine(t).includes('new ·'), 'r selecting the renamed arrival');
    s.send('i');
    await s.waitFor((t) => t.includes('Inspector') && t.includes('news/gamma-renamed'), 'its new name in the inspector');
    await daily.quit({ s, status });
  });
});

describe('a live arrival that joins a story', () => {
  it('is counted as in a story, and r unfolds the story with the arrival selected', async () => {
    const { env, news } = daily.makeHome(null, ARTICLES);
    // Two outlets' reports of one event (the bundled data's): one story, one row.
    for (const name of ['ostrava-markets-hot-wallet-breach', 'ostrava-markets-hack-coindesk']) fs.copyFileSync(path.join(repo, 'data', 'news', `${name}.md`), path.join(news, `${name}.md`));
    const { s, status } = daily.start(env, { args: news });
    await s.waitFor((t) => /\+1 Ostrava Markets Loses/.test(t) && t.includes('? help'), 'the story folded');
    // A third outlet's report arrives.
    arrive(news, 'ostrava-decrypt', fs.readFileSync(path.join(repo, 'data', 'news', 'ostrava-markets-exploit-decrypt.md'), 'utf8'));
    const joined = await s.waitFor((t) => /\+2 Ostrava Markets Loses/.test(t), 'the story grown');
    expect(statusLine(joined)).toContain('1 new in a story · r to show');
    // No row of its own yet (the body pane lists it among the story's other outlets).
    expect(listPane(joined)).not.toContain('Halts');
    s.send('r');
    const shown = await s.waitFor((t) => /▶.*└ Ostrava Markets Halts/.test(listPane(t)), 'r unfolding the story onto the arrival');
    expect((listPane(shown).match(/ └ /g) ?? []).length).toBe(2);
    expect(statusLine(shown)).not.toContain('new ·');
    await daily.quit({ s, status });
  });
});

describe('the article on screen saved', () => {
  it('keeps the body scroll and the inspector cursor and folds', async () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} of the long report.`).join('\n\n');
    const long = (title: string) => `---\ntitle: ${title}\npublishedAt: '2025-11-20T10:00:00Z'\ntags:\n  - BTC\n  - ETF\nsource:\n  name: Decrypt\n  key: decrypt\n---\n\n${paragraphs}\n`;
    const { env, news } = daily.makeHome(null, ARTICLES);
    fs.writeFileSync(path.join(news, 'long.md'), long('Long Report One'));
    const { s, status } = daily.start(env, { args: news });
    await s.waitFor((t) => /▶.*Long Report One/.test(t) && t.includes('Paragraph 0'), 'the long article shown');
    s.send('Tab');
    // The body pane's top row of text: the row under its title's, right of the list.
    const bodyTop = (t: string) => (t.split('\n')[2] ?? '').split('││')[1] ?? '';
    for (let k = 0; k < 40 && !bodyTop(s.screen()).includes('Paragraph 6 '); k++) {
      s.send('j');
      await new Promise((r) => setTimeout(r, 50));
    }
    const scrolled = await s.waitFor((t) => bodyTop(t).includes('Paragraph 6 '), 'the body scrolled');
    fs.writeFileSync(path.join(news, 'long.md'), long('Long Report Two'));
    const saved = await s.waitFor((t) => /▶.*Long Report Two/.test(t), 'the saved version');
    expect(bodyTop(saved)).toBe(bodyTop(scrolled));

    // In the inspector: down to `tags`, folded, then the file saved again.
    s.send('Tab');
    await s.waitFor((t) => t.includes('Inspector'), 'the inspector focused');
    // Rows: title, publishedAt, tags.
    s.send('j');
    s.send('j');
    await s.waitFor((t) => /▶ *▾ tags/.test(t), 'the cursor on tags');
    s.send('h');
    await s.waitFor((t) => /▶ *▸ tags/.test(t), 'tags folded');
    fs.writeFileSync(path.join(news, 'long.md'), long('Long Report Six'));
    const again = await s.waitFor((t) => /▶.*Long Report Six/.test(t) && t.includes('title: Long Report Six'), 'the saved version in the inspector');
    expect(again).toMatch(/▶ *▸ tags/);
    await daily.quit({ s, status });
  });
  it('keeps the inspector cursor on its field when the save adds a line above it', async () => {
    // Found by a tester: with the cursor on `source` and `author: X` written above it, the cursor
    // kept its row number and landed on the field before (`url:` there), not on `source`.
    const report = (title: string, author = '') => `---\ntitle: ${title}\npublishedAt: '2025-11-20T10:00:00Z'\nurl: https://example.com/report\n${author}source:\n  name: Decrypt\n  key: decrypt\n---\n\nBody.\n`;
    const { env, news } = daily.makeHome(null, ARTICLES);
    fs.writeFileSync(path.join(news, 'report.md'), report('Report One'));
    const { s, status } = daily.start(env, { args: news });
    await s.waitFor((t) => /▶.*Report One/.test(t), 'the report shown');
    s.send('Tab');
    s.send('Tab');
    await s.waitFor((t) => t.includes('Inspector'), 'the inspector focused');
    // Rows: title, publishedAt, url, source.
    for (let k = 0; k < 3; k++) s.send('j');
    await s.waitFor((t) => /▶ *▾ source/.test(t), 'the cursor on source');
    s.send('h');
    await s.waitFor((t) => /▶ *▸ source/.test(t), 'source folded');
    fs.writeFileSync(path.join(news, 'report.md'), report('Report Two', 'author: X\n'));
    const saved = await s.waitFor((t) => t.includes('title: Report Two') && t.includes('author: X'), 'the saved version in the inspector');
    expect(saved).toMatch(/▶ *▸ source/);
    expect(saved).not.toMatch(/▶ *author/);
    await daily.quit({ s, status });
  });
});
