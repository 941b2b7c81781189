// The warm start in a real terminal: a second run draws the list the index held last time before
// the files are checked, then the list the load found. An edited title, a deleted and an added
// file all show once the load is done, and the count is exact.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copiedCorpus, hasTmux, TmuxSession } from './tmux.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');

const copy = copiedCorpus('cnt-warm-e2e-');

const loaded = (t: string) => t.includes('? help') && /(?:Articles|Stories) 1\/\d+/.test(t) && !/loading|finding files/.test(t);

async function run(width: number, height: number): Promise<string> {
  if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
  copy.session?.close();
  copy.session = undefined;
  const s = new TmuxSession(width, height, repo, { XDG_CACHE_HOME: path.join(copy.root, 'cache'), XDG_CONFIG_HOME: path.join(copy.root, 'config') });
  copy.session = s;
  s.type(`node ${cli} ${copy.corpus}`);
  s.send('Enter');
  return s.waitFor(loaded, 'the loaded list');
}

async function search(text: string): Promise<string> {
  const s = copy.session!;
  s.type('/');
  s.type(text);
  return s.waitFor((t) => t.includes(`/ ${text}`) && /▶.*Warmstart Edited Headline/.test(t), `the results for ${text}`);
}

describe('warm start', () => {
  it('a second run of an unchanged folder shows the same pulse counts as the first', async () => {
    // Counts are drawn after the list: wait for the strip's sentiment counts themselves.
    const pulse = (t: string) => /▲ (\d+) ● (\d+) ▼ (\d+)/.exec(t)?.slice(1).join(' ') ?? null;
    const counted = (t: string) => loaded(t) && /▲ [1-9]\d* ● \d+ ▼ \d+ [█▒░]/.test(t);
    await run(120, 35);
    const first = pulse(await copy.session!.waitFor(counted, 'the first run\'s pulse counts'));
    await run(120, 35);
    const second = await copy.session!.waitFor((t) => counted(t) || (loaded(t) && /▲ 0 ● 0 ▼ 0/.test(t)), 'the second run\'s pulse counts');
    expect(pulse(second)).toBe(first);
    // The warm page's counts come first; the load's replace them within a second or two (they
    // were all zeros): the strip must still read the same once that has happened.
    const until = Date.now() + 2500;
    while (Date.now() < until) {
      expect(pulse(copy.session!.screen())).toBe(first);
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  it('a second run of a folder bigger than the warm page never draws the page\'s counts as the pulse', async () => {
    // 1,100 articles: the warm start's page holds the newest 1,000. The page is a quarter
    // negative, the folder's oldest 100 all negative: the page's counts differ from the folder's.
    fs.rmSync(copy.corpus, { recursive: true, force: true });
    fs.mkdirSync(copy.corpus);
    for (let i = 0; i < 1100; i++) {
      const sentiment = i >= 1000 || i % 4 === 0 ? 'NEGATIVE' : 'POSITIVE';
      const day = new Date(Date.UTC(2026, 0, 1) - i * 3_600_000).toISOString();
      fs.writeFileSync(path.join(copy.corpus, `a${i}.md`), `---\ntitle: Generated story ${i}\npublishedAt: '${day}'\nsource: Decrypt\nsentiment: ${sentiment}\n---\nBody ${i}.\n`);
    }
    const pulse = (t: string) => /▲ ([\d,]+) ● ([\d,]+) ▼ ([\d,]+)/.exec(t)?.slice(1).join(' ') ?? null;
    await run(120, 35);
    const first = pulse(await copy.session!.waitFor((t) => loaded(t) && /▲ [\d,]+ ● [\d,]+ ▼ [1-9][\d,]* [█▒░]/.test(t), 'the first run\'s pulse counts'));
    expect(first).toBe('750 0 350');
    // The second run: every pulse the strip shows, from the page's first frame on, is the folder's.
    copy.session!.close();
    const s = new TmuxSession(120, 35, repo, { XDG_CACHE_HOME: path.join(copy.root, 'cache'), XDG_CONFIG_HOME: path.join(copy.root, 'config') });
    copy.session = s;
    s.type(`node ${cli} ${copy.corpus}`);
    s.send('Enter');
    // Until the folder's counts show (the load's facts), and a second beyond: the strip may read
    // `counting…` meanwhile, never other numbers.
    const seen = new Set<string>();
    let until = Date.now() + 60_000;
    while (Date.now() < until) {
      const p = pulse(s.screen());
      if (p) {
        if (!seen.has(p) && p === first) until = Math.min(until, Date.now() + 1000);
        seen.add(p);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect([...seen]).toEqual([first]);
  }, 120_000);

  it('a second run lists what changed since the first: edited, deleted and added files, exact count', async () => {
    const first = await run(120, 35);
    // The articles listed (the title counts rows: `Stories 1/70 · 75 articles` where stories fold).
    const articlesOf = (t: string): number => Number((([, a, b]) => a ?? b)(/Articles 1\/(\d+)|Stories 1\/\d+ · (\d+) articles/.exec(t)!));
    const count = articlesOf(first);
    // Edit a title, delete a listed article, add one newer than every other (the list's first row;
    // dated a minute ago, since one dated ahead of the clock is not listed yet: README, Drafts).
    const edited = path.join(copy.corpus, 'bitfarms-wind-down.md');
    fs.writeFileSync(edited, fs.readFileSync(edited, 'utf8').replace(/^title: .*$/m, 'title: Warmstart Edited Headline'));
    fs.rmSync(path.join(copy.corpus, 'anchorline-dollar-depeg.md'));
    fs.writeFileSync(path.join(copy.corpus, 'zz-added.md'), `---\ntitle: Warmstart Added Story\npublishedAt: '${new Date(Date.now() - 60_000).toISOString()}'\nsource: Decrypt\n---\nBody.\n`);

    const second = await run(120, 35);
    expect(articlesOf(second)).toBe(count);
    expect(second).toContain('Warmstart Added Story');
    expect(second).toMatch(new RegExp(`${count}/${count + 3}\\b`));
    // The edited article, found by its new title.
    const found = await search('Warmstart Edited');
    expect(found).toContain('Warmstart Edited Headline');
  });
});
