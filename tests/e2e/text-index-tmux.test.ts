// A cold start in a real terminal: the list comes first, then the index's full text is built in
// the background with its own progress in the status line (`indexing text N / M`), which goes
// away when it is done; the index it leaves holds every article's text.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cacheDirectory, indexFile } from '../../src/core/index/location.js';
import { hasTmux, TmuxSession } from './tmux.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
// Enough files, each with enough varied text, that the text build spans many progress reports
// (256 articles each) and lasts longer than a frame on a fast machine.
const COUNT = 4_000;
const WORDS = ['validators', 'staking', 'yields', 'fees', 'liquidity', 'bridge', 'custody', 'oracle', 'rollup', 'treasury', 'miners', 'hashrate', 'stablecoin', 'governance', 'airdrop', 'exchange', 'settlement', 'derivatives', 'lending', 'collateral'];
let root: string;
let session: TmuxSession | undefined;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-text-tmux-'));
  for (let f = 0; f < 4; f++) {
    const dir = path.join(root, 'news', `f${f}`);
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 0; i < COUNT / 4; i++) {
      const paragraphs: string[] = [];
      for (let p = 0; p < 40; p++) {
        const words = Array.from({ length: 24 }, (_, w) => `${WORDS[(i * 7 + p * 3 + w) % WORDS.length]}${(i + p * w) % 97}`);
        paragraphs.push(`Validators in region ${i} discuss staking ${words.join(' ')}.`);
      }
      const body = paragraphs.join('\n\n');
      fs.writeFileSync(path.join(dir, `n${i}.md`), `---\ntitle: Note ${f}-${i}\nsource: wire\npublishedAt: '2025-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z'\n---\n${body}`);
    }
  }
});
afterEach(() => session?.close());
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the full text built after the list, in a real terminal', () => {
  it('shows indexing progress after the list is up, and the index ends with every article\'s text', async () => {
    if (!hasTmux()) throw new Error('tmux is required for the terminal end-to-end tests (.ci/run installs it)');
    const cache = path.join(root, 'cache');
    const s = new TmuxSession(120, 30, repo, { XDG_CACHE_HOME: cache, XDG_CONFIG_HOME: path.join(root, 'config') });
    session = s;
    const status = path.join(s.dir, 'status.txt');
    const stream = s.record();
    s.type(`node ${cli} ${path.join(root, 'news')} > /dev/null; echo "exit=$?" > ${status}`);
    s.send('Enter');
    const fmt = COUNT.toLocaleString('en-US');
    // Everything the program draws, with its escape sequences taken out. It is read rather than
    // the screen because a fast machine indexes this corpus within a few polls of the screen.
    const drawn = (): string => stream().replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    const progressDrawn = /indexing text [\d,]+ \/ [\d,]+/;
    const deadline = Date.now() + 60_000;
    while (!progressDrawn.test(drawn()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // Then the progress goes away when the text is done, and the list shows every article.
    await s.waitFor((t) => t.includes(`${fmt}/${fmt}`) && !t.includes('indexing text'), 'the indexing to finish', 120_000);
    s.send('q');
    await s.waitForFile(status);
    // The text's progress was drawn, counting to the whole corpus, and only after the list's
    // loading progress had stopped: the list comes first.
    const all = drawn();
    const progress = [...all.matchAll(/indexing text ([\d,]+) \/ ([\d,]+)/g)];
    expect(progress.length).toBeGreaterThan(0);
    for (const m of progress) expect(m[2]).toBe(fmt);
    expect(all.lastIndexOf('loading ')).toBeLessThan(progress[0]!.index);
    const db = new Database(indexFile(cacheDirectory({ XDG_CACHE_HOME: cache }), [path.join(root, 'news')]), { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(COUNT);
      expect(db.prepare('SELECT count(*) FROM text_pending').pluck().get()).toBe(0);
      expect(db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'body : staking'").pluck().get()).toBe(COUNT);
    } finally {
      db.close();
    }
  }, 200_000);
  // Found 2026-12-06: a cold start on ~2,000 files (the smallest load whose rows go to the text
  // thread as they are parsed) kept `indexing text 0 / 2,000` in the status line for good: every
  // row was written as it came, none was left to flush, and the last progress never came.
  it('takes the progress away after a cold start of 2,000 files too', async () => {
    // Seed-shaped articles of ~3-4 KB (the benchmark's generator): with bodies that size every batch
    // is written as it comes. (Short bodies are held to the end and flushed, which reported.)
    const news = path.join(root, 'news2k');
    execFileSync(process.execPath, [path.join(repo, 'scripts', 'gen-corpus.mjs'), '2000', news], { stdio: 'ignore' });
    const s = new TmuxSession(120, 30, repo, { XDG_CACHE_HOME: path.join(root, 'cache2k'), XDG_CONFIG_HOME: path.join(root, 'config') });
    session = s;
    const status = path.join(s.dir, 'status.txt');
    const stream = s.record();
    s.type(`node ${cli} ${news} > /dev/null; echo "exit=$?" > ${status}`);
    s.send('Enter');
    // The progress drawn first (the screen may show the list before the text build starts), then gone.
    const deadline = Date.now() + 60_000;
    while (!/indexing text [\d,]+ \/ 2,000/.test(stream().replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await s.waitFor((t) => /\/2,000 /.test(t) && !t.includes('indexing text') && !t.includes('loading'), 'the indexing to finish', 60_000);
    s.send('q');
    expect(await s.waitForFile(status)).toBe('exit=130\n');
  }, 120_000);
});
