// Keys sent in one burst with `s` (sort cycling) act on the rows of the order `s` asks for, not on
// the order on screen when they were read: Enter prints, and `m` marks, what the re-sorted list
// shows. And a sort that changes nothing visible (one article) still answers: the keys never wait
// for ever. Found by a tester: `s s s Enter` printed the article under the cursor in the old order.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeOutput } from '../helpers/run-child.js';
import { cli, dailyHarness, type DailyArticle } from './daily-home.js';

const daily = dailyHarness('cnt-burst-sort-');
const body = (title: string): string => `Body of ${title}.\n`;
// By date (the start's order): Gamma, Beta, Alpha. By title: Alpha, Beta, Gamma. Alpha's score puts
// it first by score and by hot too (its points outweigh its age).
const ARTICLES: DailyArticle[] = [
  { name: 'alpha', day: 13, title: 'Alpha Bitcoin Rally', extra: 'score: 1000\n', body: body('Alpha') },
  { name: 'beta', day: 14, title: 'Beta Ether Upgrade', extra: '', body: body('Beta') },
  { name: 'gamma', day: 15, title: 'Gamma Bitcoin Miners Sell', extra: '', body: body('Gamma') },
];

/** Starts the dashboard on a folder of `articles` and waits for its first screen (`n` rows, by date). */
async function started(articles: readonly DailyArticle[], first: string) {
  const { env, news } = daily.makeHome(null, articles);
  const run = daily.start(env, { args: `--no-config ${news}`, width: 100, height: 24 });
  const n = articles.length;
  await run.s.waitFor((t) => t.includes(first) && t.includes(`${n}/${n}`) && t.includes('sort: date'), 'the list by date');
  return { ...run, env, news };
}

describe('keys sent in one burst with s', () => {
  // Title, score, hot: each press one step on from the date order, in the same burst as Enter.
  for (const [burst, sort] of [[['s'], 'title'], [['s', 's', 's'], 'hot']] as const) {
    it(`${burst.join(' ')} Enter prints the first row of the ${sort} order`, async () => {
      const { s, out, status } = await started(ARTICLES, 'Gamma Bitcoin');
      s.send(...burst, 'Enter');
      expect(await s.waitForFile(status)).toBe('exit=0\n');
      expect(fs.readFileSync(out, 'utf8')).toMatch(/\/alpha\.md\n$/);
    });
  }

  it("s j j m marks the third row of the title order (Gamma), not the date order's (Alpha)", async () => {
    const { s, status, env, news } = await started(ARTICLES, 'Gamma Bitcoin');
    s.send('s', 'j', 'j', 'm');
    await s.waitFor((t) => t.includes('sort: title') && t.includes('2 unread'), 'the mark in the title order');
    await daily.quit({ s, status });
    const read = await nodeOutput([cli, '--no-config', '--filter', 'is:read', '-p', 'title', news], { env: { ...process.env, ...env } });
    expect(read).toBe('Gamma Bitcoin Miners Sell\n');
  });

  // One article: every order gives the same row, and the answer to the sort must still come.
  for (const burst of [['s'], ['s', 's', 's'], ['s', 's', 's', 's', 's']]) {
    it(`${burst.join(' ')} Enter over one article prints it (the keys do not wait for ever)`, async () => {
      const { s, out, status } = await started(ARTICLES.slice(0, 1), 'Alpha Bitcoin');
      s.send(...burst, 'Enter');
      expect(await s.waitForFile(status, 20_000)).toBe('exit=0\n');
      expect(fs.readFileSync(out, 'utf8')).toMatch(/\/alpha\.md\n$/);
    });
  }
});
