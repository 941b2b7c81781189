// The crypto-news dashboard's command-line side, through the built CLI with stdout piped: coins
// (`coin:` and JSON), stories (JSON ids and sizes, `--sort hot`) and the pulse (`--stats`).
// Expected answers are counted from data/ with js-yaml, not through the loader.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/run-child.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-dash-cli-'));
afterAll(() => fs.rmSync(cacheHome, { recursive: true, force: true }));
const tmp = tempDirs('cnt-dash-cli-folder-');

async function run(args: string[]) {
  const r = await runNode([cli, ...args], { cwd: repo, env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: cacheHome } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Front { title: string; sentiment: string; draft?: boolean; source: { name: string } }
const news = fs.readdirSync(path.join(repo, 'data', 'news')).filter((f) => f.endsWith('.md')).map((f) => {
  const text = fs.readFileSync(path.join(repo, 'data', 'news', f), 'utf8');
  return yaml.load(text.split('\n---\n')[0].replace(/^---\n/, '')) as Front;
});
const live = news.filter((n) => n.draft !== true);
const count = (s: string) => live.filter((n) => n.sentiment === s).length;

describe('--stats', () => {
  it("prints the pulse of --filter '' as text: sentiment counts, top sources, counts by week (the bundled folder spans more than a year)", async () => {
    const r = await run(['--filter', '', '--stats', 'data/news']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`articles: ${live.length}\n`);
    expect(r.stdout).toContain(`sentiment: positive ${count('POSITIVE')}, neutral ${count('NEUTRAL')}, negative ${count('NEGATIVE')}, none 0\n`);
    expect(r.stdout).toMatch(/^sources: \S/m);
    expect(r.stdout).toMatch(/^coins: .*BTC \d+/m);
    // Its newest 90 days hold fewer than half of its articles: counted by week, each from its Monday (2026-11-09 holds the 14th).
    expect(r.stdout).toMatch(/^per week \(\d{4}-\d{2}-\d{2} to 2026-11-\d{2}\): [▁▂▃▄▅▆▇█]+$/m);
    expect(r.stdout).toMatch(/^ {2}2026-11-09 \d+$/m);
    expect(await run(['--filter', 'since:2026-11-01', '--stats', 'data/news']).then((x) => x.stdout)).toMatch(/^ {2}2026-11-14 \d+$/m);
  });
  it('prints it as one JSON object with --print json, and exits 1 on no match', async () => {
    const r = await run(['--filter', 'coin:sol', '--stats', '--print', 'json', 'data/news']);
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout) as { total: number; coins: Array<{ value: string; count: number }> };
    expect(stats.coins[0]).toEqual({ value: 'SOL', label: 'SOL', count: stats.total });
    expect((await run(['--filter', 'zzqqxx', '--stats', 'data/news'])).code).toBe(1);
  });
  it('needs --filter', async () => {
    const r = await run(['--stats']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--stats needs --filter');
  });
  it('refuses a print format it would ignore', async () => {
    const r = await run(['--filter', '', '--stats', '--print', 'title', 'data/news']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--stats prints counts as text, or as JSON with --print json (not --print title)');
  });
});

describe('coins and stories in --print json', () => {
  let lines: Array<{ title: string; coins: string[]; story: string; storySize: number }> = [];
  beforeAll(async () => {
    lines = (await run(['--filter', '', '--print', 'json', 'data/news'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { title: string; coins: string[]; story: string; storySize: number });
  });
  it('gives every article its coins, a story id and the story size', () => {
    expect(lines).toHaveLength(live.length);
    for (const l of lines) {
      expect(Array.isArray(l.coins)).toBe(true);
      expect(l.story).toMatch(/^[0-9a-f]{12}$/);
      expect(l.storySize).toBe(lines.filter((o) => o.story === l.story).length);
    }
  });
  it('groups the bundled multi-outlet stories, and only them', () => {
    const ostrava = lines.filter((l) => /Ostrava/.test(l.title));
    expect(ostrava).toHaveLength(3);
    expect(new Set(ostrava.map((l) => l.story)).size).toBe(1);
    expect(lines.filter((l) => l.storySize > 1)).toHaveLength(8);
  });
  it('narrows to Solana news with coin:sol', async () => {
    const sol = (await run(['--filter', 'coin:solana', '--print', 'title', 'data/news'])).stdout.trim().split('\n');
    expect(sol.length).toBeGreaterThanOrEqual(5);
    expect(sol.every((t) => lines.find((l) => l.title === t)?.coins.includes('SOL'))).toBe(true);
    expect((await run(['--filter', 'coin:notacoin', 'data/news'])).code).toBe(2);
  });
});

describe('--sort hot', () => {
  it('puts the biggest recent story first', async () => {
    const r = await run(['--filter', '', '--sort', 'hot', '--print', 'json', '-n', '3', 'data/news']);
    const top = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { storySize: number; title: string });
    expect(top).toHaveLength(3);
    expect(top[0].storySize).toBe(3);
  });
});

describe('a coin only as a body cashtag', () => {
  it("is matched by coin: and listed by -p json, but --stats counts the chips' coins only (README says why)", async () => {
    const dir = tmp();
    const front = ['---', 'title: Bitcoin Miners Sell Into the Rally', 'date: 2026-11-10T09:00:00Z', 'source: Decrypt', '---', ''];
    fs.writeFileSync(path.join(dir, 'miners.md'), [...front, 'Traders also bought $DOGE on the news.', ''].join('\n'));
    const json = await run(['--no-cache', '-f', 'coin:doge', '-p', 'json', dir]);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout.trim().split('\n')[0]) as { coins: string[] }).coins).toEqual(['DOGE', 'BTC']);
    const stats = await run(['--no-cache', '-f', 'coin:doge', '--stats', dir]);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toContain('articles: 1\n');
    expect(stats.stdout).toMatch(/^coins: BTC 1$/m);
  });
});
