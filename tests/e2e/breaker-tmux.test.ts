// What a fresh pair of eyes broke by following the README literally and feeding the program
// unusual files, each checked as a person sees it in a real terminal (tmux): the README's own
// example config, the saved-view tabs past the right edge, and headings in wide scripts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dailyHarness } from './daily-home.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const daily = dailyHarness('cnt-breaker-');

// The README's example config as printed there (its paths are the reader's own folders, so the
// tests give the folder as PATH, which overrides them).
const readmeConfig = (): string => /```toml\n([\s\S]*?)```/.exec(fs.readFileSync(path.join(repo, 'README.md'), 'utf8'))![1];

const ARTICLES = [
  { name: 'alpha', day: 13, title: 'Alpha Bitcoin Rally', extra: 'tags: [btc]\nsentiment: positive\n', body: 'Plain body.\n' },
  { name: 'beta', day: 14, title: 'Beta Exchange Hack', extra: 'tags: [hack]\nsentiment: negative\n', body: 'Another body.\n' },
  { name: 'gamma', day: 15, title: 'Gamma Miner Sells', extra: 'tags: [btc]\nsentiment: negative\n', body: 'A third body.\n' },
];

describe('found by trying it as a new user', () => {
  it("the README's example config opens, and its `is:unread sentiment:negative` view switches with 2", async () => {
    const { env, news } = daily.makeHome(readmeConfig(), ARTICLES);
    const { s, status } = daily.start(env, { args: news, width: 100, height: 24 });
    await s.waitFor((t) => t.includes('Unread gloom') && /Articles 1\/3/.test(t), 'the dashboard with the view tabs');
    s.send('2');
    const view = await s.waitFor((t) => t.includes('[2 Unread gloom]') && /Articles 1\/2/.test(t), 'the Unread gloom view');
    expect(view).toContain('Gamma Miner Sells');
    expect(view).not.toContain('Alpha Bitcoin Rally');
    await daily.quit({ s, status });
  });

  it('at 80 columns the active view tab stays on the row when the tabs run past its edge', async () => {
    const views = Array.from({ length: 9 }, (_, i) => `[[views]]\nname = "ビュー number ${i + 1}"\nquery = "${i === 8 ? 'tag:hack' : 'tag:btc'}"\n`).join('');
    const { env } = daily.makeHome(`paths = ["NEWS"]\n${views}`, ARTICLES);
    const { s, status } = daily.start(env, { width: 80, height: 24 });
    await s.waitFor((t) => /Articles 1\/3/.test(t), 'the dashboard');
    s.send('9');
    const screen = await s.waitFor((t) => /Articles 1\/1/.test(t), 'view 9');
    const tabs = screen.split('\n')[1];
    expect(tabs).toContain('[9 ビュー number 9]');
    expect(tabs.startsWith('‹')).toBe(true);
    expect(screen).toContain('Beta Exchange Hack');
    await daily.quit({ s, status });
  });

  it('an h1 in Japanese is underlined across its whole width, not by two columns', async () => {
    const { env } = daily.makeHome(null, []);
    const file = path.join(repo, 'tests/fixtures/breaker/wide-heading.md');
    const { s, status } = daily.start(env, { args: `--no-cache ${file}`, width: 80, height: 24 });
    const screen = await s.waitFor((t) => t.includes('見出しの例') && t.includes('Überblick'), 'the body with its headings');
    const rows = screen.split('\n');
    const at = rows.findIndex((r) => r.includes('見出しの例'));
    // 見出しの例 is five wide characters: ten columns of rule under it.
    expect(rows[at + 1]).toContain('━'.repeat(10));
    const h2 = rows.findIndex((r) => r.includes('概要 🚀'));
    expect(rows[h2 + 1]).toMatch(/─{6,}/);
    await daily.quit({ s, status });
  });
});
