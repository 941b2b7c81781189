// The built CLI as a child process: stdout carries only results, stderr messages, and the exit
// code follows the contract (0 printed, 1 no match, 2 usage/query/path error, 130 cancelled).
// Expected answers come from an independent reading of data/ with js-yaml, not from the loader.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { CLI as cli, runChild, runCli } from '../helpers/run-child.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const seedPath = path.join(repo, 'data', 'news', 'bitfarms-wind-down.md');

async function run(args: string[], options: { cwd?: string; input?: string } = {}) {
  const result = await runCli(args, {
    cwd: options.cwd ?? repo,
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface SeedFront {
  title: string;
  publishedAt: string;
  source: { name: string; key: string };
  tags: string[];
  sentiment: string;
  draft?: boolean;
}

// Every seed-schema article in data/news, read without the product's loader.
const newsDir = path.join(repo, 'data', 'news');
const news = fs
  .readdirSync(newsDir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => {
    const text = fs.readFileSync(path.join(newsDir, f), 'utf8');
    const front = yaml.load(text.split(/^---$/m)[1]) as SeedFront;
    return { rel: `data/news/${f}`, front };
  });

const lines = (s: string) => s.split('\n').filter(Boolean).sort();

describe('crypto-news-tui CLI', () => {
  it('--help prints usage on stdout, exit 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: crypto-news-tui/);
    expect(r.stdout).toContain('--filter');
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
    expect((await run(['-V'])).stdout).toBe(`${pkg.version}\n`);
  });

  it('--filter bitfarms --print json names the seed article; a clean corpus warns about nothing', async () => {
    const r = await run(['--filter', 'bitfarms', '--print', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const first = JSON.parse(r.stdout.split('\n')[0]);
    expect(first.title).toBe("Bitfarms Will 'Wind Down' Bitcoin Mining and Pivot to AI After $46 Million Loss");
    expect(first.publishedAt).toBe('2025-11-14T02:13:55.000Z');
    expect(first.sentiment).toBe('negative');
    expect(first.sentimentAsWritten).toBe('NEGATIVE');
    expect(first.path).toBe('data/news/bitfarms-wind-down.md');
  });

  it('tag:mining since:2025-11-01 returns exactly the matching articles', async () => {
    const expected = news
      .filter(({ front }) => !front.draft)
      .filter(({ front }) => front.tags.some((t) => t.toLowerCase() === 'mining'))
      .filter(({ front }) => Date.parse(front.publishedAt) >= Date.parse('2025-11-01T00:00:00Z'))
      .map((a) => a.rel);
    expect(expected.length).toBeGreaterThan(2);
    const r = await run(['--filter', 'tag:mining since:2025-11-01', 'data/news']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual(expected.sort());
  });

  it('sentiment:negative -source:decrypt returns exactly the matching articles, newest first', async () => {
    const expected = news
      .filter(({ front }) => !front.draft)
      .filter(({ front }) => front.sentiment.toLowerCase() === 'negative')
      .filter(({ front }) => front.source.key !== 'decrypt' && front.source.name.toLowerCase() !== 'decrypt');
    expect(expected.length).toBeGreaterThan(2);
    const r = await run(['--filter', 'sentiment:negative -source:decrypt', 'data/news']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual(expected.map((a) => a.rel).sort());
    const newestFirst = [...expected].sort((a, b) => Date.parse(b.front.publishedAt) - Date.parse(a.front.publishedAt));
    expect(r.stdout.trimEnd().split('\n')[0]).toBe(newestFirst[0].rel);
  });

  it('--print markdown writes the file byte for byte when piped', async () => {
    const r = await run(['-f', 'bitfarms', '-p', 'markdown', '-n', '1']);
    expect(r.stdout).toBe(fs.readFileSync(seedPath, 'utf8'));
  });

  it('--print markdown gives a UTF-16 or Windows-1252 file as the text the loader read, not a replacement character for every accent', async () => {
    const dir = path.join(repo, 'tests/fixtures/cases/loader-more/encodings');
    const utf16 = await run(['--no-cache', '-f', 'zurich', '-p', 'markdown', dir]);
    expect(utf16.stdout).toBe('---\ntitle: Café Owners in Zürich Accept Bitcoin\ndate: 2025-11-02\n---\nNoël sales in 比特币 rose.\n');
    const cp1252 = await run(['--no-cache', '-f', 'creme', '-p', 'markdown', dir]);
    expect(cp1252.stdout).toBe('---\ntitle: Windows-1252 “Quotes” – Café Crème €100\ndate: 2025-11-03\n---\nPrices in € and £ fell; naïve readers.\n');
    // The title the list and --print title show is the same text.
    expect((await run(['--no-cache', '-f', 'creme', '-p', 'title', dir])).stdout).toBe('Windows-1252 “Quotes” – Café Crème €100\n');
  });

  it('--print title and --limit', async () => {
    const r = await run(['-f', '', '-p', 'title', '-n', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(3);
  });

  it('drafts are hidden unless asked for', async () => {
    const drafts = news.filter(({ front }) => front.draft).map((a) => a.rel).sort();
    expect(drafts.length).toBeGreaterThan(0);
    const all = lines((await run(['-f', '', 'data/news'])).stdout);
    for (const d of drafts) expect(all).not.toContain(d);
    expect(lines((await run(['-f', 'is:draft', 'data/news'])).stdout)).toEqual(drafts);
    expect(lines((await run(['-f', '', '--drafts', 'data/news'])).stdout)).toEqual(expect.arrayContaining(drafts));
  });

  it('no match: exit 1, nothing on stdout', async () => {
    const r = await run(['--filter', 'zzqxqzz-no-such-thing']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('a nonexistent path: exit 2 and a message naming it', async () => {
    const r = await run(['-f', 'x', 'no/such/folder']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no/such/folder: no such file or directory');
  });

  it('an empty path argument (an unset variable quoted): exit 2 and a message saying so, the dashboard and --filter alike', async () => {
    // Found by a tester: `crypto-news-tui ''` said `: no such file or directory`.
    for (const args of [[''], ['-f', 'x', ''], ['-f', 'x', 'data', '']]) {
      const r = await run(args);
      expect([r.code, r.stdout, r.stderr.trim()], JSON.stringify(args)).toEqual([2, '', 'crypto-news-tui: an empty path argument names no file or folder']);
    }
  });

  it('a malformed query: exit 2 and a message naming the bad term', async () => {
    const r = await run(['--filter', 'bitcoin foo:bar']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('foo:bar');
  });

  it('a usage error: exit 2 with a hint', async () => {
    const r = await run(['--print', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Try 'crypto-news-tui --help'");
  });

  it('without --filter and with no terminal at all: exit 2 suggesting --filter', async () => {
    // setsid detaches from any controlling terminal, so /dev/tty cannot be opened either.
    const r = await runChild('setsid', ['-w', process.execPath, cli], { input: '' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--filter');
  });

  it('a reader that goes away (| head -1) ends quietly', async () => {
    const r = await runChild('bash', ['-c', `set -o pipefail; node ${cli} -f '' -p json | head -c 100 >/dev/null`], {
      cwd: repo,
    });
    expect(r.stderr).toBe('');
    expect([0, 141]).toContain(r.status);
  });

  it('a Jekyll _posts folder loads with titles and file-name dates and no warnings', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-jekyll-'));
    const posts = path.join(dir, 'myblog', '_posts');
    fs.mkdirSync(posts, { recursive: true });
    fs.writeFileSync(
      path.join(posts, '2024-01-05-hello-halving.md'),
      '---\nlayout: post\ntitle: "Hello, halving"\ncategories: markets btc\n---\n{% include toc.html %}\nIntro {{ site.baseurl }}\n{:.lead}\n\nSee [the docs][1].\n\n[1]: https://example.com\n',
    );
    fs.writeFileSync(path.join(posts, '2023-12-24-no-title-here.md'), '---\nlayout: post\n---\nJust a body.\n');
    const r = await run(['-f', '', '-p', 'json', posts]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const got = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(got.map((a) => [a.title, a.publishedAt.slice(0, 10)])).toEqual([
      ['Hello, halving', '2024-01-05'],
      ['no title here', '2023-12-24'],
    ]);
    expect(got[0].categories).toEqual(['markets', 'btc']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  it('--view NAME with --filter filters as the view does: its query AND the filter, its sort unless -s says', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-view-'));
    const config = path.join(dir, 'config.toml');
    fs.writeFileSync(config, '[[views]]\nname = "Bitcoin"\nquery = "tag:btc"\n[[views]]\nname = "Gloom"\nquery = "sentiment:negative"\nsort = "title"\n');
    const btc = news.filter((a) => !a.front.draft && a.front.tags.some((t) => t.toLowerCase() === 'btc'));
    expect(btc.length).toBeGreaterThan(0);
    const inView = await run(['--config', config, '--view', 'bitcoin', '-f', '', '--no-cache']);
    expect(inView.code).toBe(0);
    expect(inView.stdout.trimEnd().split('\n').sort()).toEqual(btc.map((a) => a.rel).sort());
    // The filter's own terms are ANDed with the view's.
    const both = await run(['--config', config, '--view', 'bitcoin', '-f', 'etf', '-p', 'title', '--no-cache']);
    const same = await run(['--config', config, '-f', 'tag:btc etf', '-p', 'title', '--no-cache']);
    expect(both.stdout).toBe(same.stdout);
    // The view's sort (title), unless -s gives another.
    const gloom = (await run(['--config', config, '--view', 'gloom', '-f', '', '-p', 'title', '--no-cache'])).stdout.trimEnd().split('\n');
    expect(gloom.length).toBeGreaterThan(1);
    expect(gloom).toEqual([...gloom].sort((a, b) => a.localeCompare(b)));
    const byDate = (await run(['--config', config, '--view', 'gloom', '-f', '', '-p', 'title', '-s', 'date', '--no-cache'])).stdout.trimEnd().split('\n');
    expect(byDate.sort()).toEqual([...gloom].sort());
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
